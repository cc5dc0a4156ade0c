import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseArticle } from '../../src-main/core/article/analyse-article';
import type { CompareInput } from '../../src-main/core/compare/sentences';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const sampleDir = join(repo, 'resources', 'sample');
export const seedFiles = [
  '000_8f741ed5d6140f33.txt',
  '001_c782305633c927ff.txt',
  '002_0459e162968e0f03.txt',
  '003_7604c3ab70cf3cc1.txt',
  '004_4b5ef02172552f62.txt',
];

/** Analyse raw text as the importer does and shape it for the comparison. */
export function inputFromText(id: string, raw: string, file = id): CompareInput {
  const a = analyseArticle(raw);
  return {
    id,
    title: a.meta.title.value ?? file,
    outlet: a.meta.outlet.value,
    publishedAt: a.meta.publishedAt.value,
    language: a.meta.language.value,
    body: a.body,
    blocks: a.blocks,
  };
}

/** The five seeds with ids `seed0000`…`seed0004`, in file order. */
export function seedInputs(): CompareInput[] {
  return seedFiles.map((f, i) => inputFromText(`seed000${i}`, readFileSync(join(sampleDir, f), 'utf8'), f));
}

export const bbcDir = join(repo, '..', 'shared', 'corpora', '01-bbc-news-fulltext', 'bbc');
const bbcFallback = '/work/shared/corpora/01-bbc-news-fulltext/bbc';

/** BBC News articles by category, or null when the corpus is not on this machine. */
export function bbcArticles(perCategory: number): Record<string, CompareInput[]> | null {
  const dir = existsSync(bbcDir) ? bbcDir : existsSync(bbcFallback) ? bbcFallback : null;
  if (!dir) return null;
  const out: Record<string, CompareInput[]> = {};
  for (const cat of readdirSync(dir)
    .sort()
    .filter((c) => statSync(join(dir, c)).isDirectory())) {
    const files = readdirSync(join(dir, cat))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, perCategory);
    out[cat] = files.map((f, i) =>
      inputFromText(`bbc${cat.slice(0, 3)}${String(i).padStart(5, '0')}`, readFileSync(join(dir, cat, f), 'utf8'), `${cat}/${f}`),
    );
  }
  return out;
}
