/**
 * `parallax sync --conflicts` and `--resolve <id> --keep mine|theirs`: settling a conflict from the terminal,
 * through the same contract method as the app. The conflict is written into the notebook's sync state as a
 * sync records it (tests/sync/two-notebooks.test.ts makes real ones on a real cluster).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function writeConflicts(notebook: string, conflicts: unknown[]) {
  mkdirSync(join(notebook, 'sync'), { recursive: true });
  writeFileSync(join(notebook, 'sync', 'state.json'), JSON.stringify({ version: 1, remote: null, user: 'Ben', device: 'd1', lastSeq: 0, lastScanAt: null, shadows: {}, pushed: {}, conflicts, showOthers: true }));
}

async function notebookWithConflict() {
  const notebook = join(tempDir(), 'nb');
  expect((await cli(['init', '--sample', '--notebook', notebook])).code).toBe(0);
  const rows = (await cli(['list', '--json', '--notebook', notebook])).json() as Array<{ id: string; outlet: string | null }>;
  const article = rows[0]!;
  const conflict = { id: 'c0ffee000001', at: '2026-03-02T10:00:00.000Z', kind: 'article-meta', articleId: article.id, detail: 'outlet', kept: article.outlet, other: 'Reuters', otherAuthor: 'Ada', theirsAt: '2026-03-02T09:58:00.000Z', keptSide: 'mine' };
  writeConflicts(notebook, [conflict]);
  return { notebook, article, conflict };
}

describe('parallax sync --resolve', () => {
  it('lists the conflicts, keeps theirs (the value is set here) and the conflict leaves the list', async () => {
    const { notebook, article, conflict } = await notebookWithConflict();
    const listed = await cli(['sync', '--conflicts', '--notebook', notebook]);
    expect(listed.stdout).toContain(`conflict ${conflict.id}: article-meta ${article.id} outlet: kept yours`);
    expect(listed.stdout).toContain(`Ada's (2026-03-02T09:58:00.000Z) was "Reuters"`);
    const r = await cli(['sync', '--resolve', conflict.id, '--keep', 'theirs', '--json', '--notebook', notebook]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ applied: true, resolved: { id: conflict.id }, status: { conflicts: [] } });
    const shown = (await cli(['list', '--json', '--notebook', notebook])).json() as Array<{ id: string; outlet: string | null }>;
    expect(shown.find((a) => a.id === article.id)?.outlet).toBe('Reuters');
    expect((await cli(['sync', '--conflicts', '--json', '--notebook', notebook])).json()).toEqual([]);
  });

  it('rejects an unknown conflict, a side other than mine or theirs, and --keep alone, changing nothing', async () => {
    const { notebook, article, conflict } = await notebookWithConflict();
    const unknown = await cli(['sync', '--resolve', 'nope', '--keep', 'theirs', '--notebook', notebook]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No conflict nope in this notebook/);
    const side = await cli(['sync', '--resolve', conflict.id, '--keep', 'both', '--notebook', notebook]);
    expect(side.code).not.toBe(0);
    expect(side.stderr).toMatch(/keep 'mine' or 'theirs'/);
    const alone = await cli(['sync', '--keep', 'mine', '--notebook', notebook]);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toMatch(/give both --resolve <conflict-id> and --keep mine\|theirs/);
    const rows = (await cli(['list', '--json', '--notebook', notebook])).json() as Array<{ id: string; outlet: string | null }>;
    expect(rows.find((a) => a.id === article.id)?.outlet).toBe(article.outlet);
    expect(((await cli(['sync', '--conflicts', '--json', '--notebook', notebook])).json() as unknown[]).length).toBe(1);
  });

  it("keeps the other side of a conflict that is not a metadata field: a tag's colour, from the terminal", async () => {
    const notebook = join(tempDir(), 'nb');
    expect((await cli(['init', '--sample', '--notebook', notebook])).code).toBe(0);
    expect((await cli(['tags', 'color', 'security', '#0000aa', '--notebook', notebook])).code).toBe(0);
    const conflict = { id: 'c0ffee000002', at: '2026-03-02T10:00:00.000Z', kind: 'tag-colour', articleId: null, detail: 'security', kept: '#0000aa', other: '#00aa00', otherAuthor: 'Ada', theirsAt: '2026-03-02T09:58:00.000Z', keptSide: 'mine' };
    writeConflicts(notebook, [conflict]);
    const r = await cli(['sync', '--resolve', conflict.id, '--keep', 'theirs', '--json', '--notebook', notebook]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ applied: true, status: { conflicts: [] } });
    const tags = (await cli(['tags', '--json', '--notebook', notebook])).json() as Array<{ name: string; color: string | null }>;
    expect(tags.find((t) => t.name === 'security')?.color).toBe('#00aa00');
  });
});
