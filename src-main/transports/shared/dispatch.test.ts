import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../contract';
import { AppError, methodNames, readOnlyMethods } from '../../contract';
import { openBackend } from '../../services/backend';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { dispatch } from './dispatch';

const tempDir = useTempDirs();
const backend = async () => {
  const b = await openBackend(join(tempDir(), 'nb'), { create: true, durability: 'none' });
  await b.handlers['notebook.importSample']({});
  return b;
};

describe('dispatch: the contract at the transport boundary', () => {
  it('has a handler for every method in the contract', async () => {
    const b = await backend();
    for (const m of methodNames) expect(typeof b.handlers[m], m).toBe('function');
  });

  it('names only real methods as read-only', () => {
    for (const m of readOnlyMethods) expect(methodNames, m).toContain(m);
  });

  it('rejects unknown methods and prototype keys', async () => {
    const b = await backend();
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await dispatch(b.handlers, m, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('rejects malformed payloads with BAD_INPUT naming the field, and changes nothing', async () => {
    const b = await backend();
    const [first] = (await b.handlers['articles.list']({ sort: 'date', offset: 0, limit: 10 })).items;
    const cases: Array<[string, unknown, RegExp]> = [
      ['articles.get', { id: 'x' }, /id: an article id/],
      ['articles.get', 'a string', /expected object/i],
      ['articles.get', [], /expected object/i],
      ['articles.update', { id: first!.id, patch: {} }, /the patch changes nothing/],
      ['articles.update', { id: first!.id, patch: { url: 'javascript:alert(1)' } }, /patch\.url: a URL must start with http/],
      ['articles.update', { id: first!.id, patch: { publishedAt: '2025-02-30' } }, /that date does not exist/],
      ['articles.update', { id: first!.id, patch: { outlet: 'x\u0000y' } }, /control characters/],
      ['articles.update', { id: first!.id, patch: { title: '   ' } }, /a title cannot be empty/],
      ['articles.update', { id: first!.id, patch: { colour: 'red' } }, /Unrecognized key/i],
      ['articles.list', { sort: 'colour' }, /sort/],
      ['articles.list', { limit: -1 }, /limit/],
      ['articles.importPaths', { paths: [] }, /at least one path/],
      ['articles.importFiles', { files: [{ name: 'a.txt', contentBase64: 'not base64!!' }] }, /base64/],
      ['articles.importFiles', { files: [{ name: '', contentBase64: '' }] }, /a file needs a name/],
      ['notebook.info', { extra: 1 }, /Unrecognized key/i],
    ];
    const before = await b.handlers['articles.get']({ id: first!.id });
    for (const [method, payload, message] of cases) {
      const r = await dispatch(b.handlers, method, payload);
      expect(r.ok, `${method} ${JSON.stringify(payload)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_INPUT');
        expect(r.error.message).toMatch(message);
      }
    }
    expect(await b.handlers['articles.get']({ id: first!.id })).toEqual(before);
    expect(b.store.size).toBe(5);
  });

  it('turns domain errors into their codes and never throws', async () => {
    const b = await backend();
    expect(await dispatch(b.handlers, 'articles.get', { id: '0123456789abcdef' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No article with id 0123456789abcdef' },
    });
    expect(await dispatch(b.handlers, 'articles.update', { id: '0123456789abcdef', patch: { outlet: 'X' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('saves a metadata edit and reports it as the user’s, with full confidence', async () => {
    const b = await backend();
    const [a] = (await b.handlers['articles.list']({ sort: 'title', offset: 0, limit: 1 })).items;
    const r = await dispatch(b.handlers, 'articles.update', {
      id: a!.id,
      patch: { outlet: '  The New Arab ', url: 'https://example.org/a', publishedAt: null },
    });
    expect(r).toMatchObject({ ok: true, value: { outlet: 'The New Arab', url: 'https://example.org/a', publishedAt: null } });
    const d = await b.handlers['articles.get']({ id: a!.id });
    expect(d.meta.outlet).toEqual({ value: 'The New Arab', confidence: 1, source: 'user', cue: null });
  });

  it('re-analysis keeps the raw text and the user’s corrections', async () => {
    const b = await backend();
    const [a] = (await b.handlers['articles.list']({ sort: 'title', offset: 0, limit: 1 })).items;
    await b.handlers['articles.update']({ id: a!.id, patch: { outlet: 'Corrected Outlet' } });
    const before = await b.handlers['articles.get']({ id: a!.id });
    expect(await b.handlers['articles.reanalyse']({ ids: [a!.id] })).toEqual({ reanalysed: 1 });
    const after = await b.handlers['articles.get']({ id: a!.id });
    expect(after.raw).toBe(before.raw);
    expect(after.outlet).toBe('Corrected Outlet');
    expect(after.body).toBe(before.body);
  });

  it('reports I/O failures as IO_ERROR (out of file handles in plain words), never as INTERNAL', async () => {
    const b = await backend();
    const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });
    const handlers: Handlers = {
      ...b.handlers,
      'notebook.info': async () => {
        throw errno('EMFILE', "too many open files, open '/nb/notebook.json'");
      },
      'articles.update': async () => {
        throw new AppError('IO_ERROR', "Cannot read /nb/articles/ab/x.json: ENFILE: file table overflow, open '/nb/articles/ab/x.json'");
      },
      'tags.list': async () => {
        throw errno('ENOSPC', "no space left on device, write '/nb/tmp/x'");
      },
    };
    const info = await dispatch(handlers, 'notebook.info', {});
    expect(info).toEqual({
      ok: false,
      error: {
        code: 'IO_ERROR',
        message:
          'The system is out of file handles (too many open files), so notebook.info could not be carried out and nothing was changed. Close some programs or wait a moment, then try again.',
      },
    });
    const [a] = (await b.handlers['articles.list']({ sort: 'title', offset: 0, limit: 1 })).items;
    const update = await dispatch(handlers, 'articles.update', { id: a!.id, patch: { outlet: 'X' } });
    expect(update).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: expect.stringMatching(/out of file handles.*may not have been saved/) },
    });
    expect(await dispatch(handlers, 'tags.list', {})).toEqual({
      ok: false,
      error: { code: 'IO_ERROR', message: "tags.list could not read or write a file: ENOSPC: no space left on device, write '/nb/tmp/x'" },
    });
  });

  it('cuts every error message to a bounded length, whatever a handler put in it', async () => {
    const b = await backend();
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers: Handlers = {
      ...b.handlers,
      'stories.list': async () => {
        throw new AppError('NOT_FOUND', `No story named ${huge}`);
      },
      'search.status': async () => {
        throw new Error(huge);
      },
    };
    try {
      for (const method of ['stories.list', 'search.status'] as const) {
        const r = await dispatch(handlers, method, {});
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.message.length, method).toBeLessThanOrEqual(2000);
          expect(r.error.message, method).toMatch(/x…$/);
        }
      }
    } finally {
      logged.mockRestore();
    }
  });
});
