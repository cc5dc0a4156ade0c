import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { CODE_ALPHABET, CODE_TTL_MS, ExtensionPairing, MAX_TRIES_PER_MINUTE, MAX_WRONG_PER_CODE, PAIRINGS_FILE } from './pairing';

const tempDir = useTempDirs();
const EXT = `chrome-extension://${'a'.repeat(32)}`;
const OTHER_EXT = `chrome-extension://${'b'.repeat(32)}`;

/** A pairing over a fresh notebook folder, with a clock the test moves. */
function setup() {
  const root = tempDir();
  const clock = { now: Date.parse('2026-01-01T10:00:00Z') };
  const pairing = new ExtensionPairing(root, { now: () => clock.now });
  return { root, clock, pairing };
}

const tokenOf = (r: Awaited<ReturnType<ExtensionPairing['redeem']>>) => {
  if (!r.ok) throw new Error(`not paired: ${r.message}`);
  return r.token;
};

describe('pairing the browser extension', () => {
  it('shows an eight-character code in two groups, without look-alike characters', () => {
    const { pairing } = setup();
    for (let i = 0; i < 50; i++) {
      const { code } = pairing.newCode();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const c of code.replace('-', '')) expect(CODE_ALPHABET).toContain(c);
    }
  });

  it('trades the code, typed in any case and spacing, for a long token that works from that origin only', async () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    const token = tokenOf(await pairing.redeem(` ${code.toLowerCase().replace('-', ' ')} `, EXT));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await pairing.verify(token, EXT)).toBe(true);
    expect(await pairing.verify(token, OTHER_EXT)).toBe(false);
    expect(await pairing.verify(`${token}x`, EXT)).toBe(false);
    expect(await pairing.verify(undefined, EXT)).toBe(false);
  });

  it('uses a code once', async () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    tokenOf(await pairing.redeem(code, EXT));
    const again = await pairing.redeem(code, OTHER_EXT);
    expect(again).toMatchObject({ ok: false, reason: 'expired' });
    expect(await pairing.count()).toBe(1);
  });

  it('refuses a code after five minutes, and an earlier code once a new one is shown', async () => {
    const { pairing, clock } = setup();
    const first = pairing.newCode().code;
    const second = pairing.newCode().code;
    if (first !== second) expect(await pairing.redeem(first, EXT)).toMatchObject({ ok: false, reason: 'wrong' });
    clock.now += CODE_TTL_MS;
    expect(await pairing.redeem(second, EXT)).toMatchObject({ ok: false, reason: 'expired' });
    expect(await pairing.count()).toBe(0);
  });

  it('burns a code after five wrong tries, so the right one no longer works', async () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    const wrong = code.replace(/^./, (c) => (c === '2' ? '3' : '2'));
    for (let i = 0; i < MAX_WRONG_PER_CODE; i++) expect(await pairing.redeem(wrong, EXT)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await pairing.redeem(code, EXT)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('looks at no more than ten tries a minute, whatever the code', async () => {
    const { pairing, clock } = setup();
    for (let i = 0; i < MAX_TRIES_PER_MINUTE; i++) {
      pairing.newCode();
      expect(await pairing.redeem('2222-2222', EXT)).toMatchObject({ ok: false });
    }
    const { code } = pairing.newCode();
    const throttled = await pairing.redeem(code, EXT);
    expect(throttled).toMatchObject({ ok: false, reason: 'throttled' });
    clock.now += 60_000;
    tokenOf(await pairing.redeem(code, EXT));
  });

  it('pairs only extension origins', async () => {
    const { pairing } = setup();
    const { code } = pairing.newCode();
    for (const origin of ['https://evil.example', 'http://127.0.0.1:48217', 'null', 'chrome-extension://short', `${EXT}.evil.example`]) {
      expect(await pairing.redeem(code, origin)).toMatchObject({ ok: false, reason: 'origin' });
    }
    tokenOf(await pairing.redeem(code, 'moz-extension://0b6c1f2e-8d4a-4c1b-9f3e-2a7d5c6b8e90'));
  });

  it('keeps only the token’s hash, in a 0600 file in the private lock folder, and reads it after a restart', async () => {
    const { root, pairing } = setup();
    const token = tokenOf(await pairing.redeem(pairing.newCode().code, EXT));
    const folder = join(root, 'notebook.lock');
    const file = join(folder, PAIRINGS_FILE);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).toContain(createHash('sha256').update(token).digest('hex'));
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const restarted = new ExtensionPairing(root);
    expect(await restarted.verify(token, EXT)).toBe(true);
    await restarted.unpairAll();
    expect(await restarted.verify(token, EXT)).toBe(false);
    expect(await new ExtensionPairing(root).verify(token, EXT)).toBe(false);
  });
});
