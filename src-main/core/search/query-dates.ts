const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * `before:`/`after:` values as one ISO day, compared strictly. A whole year or month counts as a period:
 * `before:2025` is before 2025-01-01, `after:2025-10` is after 2025-10-31. Null when it is not a date.
 */
export function parseDateFilter(value: string, side: 'before' | 'after'): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1000) return null;
  if (m[3] !== undefined) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    if (side === 'before') return `${y}-${pad(mo)}-01`;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return `${y}-${pad(mo)}-${pad(last)}`;
  }
  return side === 'before' ? `${y}-01-01` : `${y}-12-31`;
}
