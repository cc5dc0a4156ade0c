/**
 * Hierarchical tags, the parts every layer needs: the one spelling of a tag (the contract validates with
 * it, the tag box in the reader checks as you type) and the tree relations (`topic/security` is a child
 * of `topic`). Everything works on canonical names and is pure.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
export const TAG_MAX_LENGTH = 120;

/**
 * The one spelling of a tag: NFC, a leading "#" dropped (Obsidian habit), runs of white space collapsed,
 * white space around "/" removed. Returns the canonical name, or a sentence saying why it is not a tag.
 * Hierarchy is written with "/": `topic/security` is a child of `topic`.
 */
export function canonicalTag(input: string): { ok: true; tag: string } | { ok: false; message: string } {
  const tag = input
    .normalize('NFC')
    .replace(/^\s*#/, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
  if (tag === '') return { ok: false, message: 'a tag cannot be empty' };
  if (CONTROL_CHARS.test(input)) return { ok: false, message: 'a tag cannot contain control characters or line breaks' };
  if (tag.length > TAG_MAX_LENGTH) return { ok: false, message: `a tag is at most ${TAG_MAX_LENGTH} characters` };
  if (tag.includes(',')) return { ok: false, message: 'a tag cannot contain a comma (commas separate tags)' };
  if (tag.split('/').some((part) => part === '')) {
    return { ok: false, message: `"${tag}" has an empty level: write levels as parent/child, without a leading, trailing or double "/"` };
  }
  return { ok: true, tag };
}

/** Is `tag` the same as `parent` or one of its descendants? */
export const isUnder = (tag: string, parent: string) => tag === parent || tag.startsWith(`${parent}/`);

/** `topic/security/cyber` -> ['topic', 'topic/security']. */
export function ancestors(tag: string): string[] {
  const parts = tag.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The colour a tag shows: its own, else its nearest ancestor's. Only own entries count: a tag may be called
 * `constructor` or `__proto__` (the store keeps colours in a Map; the renderer builds a record from the list).
 */
export function effectiveColor(
  tag: string,
  colors: ReadonlyMap<string, string | null> | Readonly<Record<string, string | null>>,
): string | null {
  const own = (t: string): string | null =>
    colors instanceof Map ? (colors.get(t) ?? null) : Object.hasOwn(colors, t) ? (colors as Record<string, string | null>)[t] || null : null;
  if (own(tag)) return own(tag);
  const up = ancestors(tag)
    .reverse()
    .find((a) => own(a));
  return up ? own(up) : null;
}
