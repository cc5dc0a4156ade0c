import type { Claim, CompareEntity, Conflict } from '../../contract';
import type { EntityMention } from './entities';
import { differentGivenName, nameKey, skeleton } from './names';
import { describeRole } from './roles';
import { contentKey, tokenize } from './tokens';

/**
 * What the outlets disagree on. A spelling variant is not a disagreement (it is shown as a variant of one
 * entity); a disagreement is one office held by two differently named people, two names that share a
 * surname but not a given name, or an aligned claim that gives different numbers or dates.
 */
type Ctx = {
  articleIds: string[];
  labels: string[];
  entities: CompareEntity[];
  mentions: EntityMention[];
  claims: Claim[];
};

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function roleConflicts(ctx: Ctx): Conflict[] {
  const byRole = new Map<string, { role: string; holders: Map<number, { forms: Set<string>; articles: Set<number> }> }>();
  for (const m of ctx.mentions) {
    if (!m.role?.country || ctx.entities[m.entity]?.type !== 'person') continue;
    const key = `${m.role.country}|${m.role.office}`;
    const entry = byRole.get(key) ?? byRole.set(key, { role: describeRole(m.role), holders: new Map() }).get(key)!;
    const h = entry.holders.get(m.entity) ?? entry.holders.set(m.entity, { forms: new Set(), articles: new Set() }).get(m.entity)!;
    h.forms.add(m.form);
    h.articles.add(m.article);
  }
  const out: Conflict[] = [];
  for (const [, { role, holders }] of [...byRole.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (holders.size < 2) continue;
    const parts = [...holders.entries()]
      .sort((a, b) => b[1].articles.size - a[1].articles.size || a[0] - b[0])
      .map(([e, h]) => {
        const forms = [...h.forms];
        const labels = [...h.articles].sort((a, b) => a - b).map((a) => ctx.labels[a]!);
        return { e, forms, articles: [...h.articles], text: `${forms.map((f) => `“${f}”`).join(' / ')} (${list(labels)})` };
      });
    out.push({
      kind: 'role',
      description: `${role[0]!.toUpperCase()}${role.slice(1)} is named differently: ${parts.map((p) => p.text).join(' vs ')}. Spelling variants aside, these are different names for one office.`,
      articles: [...new Set(parts.flatMap((p) => p.articles))].sort((a, b) => a - b).map((a) => ctx.articleIds[a]!),
      forms: parts.flatMap((p) => p.forms),
      refs: parts.map((p) => ctx.entities[p.e]!.id),
    });
  }
  return out;
}

function nameConflicts(ctx: Ctx, already: Set<string>): Conflict[] {
  const fullWords = (e: CompareEntity) =>
    e.variants.filter((v) => !v.partial && !/\p{Script=Arabic}/u.test(v.form)).map((v) => v.form.split(/\s+/).map(nameKey).filter(Boolean));
  const people = ctx.entities.filter((e) => e.type === 'person').map((e) => ({ e, words: fullWords(e).filter((w) => w.length >= 2) }));
  // Only names sharing a last word can share a surname: compare within those buckets.
  const buckets = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const k of new Set(p.words.map((w) => skeleton(w[w.length - 1]!)))) (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(i);
  });
  const seen = new Set<string>();
  const out: Conflict[] = [];
  for (const members of buckets.values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = people[members[x]!]!.e;
        const b = people[members[y]!]!.e;
        const pairKey = [a.id, b.id].sort().join('|');
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        if (already.has([a.id, b.id].sort().join('|'))) continue;
        if (a.articles.some((id) => b.articles.includes(id))) continue; // Both named in one article: two people.
        const wb = people[members[y]!]!.words;
        if (!people[members[x]!]!.words.some((wa) => wb.some((w) => differentGivenName(wa, w)))) continue;
        const label = (e: CompareEntity) => `“${e.name}” (${list(e.articles.map((id) => ctx.labels[ctx.articleIds.indexOf(id)]!))})`;
        out.push({
          kind: 'name',
          description: `Possibly one person named two ways: ${label(a)} and ${label(b)} share a surname but not a given name.`,
          articles: [...a.articles, ...b.articles],
          forms: [a.name, b.name],
          refs: [a.id, b.id],
        });
      }
  return out;
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));

