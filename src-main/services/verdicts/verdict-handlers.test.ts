import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../contract';
import type { Backend } from '../backend';
import { openBackend } from '../backend';
import { callHandler } from '../../../tests/helpers/api';
import { snapshotDir } from '../../../tests/helpers/annotated-backend';

let dir: string;
let backend: Backend;
let articleId: string;
let otherId: string;

async function api<M extends MethodName>(method: M, payload: unknown): Promise<MethodOutput<M>> {
  const r = await callHandler(backend.handlers, method, payload);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as MethodOutput<M>;
}
const failure = async (method: MethodName, payload: unknown) => {
  const r = await callHandler(backend.handlers, method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
};
/** The notebook's files, but not the search index (which a background indexer may write at any time). */
const files = () => snapshotDir(dir, (rel) => rel.startsWith('index') || rel.startsWith('search'));

const QUOTE = 'Senior Syrian officials arrived in Turkey on Sunday';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-verdict-'));
  backend = await openBackend(dir, { create: true, durability: 'none' });
  await backend.handlers['notebook.importSample']({});
  const entries = [...backend.store.entries()];
  articleId = entries.find((e) => e.title.startsWith('Syria FM leads'))!.id;
  otherId = entries.find((e) => e.id !== articleId)!.id;
});
afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const highlight = () => api('annotations.create', { articleId, target: { quote: { exact: QUOTE } } });

describe('verdicts on passages', () => {
  it('gives an annotation a verdict with rationale and sources, lists it, and takes it back', async () => {
    const a = await highlight();
    const set = await api('verdicts.set', {
      id: a.id,
      verdict: {
        rating: 'mostly-true',
        rationale: '  Two other outlets report the same visit.  ',
        sources: [
          { kind: 'article', articleId: otherId },
          { kind: 'link', url: 'https://example.org/visit', title: 'Ministry note' },
          { kind: 'article', articleId: otherId },
        ],
      },
    });
    expect(set.previous).toBeNull();
    expect(set.annotation.verdict).toMatchObject({ rating: 'mostly-true', rationale: 'Two other outlets report the same visit.', claim: null, story: null });
    expect(set.annotation.verdict!.sources).toHaveLength(2); // the repeated article counts once

    const listed = await api('verdicts.list', {});
    expect(listed.items.map((i) => i.id)).toEqual([a.id]);
    expect(listed.counts['mostly-true']).toBe(1);
    expect(listed.ratings.map((r) => r.id)).toEqual(['true', 'mostly-true', 'mixed', 'misleading', 'false', 'unverified']);

    const cleared = await api('verdicts.set', { id: a.id, verdict: null });
    expect(cleared.previous?.rating).toBe('mostly-true');
    expect(cleared.annotation.verdict).toBeUndefined();
    expect((await api('verdicts.list', {})).total).toBe(0);
    // The highlight itself stays.
    expect((await api('annotations.list', { articleId })).items.map((i) => i.id)).toContain(a.id);
  });

  it('keeps the verdict on its passage when the article is analysed again and when it is deleted and restored', async () => {
    const a = await highlight();
    await api('verdicts.set', { id: a.id, verdict: { rating: 'false', rationale: 'No such visit.' } });
    await api('articles.reanalyse', { ids: [articleId] });
    const after = (await api('verdicts.list', {})).items[0]!;
    expect(after.verdict.rating).toBe('false');
    expect(after.quote.exact).toBe(QUOTE);
    const removed = await api('annotations.delete', { id: a.id });
    expect((await api('verdicts.list', {})).total).toBe(0);
    await api('annotations.restore', { annotation: removed });
    expect((await api('verdicts.list', {})).items[0]!.verdict.rationale).toBe('No such visit.');
  });

  it('filters by rating and sorts truest first, or newest first', async () => {
    const body = (await api('articles.get', { id: articleId })).body;
    const made = [];
    for (const [i, rating] of ['false', 'true', 'unverified', 'mixed'].entries()) {
      made.push(await api('verdicts.create', { articleId, target: { start: i * 20, end: i * 20 + 10 }, verdict: { rating } }));
      await new Promise((r) => setTimeout(r, 3)); // each decided at a later millisecond than the one before
    }
    expect(body.length).toBeGreaterThan(80);
    const byRating = await api('verdicts.list', {});
    expect(byRating.items.map((i) => i.verdict.rating)).toEqual(['true', 'mixed', 'false', 'unverified']);
    const reversed = await api('verdicts.list', { direction: 'desc' });
    expect(reversed.items.map((i) => i.verdict.rating)).toEqual(['unverified', 'false', 'mixed', 'true']);
    const onlyFalse = await api('verdicts.list', { rating: 'false' });
    expect(onlyFalse.items.map((i) => i.id)).toEqual([made[0]!.id]);
    expect(onlyFalse.counts).toMatchObject({ false: 1, true: 1, mixed: 1, unverified: 1, misleading: 0 });
    const newest = await api('verdicts.list', { sort: 'decided' });
    expect(newest.items.map((i) => i.id)).toEqual([...made].reverse().map((m) => m.id));
  });

  it('marks a coverage-matrix row: a passage with a verdict naming its story, filterable by story', async () => {
    const story = await api('stories.create', { name: 'Talks', articleIds: [articleId, otherId] });
    const made = await api('verdicts.create', {
      articleId,
      target: { quote: { exact: QUOTE } },
      verdict: { rating: 'true', claim: 'Syrian officials visited Turkey on Sunday', story: story.id },
    });
    expect(made.verdict).toMatchObject({ story: story.id, claim: 'Syrian officials visited Turkey on Sunday' });
    expect(made.anchor.status).toBe('ok');
    await highlight().then((a) => api('verdicts.set', { id: a.id, verdict: { rating: 'false' } }));
    expect((await api('verdicts.list', { story: story.id })).items.map((i) => i.id)).toEqual([made.id]);
    // Editing the rating keeps the story and the claim.
    const edited = await api('verdicts.set', { id: made.id, verdict: { rating: 'mixed' } });
    expect(edited.annotation.verdict).toMatchObject({ rating: 'mixed', story: story.id, claim: 'Syrian officials visited Turkey on Sunday' });
  });
});

