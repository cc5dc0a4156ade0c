const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

export function languageName(code: string | null): string {
  if (!code) return 'Unknown language';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "12 Oct 2025" from "2025-10-12", in the user's locale, without time-zone drift. */
export function formatDate(iso: string | null): string {
  if (!iso) return 'No date';
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString()} ${n === 1 ? word : many}`;

/** "30 Nov 2026, 14:00" from an ISO time, in the user's locale and time zone: when a page was fetched or changed. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
