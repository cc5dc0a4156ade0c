/**
 * `npx tsx bench/import-page-diff.ts <key prefix>…`: one saved page of the article-extraction benchmark read
 * as Parallax reads it, line by line against the human-marked body, to find why a page scores low. Body lines
 * with words the marked body lacks are shown `+`, marked lines missing from the body `-`, and for each hidden
 * line holding marked text, its reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyseSource, prepareRaw } from '../src-main/services/importer/formats/analyse-source';
import { corpusOrSkip } from './bench-utils';
import { scorePage, shingles } from './extraction-metric';

const dir = corpusOrSkip('07-article-extraction-benchmark');
if (dir) {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  for (const prefix of process.argv.slice(2)) {
    const key = Object.keys(truth).find((k) => k.startsWith(prefix));
    if (!key) {
      console.log(`no page ${prefix}`);
      continue;
    }
    const html = gunzipSync(readFileSync(join(dir, 'html', `${key}.html.gz`))).toString('utf8');
    const { analysis } = analyseSource('html', prepareRaw('html', html), `${key}.html`);
    const gold = truth[key]!.articleBody;
    const s = scorePage(analysis.body, gold);
    console.log(`== ${key.slice(0, 8)} ${truth[key]!.url} F1 ${((2 * s.tp) / (2 * s.tp + s.fp + s.fn)).toFixed(3)}`);
    const goldSh = shingles(gold);
    const bodySh = shingles(analysis.body);
    const share = (text: string, other: Map<string, number>) => {
      const sh = [...shingles(text).keys()];
      return sh.length ? sh.filter((x) => other.has(x)).length / sh.length : 1;
    };
    for (const b of analysis.blocks) {
      const inGold = share(b.text, goldSh);
      const clip = b.text.length > 160 ? `${b.text.slice(0, 160)}…` : b.text;
      if (b.kind === 'boilerplate' || b.kind === 'meta') {
        if (inGold > 0.5) console.log(`  H [${b.reason}] ${clip}`);
      } else if (inGold < 0.5) console.log(`  + (${b.kind}) ${clip}`);
    }
    for (const line of gold.split(/\n+/)) if (line.trim() && share(line, bodySh) < 0.5) console.log(`  - ${line.slice(0, 160)}`);
  }
}
