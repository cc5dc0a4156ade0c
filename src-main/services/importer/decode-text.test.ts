import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../tests/helpers/seeds';
import iconv from 'iconv-lite';
import { decodeDeclared, decodeText } from './decode-text';

const text = 'Güler and Kalın met in Ankara — “£5m” deal; Türkiye';
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('encoding detection', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(utf16le(text), 'a.txt')).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(utf16be(text), 'a.txt')).toEqual({ text, encoding: 'utf-16be' });
  });

  it('reads UTF-16 LE without a BOM by its zero bytes', () => {
    const plain = 'Officials met in Ankara on Sunday to discuss security.';
    expect(decodeText(Buffer.from(plain, 'utf16le'), 'a.txt')).toEqual({ text: plain, encoding: 'utf-16le' });
  });

  it('reads Windows-1252 / Latin-1 (curly quotes, £, é)', () => {
    const latin = Buffer.from([0x93, 0x50, 0x72, 0x69, 0x63, 0x65, 0x73, 0x94, 0x20, 0xa3, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9]); // “Prices” £5 café
    const d = decodeText(latin, 'a.txt');
    expect(d.text).toBe('“Prices” £5 café');
    expect(d.encoding).toBe('windows-1252');
  });

  it('keeps mostly-UTF-8 text as UTF-8 and marks the broken bytes', () => {
    const broken = Buffer.concat([Buffer.from('Türkiye and Güler '), Buffer.from([0xff]), Buffer.from(' İbrahim Kalın')]);
    const d = decodeText(broken, 'a.txt');
    expect(d.text).toBe('Türkiye and Güler \uFFFD İbrahim Kalın');
    expect(d.encoding).toMatch(/^utf-8/);
  });

  it('refuses binary files, naming the file', () => {
    expect(() =>
      decodeText(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x01]),
        'photo.png',
      ),
    ).toThrow(/photo\.png looks like a binary file/);
  });

  const bbc = corpus('01-bbc-news-fulltext');
  it.runIf(bbc)('imports bbc/sport/199.txt (raw Latin-1 0xA3) with its £ intact', () => {
    const bytes = readFileSync(join(bbc!, 'bbc', 'sport', '199.txt'));
    expect(bytes.includes(0xa3)).toBe(true);
    const d = decodeText(bytes, '199.txt');
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('£');
    expect(d.text).not.toContain('\uFFFD');
  });
});

describe('decodeDeclared (a charset a web server named)', () => {
  const greek = 'Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες θα συνεχιστούν την Πέμπτη.';
  it('reads the bytes in the declared charset, which sniffing alone would misread', () => {
    const bytes = iconv.encode(greek, 'iso-8859-7');
    expect(decodeText(bytes, 'page').text).not.toBe(greek);
    expect(decodeDeclared(bytes, 'ISO-8859-7', 'page')).toEqual({ text: greek, encoding: 'iso-8859-7' });
  });
  it('lets a byte-order mark win, reads Latin-1 as Windows-1252, and sniffs when the charset is unknown or absent', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(greek, 'utf8')]);
    expect(decodeDeclared(bom, 'iso-8859-7', 'page').text).toBe(greek);
    expect(decodeDeclared(iconv.encode('“quoted” – dash', 'windows-1252'), 'iso-8859-1', 'page').text).toBe('“quoted” – dash');
    expect(decodeDeclared(Buffer.from(greek, 'utf8'), 'x-no-such-charset', 'page').text).toBe(greek);
    expect(decodeDeclared(Buffer.from(greek, 'utf8'), undefined, 'page').text).toBe(greek);
  });
  it('still refuses binary bytes', () => {
    expect(() => decodeDeclared(Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x01, 0x02, 0x00]), 'iso-8859-7', 'page')).toThrow(/binary/);
  });
});
