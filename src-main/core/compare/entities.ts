import type { CompareEntity, CompareSentence } from '../../contract';
import { countryCode, countryName } from './countries';
import type { Mention, MentionType } from './mentions';
import { ARABIC_SCRIPT, isShortFormOf, nameKey, sameAcrossScripts, sameFullName, skeleton } from './names';
import { describeRole } from './roles';
import { tokenize } from './tokens';

/**
 * One entity per real person, place or organisation across the compared articles. Mentions are grouped
 * inside each article first (a surname alone, "Abu Qasra", belongs to the full name that article uses),
 * then across articles by spelling-tolerant name matching, then names written in Arabic script are linked
 * by their consonants.
 */
export type EntityMention = Mention & { entity: number; partial: boolean };

type Group = { mentions: EntityMention[]; type: MentionType; country: string | null; words: string[][] };

/**
 * A mention's own copy for its group, written out field by field: a spread with fields added after it
 * ({ ...m, entity, partial }) takes V8's slow path, and every mention is copied.
 */
const entityMention = (m: Mention, partial: boolean): EntityMention => ({
  article: m.article,
  sentence: m.sentence,
  form: m.form,
  words: m.words,
  start: m.start,
  end: m.end,
  type: m.type,
  strong: m.strong,
  role: m.role,
  acronym: m.acronym,
  entity: -1,
  partial,
});

const compatible = (a: MentionType, b: MentionType) => a === b || a === 'other' || b === 'other';

function typeScores(ms: Mention[]): Record<MentionType, number> {
  const score: Record<MentionType, number> = { person: 0, place: 0, organisation: 0, other: 0 };
  for (const m of ms) score[m.type] += m.type === 'other' ? 0.1 : m.strong ? 3 : 1;
  return score;
}

function typeOf(ms: Mention[]): MentionType {
  const score = typeScores(ms);
  return (Object.keys(score) as MentionType[]).reduce((a, b) => (score[b] > score[a] ? b : a), 'other');
}

/**
 * The share of the evidence that backs the type chosen: mentions typed by a title, an organisation word or a
 * country count three times a guess from context; with no such mention the type is a guess, at most 0.5.
 */
export function typeConfidence(ms: Mention[], type: MentionType): number {
  const score = typeScores(ms);
  const total = score.person + score.place + score.organisation + score.other;
  if (!total) return 0;
  const share = score[type] / total;
  const backed = ms.some((m) => m.strong && m.type === type);
  return Math.round((backed ? share : Math.min(0.5, share / 2)) * 100) / 100;
}

/** A short form fits a full name of another type only when nothing but a guess typed it ("in Lohan's…"). */
const fits = (groupType: MentionType, m: Mention) => compatible(groupType, m.type) || !m.strong;
const weaklyTyped = (g: Group) => g.mentions.every((m) => !m.strong);
const joinedWords = (g: Group) => new Set(g.words.map((w) => w.join(' ')));

function sameGroup(a: Group, b: Group): boolean {
  // The same words written in two articles ("Seacom", "SEACOM") are one name even where the guessed types differ.
  if (!compatible(a.type, b.type) && !((weaklyTyped(a) || weaklyTyped(b)) && [...joinedWords(a)].some((w) => joinedWords(b).has(w)))) return false;
  if (a.country || b.country) return a.country === b.country;
  return a.words.some((wa) => b.words.some((wb) => sameFullName(wa, wb) && (wa.length > 1 || wb.length > 1 || wa[0] === wb[0])));
}

