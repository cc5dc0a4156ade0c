import type { Claim, CompareEntity, CompareSentence, Conflict, ConflictPassage } from '../../contract';
import { givenNamesAlike } from './aliases';
import { stateCode } from './affiliations';
import { countryOf, demonymCode } from './countries';
import { factNotes } from './fact-conflicts';
import type { EntityMention } from './entities';
import { ARABIC_SCRIPT, differentGivenName, nameKey, sameNameWord, skeleton } from './names';
import { describeRole, isRoleWord } from './roles';

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
  /** Each article's sentences and publication date, for figures and dates stated anywhere in it. */
  sentences?: CompareSentence[][];
  published?: Array<string | null>;
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
    // An article that gives the office to both holders speaks of two people (or misreads a title): one
    // outlet set against another is what a conflict means.
    const counts = new Map<number, number>();
    for (const h of holders.values()) for (const a of h.articles) counts.set(a, (counts.get(a) ?? 0) + 1);
    if ([...counts.values()].some((n) => n > 1)) continue;
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
      passages: parts.flatMap((p) => firstMention(ctx, p.e)),
    });
  }
  return out;
}

/**
 * Words glued to a name that are not part of it: titles and offices ("Republican Senator", "CEO",
 * "Director-General", "GOP Conference Chair"), party and nationality words.
 */
const NOT_NAME_WORDS = new Set(
  (
    'senator senators sen sens rep reps representative congressman congresswoman judge justice colonel col lt ' +
    'sergeant sgt captain capt major admiral gen ceo ceos cfo chair chairman chairwoman conference sir dame lord ' +
    'lady mullah imam rabbi pope bishop father saint st mp mps republican republicans democrat democrats gop ' +
    'conservative conservatives labour liberal liberals progressive independent district federal former late ' +
    'then new top chief assistant associate attorney professor prof officer officers agent spokesman spokeswoman'
  ).split(' '),
);
/** Words that make a capitalised phrase something other than a person ("House Republicans", "Gulf Coast"). */
const NOT_PERSON = new Set(
  (
    'house senate congress white coast board caucus award awards plan post times journal news review street ' +
    'committee court party league union republicans democrats state states county city island river bay ' +
    'mountain mountains valley north south east west northern southern eastern western gulf sea ocean ' +
    'airport station hall center centre square park bridge tower towers church mosque school college program ' +
    'act bill law fund foundation council network media group'
  ).split(' '),
);

