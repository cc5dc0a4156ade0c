/** The catalog as the index compares itself with it: every id and its last change, in catalog order. */
export type CatalogVersions = { ids: string; updatedAt: string };

export function catalogVersions(rows: Iterable<{ id: string; updatedAt: string }>): CatalogVersions {
  const ids: string[] = [];
  const updatedAt: string[] = [];
  for (const row of rows) {
    ids.push(row.id);
    updatedAt.push(row.updatedAt);
  }
  return { ids: ids.join('\n'), updatedAt: updatedAt.join('\n') };
}
