import type { CompareSentence } from '../../contract';
import { countryCode, countryOf, demonymCode } from './countries';
import { CAPITALS_ONLY, ORGANISATION_FORMS, isGivenName, organisationOf } from './aliases';
import { nameKey } from './names';
import type { Role } from './roles';
import { ROLE_HEADS, ROLE_MODIFIERS, isRoleWord, officeOf } from './roles';
import type { Token } from './tokens';
import { STOPWORDS, tokenize } from './tokens';

/**
 * Names in running text, found by their capitals (news English capitalises every proper name), split from
 * the titles in front of them, and typed by their context. Fast and predictable on transliterated Arabic
 * names ("Asaad Hassan al Shaibani"), where taggers trained on English tend to cut the name at "al".
 */
export type MentionType = 'person' | 'place' | 'organisation' | 'other';
export type Mention = {
  article: number;
  sentence: number;
  /** The name as written, without a possessive ending. */
  form: string;
  /** Name word keys, particles ("al", "bin") removed. */
  words: string[];
  start: number;
  end: number;
  type: MentionType;
  /** Why the type is believed: a title, an organisation word, a preposition of place... */
  strong: boolean;
  role: Role | null;
  /** Acronym given in brackets right after the name ("Syrian Democratic Forces (SDF)"). */
  acronym: string | null;
};

/** An office named without a person ("the Defense Minister thanked..."), for resolving who speaks. */
export type RoleMention = { article: number; sentence: number; start: number; end: number; role: Role };

/** Lower-case particles inside names in many languages: "Bashar al-Assad", "Ursula von der Leyen". */
const NAME_PARTICLES = ['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'of'];
/** Words that may join the parts of one name ("Murhaf Abu Qasra"). */
const CONNECTORS = new Set([...NAME_PARTICLES, 'abu', 'abou']);
/** Words that do not identify a name on their own when comparing spellings. */
const PARTICLES = new Set([...NAME_PARTICLES, 'the']);
const ORG_WORDS = new Set(
  'ministry agency forces force party units council army navy union nations committee bank company corporation university institute office department commission front movement group organisation organization assembly parliament government court police federation league alliance association authority administration news'.split(
    ' ',
  ),
);
const PLACE_PREPOSITIONS = new Set([
  'in',
  'to',
  'from',
  'at',
  'near',
  'across',
  'into',
  'toward',
  'towards',
  'throughout',
  'outside',
  'inside',
  'visited',
  'visit',
]);
const PLACE_WORDS = new Set(['province', 'city', 'region', 'governorate', 'district', 'border', 'capital']);
/**
 * Last words that make a name a place or a venue, never a person: "Red Sea", "Stade de France", "Bataclan
 * Theatre", "Times Square".
 */
const PLACE_HEADS = new Set(
  'sea ocean gulf river lake mountain mountains island islands strait bay valley desert peninsula coast canal street avenue road square boulevard bridge park airport stadium stade arena theatre theater hall museum hotel cathedral church mosque palace tower center centre hospital prison station county state province city'.split(
    ' ',
  ),
);
/** Last words of picture credits and media labels ("AA Photo", "Getty Images"): not people. */
const CREDIT_WORDS = new Set(['photo', 'photos', 'image', 'images', 'video', 'file', 'pictures', 'photograph']);
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat today yesterday tomorrow'.split(
    ' ',
  ),
);
const SPEECH =
  /^(said|says|added|told|stated|noted|wrote|warned|stressed|emphasized|emphasised|insisted|explained|confirmed|announced|described|called|vowed|urged|declared)$/;

/*
 * Patterns with Unicode property escapes are module constants, not literals inside the functions: tsx (and
 * any esbuild build targeting Node) rewrites such a literal into `new RegExp(...)` at the place it stands,
 * which built a fresh object on every token. None of these has the g or y flag, so sharing one is stateless.
 */