function acronymLinks(a: Group, b: Group): boolean {
  const acrs = (g: Group) => g.mentions.filter((m) => m.acronym).map((m) => nameKey(m.acronym!));
  const single = (g: Group) => g.words.filter((w) => w.length === 1).map((w) => w[0]!);
  return acrs(a).some((x) => single(b).includes(x)) || acrs(b).some((x) => single(a).includes(x));
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Group one article's mentions: full names by spelling, short forms onto the full name they shorten. */
function articleGroups(mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  // A short form is the tail of a longer name, so only names ending in a word spelled alike can be its
  // full form: index by the skeleton of the last word instead of comparing every pair.
  const lastKey = (w: string[]) => skeleton(w[w.length - 1]!);
  const push = <K, V>(map: Map<K, V[]>, k: K, v: V) => {
    const list = map.get(k) ?? map.set(k, []).get(k)!;
    if (!list.includes(v)) list.push(v);
  };
  const byLast = new Map<string, Mention[]>();
  for (const m of mentions) if (m.words.length > 1) push(byLast, lastKey(m.words), m);
  const full = mentions.filter(
    (m) => !(byLast.get(lastKey(m.words)) ?? []).some((o) => o !== m && fits(o.type, m) && isShortFormOf(m.words, o.words)),
  );
  const asGroup = (m: Mention, partial: boolean): Group => ({
    mentions: [entityMention(m, partial)],
    type: m.type,
    country: m.type === 'organisation' ? null : countryCode(m.form),
    words: partial ? [] : [m.words],
  });
  const index = new Map<string, Group[]>();
  const keysOf = (g: Group, m: Mention) => [
    ...(g.country ? [`c:${g.country}`] : []),
    `s:${lastKey(m.words)}`,
    ...(m.words.length === 1 ? [`a:${m.words[0]}`] : []),
    ...(m.acronym ? [`a:${nameKey(m.acronym)}`] : []),
  ];
  for (const m of full) {
    const g = asGroup(m, false);
    const candidates = [...new Set(keysOf(g, m).flatMap((k) => index.get(k) ?? []))];
    const home = candidates.find((x) => sameGroup(x, g) || acronymLinks(x, g));
    if (home) {
      home.mentions.push(...g.mentions);
      home.words.push(m.words);
      home.type = typeOf(home.mentions);
      home.country ??= g.country;
    } else groups.push(g);
    for (const k of keysOf(home ?? g, m)) push(index, k, home ?? g);
  }
  const fullSet = new Set(full);
  for (const m of mentions) {
    if (fullSet.has(m)) continue;
    const homes = (index.get(`s:${lastKey(m.words)}`) ?? []).filter(
      (g) => fits(g.type, m) && g.words.some((w) => isShortFormOf(m.words, w)),
    );
    // Two candidates ("Abu Qasra" with both Murhaf and Ashraf in the text): the one named last before it.
    const home =
      homes.length <= 1
        ? homes[0]
        : homes
            .map((g) => ({ g, last: Math.max(-1, ...g.mentions.filter((x) => x.start < m.start).map((x) => x.start)) }))
            .sort((a, b) => b.last - a.last)[0]!.g;
    if (home) {
      home.mentions.push(entityMention(m, true));
      home.type = typeOf(home.mentions);
    } else groups.push(asGroup(m, false));
  }
  return groups;
}

/** Names written in Arabic script inside Latin-script articles (embedded posts), matched by consonants. */
function linkOtherScripts(groups: Group[], sentences: CompareSentence[][], articleIds: string[]): EntityMention[] {
  const out: EntityMention[] = [];
  const people = groups.flatMap((g, gi) => (g.type === 'person' ? g.words.filter((w) => w.length >= 2).map((w) => ({ gi, w })) : []));
  if (!people.length) return out;
  sentences.forEach((list, article) => {
    for (const s of list) {
      if (!ARABIC_SCRIPT.test(s.text)) continue;
      const toks = tokenize(s.text).map((t) => ({ ...t, key: nameKey(t.text) }));
      for (let i = 0; i < toks.length; i++) {
        for (const { gi, w } of people) {
          // The name's words in order, the middle ones optional ("Asaad [Hassan] al-Shaibani").
          if (!sameAcrossScripts(w[0]!, toks[i]!.key)) continue;
          let j = i + 1;
          let k = 1;
          while (k < w.length && j < toks.length && j - i < w.length + 1) {
            // Middle words ("Abu" = أبو) may be one consonant long; the first and last carry the match.
            if (sameAcrossScripts(w[k]!, toks[j]!.key, k === w.length - 1 ? 2 : 1)) j++;
            else if (k === w.length - 1) break;
            k++;
          }
          if (k < w.length || j - i < 2) continue;
          const start = s.start + toks[i]!.start;
          const end = s.start + toks[j - 1]!.end;
          out.push({
            article,
            sentence: s.index,
            form: s.text.slice(toks[i]!.start, toks[j - 1]!.end),
            words: toks.slice(i, j).map((t) => t.key),
            start,
            end,
            type: 'person',
            strong: false,
            role: null,
            acronym: null,
            entity: gi,
            partial: false,
          });
          i = j - 1;
          break;
        }
      }
    }
  });
  void articleIds;
  return out;
}

export type EntityResult = { entities: CompareEntity[]; mentions: EntityMention[] };

export function clusterEntities(mentionsByArticle: Mention[][], sentences: CompareSentence[][], articleIds: string[]): EntityResult {
  const groups = mentionsByArticle.flatMap(articleGroups);
  const uf = new UnionFind(groups.length);
  // Only groups that share a country, a last-word skeleton or an acronym can match: compare within buckets.
  const buckets = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const keys = new Set<string>();
    if (g.country) keys.add(`c:${g.country}`);
    for (const w of g.words) {
      keys.add(`s:${skeleton(w[w.length - 1]!)}`);
      if (w.length === 1) keys.add(`a:${w[0]}`);
    }
    for (const m of g.mentions) if (m.acronym) keys.add(`a:${nameKey(m.acronym)}`);
    for (const k of keys) (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(i);
  });
  const tried = new Set<number>();
  for (const members of buckets.values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        const pair = i * groups.length + j;
        if (tried.has(pair)) continue;
        tried.add(pair);
        const a = groups[i]!;
        const b = groups[j]!;
        if (!a.words.length || !b.words.length || uf.find(i) === uf.find(j)) continue;
        if (sameGroup(a, b) || acronymLinks(a, b)) uf.union(i, j);
      }
  // Merge the groups of each set, then give shortened names with no full form in their article the one full name they fit.
  const merged = new Map<number, Group>();
  groups.forEach((g, i) => {
    const root = uf.find(i);
    const m = merged.get(root);
    if (!m) merged.set(root, { ...g, mentions: [...g.mentions], words: [...g.words] });
    else {
      m.mentions.push(...g.mentions);
      m.words.push(...g.words);
      m.country ??= g.country;
      m.type = typeOf(m.mentions);
    }
  });
  let list = [...merged.values()];
  const orphans = list.filter((g) => g.words.every((w) => w.length === 1) && g.type !== 'place' && !g.country);
  const byLastWord = new Map<string, Group[]>();
  for (const g of list)
    for (const w of g.words) {
      if (w.length < 2) continue;
      const k = skeleton(w[w.length - 1]!);
      const l = byLastWord.get(k) ?? byLastWord.set(k, []).get(k)!;
      if (!l.includes(g)) l.push(g);
    }
  const removed = new Set<Group>();
  for (const o of orphans) {
    const key = o.words[0];
    if (!key) continue;
    const homes = (byLastWord.get(skeleton(key[key.length - 1]!)) ?? []).filter(
      (g) => g !== o && !removed.has(g) && (compatible(g.type, o.type) || weaklyTyped(o)) && g.words.some((w) => isShortFormOf(key, w)),
    );
    if (homes.length !== 1) continue;
    homes[0]!.mentions.push(...o.mentions.map((m) => ({ ...m, partial: true })));
    homes[0]!.type = typeOf(homes[0]!.mentions);
    removed.add(o);
  }
  list = list.filter((g) => !removed.has(g));
  list.forEach((g, gi) => g.mentions.forEach((m) => (m.entity = gi)));
  const scriptMentions = linkOtherScripts(list, sentences, articleIds);
  for (const m of scriptMentions) list[m.entity]!.mentions.push(m);

  const entities = list.map((g, gi) => toEntity(g, gi, articleIds));
  // Most widely reported first; a stable order for equal counts.
  const order = entities
    .map((e, i) => ({ e, i, mentions: list[i]!.mentions.length }))
    .sort(
      (x, y) =>
        Number(x.e.type === 'other') - Number(y.e.type === 'other') ||
        y.e.articles.length - x.e.articles.length ||
        y.mentions - x.mentions ||
        x.e.name.localeCompare(y.e.name),
    );
  const renumber = new Map(order.map((o, k) => [o.i, k]));
  // Every mention object sits in exactly one group (each was copied when its group was made), so it is
  // renumbered in place rather than copied once more.
  const mentions = list.flatMap((g) =>
    g.mentions.map((m) => {
      m.entity = renumber.get(m.entity)!;
      return m;
    }),
  );
  return { entities: order.map((o, k) => ({ ...o.e, id: `e${k + 1}` })), mentions };
}

