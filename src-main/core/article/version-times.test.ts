import { describe, expect, it } from 'vitest';
import type { ArticleVersion } from './version-times';
import { outletUpdatesOf } from './version-times';

const version = (fetchedAt: string, lastModified: string | null = null): ArticleVersion => ({
  fetchedAt,
  lastModified,
  etag: null,
  url: 'https://example.org/a',
  title: 'T',
  format: 'html',
  raw: '',
  body: '',
  wordCount: 0,
  fingerprint: fetchedAt,
});

describe('outletUpdatesOf: when the outlet changed the text', () => {
  it('lists each later version, by its Last-Modified when that is believable, else when the check found it', () => {
    const versions = [
      version('2026-11-30T08:00:00.000Z', 'Mon, 30 Nov 2026 06:00:00 GMT'),
      version('2026-11-30T16:00:00.000Z', 'Mon, 30 Nov 2026 14:00:00 GMT'),
      // A server that stamps every answer "now plus a bit", or a date from before the last fetch: not believed.
      version('2026-12-01T09:00:00.000Z', 'Tue, 01 Dec 2026 10:00:00 GMT'),
      version('2026-12-02T09:00:00.000Z', 'Sun, 29 Nov 2026 10:00:00 GMT'),
    ];
    expect(outletUpdatesOf(versions)).toEqual(['2026-11-30T14:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z']);
  });

  it('is empty for an article never found changed', () => {
    expect(outletUpdatesOf(undefined)).toEqual([]);
    expect(outletUpdatesOf([version('2026-11-30T08:00:00.000Z')])).toEqual([]);
  });
});
