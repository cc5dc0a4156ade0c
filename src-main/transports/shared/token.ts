import { randomBytes, timingSafeEqual } from 'node:crypto';

export const newToken = () => randomBytes(24).toString('base64url');

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Compare secrets in constant time so response timing cannot leak the token byte by byte. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
