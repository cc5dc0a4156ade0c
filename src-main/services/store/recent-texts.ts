import { stat } from 'node:fs/promises';

/** A file's size and modification time, or null when it cannot be read. */
const stampOf = (file: string): Promise<string | null> =>
  stat(file).then(
    (s) => `${s.size}:${s.mtimeMs}`,
    () => null,
  );

/**
 * The text of the article files a store read or wrote last. An edit is a read-modify-write of the file,
 * and in the app it follows the reader opening that article; with the file's text at hand the edit does
 * not wait on the disk again (at 100k articles the notebook is larger than what the OS keeps cached on the
 * reference machine, and a cold read took 5–20 ms). Texts, not records, are kept, so every reader parses
 * its own copy to change. A text is used only while the file's size and modification time are those it
 * was kept with (one `stat`), so a file changed behind the store's back (by hand, by a sync tool) is read
 * again.
 */
export class RecentTexts {
  private readonly texts = new Map<string, { text: string; stamp: string }>();

  constructor(readonly capacity: number) {}

  /** The kept text of `file`, if the file is still the one it was kept from. */
  async get(file: string): Promise<string | undefined> {
    const kept = this.texts.get(file);
    if (kept === undefined || kept.stamp !== (await stampOf(file))) return undefined;
    this.texts.delete(file);
    this.texts.set(file, kept);
    return kept.text;
  }

  /** Drop what is kept of `file` (it is being replaced). */
  forget(file: string): void {
    this.texts.delete(file);
  }

  /** Keep `text` as the content of `file` as it is on disk now (just read or written). */
  async keep(file: string, text: string): Promise<void> {
    const stamp = await stampOf(file);
    this.texts.delete(file);
    if (stamp === null) return;
    this.texts.set(file, { text, stamp });
    if (this.texts.size > this.capacity) this.texts.delete(this.texts.keys().next().value!);
  }
}
