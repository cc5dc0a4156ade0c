/** A file picked or dropped, with the path it had inside a dropped folder. */
export type PickedFile = { name: string; file: File };

/** What Parallax imports: articles (text, saved web pages, Markdown), W3C annotation files, Parallax backups. */
export const IMPORTABLE = /\.(txt|text|html?|xhtml|md|markdown|pdf|jsonld|jsonl|zip)$/i;
export const IMPORT_ACCEPT = '.txt,.text,.html,.htm,.xhtml,.md,.markdown,.pdf,.jsonld,.jsonl,.zip,text/plain,text/html,text/markdown,application/pdf';

const MAX_BATCH_BYTES = 24 * 1024 * 1024;
const MAX_BATCH_FILES = 100;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Group files into uploads small enough for one request each, keeping their order. */
export function batchFiles(files: PickedFile[]): PickedFile[][] {
  const batches: PickedFile[][] = [];
  let current: PickedFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length && (bytes + f.file.size > MAX_BATCH_BYTES || current.length >= MAX_BATCH_FILES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.file.size;
  }
  if (current.length) batches.push(current);
  return batches;
}

function readEntry(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => {
          out.push({ name: prefix + file.name, file });
          resolve();
        },
        () => resolve(),
      ),
    );
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return new Promise((resolve) => {
    const all: FileSystemEntry[] = [];
    // readEntries returns at most ~100 entries per call: keep asking until it returns none.
    const next = () =>
      reader.readEntries(
        async (batch) => {
          if (batch.length) {
            all.push(...batch);
            next();
            return;
          }
          for (const e of all.filter((x) => !x.name.startsWith('.'))) await readEntry(e, `${prefix}${entry.name}/`, out);
          resolve();
        },
        () => resolve(),
      );
    next();
  });
}

/** Files from a drop, descending into dropped folders; only importable types are taken from folders. */
export async function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  if (entries.length === 0) return [...data.files].map((file) => ({ name: file.name, file }));
  for (const e of entries) {
    if (e.isFile) await readEntry(e, '', out);
    else {
      const inner: PickedFile[] = [];
      await readEntry(e, '', inner);
      out.push(...inner.filter((f) => IMPORTABLE.test(f.name)));
    }
  }
  return out;
}