describe('bad verdicts change nothing', () => {
  it('refuses an unknown rating, a bad link, an unknown article or story, and a bad annotation id', async () => {
    const a = await highlight();
    const before = files();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ rating: 'pants-on-fire' }, 'BAD_INPUT', /Unknown rating "pants-on-fire"; this notebook's ratings are true, mostly-true/],
      [{ rating: 'True' }, 'BAD_INPUT', /rating id/],
      [{ rating: 'false', sources: [{ kind: 'link', url: 'javascript:alert(1)' }] }, 'BAD_INPUT', /http:\/\/ or https:\/\//],
      [{ rating: 'false', sources: [{ kind: 'link', url: 'file:///etc/passwd' }] }, 'BAD_INPUT', /http:\/\/ or https:\/\//],
      [{ rating: 'false', sources: [{ kind: 'article', articleId: '0123456789abcdef' }] }, 'NOT_FOUND', /article 0123456789abcdef, which is not in this notebook/],
      [{ rating: 'false', story: 'abcdef0123456789' }, 'NOT_FOUND', /No story with id abcdef0123456789/],
      [{ rating: 'false', rationale: 'x'.repeat(5001) }, 'BAD_INPUT', /at most 5000/],
      [{ rating: 'false', sources: [{ kind: 'book', title: 'x' }] }, 'BAD_INPUT', /kind/],
      [{ rating: 'false', extra: 1 }, 'BAD_INPUT', /extra/],
    ];
    for (const [verdict, code, message] of cases) {
      const e = await failure('verdicts.set', { id: a.id, verdict });
      expect(e.code, JSON.stringify(verdict)).toBe(code);
      expect(e.message).toMatch(message);
      const c = await failure('verdicts.create', { articleId, target: { quote: { exact: QUOTE } }, verdict });
      expect(c.code).toBe(code);
    }
    expect((await failure('verdicts.set', { id: 'zzzzzzzzzzzzzzzz', verdict: { rating: 'true' } })).code).toBe('NOT_FOUND');
    expect((await failure('verdicts.create', { articleId: '0123456789abcdef', target: { start: 0, end: 4 }, verdict: { rating: 'true' } })).code).toBe('NOT_FOUND');
    expect(files()).toEqual(before);
    expect((await api('verdicts.list', {})).total).toBe(0);
  });
});

