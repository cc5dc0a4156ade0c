import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../store/durable-json-file';
import { openPrivateFolder } from '../store/notebook-lock';

/**
 * Pairing the browser extension with this notebook (ADR 006). The app shows a short code; the extension
 * trades it, once, for a long random token it keeps in its own storage. The app keeps only the token's
 * SHA-256 (a 256-bit random token needs no slow hash: nobody can guess one to match), with the extension's
 * origin, in `notebook.lock/extension-pairings.json`: a 0600 file in the 0700 folder where the app's API
 * token lives, which backups and exports leave out. A token works only from the origin that paired it.
 *
 * Codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), one live code at a time
 * (a new one replaces the last), valid for five minutes, good for one pairing. Guessing is bounded twice:
 * a code is burnt after five wrong tries, and at most ten tries a minute are looked at, whatever the code.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_WRONG_PER_CODE = 5;
export const MAX_TRIES_PER_MINUTE = 10;
/** Paired browsers kept; pairing one more forgets the oldest. */
export const MAX_PAIRINGS = 20;
export const PAIRINGS_FILE = 'extension-pairings.json';

/** `moz-extension://<uuid>` or `chrome-extension://<32 letters a–p>` (Chromium, Edge, Brave…); nothing else pairs. */
export const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

type Pairing = { hash: string; origin: string; pairedAt: string };
type PairingsFile = { format: 'parallax-extension-pairings'; pairings: Pairing[] };

export type RedeemResult =
  { ok: true; token: string } | { ok: false; reason: 'wrong' | 'expired' | 'throttled' | 'origin'; message: string };

export type PairingOptions = { now?: () => number };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
/** What a person types: any case, with or without the space or dash the app shows between the two halves. */
export const normaliseCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

export class ExtensionPairing {
  /** The port the extension listener is on; set by the transport that opened it. */
  port: number | null = null;
  private code: { value: string; expiresAt: number; wrong: number } | null = null;
  private tries: number[] = [];
  private pairings: Pairing[] | null = null;
  private readonly now: () => number;

  constructor(
    private readonly root: string,
    opts: PairingOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** A new code for the app to show; any earlier code stops working. */
  newCode(): { code: string; expiresAt: string } {
    let value = '';
    for (let i = 0; i < CODE_LENGTH; i++) value += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    const expiresAt = this.now() + CODE_TTL_MS;
    this.code = { value, expiresAt, wrong: 0 };
    return { code: `${value.slice(0, 4)}-${value.slice(4)}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Trade a code for a token, once; the token's hash and the origin are saved before the token is given out. */
  async redeem(typed: string, origin: string): Promise<RedeemResult> {
    if (!EXTENSION_ORIGIN.test(origin)) return { ok: false, reason: 'origin', message: 'Only the Parallax browser extension can pair' };
    const now = this.now();
    this.tries = this.tries.filter((t) => now - t < 60_000);
    if (this.tries.length >= MAX_TRIES_PER_MINUTE)
      return { ok: false, reason: 'throttled', message: 'Too many pairing attempts; wait a minute, then make a new code in Parallax' };
    this.tries.push(now);
    const code = this.code;
    if (!code || now >= code.expiresAt) {
      this.code = null;
      return {
        ok: false,
        reason: 'expired',
        message: 'No pairing code is open, or it expired: make a new one in Parallax (Connect browser…)',
      };
    }
    const given = normaliseCode(typed);
    if (given.length !== CODE_LENGTH || !sameSecret(given, code.value)) {
      code.wrong++;
      if (code.wrong >= MAX_WRONG_PER_CODE) this.code = null;
      return {
        ok: false,
        reason: 'wrong',
        message: this.code ? 'That is not the code Parallax shows' : 'Too many wrong codes: make a new one in Parallax (Connect browser…)',
      };
    }
    this.code = null; // single use, whatever happens next
    const token = randomBytes(32).toString('base64url');
    const pairings = await this.load();
    const next = [...pairings, { hash: hashOf(token), origin, pairedAt: new Date(now).toISOString() }].slice(-MAX_PAIRINGS);
    await this.save(next);
    return { ok: true, token };
  }

  /** Whether `token` was paired from `origin`. */
  async verify(token: string | undefined, origin: string | undefined): Promise<boolean> {
    if (!token || !origin || token.length > 200) return false;
    const hash = hashOf(token);
    let found = false;
    // Every stored hash is compared (in constant time), so timing says nothing about which one matched.
    for (const p of await this.load()) if (sameSecret(p.hash, hash) && p.origin === origin) found = true;
    return found;
  }

  async count(): Promise<number> {
    return (await this.load()).length;
  }

  async unpairAll(): Promise<void> {
    await this.save([]);
  }

  private async file(): Promise<string> {
    return join(await openPrivateFolder(this.root), PAIRINGS_FILE);
  }

  private async load(): Promise<Pairing[]> {
    if (this.pairings) return this.pairings;
    let text: string;
    try {
      text = await readFile(await this.file(), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      return (this.pairings = []);
    }
    try {
      const parsed = JSON.parse(text) as PairingsFile;
      this.pairings = Array.isArray(parsed.pairings)
        ? parsed.pairings.filter((p) => typeof p?.hash === 'string' && typeof p.origin === 'string')
        : [];
    } catch {
      // A file that does not parse pairs nobody: the browsers pair again, nothing else is lost.
      this.pairings = [];
    }
    return this.pairings;
  }

  private async save(pairings: Pairing[]): Promise<void> {
    const file = await this.file();
    const body: PairingsFile = { format: 'parallax-extension-pairings', pairings };
    // 0600 from the first byte (writeTemp creates the temp file exclusively with that mode), then renamed.
    await writeFileAtomic(file, JSON.stringify(body), dirname(file), 'fsync', 0o600);
    this.pairings = pairings;
  }
}
