import { MapKeyWriter, regKey } from './flex-binary';
import type { FlexData } from './engine-snapshot';
import type { FlexDocument } from './flex-sweep';
import { sweepable } from './flex-sweep';

/**
 * flexsearch's own `export` cuts a field's word map into keys by entry count, so at 100k articles the
 * body's first key (its most frequent words, whose lists are longest) is one JSON string of ~115 MB, built
 * in memory next to the index and read back as one string at the next start. This writes the same keys in
 * the same format, the one flexsearch's `import` reads (`<field>.<n>.map`: `[[word, slots], …]`, then
 * `<n>.reg`: the document ids), cut by size instead: each key is about `maxChars` of JSON.
 *
 * It reads flexsearch 0.8's layout (see flex-sweep.ts), which is why flexsearch is pinned to one version
 * (ADR 005). Where that layout does not hold, or the index keeps what this does not write (contexts, tags,
 * stored documents), it refuses: the save fails with a message, and the index is rebuilt from the articles
 * at the next start rather than saved in a form no loader reads.
 */
export const EXPORT_BYTES = 4 << 20;
const REG_CHUNK = 250_000;

type Extras = { tag?: Map<unknown, unknown> | null; store?: Map<unknown, unknown> | null };

function plain(flex: unknown): flex is FlexDocument & Extras {
  if (!sweepable(flex)) return false;
  const d = flex as FlexDocument & Extras;
  if (d.tag?.size || d.store?.size) return false;
  for (const ix of d.index.values()) if (ix.ctx?.size) return false;
  return true;
}

export async function exportFlex(
  flex: unknown,
  write: (key: string, data: FlexData) => Promise<void>,
  maxBytes = EXPORT_BYTES,
): Promise<void> {
  if (!plain(flex)) {
    throw new Error("flexsearch's in-memory layout is not the one this version of Parallax saves (flexsearch 0.8.212, ADR 005)");
  }
  for (const [field, ix] of flex.index) {
    let part = 0;
    const key = new MapKeyWriter();
    for (const [word, slots] of ix.map) {
      key.add(word, slots);
      if (key.size >= maxBytes) await write(`${field}.${++part}.map`, key.take());
    }
    if (key.entries) await write(`${field}.${part + 1}.map`, key.take());
  }
  const ids = [...flex.reg];
  for (let i = 0; i < ids.length; i += REG_CHUNK) await write(`${i / REG_CHUNK + 1}.reg`, regKey(ids.slice(i, i + REG_CHUNK)));
}
