import type { Annotation, AnnotationListItem, TagInfo } from '../../../contract';

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function formatAnnotation(a: Annotation): string {
  const lines = [`${a.id}  ${a.color}  ${a.anchor.status}`, `  “${oneLine(a.quote.exact, 200)}”`];
  if (a.note) lines.push(`  note: ${oneLine(a.note, 200)}`);
  if (a.tags.length) lines.push(`  tags: ${a.tags.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatAnnotations(items: AnnotationListItem[]): string {
  if (items.length === 0) return 'No annotations match.\n';
  const out: string[] = [];
  let article = '';
  for (const a of items) {
    if (a.articleId !== article) {
      article = a.articleId;
      out.push(`${a.article.title} (${a.article.outlet ?? 'unknown outlet'}, ${a.articleId})`);
    }
    out.push(formatAnnotation(a).replace(/^/gm, '  ').trimEnd());
  }
  return `${out.join('\n')}\n${items.length} annotation(s)\n`;
}

export function formatTags(tags: TagInfo[]): string {
  if (tags.length === 0) return 'No tags yet. Tag an article with "parallax tag <articleId> <tag>".\n';
  const rows = tags.map((t) => {
    const depth = t.name.split('/').length - 1;
    const label = `${'  '.repeat(depth)}${t.name.split('/').pop()}`;
    const counts = `${t.totalArticles} article(s), ${t.totalPassages} passage(s)`;
    return `${label.padEnd(32)} ${counts}${t.color ? `  ${t.color}` : ''}`;
  });
  return `${rows.join('\n')}\n`;
}