function toEntity(g: Group, gi: number, articleIds: string[]): CompareEntity {
  const byForm = new Map<string, { articles: Set<number>; count: number; partial: boolean; latin: boolean }>();
  for (const m of g.mentions) {
    const v = byForm.get(m.form) ?? { articles: new Set(), count: 0, partial: true, latin: !ARABIC_SCRIPT.test(m.form) };
    v.articles.add(m.article);
    v.count++;
    v.partial &&= m.partial;
    byForm.set(m.form, v);
  }
  const forms = [...byForm.entries()];
  const best = forms
    .filter(([, v]) => !v.partial && v.latin)
    .sort(([fa, a], [fb, b]) => b.articles.size - a.articles.size || b.count - a.count || fb.length - fa.length || fa.localeCompare(fb))[0];
  const articleSet = new Set(g.mentions.map((m) => m.article));
  const roles = [...new Set(g.mentions.filter((m) => m.role).map((m) => describeRole(m.role!)))].sort();
  return {
    id: `e${gi + 1}`,
    // A country goes by its current English name (ICU's), whatever spelling most outlets used.
    name: g.type === 'place' && g.country ? countryName(g.country) : (best?.[0] ?? forms[0]![0]),
    type: g.type,
    articles: [...articleSet].sort((a, b) => a - b).map((i) => articleIds[i]!),
    variants: forms
      .sort(
        ([fa, a], [fb, b]) =>
          Number(a.partial) - Number(b.partial) || b.articles.size - a.articles.size || b.count - a.count || fa.localeCompare(fb),
      )
      .map(([form, v]) => ({
        form,
        articles: [...v.articles].sort((a, b) => a - b).map((i) => articleIds[i]!),
        count: v.count,
        partial: v.partial,
      })),
    roles,
    typeConfidence: typeConfidence(g.mentions, g.type),
  };
}
