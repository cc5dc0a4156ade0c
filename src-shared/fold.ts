/**
 * The one text fold: what "the same word, whatever its case, accents or script variants" means everywhere in
 * Parallax (search, the library and annotation filters, outlet names, comparison, title similarity, the tag
 * filter), so `kalin` finds Kalın in every box that takes text.
 *
 * Folding: NFKD, then drop combining marks (Latin accents, Arabic harakat U+064B–U+065F and U+0670),
 * tatweel and invisible format characters (bidi marks, zero-width joiners); Turkish ı/İ become i; Arabic
 * hamza carriers (أ إ آ ٱ ؤ ئ) become their bare letter; ة→ه, ى→ي, Persian ی/ک → ي/ك; Arabic-Indic and
 * Extended Arabic-Indic digits become ASCII digits; then lower case (final sigma folded to σ, ß to ss).
 *
 * Named variants, each for a caller that needs it:
 *   looseKey        the fold without spaces and punctuation: quick filters ("al-Assad" = "alassad")
 *   fingerprintKey  frozen: the duplicate key stored with every article (see its comment)
 */

/** Characters NFKD does not fold but the fold must: one code point in, a string out. */
const SPECIAL: Record<string, string> = {
  ı: 'i',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ς: 'σ',
  ß: 'ss',
};
for (let d = 0; d < 10; d++) {
  SPECIAL[String.fromCharCode(0x0660 + d)] = String(d);
  SPECIAL[String.fromCharCode(0x06f0 + d)] = String(d);
}

/** Dropped outright: combining marks, tatweel, format characters (bidi marks, ZWJ, soft hyphen, BOM). */
const DROP = /[\p{M}\p{Cf}\u0640]/u;
const DROP_ALL = /[\p{M}\p{Cf}\u0640]+/gu;
const SPECIAL_ALL = /[ıٱةىیکςß\u0660-\u0669\u06f0-\u06f9]/g;
const ASCII_PLAIN = /^[\x20-\x7e\n\t]*$/;

/** Fold a whole string at once. Plain ASCII (most of English news) is only lower-cased. */
export function fold(input: string): string {
  if (ASCII_PLAIN.test(input)) return input.toLowerCase();
  return input
    .normalize('NFKD')
    .replace(DROP_ALL, '')
    .toLowerCase()
    .replace(SPECIAL_ALL, (c) => SPECIAL[c]!);
}

const charCache = new Map<string, string>();

/**
 * Fold one code point, the same way `fold` folds it inside a string: callers that must know where each
 * folded character came from (search highlighting) build their output from these.
 */
export function foldCodePoint(c: string): string {
  let out = charCache.get(c);
  if (out !== undefined) return out;
  out = '';
  for (const d of c.normalize('NFKD')) {
    if (DROP.test(d)) continue;
    for (const l of d.toLowerCase()) out += DROP.test(l) ? '' : (SPECIAL[l] ?? l);
  }
  if (charCache.size < 50_000) charCache.set(c, out);
  return out;
}

/** The fold with everything but letters and digits removed: what the library and annotation filters compare. */
export const looseKey = (s: string): string => fold(s).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The key of "is this the same article?", hashed into every article's stored fingerprint: NFKD, combining
 * marks dropped, lower case, everything but letters and digits removed. FROZEN: notebooks keep the
 * fingerprints computed with it, and a re-imported file is a duplicate only if its key hashes the same. It
 * therefore keeps what `fold` folds further (Turkish ı, ß, tatweel, Arabic letter variants and digits);
 * changing it needs a migration that recomputes every stored fingerprint.
 */
export function fingerprintKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
