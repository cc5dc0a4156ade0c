import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 16 random base-36 characters (~82 bits): unique without coordination between windows, the CLI or machines. */
export function newAnnotationId(): string {
  const bytes = randomBytes(16);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
