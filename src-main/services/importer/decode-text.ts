import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { AppError, clipPath } from '../../contract/errors';

export type Decoded = { text: string; encoding: string };

/** Single-byte encodings we accept from chardet's guesses, mapped to the names TextDecoder knows. */
const singleByte: Record<string, string> = {
  'ISO-8859-1': 'windows-1252', // browsers and WHATWG treat Latin-1 as its superset, Windows-1252
  'windows-1252': 'windows-1252',
  'ISO-8859-9': 'windows-1254', // Turkish
  'windows-1254': 'windows-1254',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'ISO-8859-15': 'iso-8859-15',
  'windows-1256': 'windows-1256', // Arabic
  'ISO-8859-6': 'iso-8859-6',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
};

function decode(bytes: Uint8Array, encoding: string, fatal = false): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/**
 * Single-byte code pages go through iconv-lite: Node 20's TextDecoder decodes "windows-1252" as ISO-8859-1
 * (nodejs/node#56542), which turns curly quotes and dashes (0x80-0x9F) into invisible control characters.
 */
function decodeSingleByte(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** UTF-16 without a BOM still shows itself: nearly every other byte is zero in Latin text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > 0.4 * half && evenZero < 0.05 * half) return 'utf-16le';
  if (evenZero > 0.4 * half && oddZero < 0.05 * half) return 'utf-16be';
  return null;
}

export function hasNulBytes(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 65536).includes(0);
}

/**
 * Turn file bytes into text: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then UTF-16 without a BOM,
 * then chardet's best single-byte guess (Windows-1252 when it has none). Files that are none of these (NUL
 * bytes in what should be text) are refused as binary.
 */
export function decodeText(bytes: Uint8Array, fileLabel: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16 };
  if (hasNulBytes(bytes))
    throw new AppError('BINARY_FILE', `${clipPath(fileLabel)} looks like a binary file (it contains NUL bytes), not text`);
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8' };
  } catch {
    // Mostly UTF-8 with a few broken bytes (a truncated download, a bad copy): keep it UTF-8 and mark the
    // damage with U+FFFD rather than turning every accented letter into mojibake.
    const lossy = decode(bytes, 'utf-8');
    const broken = lossy.match(/\uFFFD/g)?.length ?? 0;
    // eslint-disable-next-line no-control-regex -- counting non-ASCII characters needs the ASCII range
    const multibyte = lossy.match(/[^\u0000-\u007F\uFFFD]/g)?.length ?? 0;
    if (multibyte > 0 && broken <= multibyte / 4) return { text: lossy, encoding: 'utf-8 (with invalid bytes replaced)' };
    const guess = analyse(bytes).find((g) => singleByte[g.name]);
    const encoding = guess ? singleByte[guess.name]! : 'windows-1252';
    return { text: decodeSingleByte(bytes, encoding), encoding };
  }
}

/**
 * Bytes whose charset was declared (a web server's `Content-Type: …; charset=`): a byte-order mark still wins,
 * as in browsers; otherwise the declared charset is used when it is one Parallax knows and the bytes are
 * plausible text in it. An unknown, wrong (UTF-8 declared, not UTF-8 bytes) or missing charset falls back
 * to the sniffing a file gets (decodeText).
 */
export function decodeDeclared(bytes: Uint8Array, charset: string | undefined, fileLabel: string): Decoded {
  const declared = charset?.trim().toLowerCase();
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!declared || hasBom || declared === 'utf-8' || declared === 'utf8' || /^utf-?16/.test(declared)) return decodeText(bytes, fileLabel);
  if (!iconv.encodingExists(declared)) return decodeText(bytes, fileLabel);
  if (hasNulBytes(bytes))
    throw new AppError('BINARY_FILE', `${clipPath(fileLabel)} looks like a binary file (it contains NUL bytes), not text`);
  // ISO-8859-1 and US-ASCII are read as Windows-1252, their superset on the web (WHATWG Encoding).
  const encoding = declared === 'iso-8859-1' || declared === 'latin1' || declared === 'us-ascii' || declared === 'ascii' ? 'windows-1252' : declared;
  return { text: decodeSingleByte(bytes, encoding), encoding };
}
