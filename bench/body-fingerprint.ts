/**
 * `npx tsx bench/body-fingerprint.ts`: one SHA-256 over every seed's clean body and one over the BBC corpus's
 * 2,225 bodies, as the analyser reads them today. Rules for whole pasted pages and saved pages must leave
 * these texts alone (they have no page furniture), so the two figures are compared before and after a change.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyseArticle } from '../src-main/core/article/analyse-article';
import { seedFiles, seedsDir } from '../tests/helpers/seeds';
import { corpusOrSkip } from './bench-utils';

const fingerprint = (files: string[]) => {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\n${analyseArticle(readFileSync(f, 'utf8')).body}\n\0`);
  return h.digest('hex').slice(0, 16);
};

console.log(`seeds (${seedFiles.length}): ${fingerprint(seedFiles.map((f) => join(seedsDir, f)))}`);
const bbc = corpusOrSkip('01-bbc-news-fulltext');
if (bbc) {
  const root = join(bbc, 'bbc');
  const files = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(root, d.name, f)))
    .sort();
  console.log(`BBC (${files.length}): ${fingerprint(files)}`);
}
