/**
 * How a tag's credit reads, in the reader's chip and in `parallax show`: "added by Ana, 2 Dec 2026", or
 * "added 2 Dec 2026" for a tag put on outside a team; null for a tag put on before tags said who added
 * them. `day` writes the date (the app in the user's locale; the CLI as ISO 8601).
 */
export function tagCreditText(credit: { by: string | null; at: string | null }, day: (isoDate: string) => string = (d) => d): string | null {
  const when = credit.at ? day(credit.at.slice(0, 10)) : null;
  if (credit.by) return when ? `added by ${credit.by}, ${when}` : `added by ${credit.by}`;
  return when ? `added ${when}` : null;
}