describe('the ClaimReview export', () => {
  it('answers BAD_INPUT without the page it is published on, and writes the verdicts with it', async () => {
    const a = await highlight();
    await api('verdicts.set', { id: a.id, verdict: { rating: 'false', rationale: 'No such visit.' } });
    const e = await failure('export.run', { format: 'claimreview' });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/needs the address of the page/);
    const folder = mkdtempSync(join(tmpdir(), 'parallax-verdict-out-'));
    try {
      expect((await failure('export.write', { format: 'claimreview', folder })).code).toBe('BAD_INPUT');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const file = await api('export.run', { format: 'claimreview', options: { claimReview: { pageUrl: 'https://checks.example.org/' } } });
    const reviews = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as Array<{ reviewRating: { alternateName: string } }>;
    expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(['False']);
  });
});

describe('the list of ratings', () => {
  it('is editable, kept in the notebook, and never drops a rating a verdict uses', async () => {
    const { ratings } = await api('verdicts.ratings', {});
    const next = [...ratings, { id: 'satire', label: 'Satire', value: null }];
    await api('verdicts.setRatings', { ratings: next });
    const a = await highlight();
    await api('verdicts.set', { id: a.id, verdict: { rating: 'satire' } });

    await backend.close();
    backend = await openBackend(dir, { durability: 'none' });
    expect((await api('verdicts.ratings', {})).ratings.map((r) => r.id)).toContain('satire');

    const before = files();
    const e = await failure('verdicts.setRatings', { ratings: ratings });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/still used by verdicts: satire \(1 verdict\)/);
    const dup = await failure('verdicts.setRatings', { ratings: [...next, { id: 'true', label: 'Also true', value: 5 }] });
    expect(dup.code).toBe('BAD_INPUT');
    expect(dup.message).toMatch(/appears twice/);
    expect((await failure('verdicts.setRatings', { ratings: [] })).message).toMatch(/at least one rating/);
    expect((await failure('verdicts.setRatings', { ratings: [{ id: 'x', label: 'X', value: 0 }] })).message).toMatch(/1 to 100/);
    expect(files()).toEqual(before);
  });
});

