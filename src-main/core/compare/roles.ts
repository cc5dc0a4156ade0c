import { countryName, countryOf } from './countries';
import { normaliseWord } from './tokens';

/**
 * Titles ("Turkish Foreign Minister", "head of intelligence", "Syrian Minister of Defence") reduced to one
 * comparable key, country + office, so "the same role given different names" can be noticed.
 */

/** Words that end a title: the person's name follows them. */
export const ROLE_HEADS = new Set([
  'minister',
  'director',
  'chief',
  'president',
  'head',
  'envoy',
  'secretary',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ambassador',
  'commander',
  'governor',
  'mayor',
  'chairman',
  'chairwoman',
  'leader',
  'king',
  'queen',
  'prince',
  'emir',
  'sheikh',
  'general',
  'premier',
  'chancellor',
  'speaker',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'lawmaker',
  'judge',
  'justice',
  'pope',
  'rabbi',
  'imam',
  'reverend',
  'rev',
  'sir',
  'dame',
  'lord',
  'gov',
  'gen',
  'sergeant',
  'sgt',
  'lieutenant',
  'lt',
  'captain',
  'capt',
  'colonel',
  'col',
  'admiral',
  'adm',
  'detective',
  'officer',
  'coach',
  'mr',
  'mrs',
  'ms',
  'dr',
]);

/** Words that qualify a title. */
export const ROLE_MODIFIERS = new Set([
  'foreign',
  'defence',
  'defense',
  'interior',
  'intelligence',
  'mit',
  'affairs',
  'state',
  'justice',
  'finance',
  'economy',
  'trade',
  'energy',
  'health',
  'education',
  'security',
  'information',
  'national',
  'military',
  'prime',
  'deputy',
  'vice',
  'acting',
  'former',
  'senior',
  'army',
  'staff',
  'special',
  'agency',
  'republican',
  'democratic',
  'democrat',
  'independent',
  'senate',
  'house',
  'majority',
  'minority',
  'attorney',
  'district',
  'supreme',
  'police',
  'press',
  'of',
  'the',
]);

/** Honorifics are titles but not offices. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sheikh', 'sir', 'dame', 'lord', 'reverend', 'rev']);
const OFFICE_ALIASES: Record<string, string> = {
  defense: 'defence',
  mit: 'intelligence',
  head: 'chief',
  director: 'chief',
  sen: 'senator',
  rep: 'representative',
  congressman: 'representative',
  congresswoman: 'representative',
  gov: 'governor',
  gen: 'general',
  sgt: 'sergeant',
  lt: 'lieutenant',
  capt: 'captain',
  col: 'colonel',
  adm: 'admiral',
  democrat: 'democratic',
};
/** Party and chamber say who someone is, not which office: "Republican Senator" is a senator. */
const DROP = new Set(['of', 'the', 'affairs', 'former', 'acting', 'senior', 'agency', 'republican', 'democratic', 'democrat', 'independent', 'gop']);
/**
 * Offices many people hold at once (a country has a hundred senators): the office does not say which one,
 * so no country is attached and two holders are not two names for one office.
 */
const MANY_HOLDERS = new Set([
  'senator',
  'representative',
  'lawmaker',
  'judge',
  'justice',
  'rabbi',
  'imam',
  'general',
  'sergeant',
  'lieutenant',
  'captain',
  'colonel',
  'admiral',
  'detective',
  'officer',
  'coach',
]);

export type Role = { country: string | null; office: string; text: string };

export const isRoleWord = (norm: string) => ROLE_HEADS.has(norm) || ROLE_MODIFIERS.has(norm);

/**
 * The office named by a title's words: modifiers first, then the head ("Minister of Defence" and
 * "Defence Minister" are both "defence minister"; "head of intelligence" and "MIT Director" are
 * "intelligence chief"). Null for honorifics alone.
 */
export function officeOf(words: string[]): { office: string; country: string | null } | null {
  let country: string | null = null;
  let head: string | null = null;
  const mods: string[] = [];
  for (const raw of words) {
    const w = normaliseWord(raw).replace(/'s$/, '');
    const c = countryOf(raw);
    if (c) {
      // "US Syria envoy": the first country is the one the office belongs to.
      country ??= c;
      continue;
    }
    if (ROLE_HEADS.has(w)) {
      if (!HONORIFICS.has(w)) head = OFFICE_ALIASES[w] ?? w;
    } else if (ROLE_MODIFIERS.has(w) && !DROP.has(w)) mods.push(OFFICE_ALIASES[w] ?? w);
  }
  if (!head) return null;
  const uniqueMods = [...new Set(mods)].sort();
  return { office: [...uniqueMods, head].join(' '), country: MANY_HOLDERS.has(head) ? null : country };
}

export function describeRole(r: Pick<Role, 'country' | 'office'>): string {
  return r.country ? `${countryName(r.country)} ${r.office}` : r.office;
}
