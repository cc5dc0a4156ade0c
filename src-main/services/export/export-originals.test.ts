import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../contract';
import { callHandler } from '../../../tests/helpers/api';
import { makePdf, proseLines } from '../../../tests/helpers/pdf-fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openBackend } from '../backend';
import { snapshotPaths } from '../store/snapshot-files';

/**
 * A Markdown bundle (the per-article layout, to a folder or as a zip) carries each article's original in
 * originals/, beside its notes: the PDF as imported, the page as saved (sanitised, no script). Single-file
 * exports cite the address and access date instead (citations.test.ts).
 */
const tempDir = useTempDirs();
const PAGE = `<!doctype html><html lang="en"><head><title>Port reopens after strike | Harbour Times</title><script>window.stolen = 1</script></head>
<body><article><h1>Port reopens after strike</h1>
<p>The port reopened on Tuesday after a week-long strike by dock workers ended with an agreement on pay, the harbour authority said.</p>
<p>Ships that had waited offshore began unloading within hours, and officials expected the backlog to clear by the weekend.</p></article></body></html>`;

async function notebookWithOriginals() {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const backend = await openBackend(join(dir, 'nb'), { create: true, durability: 'none', search: { runIn: 'inline' } });
  const api = async <M extends MethodName>(method: M, payload: unknown): Promise<MethodOutput<M>> => {
    const r = await callHandler(backend.handlers, method, payload);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as MethodOutput<M>;
  };
  const pdf = await makePdf({
    title: 'Floods on the Northern Shore',
    pages: [1, 2].map((p) => ({ lines: [...proseLines(12, p), { text: `Closing words of page ${p}.` }] })),
  });
  const imported = await api('articles.importFiles', {
    files: [{ name: 'floods.pdf', contentBase64: Buffer.from(pdf).toString('base64') }],
  });
  const pdfId = imported.imported[0]!.id;
  const page = await api('articles.importPage', { html: PAGE, url: 'https://harbour.example/news/port-reopens' });
  const text = await api('articles.importText', { title: 'Pasted note', text: 'A note pasted in, with no original to keep at all.' });
  return { dir, out, backend, api, pdf, pdfId, pageId: page.id, textId: text.imported[0]!.id };
}

const articleFileOf = (files: Record<string, string>, id: string) => Object.entries(files).find(([, t]) => t.includes(`parallax_id: ${id}`));

describe('a Markdown bundle carries the originals', () => {
  it('writes originals/ beside the notes, the PDF byte for byte and the page without script, each linked from its article', async () => {
    const { out, backend, api, pdf, pdfId, pageId, textId } = await notebookWithOriginals();
    const r = await api('export.write', { format: 'md', folder: out, name: 'bundle', options: { layout: 'per-article' } });
    const originals = readdirSync(join(out, 'originals')).sort();
    expect(originals).toHaveLength(2);
    expect(r.files.filter((f) => f.includes('/originals/'))).toHaveLength(2);
    const pdfName = originals.find((n) => n.endsWith('.pdf'))!;
    const pageName = originals.find((n) => n.endsWith('.html'))!;
    expect(Buffer.compare(readFileSync(join(out, 'originals', pdfName)), Buffer.from(pdf))).toBe(0);
    const savedPage = readFileSync(join(out, 'originals', pageName), 'utf8');
    expect(savedPage).toContain('dock workers ended with an agreement on pay');
    expect(savedPage).not.toMatch(/<script|stolen/);

    const notes = Object.fromEntries(readdirSync(out).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const [pdfFile, pdfNotes] = articleFileOf(notes, pdfId)!;
    // Named as its notes are, so the two sort side by side.
    expect(pdfName).toBe(pdfFile.replace(/\.md$/, '.pdf'));
    expect(pdfNotes).toContain(`original: originals/${pdfName}`);
    expect(pdfNotes).toMatch(new RegExp(`Original: \\[PDF as collected\\]\\(originals/${pdfName.replace(/[.]/g, '\\.')}\\) \\(fetched \\d{4}-\\d\\d-\\d\\d\\)`));
    expect(articleFileOf(notes, pageId)![1]).toContain(`[page as collected](originals/${pageName})`);
    expect(articleFileOf(notes, textId)![1]).not.toMatch(/original/i);
    await backend.close();
  });

  it('puts the same originals in the zip a download gets; a single Markdown file carries none', async () => {
    const { backend, api, pdf } = await notebookWithOriginals();
    const zip = await api('export.run', { format: 'md', options: { layout: 'per-article' } });
    const entries = unzipSync(Buffer.from(zip.contentBase64, 'base64'));
    const names = Object.keys(entries);
    const pdfEntry = names.find((n) => /\/originals\/[^/]+\.pdf$/.test(n))!;
    expect(Buffer.compare(Buffer.from(entries[pdfEntry]!), Buffer.from(pdf))).toBe(0);
    expect(strFromU8(entries[names.find((n) => /\/originals\/[^/]+\.html$/.test(n))!]!)).not.toContain('<script');
    const single = await api('export.run', { format: 'md', options: { layout: 'combined' } });
    expect(single.fileName).toMatch(/\.md$/);
    await backend.close();
  });

  it('refuses the export when an original is damaged, writing nothing, and says which', async () => {
    const { out, backend, api, pdfId } = await notebookWithOriginals();
    writeFileSync(snapshotPaths(backend.store.layout.root, pdfId, 'pdf').data, '%PDF-1.7 not the file that was saved');
    await expect(api('export.write', { format: 'md', folder: out, name: 'bundle', options: { layout: 'per-article' } })).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/is damaged \(it is not the file that was saved\)/),
    });
    expect(readdirSync(out)).toEqual([]);
    await backend.close();
  });
});
