/**
 * The comparison on real stories: AllSides' left/centre/right coverage of one event.
 *   - conflicts against hand labels (tests/fixtures/compare-gold/allsides-dev-conflicts.json, rules in
 *     docs/compare-gold.md), when the labels are there;
 *   - false conflicts over random triples of articles from different stories (nothing there can conflict);
 *   - how often a story's articles share at least one claim, and sentences split after "U.S." and the like.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResult, Conflict } from '../../src-main/contract';
import { compareArticles } from '../../src-main/core/compare/compare-articles';
import type { AllSidesStory } from './corpora';
import { rng } from '../bench-utils';
import { f3 } from './metrics';

export type ConflictLabel = {
  /** The story's id. */
  id: number;
  kind: 'figure' | 'date' | 'name' | 'place';
  type: 'conflict' | 'differs';
  values: Array<{ side: string; value: string }>;
};
type Gold = { read: number[]; labels: ConflictLabel[] };

const goldFile = join(import.meta.dirname, '../../tests/fixtures/compare-gold/allsides-dev-conflicts.json');

const digits = (s: string) => s.replace(/[^\p{N}]/gu, '');
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A flagged conflict is this label when it sets against each other two articles that the label says give
 * different values, and its forms carry both values (as words, or the same digits).
 */
function matches(c: Conflict, label: ConflictLabel, sideId: (side: string) => string): boolean {
  const forms = c.forms.map(fold);
  const hit = (v: string) => forms.some((f) => f.includes(fold(v)) || fold(v).includes(f) || (digits(v) !== '' && digits(f) === digits(v)));
  const groups = new Map<string, string[]>();
  for (const v of label.values) groups.set(fold(v.value), [...(groups.get(fold(v.value)) ?? []), sideId(v.side)]);
  const present = [...groups].filter(([value, ids]) => ids.some((id) => c.articles.includes(id)) && hit(value));
  return present.length >= 2;
}

export function conflictsAllSides(stories: AllSidesStory[], results: Map<number, CompareResult>): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  if (!existsSync(goldFile)) {
    rows.push({ measure: 'conflicts vs hand labels', value: 'no labels yet', note: goldFile });
  } else {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
    const read = new Set(gold.read);
    const real = gold.labels.filter((l) => l.type === 'conflict');
    let flagged = 0;
    let right = 0;
    let found = 0;
    const softLabels = gold.labels.filter((l) => l.type === 'differs');
    let notes = 0;
    let notesOnLabels = 0;
    let softFound = 0;
    for (const s of stories) {
      if (!read.has(s.id)) continue;
      const r = results.get(s.id)!;
      const labels = real.filter((l) => l.id === s.id);
      const softer = gold.labels.filter((l) => l.id === s.id && l.type === 'differs');
      const sideId = (side: string) => s.articles.find((a) => a.side === side)?.id ?? '';
      for (const c of r.conflicts) {
        flagged++;
        // A flag on a labelled "differs" case is not counted against precision, nor needed for recall.
        if (labels.some((l) => matches(c, l, sideId))) right++;
        else if (softer.some((l) => matches(c, l, sideId))) flagged--;
      }
      found += labels.filter((l) => r.conflicts.some((c) => matches(c, l, sideId))).length;
      // The softer notes, scored the same way against the "differs" labels (any labelled fact counts as right).
      const differs = r.differs ?? [];
      notes += differs.length;
      notesOnLabels += differs.filter((c) => [...labels, ...softer].some((l) => matches(c, l, sideId))).length;
      softFound += softer.filter((l) => [...differs, ...r.conflicts].some((c) => matches(c, l, sideId))).length;
    }
    rows.push({
      measure: `conflict precision (${read.size} stories read)`,
      value: flagged ? f3(right / flagged) : 'n/a',
      note: `${right} of ${flagged} flags are labelled conflicts`,
    });
    rows.push({
      measure: 'conflict recall',
      value: real.length ? f3(found / real.length) : 'n/a',
      note: `${found} of ${real.length} labelled conflicts flagged`,
    });
    rows.push({
      measure: 'differs notes on labelled facts',
      value: notes ? f3(notesOnLabels / notes) : 'n/a',
      note: `${notesOnLabels} of ${notes} notes are on a labelled fact; ${softFound} of ${softLabels.length} "differs" labels noted (as a note or a conflict)`,
    });
  }
  return rows;
}

export function unrelatedTriples(stories: AllSidesStory[], n = 100, seed = 14): Record<string, string | number> {
  const random = rng(seed);
  const all = stories.flatMap((s) => s.articles.map((a) => ({ story: s.id, a })));
  let conflicts = 0;
  let notes = 0;
  const examples: string[] = [];
  for (let k = 0; k < n; k++) {
    const picked: typeof all = [];
    while (picked.length < 3) {
      const x = all[Math.floor(random() * all.length)]!;
      if (!picked.some((p) => p.story === x.story)) picked.push(x);
    }
    const r = compareArticles(picked.map((p) => p.a));
    conflicts += r.conflicts.length;
    notes += r.differs?.length ?? 0;
    if (examples.length < 3) examples.push(...r.conflicts.slice(0, 3 - examples.length).map((c) => c.description.slice(0, 80)));
  }
  return {
    measure: `conflicts over ${n} random triples from different stories`,
    value: conflicts,
    note: `${notes} differs notes; ${examples.join(' | ')}`,
  };
}

export function storyStats(stories: AllSidesStory[], results: Map<number, CompareResult>): Array<Record<string, string | number>> {
  let sharing = 0;
  let sentences = 0;
  let abbrevSplits = 0;
  for (const s of stories) {
    const r = results.get(s.id)!;
    if (r.claims.some((c) => c.count >= 2)) sharing++;
    for (const a of r.articles) {
      sentences += a.sentences.length;
      // A sentence that ends on an abbreviation ("… the U.S.", "Sen.") was split where no sentence ends.
      abbrevSplits += a.sentences.filter((x) =>
        /(?:\b(?:U\.S|U\.K|U\.N|Sen|Rep|Gov|Gen|Mr|Mrs|Ms|Dr|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)$/.test(x.text.trim()),
      ).length;
    }
  }
  return [
    {
      measure: 'stories whose articles share at least one claim',
      value: f3(sharing / stories.length),
      note: `${sharing} of ${stories.length}`,
    },
    { measure: 'sentences ending on an abbreviation (split too early)', value: abbrevSplits, note: `of ${sentences} sentences` },
  ];
}
