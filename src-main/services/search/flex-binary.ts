/**
 * flexsearch's keys in a binary form, for the saved index. flexsearch's `import` takes a key's data either
 * as its JSON text or already parsed; at 100k articles its lists hold ~23 M ids, and `JSON.parse` of their
 * ~130 MB of digits was the largest part of a restart. Here the ids are Uint32 words read straight from
 * the file, and only the words (a few hundred thousand strings) are JSON.
 *
 * One key is one Uint32Array:
 *   MAGIC, word count W, byte length B of the words' JSON, the JSON's UTF-8 bytes (zero-padded to whole words),
 *   then for a `map` key, per word: its slot count, then per slot its id count (MISSING for an empty slot)
 *   and its ids; for a `reg` key, the ids.
 */
import type { Slots } from './flex-sweep';

const MAGIC = 0x58464c50; // "PLFX", little-endian
const MISSING = 0xffffffff;
const HEADER = 3;

/** A growable Uint32 buffer: a key is built in one and handed over whole (a few MB, see EXPORT_BYTES in flex-export.ts). */
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

function assemble(words: string[], body: Words | Uint32Array, bodyLength: number): Uint32Array {
  const json = Buffer.from(JSON.stringify(words), 'utf8');
  const jsonWords = Math.ceil(json.byteLength / 4);
  const out = new Uint32Array(HEADER + jsonWords + bodyLength);
  out[0] = MAGIC;
  out[1] = words.length;
  out[2] = json.byteLength;
  new Uint8Array(out.buffer, HEADER * 4, json.byteLength).set(json);
  out.set((body instanceof Words ? body.buf : body).subarray(0, bodyLength), HEADER + jsonWords);
  return out;
}

/** A `map` key being built: entries are added until `size` (in bytes) reaches the caller's bound. */
export class MapKeyWriter {
  private words: string[] = [];
  private body = new Words();
  private chars = 0;

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

  /** The key as written, and a fresh start for the next. */
  take(): Uint32Array {
    const out = assemble(this.words, this.body, this.body.length);
    this.words = [];
    this.body = new Words();
    this.chars = 0;
    return out;
  }
}

/** A `reg` key: the document ids. */
export function regKey(ids: readonly number[]): Uint32Array {
  return assemble([], Uint32Array.from(ids), ids.length);
}

class Damaged extends Error {
  constructor(what: string) {
    super(`a binary flexsearch key is damaged (${what})`);
  }
}

function header(data: Uint32Array): { words: string[]; at: number } {
  if (data.length < HEADER || data[0] !== MAGIC) throw new Damaged('no header');
  const count = data[1]!;
  const bytes = data[2]!;
  const at = HEADER + Math.ceil(bytes / 4);
  if (at > data.length) throw new Damaged('words cut short');
  const text = Buffer.from(data.buffer, data.byteOffset + HEADER * 4, bytes).toString('utf8');
  let words: unknown;
  try {
    words = JSON.parse(text);
  } catch {
    throw new Damaged('words are not JSON');
  }
  if (!Array.isArray(words) || words.length !== count || !words.every((w) => typeof w === 'string')) throw new Damaged('word list');
  return { words: words as string[], at };
}

/**
 * A key's data as flexsearch's `import` takes it once parsed: `[[word, slots], …]` for a map key, the ids
 * for a reg key (flexsearch reads them by index, so the Uint32Array view serves). Throws when the data does
 * not add up, so a damaged file is never half imported.
 */
export function decodeFlexKey(key: string, data: Uint32Array): [string, Slots][] | Uint32Array {
  const { words, at } = header(data);
  if (key.endsWith('.reg')) {
    if (words.length) throw new Damaged('a reg key with words');
    return data.subarray(at);
  }
  const entries: [string, Slots][] = new Array(words.length);
  let p = at;
  const end = data.length;
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