describe('removing a rating that verdicts use', () => {
  const withSatire = async () => {
    const { ratings } = await api('verdicts.ratings', {});
    await api('verdicts.setRatings', { ratings: [...ratings, { id: 'satire', label: 'Satire', value: null }] });
    const a = await highlight();
    await api('verdicts.set', { id: a.id, verdict: { rating: 'satire', rationale: 'A parody site.' } });
    const b = await api('verdicts.create', { articleId: otherId, target: { start: 0, end: 12 }, verdict: { rating: 'satire' } });
    const c = await api('verdicts.create', { articleId: otherId, target: { start: 20, end: 30 }, verdict: { rating: 'false' } });
    return { ratings, a, b, c };
  };
  const ratingOf = async (id: string) => (await api('verdicts.list', {})).items.find((i) => i.id === id)!.verdict;

  it('moves its verdicts to the rating asked for, keeping when they were decided, and says which moved', async () => {
    const { ratings, a, b, c } = await withSatire();
    const decidedAt = (await ratingOf(a.id)).decidedAt;
    const result = await api('verdicts.setRatings', { ratings, moves: [{ from: 'satire', to: 'misleading' }] });
    expect(result.ratings.map((r) => r.id)).not.toContain('satire');
    expect(result.moved.map((m) => [m.id, m.from, m.to]).sort()).toEqual(
      [
        [a.id, 'satire', 'misleading'],
        [b.id, 'satire', 'misleading'],
      ].sort(),
    );
    expect(await ratingOf(a.id)).toMatchObject({ rating: 'misleading', rationale: 'A parody site.', decidedAt });
    expect((await ratingOf(c.id)).rating).toBe('false');
    expect((await api('verdicts.list', {})).counts).toMatchObject({ misleading: 2, false: 1 });
  });

  it('moves verdicts to a rating added in the same edit, and puts them back with reassign (undo)', async () => {
    const { ratings, a, b } = await withSatire();
    const renamed = ratings.map((r) => (r.id === 'false' ? { ...r, label: 'Pants on fire' } : r));
    const next = [...renamed, { id: 'parody', label: 'Parody', value: null }];
    const result = await api('verdicts.setRatings', { ratings: next, moves: [{ from: 'satire', to: 'parody' }] });
    expect(result.ratings.find((r) => r.id === 'false')!.label).toBe('Pants on fire');
    expect((await ratingOf(b.id)).rating).toBe('parody');

    const before = [...ratings, { id: 'satire', label: 'Satire', value: null }];
    const undone = await api('verdicts.setRatings', { ratings: before, reassign: result.moved.map((m) => ({ id: m.id, rating: m.from })) });
    expect(undone.ratings).toEqual(before);
    expect((await ratingOf(a.id)).rating).toBe('satire');
    expect((await ratingOf(b.id)).rating).toBe('satire');
  });

  it('refuses a move to a missing rating, from a kept one, or none at all, and changes nothing', async () => {
    const { ratings, a } = await withSatire();
    const before = files();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ratings, moves: [{ from: 'satire', to: 'parody' }] }, 'BAD_INPUT', /cannot move to "parody": the new list has no such rating/],
      [{ ratings, moves: [{ from: 'false', to: 'true' }] }, 'BAD_INPUT', /"false" stays in the list/],
      [
        { ratings, moves: [{ from: 'satire', to: 'true' }, { from: 'satire', to: 'false' }] },
        'BAD_INPUT',
        /moved twice/,
      ],
      [{ ratings }, 'CONFLICT', /still used by verdicts: satire \(2 verdicts\); say which rating their verdicts move to/],
      [{ ratings, moves: [{ from: 'satire', to: 'True' }] }, 'BAD_INPUT', /rating id/],
      [{ ratings, reassign: [{ id: a.id, rating: 'satire' }] }, 'BAD_INPUT', /cannot be put on "satire"/],
      [{ ratings, moves: [{ from: 'satire', to: 'true' }], reassign: [{ id: 'zzzzzzzzzzzz', rating: 'true' }] }, 'NOT_FOUND', /No verdict on the annotation zzzzzzzzzzzz/],
      [{ ratings: [...ratings, { id: 'any', label: 'Any', value: null }], moves: [{ from: 'satire', to: 'true' }] }, 'BAD_INPUT', /kept for the search filter verdict:any/],
      [{ ratings, moves: [{ from: 'satire', to: 'true', extra: 1 }] }, 'BAD_INPUT', /extra/],
    ];
    for (const [input, code, message] of cases) {
      const e = await failure('verdicts.setRatings', input);
      expect(e.code, JSON.stringify(input)).toBe(code);
      expect(e.message).toMatch(message);
    }
    expect(files()).toEqual(before);
    expect((await ratingOf(a.id)).rating).toBe('satire');
    expect((await api('verdicts.ratings', {})).ratings.map((r) => r.id)).toContain('satire');
  });
});
