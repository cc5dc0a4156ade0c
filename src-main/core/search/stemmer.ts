/**
 * Stemmers for the languages a notebook holds, from @orama/stemmers (Snowball's rules for Arabic, Turkish
 * and most others, Porter's for English; one small module per language). Chosen on Cranfield typed as a
 * person would: every candidate English stemmer scored within 0.001 nDCG@10 of the others, and this one
 * is 3x faster than snowball-stemmers and the only kept library with Arabic and Turkish besides it
 * (docs/BENCHMARKS.md). A stem is applied to a folded term (normalise.ts), never to raw text.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

export type Stem = (term: string) => string;

/** Two-letter codes (core/text/language.ts) of the languages that have a stemmer. */
const STEMMERS: Record<string, Stem> = {
  ar: arabic,
  da: danish,
  de: german,
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  hu: hungarian,
  id: indonesian,
  it: italian,
  nl: dutch,
  no: norwegian,
  pt: portuguese,
  ro: romanian,
  ru: russian,
  sv: swedish,
  tr: turkish,
  uk: ukrainian,
};

/** Words of digits, and of one or two letters, are kept as they are: no stemmer has rules for them. */
const STEMMABLE = /^(?=.*\p{L})[\p{L}\p{N}]{3,}$/u;

const stems = new Map<string, Stem>();

/** The stemmer of a language (a two-letter code), or null when it has none (or the language is unknown). */
export function stemmerFor(lang: string | null | undefined): Stem | null {
  if (!lang) return null;
  let s = stems.get(lang);
  if (s) return s;
  const rules = STEMMERS[lang];
  if (!rules) return null;
  s = (term) => (STEMMABLE.test(term) ? rules(term) || term : term);
  stems.set(lang, s);
  return s;
}

/** Does the language have a stemmer? */
export const hasStemmer = (lang: string | null | undefined): boolean => stemmerFor(lang) !== null;

/**
 * Does a prefix (`presiden*`) match a stored term? Terms are stems, often shorter than the word the user
 * is completing ("president" is stored as "presid"), so a stem that the prefix starts with counts too,
 * when it is at most three letters shorter than the prefix (and at least four long).
 */
export function prefixMatchesTerm(prefix: string, term: string): boolean {
  if (term.startsWith(prefix)) return true;
  return term.length >= 4 && term.length >= prefix.length - 3 && prefix.startsWith(term);
}
