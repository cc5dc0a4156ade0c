import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src-main/contract';
import { callHandler, dispatch } from '../helpers/api';

/** Service tests and the transports go through one dispatcher: same validation, same messages, same Results. */
describe('calling a handler in a service test', () => {
  const handlers = {
    'articles.get': async () => {
      throw new TypeError('boom');
    },
  } as unknown as Handlers;

  it('answers bad input exactly as a transport does, naming the field', async () => {
    const viaTest = await callHandler(handlers, 'articles.get', { id: 'not an id!' });
    expect(viaTest).toEqual(await dispatch(handlers, 'articles.get', { id: 'not an id!' }));
    expect(viaTest.ok ? null : viaTest.error.message).toMatch(/^Invalid input for articles\.get: id: /);
  });

  it('turns an unexpected exception into INTERNAL, as a transport does, rather than throwing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await callHandler(handlers, 'articles.get', { id: '0123456789abcdef' });
    log.mockRestore();
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