/** The words of a person's name as written, without titles before it or "of Kentucky" after it; null when it is not a person's. */
export function personNameWords(form: string): string[] | null {
  let words = form
    .replace(/[’']s$/u, '')
    .split(/\s+/)
    .filter(Boolean);
  const of = words.findIndex((w, i) => i > 0 && /^(?:of|from)$/i.test(w));
  if (of > 0) words = words.slice(0, of);
  while (words.length) {
    const w = words[0]!;
    const lower = w.toLowerCase();
    const title =
      NOT_NAME_WORDS.has(lower) ||
      isRoleWord(lower) ||
      /\.$/.test(w) ||
      ACRONYM_OR_PLURAL.test(w) ||
      (HYPHENATED.test(w) && w.split('-').some((x) => isRoleWord(x.toLowerCase()))) ||
      !!demonymCode(w) ||
      !!countryOf(w) ||
      !!stateCode(w);
    if (!title) break;
    words = words.slice(1);
  }
  if (words.length < 2 || words.some((w) => /\d/.test(w) || NOT_PERSON.has(w.toLowerCase()) || ORGANISATION_WORD.test(w))) return null;
  return words.map(nameKey).filter(Boolean);
}
const ORGANISATION_WORD =
  /^(?:ministry|agency|department|office|administration|commission|institute|university|company|corporation|bank|forces?|army|police|government)$/i;
/** Module constants, not literals in personNameWords: see ARABIC_SCRIPT in names.ts. */
const ACRONYM_OR_PLURAL = /^\p{Lu}{2,}s?$/u;
const HYPHENATED = /^[\p{L}]+-[\p{L}]+$/u;

/** Given names one person can go by: the same word spelled apart, a short form ("Phil", "Chris"), a nickname ("Chuck"). */
export function sameGivenName(a: string, b: string): boolean {
  if (sameNameWord(a, b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  return givenNamesAlike(short, long); // the one table of short forms and nicknames (aliases.ts)
}

function nameConflicts(ctx: Ctx, already: Set<string>): Conflict[] {
  const people = ctx.entities
    .map((e, index) => ({
      e,
      index,
      names: e.variants
        .filter((v) => !v.partial && !ARABIC_SCRIPT.test(v.form))
        .map((v) => personNameWords(v.form))
        .filter((w): w is string[] => !!w && w.length >= 2),
    }))
    .filter((p) => p.e.type === 'person' && p.names.length);
  // Every (given name, surname) an article uses: an article naming both is speaking of two people.
  const namedIn = new Map<string, Array<[string, string]>>();
  for (const p of people)
    for (const id of p.e.articles) for (const w of p.names) namedIn.set(id, [...(namedIn.get(id) ?? []), [w[0]!, w[w.length - 1]!]]);
  const bothIn = (surname: string, ga: string, gb: string) =>
    [...namedIn.values()].some(
      (ns) =>
        ns.some(([g, s]) => sameNameWord(s, surname) && sameGivenName(g, ga)) &&
        ns.some(([g, s]) => sameNameWord(s, surname) && sameGivenName(g, gb)),
    );
  // Only names sharing a last word can share a surname: compare within those buckets.
  const buckets = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const k of new Set(p.names.map((w) => skeleton(w[w.length - 1]!)))) (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(i);
  });
  const seen = new Set<string>();
  const out: Conflict[] = [];
  for (const members of buckets.values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const pa = people[members[x]!]!;
        const pb = people[members[y]!]!;
        const a = pa.e;
        const b = pb.e;
        const pairKey = [a.id, b.id].sort().join('|');
        if (seen.has(pairKey) || already.has(pairKey)) continue;
        seen.add(pairKey);
        if (a.articles.some((id) => b.articles.includes(id))) continue; // Both named in one article: two people.
        // Two people in two different roles are two people (a health officer and a health director).
        if (a.roles.length && b.roles.length && !a.roles.some((r) => b.roles.includes(r))) continue;
        // One person under another form of the name (a title glued on, a nickname) is no conflict.
        if (
          pa.names.some((wa) =>
            pb.names.some((wb) => sameGivenName(wa[0]!, wb[0]!) && sameNameWord(wa[wa.length - 1]!, wb[wb.length - 1]!)),
          )
        )
          continue;
        const clash = pa.names.flatMap((wa) => pb.names.filter((wb) => differentGivenName(wa, wb)).map((wb) => [wa, wb] as const));
        if (!clash.length || clash.every(([wa, wb]) => bothIn(wa[wa.length - 1]!, wa[0]!, wb[0]!))) continue;
        const label = (e: CompareEntity) => `“${e.name}” (${list(e.articles.map((id) => ctx.labels[ctx.articleIds.indexOf(id)]!))})`;
        out.push({
          kind: 'name',
          description: `Possibly one person named two ways: ${label(a)} and ${label(b)} share a surname but not a given name.`,
          articles: [...a.articles, ...b.articles],
          forms: [a.name, b.name],
          refs: [a.id, b.id],
          passages: [pa.index, pb.index].flatMap((e) => firstMention(ctx, e)),
        });
      }
  return out;
}

/** The first mention of an entity in each article that names it, as a passage to open. */
function firstMention(ctx: Ctx, entity: number): ConflictPassage[] {
  const out = new Map<number, ConflictPassage>();
  for (const m of ctx.mentions)
    if (m.entity === entity && m.sentence >= 0 && !out.has(m.article))
      out.set(m.article, { article: ctx.articleIds[m.article]!, sentence: m.sentence, start: m.start, end: m.end, form: m.form });
  return [...out.values()];
}

/** Conflicts, and the softer notes of values that differ without contradicting. */
export function findNotes(ctx: Ctx): { conflicts: Conflict[]; differs: Conflict[] } {
  const roles = roleConflicts(ctx);
  const pairs = new Set(roles.flatMap((c) => c.refs.flatMap((a) => c.refs.filter((b) => b !== a).map((b) => [a, b].sort().join('|')))));
  const facts = factNotes({
    articleIds: ctx.articleIds,
    labels: ctx.labels,
    sentences: ctx.sentences ?? [],
    published: ctx.published ?? [],
    claimOf: new Map(
      ctx.claims
        .filter((c) => c.passages.length > 1)
        .flatMap((c) => c.passages.map((p) => [`${ctx.articleIds.indexOf(p.article)}:${p.sentence}`, c.id] as const)),
    ),
  });
  return { conflicts: [...roles, ...nameConflicts(ctx, pairs), ...facts.conflicts], differs: facts.differs };
}

export function findConflicts(ctx: Ctx): Conflict[] {
  return findNotes(ctx).conflicts;
}
