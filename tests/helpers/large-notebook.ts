/**
 * A large generated notebook, written straight through the store in batches (no import pipeline), so an
 * end-to-end test can have 10,000 articles in a few seconds. Run as a script by the e2e fixture:
 *   node --import tsx tests/helpers/large-notebook.ts <folder> <articles> <annotations>
 *
 * What is generated, so tests can say which row is where:
 * - article i (0-based) is titled `Scale article 00042 …`, dated 2000-01-01 plus i days (so the library's
 *   default order, newest first, ends with article 0), from one of OUTLETS (i modulo their number);
 * - annotations go to articles 0, 1, 2… (one each), quoting the first sentence, noted `Scale note 00042`
 *   and tagged `scale/test`.
 */
import { fileURLToPath } from 'node:url';
import { analyseArticle } from '../../src-main/core/article/analyse-article';
import type { ArticleRecord } from '../../src-main/core/article/article-record';
import { buildAnnotation } from '../../src-main/core/annotations/build-annotation';
import { newAnnotationId } from '../../src-main/services/annotations/new-id';
import { fingerprintOf, newArticleId } from '../../src-main/services/importer/import-articles';
import { NotebookStore } from '../../src-main/services/store/notebook-store';

export const OUTLETS = ['Anadolu Agency', 'Al Jazeera', 'BBC News', 'Daily Sabah', 'Enab Baladi', 'Reuters', 'Shafaq News', 'TRT World'];
const SENTENCES = [
  'Officials from both countries met in Ankara to discuss border security and cooperation.',
  'The foreign ministers said intelligence sharing would continue after the talks.',
  'A defence delegation toured the border crossing and met local commanders.',
  'Analysts said the meeting marked a shift in the relations between the two governments.',
];
const BATCH = 1000;

export const scaleTitle = (i: number) => `Scale article ${String(i).padStart(5, '0')}`;
export const scaleNote = (i: number) => `Scale note ${String(i).padStart(5, '0')}`;
const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** Analysing text is the slow part: do it once per template and share the result (records are serialised one by one). */
const templates = SENTENCES.map((_, k) => {
  const raw = `${[...SENTENCES.slice(k), ...SENTENCES.slice(0, k)].join(' ')}\n\n${SENTENCES.join(' ')}\n`;
  const analysis = analyseArticle(raw);
  return { raw, analysis, fingerprint: fingerprintOf(analysis, raw) };
});

function record(i: number, annotated: boolean): ArticleRecord {
  const t = templates[i % templates.length]!;
  const id = newArticleId();
  const at = new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
  const body = t.analysis.body;
  const end = body.indexOf('.') + 1;
  const annotations = annotated
    ? [
        buildAnnotation(
          body,
          { articleId: id, target: { start: 0, end }, color: 'yellow', note: scaleNote(i), tags: ['scale/test'] },
          newAnnotationId(),
          at,
        ),
      ]
    : [];
  return {
    id,
    format: 'text',
    file: `scale-${i}.txt`,
    encoding: 'utf-8',
    importedAt: at,
    updatedAt: at,
    raw: t.raw,
    fingerprint: `${t.fingerprint.slice(0, 20)}${String(i).padStart(12, '0')}`,
    analysis: t.analysis,
    userMeta: { title: scaleTitle(i), outlet: OUTLETS[i % OUTLETS.length]!, publishedAt: day(i) },
    tags: [],
    annotations,
  };
}

export async function buildLargeNotebook(folder: string, articles: number, annotations: number): Promise<void> {
  const store = await NotebookStore.open(folder, { create: true, durability: 'none' });
  for (let from = 0; from < articles; from += BATCH) {
    const batch = [];
    for (let i = from; i < Math.min(articles, from + BATCH); i++) batch.push(record(i, i < annotations));
    await store.putArticles(batch);
  }
  await store.flush();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, articles, annotations] = process.argv.slice(2);
  if (!folder || !articles) throw new Error('usage: large-notebook.ts <folder> <articles> [annotations]');
  await buildLargeNotebook(folder, Number(articles), Number(annotations ?? 0));
}
