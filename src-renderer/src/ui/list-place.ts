/** Where a row of a virtualised list sits: its index, the list's length, its offset and the measuring ref. */
export type ListPlace = {
  index: number;
  setSize: number;
  measureRef: (el: HTMLElement | null) => void;
  style: React.CSSProperties;
};

/** The attributes every virtualised row carries: measured by the virtualiser, "n of N" for screen readers. */
export const placeProps = (p: ListPlace | undefined) =>
  p ? { ref: p.measureRef, 'data-index': p.index, 'aria-posinset': p.index + 1, 'aria-setsize': p.setSize, style: p.style } : {};
