/**
 * flexsearch's keys in a binary form, for the saved index. flexsearch's `import` takes a key's data either
 * as its JSON text or already parsed; at 100k articles its lists hold ~23 M ids, and `JSON.parse` of their
 * ~130 MB of digits was the largest part of a restart. Here the ids are Uint32 words read straight from
 * the file, and only the words (a few hundred thousand strings) are JSON.
 *
 * One key is one Uint32Array:
 *   MAGIC, word count W, byte length B of the words' JSON,
 *   then for a `map` key, per word: its slot count, then per slot its id count (MISSING for an empty slot)
 *   and its ids; for a `reg` key, the ids;
 *   then the words' JSON in UTF-8, zero-padded to whole words (last, so a key is built in one buffer
 *   without knowing the JSON's length first).
 */
import type { Slots } from './flex-sweep';

const MAGIC = 0x58464c50; // "PLFX", little-endian
const MISSING = 0xffffffff;
const HEADER = 3;
const utf8 = new TextEncoder();

/** A growable Uint32 buffer. */
class Words {
  buf = new Uint32Array(1 << 16);
  length = 0;
  reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint32Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  push(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }
}

/** Append the words' JSON and fill in the header: the key is the buffer's first `length` words. */
function finish(key: Words, words: string[]): Uint32Array {
  const json = JSON.stringify(words);
  key.reserve(Math.ceil((json.length * 3) / 4) + 1); // UTF-8 takes at most 3 bytes per UTF-16 unit
  const at = key.length;
  const bytes = new Uint8Array(key.buf.buffer, at * 4, (key.buf.length - at) * 4);
  const { written } = utf8.encodeInto(json, bytes);
  const jsonWords = Math.ceil(written / 4);
  bytes.fill(0, written, jsonWords * 4);
  key.length = at + jsonWords;
  key.buf[0] = MAGIC;
  key.buf[1] = words.length;
  key.buf[2] = written;
  return key.buf.subarray(0, key.length);
}

/**
 * A `map` key being built: entries are added until `size` (in bytes) reaches the caller's bound. One
 * buffer serves every key, so a save of ~100 MB of keys does not leave ~100 MB of freed buffers behind
 * (they are allocated outside V8's heap, and the C allocator keeps much of what is freed).
 */
export class MapKeyWriter {
  private words: string[] = [];
  private body = new Words();
  private chars = 0;

  constructor() {
    this.body.length = HEADER;
  }

  add(word: string, slots: Slots): void {
    this.words.push(word);
    this.body.push(slots.length);
    for (let s = 0; s < slots.length; s++) {
      const list = slots[s];
      if (!list) {
        this.body.push(MISSING);
        continue;
      }
      this.body.reserve(list.length + 1);
      const buf = this.body.buf;
      let p = this.body.length;
      buf[p++] = list.length;
      for (let i = 0; i < list.length; i++) buf[p++] = list[i]!;
      this.body.length = p;
    }
    this.chars += word.length + 3;
  }

  get entries(): number {
    return this.words.length;
  }

  /** About the bytes this key will take. */
  get size(): number {
    return this.body.length * 4 + this.chars;
  }

  /** The key as written, valid until the next `take` (its buffer is reused); then a fresh start. */
  take(): Uint32Array {
    const out = finish(this.body, this.words);
    this.words = [];
    this.body.length = HEADER;
    this.chars = 0;
    return out;
  }
}

/** A `reg` key: the document ids. */
export function regKey(ids: readonly number[]): Uint32Array {
  const key = new Words();
  key.reserve(HEADER + ids.length + 1);
  key.buf.set(ids, HEADER);
  key.length = HEADER + ids.length;
  return finish(key, []);
}

class Damaged extends Error {
  constructor(what: string) {
    super(`a binary flexsearch key is damaged (${what})`);
  }
}

/** The key's words, and where its lists end (its words' JSON follows them). */
function header(data: Uint32Array): { words: string[]; end: number } {
  if (data.length < HEADER || data[0] !== MAGIC) throw new Damaged('no header');
  const count = data[1]!;
  const bytes = data[2]!;
  const end = data.length - Math.ceil(bytes / 4);
  if (end < HEADER) throw new Damaged('words cut short');
  const text = Buffer.from(data.buffer, data.byteOffset + end * 4, bytes).toString('utf8');
  let words: unknown;
  try {
    words = JSON.parse(text);
  } catch {
    throw new Damaged('words are not JSON');
  }
  if (!Array.isArray(words) || words.length !== count || !words.every((w) => typeof w === 'string')) throw new Damaged('word list');
  return { words: words as string[], end };
}

/**
 * A key's data as flexsearch's `import` takes it once parsed: `[[word, slots], …]` for a map key, the ids
 * for a reg key (flexsearch reads them by index, so the Uint32Array view serves). Throws when the data does
 * not add up, so a damaged file is never half imported.
 */
export function decodeFlexKey(key: string, data: Uint32Array): [string, Slots][] | Uint32Array {
  const { words, end } = header(data);
  if (key.endsWith('.reg')) {
    if (words.length) throw new Damaged('a reg key with words');
    return data.subarray(HEADER, end);
  }
  const entries: [string, Slots][] = new Array(words.length);
  let p = HEADER;
  for (let w = 0; w < words.length; w++) {
    if (p >= end) throw new Damaged('cut short');
    const count = data[p++]!;
    if (count > end - p) throw new Damaged('slot count');
    const slots: Slots = new Array(count);
    for (let s = 0; s < count; s++) {
      if (p >= end) throw new Damaged('cut short');
      const n = data[p++]!;
      if (n === MISSING) continue;
      if (n > end - p) throw new Damaged('list length');
      const list: number[] = new Array(n);
      for (let i = 0; i < n; i++) list[i] = data[p++]!;
      slots[s] = list;
    }
    entries[w] = [words[w]!, slots];
  }
  if (p !== end) throw new Damaged('trailing data');
  return entries;
}
