/**
 * The keyboard model of every long list (library, all annotations, search results): where the active row
 * goes for a key, or null when the key is not a movement. Works on indexes, so it does not matter whether
 * the target row is loaded yet: the list scrolls there and the page is fetched.
 */
export function targetRow(key: string, active: number, count: number, pageRows: number): number | null {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  const page = Math.max(1, pageRows);
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(active + page);
    case 'PageUp':
      return clamp(active - page);
    default:
      return null;
  }
}
