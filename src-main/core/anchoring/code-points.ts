/**
 * The W3C model counts TextPositionSelector offsets in Unicode code points; JavaScript strings and the DOM
 * count UTF-16 code units. An emoji or a rare CJK character is one code point but two units, so every
 * offset crossing the boundary between the stored selector and the renderer goes through these.
 */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The UTF-16 offset of code point number `cp`, or null when the text has fewer code points. */
export function codePointToUtf16(text: string, cp: number): number | null {
  if (cp < 0) return null;
  let units = 0;
  for (let n = 0; n < cp; n++) {
    if (units >= text.length) return null;
    units += isHigh(text.charCodeAt(units)) && isLow(text.charCodeAt(units + 1)) ? 2 : 1;
  }
  return units;
}

/** How many code points precede UTF-16 offset `offset` (an offset inside a surrogate pair counts the pair). */
export function utf16ToCodePoint(text: string, offset: number): number {
  const end = Math.min(Math.max(0, offset), text.length);
  let cp = 0;
  for (let i = 0; i < end; i++) {
    cp++;
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) i++;
  }
  return cp;
}

/** Move an offset that falls between the two halves of a surrogate pair out of it (backwards or forwards). */
export function snapOffset(text: string, offset: number, direction: 'back' | 'forward'): number {
  const o = Math.min(Math.max(0, offset), text.length);
  if (o > 0 && o < text.length && isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) {
    return direction === 'back' ? o - 1 : o + 1;
  }
  return o;
}

/** Length of `text` in code points. */
export const codePointLength = (text: string) => utf16ToCodePoint(text, text.length);
