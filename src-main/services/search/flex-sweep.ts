/**
 * flexsearch's `remove(id)` (without `fastupdate`) walks its whole inverted index to find the id: about
 * 0.1–0.25 s per call at 10k articles and seconds at 100k, once for every edit of an article. `fastupdate`
 * would make it cheap, but keeps a reference from every document to every posting list it is in (hundreds
 * of MB at 100k). So removed documents are only tombstoned (the engine skips them) and swept out in bulk:
 * one walk removes any number of ids.
 *
 * This reads flexsearch 0.8's in-memory layout (a Document's `index`: field → Index; an Index's `map`:
 * term → resolution slots → ids; `reg`: the ids it holds). `sweepable` checks that layout first; where it
 * does not hold, the caller removes ids one by one with `remove`, as before.
 */
export type Slots = (number[] | undefined)[];
export type FlexIndex = { map: Map<string, Slots>; reg: Set<number>; ctx?: Map<unknown, unknown>; depth?: number };
export type FlexDocument = { index: Map<string, FlexIndex>; reg: Set<number>; remove: (id: number) => void };

export function sweepable(flex: unknown): boolean {
  const d = flex as Partial<FlexDocument>;
  if (!(d.index instanceof Map) || !(d.reg instanceof Set)) return false;
  for (const ix of d.index.values()) {
    if (!(ix.map instanceof Map) || !(ix.reg instanceof Set) || ix.depth) return false;
  }
  return true;
}

/** Remove every id marked in `dead` (dead[id] === 1) from a flexsearch Document, in one pass over its index. */
export function sweepIds(flex: unknown, dead: Uint8Array, ids: number[]): void {
  const d = flex as FlexDocument;
  if (!sweepable(flex)) {
    for (const id of ids) d.remove(id);
    return;
  }
  for (const ix of d.index.values()) {
    for (const [term, slots] of ix.map) {
      let live = false;
      for (let s = 0; s < slots.length; s++) {
        const list = slots[s];
        if (!list) continue;
        let w = 0;
        for (let r = 0; r < list.length; r++) {
          const id = list[r]!;
          if (dead[id] !== 1) list[w++] = id;
        }
        if (w === 0) delete slots[s];
        else {
          list.length = w;
          live = true;
        }
      }
      if (!live) ix.map.delete(term);
    }
    for (const id of ids) ix.reg.delete(id);
  }
  for (const id of ids) d.reg.delete(id);
}