const CAPITALISED = /^\p{Lu}/u;
const PARTICLE_CAPITALISED = /^(al|el)-\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const TWO_CAPITALS = /^\p{Lu}{2}$/u;
const SHORT_ACRONYM = /^\p{Lu}{2,6}$/u;
const CAPITALS_AND_DOTS = /^[\p{Lu}.\s]+$/u;
const LOWER_CASE_START = /^\p{Ll}/u;
const FOUR_LETTERS = /^\p{L}{4}/u;
const HYPHENATED_ADJECTIVE = /^\p{Lu}\p{L}+-\p{Ll}+$/u;
const SUFFIX = /^([\p{L}-]{3,}?)['’](\p{Ll}{1,4})$/u;
const BRACKETED_ACRONYM = /^\s*\((\p{Lu}{2,8})\)/u;

const isAcronym = (t: Token) => ACRONYM.test(t.text);
const isCap = (t: Token) => CAPITALISED.test(t.text) || PARTICLE_CAPITALISED.test(t.text);
const gapIsSpace = (text: string, a: Token, b: Token) => /^['’]?[ \u00A0\t-]*$/.test(text.slice(a.end, b.start));

/** "Türkiye's" -> "Türkiye", "Suriye’nin" -> "Suriye": a suffix after an apostrophe is grammar, not name. */
export function stripSuffix(word: string): string {
  const m = SUFFIX.exec(word);
  return m ? m[1]! : word;
}

export type MentionContext = {
  /** Keys seen capitalised somewhere other than at a sentence start: proper names. */
  properMidSentence: Set<string>;
};

type Chunk = { tokens: Token[]; first: number };

/** "Frederick C. LaRue": a middle initial with its full stop stays inside the name. */
const isInitialGap = (text: string, cur: Token[], t: Token) =>
  cur.length >= 2 &&
  ONE_CAPITAL.test(cur[cur.length - 1]!.text) &&
  !ONE_CAPITAL.test(cur[cur.length - 2]!.text) &&
  /^\.[ \u00A0]+$/.test(text.slice(cur[cur.length - 1]!.end, t.start));

function chunks(text: string, tokens: readonly Token[], nameWord: (t: Token) => boolean): Chunk[] {
  const out: Chunk[] = [];
  let cur: Token[] = [];
  let first = 0;
  const flush = () => {
    while (cur.length && CONNECTORS.has(cur[cur.length - 1]!.norm)) cur.pop();
    if (cur.length) out.push({ tokens: cur, first });
    cur = [];
  };
  tokens.forEach((t, i) => {
    const joined = cur.length > 0 && (gapIsSpace(text, cur[cur.length - 1]!, t) || isInitialGap(text, cur, t));
    if (isCap(t) && !TIME_WORDS.has(t.norm) && nameWord(t)) {
      if (!joined) {
        flush();
        first = i;
      }
      cur.push(t);
    } else if (joined && CONNECTORS.has(t.norm) && t.text === t.text.toLowerCase()) {
      cur.push(t);
    } else flush();
  });
  flush();
  return out;
}

function looksAdjective(t: Token, next: Token | undefined): boolean {
  return /(ish|ian|ese|ic|i)$/.test(t.norm) && !!next && LOWER_CASE_START.test(next.text);
}

/** Title words written just before a name ("defence minister Ashraf…", "Turkey's president, Recep…"). */
function titleBefore(text: string, tokens: readonly Token[], index: number): Token[] {
  const take = (from: number): Token[] => {
    const out: Token[] = [];
    for (let i = from; i >= 0; i--) {
      const t = tokens[i]!;
      const nextStart = out.length ? out[0]! : tokens[from + 1]!;
      if (!gapIsSpace(text, t, nextStart)) break;
      if (isRoleWord(t.norm) || countryOf(t.text)) out.unshift(t);
      else break;
    }
    return out;
  };
  let words = take(index - 1);
  if (words.length === 0 && index >= 1) {
    // Apposition: "Turkey's president, Recep Tayyip Erdogan".
    const prev = tokens[index - 1]!;
    if (/^\s*,\s*$/.test(text.slice(prev.end, tokens[index]!.start)) && ROLE_HEADS.has(prev.norm)) {
      words = [prev];
      for (let i = index - 2; i >= 0; i--) {
        const t = tokens[i]!;
        if (!gapIsSpace(text, t, words[0]!)) break;
        if (isRoleWord(t.norm) || countryOf(t.text)) words.unshift(t);
        else break;
      }
    }
  }
  return words;
}

/** The last country named before `pos` in the sentence ("Syrian", "Turkey's", "In Syria"). */
function countryBefore(tokens: readonly Token[], index: number): string | null {
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (CAPITALISED.test(t.text)) {
      const c = countryOf(stripSuffix(t.text));
      if (c) return c;
    }
  }
  return null;
}

function roleFrom(words: Token[], tokens: readonly Token[], nameIndex: number): Role | null {
  const o = officeOf(words.map((w) => stripSuffix(w.text)));
  if (!o) return null;
  return {
    office: o.office,
    country: o.country ?? countryBefore(tokens, nameIndex - words.length),
    text: words.map((w) => w.text).join(' '),
  };
}

/** Names and untitled offices in one sentence. Offsets are body offsets. */
export function sentenceMentions(article: number, s: CompareSentence, ctx: MentionContext): { mentions: Mention[]; roles: RoleMention[] } {
  const text = s.text;
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  const roles: RoleMention[] = [];
  // A title-case line ("Lindsay Lohan Checks Into Rehab") capitalises every word: there only words other
  // sentences capitalise mid-sentence, countries, titles and acronyms can be part of a name.
  const nameWord = isTitleCase(tokens)
    ? (t: Token) =>
        ctx.properMidSentence.has(t.norm) || !!countryOf(stripSuffix(t.text)) || isRoleWord(t.norm) || ACRONYM.test(t.text)
    : () => true;
  for (const c of chunks(text, tokens, nameWord)) {
    let toks = c.tokens;
    let first = c.first;
    // "the Mona Lisa", "the Bataclan", "the Red Sea": a name after "the" is a thing or a place, not a person.
    const afterThe = toks[0]!.norm === 'the' || tokens[first - 1]?.norm === 'the';
    // Drop leading function words and, at a sentence start, ordinary words that are capitalised only there.
    // Acronyms ("US", "IS", "AA") are names wherever they stand, and so is a known given name ("Charles Schumer told…").
    while (toks.length && (STOPWORDS.has(toks[0]!.norm) || toks[0]!.norm === 'the') && !isAcronym(toks[0]!)) {
      toks = toks.slice(1);
      first++;
    }
    if (
      toks.length &&
      first === 0 &&
      !ctx.properMidSentence.has(toks[0]!.norm) &&
      !countryOf(stripSuffix(toks[0]!.text)) &&
      !isRoleWord(toks[0]!.norm) &&
      !isAcronym(toks[0]!) &&
      !(toks.length > 1 && isGivenName(toks[0]!.norm))
    ) {
      toks = toks.slice(1);
      first++;
    }
    // Hyphenated adjectives in front of a name ("Kurdish-led", "Druze-majority") are not part of it.
    while (toks.length && HYPHENATED_ADJECTIVE.test(toks[0]!.text) && !/^(al|el)-/i.test(toks[0]!.text)) {
      toks = toks.slice(1);
      first++;
    }
    if (!toks.length) continue;
    const norms = toks.map((t) => t.norm.replace(/'s$/, ''));
    const isOrg = norms.some((n) => ORG_WORDS.has(n));
    let role: Role | null = null;
    let nameToks = toks;
    if (!isOrg) {
      // Split a capitalised title off the front: "Turkish Foreign Minister | Hakan Fidan".
      let cut = -1;
      toks.forEach((t, i) => {
        if (ROLE_HEADS.has(t.norm) && i < toks.length - 1) cut = i;
      });
      if (cut >= 0) {
        let end = cut + 1;
        while (end < toks.length - 1 && ROLE_MODIFIERS.has(toks[end]!.norm)) end++;
        role = roleFrom(toks.slice(0, end), tokens, first + end);
        nameToks = toks.slice(end);
        first += end;
      } else if (toks.some((t) => ROLE_HEADS.has(t.norm)) && toks.every((t) => isRoleWord(t.norm) || countryOf(stripSuffix(t.text)))) {
        // An office without a name ("the Defense Minister").
        const o = officeOf(toks.map((t) => t.text));
        if (o && toks.some((t) => ROLE_HEADS.has(t.norm))) {
          roles.push({
            article,
            sentence: s.index,
            start: s.start + toks[0]!.start,
            end: s.start + toks[toks.length - 1]!.end,
            role: { office: o.office, country: o.country ?? countryBefore(tokens, first), text: toks.map((t) => t.text).join(' ') },
          });
        }
        continue;
      }
      // A demonym before a name is part of the title, not the name ("Syrian Asaad…" is rare; "Syrian" alone is an adjective).
      while (
        nameToks.length &&
        countryOf(nameToks[0]!.text) &&
        !countryOf(nameToks.map((t) => t.text).join(' ')) &&
        nameToks.length > 1 &&
        !ORG_WORDS.has(nameToks[1]!.norm)
      ) {
        nameToks = nameToks.slice(1);
        first++;
      }
    }
    // A trailing demonym is an adjective of the next word ("Senior Syrian officials").
    while (nameToks.length > 1 && demonymCode(nameToks[nameToks.length - 1]!.text) && !isOrg) nameToks = nameToks.slice(0, -1);
    if (!nameToks.length || nameToks.every((t) => isRoleWord(t.norm) || demonymCode(t.text))) continue;
    const lead = tokens[first - 1];
    const next = tokens[first + nameToks.length];
    if (!role && !isOrg) {
      const before = titleBefore(text, tokens, first);
      if (before.length) role = roleFrom(before, tokens, first);
    }
    const forms = nameToks.map((t, i) => (i === nameToks.length - 1 ? stripSuffix(t.text) : t.text));
    const lastTok = nameToks[nameToks.length - 1]!;
    const form = text.slice(nameToks[0]!.start, lastTok.start + forms[forms.length - 1]!.length);
    const single = nameToks.length === 1 ? nameToks[0]! : null;
    // A lone demonym or adjective ("Syrian", "Kurdish forces") names no one.
    if (
      single &&
      ((single.text.length <= 2 && !TWO_CAPITALS.test(single.text)) ||
        demonymCode(single.text) ||
        demonymCode(single.text.replace(/s$/, '')) ||
        (!role && !isOrg && looksAdjective(single, next)))
    )
      continue;
    let words = forms.map(nameKey).filter((w, i, all) => w && !(PARTICLES.has(w) && i < all.length - 1));
    if (!words.length) continue;
    const placeName = countryCode(forms.join(' '));
    // Another name of a known organisation ("ISIL", "Daesh", "GOP") is written as its first name.
    const orgLine = placeName ? -1 : organisationOf(words.join(' '));
    const knownOrg = orgLine >= 0 && (!CAPITALS_ONLY.has(words.join(' ')) || CAPITALS_AND_DOTS.test(form));
    if (knownOrg) words = ORGANISATION_FORMS[orgLine]![0]!.split(' ');
    const lastWord = words[words.length - 1]!;
    let type: MentionType = 'other';
    let strong = false;
    if (knownOrg) {
      type = 'organisation';
      strong = true;
    } else if (CREDIT_WORDS.has(lastWord) && !role) {
      type = 'other';
    } else if (words.length > 1 && PLACE_HEADS.has(lastWord) && !role && !isOrg) {
      type = 'place';
      strong = true;
    } else if (isOrg || SHORT_ACRONYM.test(forms.join(' '))) {
      type = placeName ? 'place' : 'organisation';
      strong = isOrg || !!placeName;
    } else if (role) {
      type = 'person';
      strong = true;
    } else if (placeName) {
      type = 'place';
      strong = true;
    } else if ((lead && PLACE_PREPOSITIONS.has(lead.norm)) || (next && PLACE_WORDS.has(next.norm))) {
      type = 'place';
    } else if (afterThe) {
      type = 'other';
    } else if ((next && SPEECH.test(next.norm)) || (lead && SPEECH.test(lead.norm)) || words.length >= 2) {
      type = 'person';
    }
    const endTok = nameToks[nameToks.length - 1]!;
    const after = text.slice(endTok.end);
    const acr = BRACKETED_ACRONYM.exec(after);
    mentions.push({
      article,
      sentence: s.index,
      form,
      words,
      start: s.start + nameToks[0]!.start,
      end: s.start + endTok.start + stripSuffix(endTok.text).length,
      type,
      strong,
      role,
      acronym: acr ? acr[1]! : null,
    });
  }
  return { mentions, roles };
}

/** Every word of four letters or more capitalised, three at least: a headline written in title case. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  let long = 0;
  for (const t of tokens) {
    if (!FOUR_LETTERS.test(t.text)) continue;
    if (!CAPITALISED.test(t.text)) return false;
    long++;
  }
  return long >= 3;
}

/** Keys that some sentence capitalises in the middle: proper names, as opposed to "Fears" or "Senior" at a sentence start. */
export function properNames(sentences: Array<Pick<CompareSentence, 'text' | 'kind'>>): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    if (s.kind === 'heading') continue; // Headlines capitalise every word.
    const toks = tokenize(s.text);
    if (isTitleCase(toks)) continue;
    for (let i = 1; i < toks.length; i++) if (CAPITALISED.test(toks[i]!.text)) out.add(toks[i]!.norm);
  }
  return out;
}
