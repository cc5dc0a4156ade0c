import { describe, expect, it } from 'vitest';
import { renameIn, removeFrom } from './tag-tree';
import { creditArrived, creditOf, creditTags, followTagEdit, tagCreditsOf } from './tag-credits';

const at1 = '2026-12-01T10:00:00.000Z';
const at2 = '2026-12-02T10:00:00.000Z';

describe('tag credits', () => {
  it('credits a tag new to the article, keeps the others, and drops those taken off', () => {
    const credits = [creditOf('a', 'Ana', at1), creditOf('b', 'Ana', at1)];
    expect(creditTags(credits, ['a', 'b'], ['a', 'c'], (t) => creditOf(t, 'Ben', at2))).toEqual([
      { tag: 'a', by: 'Ana', at: at1 },
      { tag: 'c', by: 'Ben', at: at2 },
    ]);
  });

  it('never credits an older tag (put on before credits) to whoever tags the article next', () => {
    expect(creditTags(undefined, ['old'], ['old', 'new'], (t) => creditOf(t, 'Ben', at2))).toEqual([{ tag: 'new', by: 'Ben', at: at2 }]);
    expect(tagCreditsOf(['old', 'new'], [creditOf('new', 'Ben', at2)])).toEqual([
      { tag: 'old', by: null, at: null },
      { tag: 'new', by: 'Ben', at: at2 },
    ]);
  });

  it('outside a team a credit has a time and no name; the user name fills it in when asked', () => {
    const [c] = creditTags([], [], ['x'], (t) => creditOf(t, null, at1));
    expect(c).toEqual({ tag: 'x', at: at1 });
    expect(tagCreditsOf(['x'], [c!], 'Ana')).toEqual([{ tag: 'x', by: 'Ana', at: at1 }]);
  });

  it('a renamed tag keeps who put it on, children too; a deleted one loses its credit', () => {
    const credits = [creditOf('topic', 'Ana', at1), creditOf('topic/sec', 'Ben', at2), creditOf('other', 'Ana', at1)];
    expect(followTagEdit(credits, (tags) => renameIn(tags, ['topic'], 'theme'))).toEqual([
      { tag: 'theme', by: 'Ana', at: at1 },
      { tag: 'theme/sec', by: 'Ben', at: at2 },
      { tag: 'other', by: 'Ana', at: at1 },
    ]);
    expect(followTagEdit(credits, (tags) => removeFrom(tags, 'topic'))).toEqual([{ tag: 'other', by: 'Ana', at: at1 }]);
  });

  it('a merge of two tags the article had keeps one credit for the target', () => {
    const credits = [creditOf('a', 'Ana', at1), creditOf('b', 'Ben', at2)];
    expect(followTagEdit(credits, (tags) => renameIn(tags, ['a', 'b'], 'c'))).toEqual([{ tag: 'c', by: 'Ana', at: at1 }]);
  });

  it('a tag both copies put on keeps the earlier credit, whichever copy applies the other', () => {
    const ana = [creditOf('x', 'Ana', at1)];
    const ben = [creditOf('x', 'Ben', at2)];
    expect(creditArrived(ben, ['x'], ['x'], ['x'], () => ana[0]!)).toEqual(ana);
    expect(creditArrived(ana, ['x'], ['x'], ['x'], () => ben[0]!)).toEqual(ana);
  });

  it("another copy's new tag arrives with its sender's credit", () => {
    expect(creditArrived([], [], ['y'], ['y'], (t) => creditOf(t, 'Ben', at2))).toEqual([{ tag: 'y', by: 'Ben', at: at2 }]);
  });
});
