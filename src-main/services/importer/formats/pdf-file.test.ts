import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { makePdf, proseLines } from '../../../../tests/helpers/pdf-fixtures';
import type { PdfReader } from './pdf-file';
import { createPdfReader } from './pdf-file';

const readers: PdfReader[] = [];
const reader = (opts: Parameters<typeof createPdfReader>[0] = {}) => {
  const r = createPdfReader(opts);
  readers.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

const report = () =>
  makePdf({
    title: 'Floods on the Northern Shore',
    pages: [1, 2, 3].map((p) => ({ lines: [...proseLines(12, p), { text: `Closing words of page ${p}.` }] })),
  });

describe('reading a PDF text layer off the main thread', () => {
  it('reads it in a PDF worker thread, not the thread that serves the app', async () => {
    const r = reader();
    const text = await r.read(await report(), 'report.pdf');
    expect(text).toContain('Closing words of page 3.');
    expect(text).toContain('title: "Floods on the Northern Shore"');
    expect(r.threadIds).toHaveLength(1);
    expect(r.threadIds).not.toContain(threadId);
  });

  it('stops a file that takes longer than its time limit, refusing it with that reason, and reads the next', async () => {
    const bytes = await report();
    // 1 ms from the worker starting on the file: pdf.js has not even loaded by then.
    const hurried = reader({ timeLimitMs: 1 });
    await expect(hurried.read(bytes, 'slow.pdf')).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'slow.pdf took longer than 1 ms to read, so it was stopped; nothing was imported',
    });
    expect(hurried.threadIds).toEqual([]); // its worker was stopped: pdf.js cannot be interrupted otherwise
    // The time limit is per file and starts when a worker takes it: files waiting their turn are not timed.
    const patient = reader({ timeLimitMs: 60_000 });
    const texts = await Promise.all([1, 2, 3, 4].map((n) => patient.read(bytes, `copy-${n}.pdf`)));
    expect(texts.every((t) => t.includes('Closing words of page 3.'))).toBe(true);
    expect(patient.threadIds.length).toBeLessThanOrEqual(2);
  });

  it('refuses a file when its worker runs out of memory, with that reason, and the app goes on', async () => {
    const many = await makePdf({ pages: Array.from({ length: 60 }, (_, p) => ({ lines: proseLines(40, p) })) });
    // 4 MB is less than reading any PDF takes (pdf.js itself does not fit): the worker reaches its heap limit.
    const small = reader({ heapMb: 4 });
    await expect(small.read(many, 'huge-report.pdf')).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: 'huge-report.pdf needs more than 4 MB of memory to read; nothing was imported',
    });
    expect(small.threadIds).toEqual([]);
    await expect(reader().read(many, 'huge-report.pdf')).resolves.toContain('%parallax-pdf 1');
  });

  it('refuses what is no PDF, or too large, before starting a worker', async () => {
    const r = reader();
    await expect(r.read(Buffer.from('plain text'), 'notes.pdf')).rejects.toMatchObject({ code: 'UNREADABLE', message: expect.stringMatching(/no %PDF- header/) });
    await expect(r.read(new Uint8Array(101 * 1024 * 1024), 'big.pdf')).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(r.threadIds).toEqual([]);
  });
});
