/**
 * Dates in a PDF's metadata: the Info dictionary's `D:YYYYMMDDHHmmSSOHH'mm'` (ISO 32000-1, 7.9.4; every
 * part after the year optional) and XMP's ISO 8601. Only the calendar day is kept, as the document wrote
 * it (its own time zone), the way a printed date is read. Anything else gives null: never a guess.
 */
export function pdfDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v) ?? null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : m && m[2] && m[3] ? [m[1], m[2], m[3]] : [];
  if (!y || !mo || !d) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Producers write 1970 or 0000 for "unknown"; a document dated before print, or after 2200, is not believed.
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${y}-${mo}-${d}`;
}
