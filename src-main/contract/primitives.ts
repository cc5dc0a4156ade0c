import { z } from 'zod';

/** Characters that never belong in a metadata value: C0/C1 controls except tab. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export const ArticleId = z.string().regex(/^[a-z0-9]{8,32}$/, 'an article id is 8 to 32 lowercase letters or digits');

/** A calendar date, `YYYY-MM-DD`, that actually exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'that date does not exist');

/** One line of user-facing text: bounded, no control characters. */
export const ShortText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed');

export const HttpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'a URL must start with http:// or https://');

/** BCP-47-ish language tag as produced by detection (`en`, `ar`, `tr`) or typed by a user (`pt-BR`). */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language is a code such as en, ar or tr');