/**
 * The word a date hangs on ("met Sunday", "said Saturday"): two sentences that date different events
 * ("met" / "said") do not disagree.
 */
function predicate(toks: ReadonlyArray<{ norm: string }>, i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const key = contentKey(toks[k]!.norm);
    if (key && !/^\d/.test(key)) return key;
  }
  return '';
}

/** Dates, weekdays and counted quantities stated in a sentence, keyed by what they measure and the word they hang on. */
export function factsOf(text: string): Map<string, Set<string>> {
  const facts = new Map<string, Set<string>>();
  const add = (kind: string, value: string) => (facts.get(kind) ?? facts.set(kind, new Set()).get(kind)!).add(value);
  const toks = tokenize(text);
  const used = new Set<number>();
  toks.forEach((t, i) => {
    const month = MONTHS.findIndex(
      (m) => t.norm === m || (t.norm.length >= 3 && m.startsWith(t.norm) && /\.$/.test(text.slice(t.end, t.end + 1))),
    );
    if (month >= 0 && t.norm !== 'may') {
      const next = toks[i + 1];
      const prev = toks[i - 1];
      const day = next && /^\d{1,2}$/.test(next.norm) ? next : prev && /^\d{1,2}$/.test(prev.norm) ? prev : null;
      if (day) {
        add(`date:${predicate(toks, Math.min(i, toks.indexOf(day)))}`, `${MONTHS[month]} ${Number(day.norm)}`);
        used.add(toks.indexOf(day));
      }
    } else if (WEEKDAYS.has(t.norm)) add(`weekday:${predicate(toks, i)}`, t.text);
  });
  toks.forEach((t, i) => {
    if (used.has(i) || !/^\d[\d,.]*$/.test(t.norm) || /^(19|20)\d\d$/.test(t.norm)) return;
    let unit = 'number';
    for (let k = i + 1; k < Math.min(toks.length, i + 3); k++) {
      const key = contentKey(toks[k]!.norm);
      if (key && !/^\d/.test(key)) {
        unit = `number:${key}`;
        break;
      }
    }
    add(unit, t.norm.replace(/,/g, ''));
  });
  return facts;
}

function factConflicts(ctx: Ctx): Conflict[] {
  const out: Conflict[] = [];
  for (const claim of ctx.claims) {
    if (claim.passages.length < 2) continue;
    const facts = claim.passages.map((p) => factsOf(p.text));
    const kinds = new Set(facts.flatMap((f) => [...f.keys()]));
    for (const kind of [...kinds].sort()) {
      const holders = claim.passages.map((p, i) => ({ p, values: facts[i]!.get(kind) })).filter((h) => h.values);
      const distinct = new Set(holders.map((h) => [...h.values!].sort().join(' / ')));
      if (holders.length < 2 || distinct.size < 2) continue;
      // Values that some passage shares with every other are agreement, not conflict.
      const common = [...holders[0]!.values!].filter((v) => holders.every((h) => h.values!.has(v)));
      if (common.length) continue;
      const isDate = kind.startsWith('date') || kind.startsWith('weekday');
      const label = (article: string) => ctx.labels[ctx.articleIds.indexOf(article)]!;
      const forms = holders.map((h) => [...h.values!].join(' / '));
      out.push({
        kind: isDate ? 'date' : 'number',
        description: `The same claim gives different ${isDate ? 'dates' : `numbers${kind.startsWith('number:') ? ` (${kind.split(':')[1]})` : ''}`}: ${holders
          .map((h) => `“${[...h.values!].join(' / ')}” (${label(h.p.article)})`)
          .join(' vs ')}.`,
        articles: [...new Set(holders.map((h) => h.p.article))],
        forms: [...new Set(forms)],
        refs: [claim.id],
      });
    }
  }
  return out;
}

export function findConflicts(ctx: Ctx): Conflict[] {
  const roles = roleConflicts(ctx);
  const pairs = new Set(roles.flatMap((c) => c.refs.flatMap((a) => c.refs.filter((b) => b !== a).map((b) => [a, b].sort().join('|')))));
  return [...roles, ...nameConflicts(ctx, pairs), ...factConflicts(ctx)];
}
