import type { CompareEntity, CompareSentence } from '../../contract';
import type { EntityMention } from './entities';
import type { RoleMention } from './mentions';
import type { Role } from './roles';

/**
 * Who is speaking: a named person next to a reporting verb, else an office ("the Turkish foreign minister")
 * resolved to whoever holds it in the article, else a pronoun resolved to the last person or office named
 * before it.
 */
export type Speaker = { entity: number | null; form: string | null };

const SPEECH =
  /\b(said|says|say|added|adding|told|stated|noted|wrote|writes|warned|stressed|stressing|emphasized|emphasizing|emphasised|insisted|insisting|explained|confirmed|announced|described|called|calling|vowed|vowing|urged|declared|highlighted|according)\b/i;
const PRONOUN = /\b(he|she|his|her)\b/i;

type Ctx = {
  sentences: CompareSentence[][];
  mentions: EntityMention[];
  roles: RoleMention[];
  entities: CompareEntity[];
};

const roleKey = (r: Role) => `${r.country ?? '?'}|${r.office}`;

export function speakerResolver(ctx: Ctx) {
  const peopleOf = new Map<number, EntityMention[]>();
  for (const m of ctx.mentions) {
    if (m.sentence < 0 || ctx.entities[m.entity]?.type !== 'person') continue;
    (peopleOf.get(m.article) ?? peopleOf.set(m.article, []).get(m.article)!).push(m);
  }
  for (const list of peopleOf.values()) list.sort((a, b) => a.start - b.start);
  const rolesOf = new Map<number, RoleMention[]>();
  for (const r of ctx.roles) (rolesOf.get(r.article) ?? rolesOf.set(r.article, []).get(r.article)!).push(r);
  // Who holds each office, per article and across all of them.
  const holders = new Map<string, Map<number, number>>();
  for (const m of ctx.mentions) {
    if (!m.role) continue;
    for (const key of [`${m.article}#${roleKey(m.role)}`, `*#${roleKey(m.role)}`, `${m.article}#?|${m.role.office}`]) {
      const counts = holders.get(key) ?? holders.set(key, new Map()).get(key)!;
      counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
  }
  const holderOf = (article: number, role: Role): number | null => {
    const keys = role.country
      ? [`${article}#${roleKey(role)}`, `*#${roleKey(role)}`]
      : [`${article}#?|${role.office}`, `${article}#${roleKey(role)}`];
    for (const k of keys) {
      const counts = holders.get(k);
      if (!counts) continue;
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      if (best.length === 1 || best[0]![1] > best[1]![1]) return best[0]![0];
    }
    return null;
  };

  /** The last person or office named before `pos` in the article. */
  const antecedent = (article: number, pos: number): Speaker => {
    let best: { at: number; s: Speaker } | null = null;
    for (const m of peopleOf.get(article) ?? []) {
      if (m.end > pos) continue;
      if (!best || m.start > best.at) best = { at: m.start, s: { entity: m.entity, form: m.form } };
    }
    for (const r of rolesOf.get(article) ?? []) {
      if (r.end > pos) continue;
      if (!best || r.start > best.at) {
        const e = holderOf(article, r.role);
        if (e !== null) best = { at: r.start, s: { entity: e, form: r.role.text } };
      }
    }
    return best?.s ?? { entity: null, form: null };
  };

  const outside = (start: number, end: number, exclude: Array<[number, number]>) => !exclude.some(([s, e]) => start < e && end > s);

  /**
   * The speaker of a quote at [qStart, qEnd) whose attribution may be anywhere in [wStart, wEnd) (the
   * sentences around it), other quotes in `exclude`.
   */
  const speakerOf = (
    article: number,
    body: string,
    wStart: number,
    wEnd: number,
    qStart: number,
    qEnd: number,
    exclude: Array<[number, number]>,
  ): Speaker => {
    const cands = (peopleOf.get(article) ?? []).filter((m) => m.start >= wStart && m.end <= wEnd && outside(m.start, m.end, exclude));
    if (cands.length) {
      const ranked = cands.map((m) => ({
        m,
        gap: m.end <= qStart ? qStart - m.end : m.start - qEnd,
        verb: SPEECH.test(body.slice(Math.max(wStart, m.start - 25), Math.min(wEnd, m.end + 25))),
      }));
      const best = ranked.sort((a, b) => Number(b.verb) - Number(a.verb) || a.gap - b.gap)[0]!.m;
      return { entity: best.entity, form: best.form };
    }
    const roles = (rolesOf.get(article) ?? []).filter((r) => r.start >= wStart && r.end <= wEnd && outside(r.start, r.end, exclude));
    for (const r of roles) {
      const e = holderOf(article, r.role);
      if (e !== null) return { entity: e, form: r.role.text };
    }
    const around = exclude.reduce(
      (text, [s, e]) => (s >= wStart && e <= wEnd ? text.slice(0, s - wStart) + ' '.repeat(e - s) + text.slice(e - wStart) : text),
      body.slice(wStart, wEnd),
    );
    if (PRONOUN.test(around) || SPEECH.test(around)) return antecedent(article, wStart);
    return { entity: null, form: null };
  };

  /** The entities a sentence is about as a speaker: named, by office, or by pronoun. */
  const sentenceSpeakers = (article: number, s: CompareSentence, body: string): Set<number> => {
    const out = new Set<number>();
    for (const m of peopleOf.get(article) ?? []) if (m.start >= s.start && m.end <= s.end) out.add(m.entity);
    for (const r of rolesOf.get(article) ?? []) {
      if (r.start < s.start || r.end > s.end) continue;
      const e = holderOf(article, r.role);
      if (e !== null) out.add(e);
    }
    if (!out.size && PRONOUN.test(body.slice(s.start, s.end))) {
      const a = antecedent(article, s.start);
      if (a.entity !== null) out.add(a.entity);
    }
    return out;
  };

  return { speakerOf, sentenceSpeakers, holderOf };
}
