/**
 * `npm run eval:sentences`: the one sentence splitter (src-shared/sentences.ts) against the platform's
 * segmenter alone, on the AllSides development texts (headlines, lead paragraphs and roundups of 253
 * stories; ../shared/corpora/08-allsides-same-event-dev/, skipped with a message when absent). Prints how
 * many sentences each finds and how many of its cuts fall right after an abbreviation, initial or dotted
 * acronym ("U.S.", "Sen.", "Oct.", "J."), which in this news text are almost all cuts inside a sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src-shared/sentences';

const FILE =
  process.env.ALLSIDES_FILE ?? join(import.meta.dirname, '../../shared/corpora/08-allsides-same-event-dev/allsides_dev_odd_ids.jsonl');
if (!existsSync(FILE)) {
  console.log(`Skipped: the AllSides development set is not at ${FILE} (set ALLSIDES_FILE).`);
  process.exit(0);
}

type Side = { newsTitle: string; newBody?: string[] };
const texts: string[] = [];
for (const line of readFileSync(FILE, 'utf8').split('\n').filter(Boolean)) {
  const story = JSON.parse(line) as { news: Record<string, Side>; roundup?: string[] };
  for (const side of Object.values(story.news)) texts.push(side.newsTitle, ...(side.newBody ?? []));
  texts.push(...(story.roundup ?? []));
}

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const splitters: Record<string, (t: string) => string[]> = {
  "the platform's segmenter alone": (t) => [...icu.segment(t)].map((s) => s.segment.trim()).filter(Boolean),
  'Parallax (src-shared/sentences.ts)': (t) => splitSentences(t, 'en').map((p) => t.slice(p.start, p.end)),
};
const ABBREVIATION =
  /(?:^|\s|\()(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Cpl|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|e\.g|i\.e)\.)$/u;

console.log(`AllSides development texts: ${texts.length} (headlines, lead paragraphs, roundups)`);
console.log('splitter                              sentences  cuts after "U.S."  cuts after any abbreviation');
for (const [name, split] of Object.entries(splitters)) {
  let sentences = 0;
  let afterUs = 0;
  let afterAbbreviation = 0;
  for (const t of texts) {
    const parts = split(t);
    sentences += parts.length;
    for (const s of parts.slice(0, -1)) {
      if (s.endsWith('U.S.')) afterUs++;
      if (ABBREVIATION.test(s)) afterAbbreviation++;
    }
  }
  console.log(`${name.padEnd(38)}${String(sentences).padStart(9)}${String(afterUs).padStart(19)}${String(afterAbbreviation).padStart(29)}`);
}
