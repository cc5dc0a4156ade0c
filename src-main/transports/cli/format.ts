import type { ArticleSummary, ImportReport, TagCredit } from '../../contract';
import { tagCreditText } from '../../../src-shared/tag-credit';

/** A value shown on one line (a title, a file name): a line break in it is shown as `\n`, never acted on. */
export const oneLine = (s: string) => s.replace(/\n/g, '\\n');

const cell = (s: string | null | undefined, width: number) => {
  const t = (s ?? '—').replace(/\s+/g, ' ');
  return t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
};

export function formatList(items: ArticleSummary[]): string {
  if (items.length === 0) return 'The notebook has no articles yet. Add some with "parallax import <file or folder>".\n';
  const head = `${cell('ID', 16)}  ${cell('DATE', 10)}  ${cell('OUTLET', 18)}  ${cell('LANG', 4)}  ${cell('WORDS', 5)}  TITLE`;
  const rows = items.map(
    (a) =>
      `${cell(a.id, 16)}  ${cell(a.publishedAt, 10)}  ${cell(a.outlet, 18)}  ${cell(a.language, 4)}  ${String(a.wordCount).padStart(5)}  ${oneLine(a.title)}`,
  );
  return `${[head, ...rows].join('\n')}\n${items.length} article(s)\n`;
}

export function formatImport(r: ImportReport): string {
  const lines = [
    ...r.imported.map((a) => `imported   ${a.id}  ${oneLine(a.title)}  (${oneLine(a.file)})`),
    ...r.duplicates.map((d) => `duplicate  ${d.id}  ${oneLine(d.file)} is already in the notebook`),
    ...r.errors.map((e) => `error      ${e.code}  ${e.message}`),
    ...(r.annotations
      ? [`annotations: ${r.annotations.added} added, ${r.annotations.updated} updated, ${r.annotations.unchanged} unchanged`]
      : []),
    ...(r.stories ? [`stories: ${r.stories.created} created, ${r.stories.extended} given more articles`] : []),
    ...(r.tagColours ? [`tag colours: ${r.tagColours.added} added`] : []),
    ...(r.tagColours?.kept ?? []).map((k) => `tag colour kept: ${k.tag} stays ${k.color} (the backup has ${k.backup})`),
    `${r.imported.length} imported, ${r.duplicates.length} duplicate(s), ${r.errors.length} error(s)`,
  ];
  return `${lines.join('\n')}\n`;
}

/** A tag with who put it on: "ankara (added by Ada, 2026-12-02)". */
function creditedTags(a: { tags: string[]; tagCredits?: TagCredit[] }): string | null {
  const credits = new Map((a.tagCredits ?? []).map((c) => [c.tag, tagCreditText(c)]));
  const tags = a.tags.map((t) => (credits.get(t) ? `${t} (${credits.get(t)})` : t));
  return tags.join(', ') || null;
}

export function formatShow(a: ArticleSummary & { body: string; boilerplate: string[]; tagCredits?: TagCredit[] }): string {
  const field = (k: string, v: string | null | number) => `${k.padEnd(10)} ${v ?? '—'}`;
  return [
    oneLine(a.title),
    '',
    field('id', a.id),
    field('outlet', a.outlet),
    field('date', a.publishedAt),
    field('author', a.author),
    field('dateline', a.dateline),
    field('language', a.language),
    field('url', a.url),
    field('tags', creditedTags(a)),
    field('words', a.wordCount),
    field('file', a.file && oneLine(a.file)),
    '',
    a.body,
    '',
    `(${a.boilerplate.length} boilerplate line(s) hidden; --json shows them and the raw text)`,
    '',
  ].join('\n');
}
