import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A BBC News story as the benchmarks reuse it: its title line and its paragraphs. */
export type BbcSource = { title: string; paragraphs: string[] };

/** The outlets the benchmark corpora spread their articles over. */
export const BENCH_OUTLETS = [
  'BBC News',
  'Reuters',
  'Al Jazeera',
  'TRT World',
  'Shafaq News',
  'The New Arab',
  'Daily Sabah',
  'Anadolu Agency',
  'The Guardian',
  'France 24',
  'Deutsche Welle',
  'Asharq Al-Awsat',
];

/**
 * Every story of the BBC corpus (../shared/corpora/01-bbc-news-fulltext, its folder or the `bbc/` inside),
 * in a stable order. With `dedupe`, copies of the same text (the 98 byte-identical pairs and a few
 * near-copies) are kept once.
 */
export function loadBbcSources(bbcDir: string, { dedupe }: { dedupe: boolean }): BbcSource[] {
  const root = existsSync(join(bbcDir, 'bbc')) ? join(bbcDir, 'bbc') : bbcDir;
  const out: BbcSource[] = [];
  const seen = new Set<string>();
  for (const cat of readdirSync(root).sort()) {
    const dir = join(root, cat);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      // One file (sport/199.txt) is Latin-1; reading it as such keeps its £ sign.
      const bytes = readFileSync(join(dir, f));
      const utf8 = bytes.toString('utf8');
      const text = utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
      if (dedupe) {
        const key = text
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const [title = '', ...rest] = text.split('\n');
      const paragraphs = rest
        .join('\n')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      if (title.trim() && paragraphs.length) out.push({ title: title.trim(), paragraphs });
    }
  }
  return out;
}
