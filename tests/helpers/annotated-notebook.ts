import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../src-main/contract';
import { analyseArticle } from '../../src-main/core/article/analyse-article';
import type { ArticleRecord } from '../../src-main/core/article/article-record';
import { normaliseStoredText } from '../../src-main/core/text/normalise-text';
import { repoRoot, readSeed } from './seeds';

type Spec = {
  importedAt: string;
  articles: Array<{
    seed: string;
    id: string;
    tags: string[];
    userMeta: ArticleRecord['userMeta'];
    annotations: Array<{
      id: string;
      exact: string;
      note: string;
      tags: string[];
      color: Annotation['color'];
      createdAt: string;
      orphaned?: boolean;
    }>;
  }>;
};

const spec = JSON.parse(readFileSync(join(repoRoot, 'tests', 'fixtures', 'annotated-notebook.json'), 'utf8')) as Spec;
const cp = (s: string, units: number) => [...s.slice(0, units)].length;

/**
 * The fixed annotated notebook (tests/fixtures/annotated-notebook.json) as article records: the seeds with
 * fixed ids and times, each annotation anchored where its quote is in the clean text. Deterministic, so
 * exports of it can be compared with golden files.
 */
export function annotatedRecords(): ArticleRecord[] {
  return spec.articles.map((a) => {
    const raw = normaliseStoredText(readSeed(a.seed));
    const analysis = analyseArticle(raw);
    const body = analysis.body;
    const annotations: Annotation[] = a.annotations.map((n) => {
      const start = body.indexOf(n.exact);
      if (!n.orphaned && start < 0) throw new Error(`fixture quote not in ${a.seed}: ${n.exact}`);
      const end = start + n.exact.length;
      return {
        id: n.id,
        articleId: a.id,
        createdAt: n.createdAt,
        updatedAt: n.createdAt.replace(/T09/, 'T10'),
        color: n.color,
        note: n.note,
        tags: n.tags,
        quote: n.orphaned
          ? { exact: n.exact, prefix: '', suffix: '' }
          : { exact: n.exact, prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32) },
        position: n.orphaned ? { start: 120, end: 120 + [...n.exact].length } : { start: cp(body, start), end: cp(body, end) },
        anchor: n.orphaned ? { status: 'orphaned', start: null, end: null } : { status: 'ok', start, end },
      };
    });
    return {
      id: a.id,
      file: `${a.seed}seed.txt`,
      encoding: 'utf-8',
      importedAt: spec.importedAt,
      updatedAt: spec.importedAt,
      raw,
      fingerprint: `fixture-${a.id}`,
      analysis,
      userMeta: a.userMeta,
      tags: a.tags,
      annotations,
    };
  });
}
