import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../contract';
import { anchorPassage, rangeToPosition, reanchorAll, reanchorAnnotation } from './anchor';
import { codePointToUtf16, utf16ToCodePoint } from './code-points';
import { describeQuote } from './text-quote';

const BODY = [
  'The visit comes a week after violent clashes between the army and Kurdish forces in north-eastern Syria.',
  'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.',
  'Syrian foreign minister Asaad al-Shaibani, defence minister Ashraf Abu Qasra, and intelligence chief Hussein al-Salama were among the delegation.',
  '"We do not see Syria\'s security as separate from Turkey\'s security," he wrote on X.',
].join('\n\n');

/** Describe a passage of `text` the way the app does, and return its selectors. */
function select(text: string, passage: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`"${passage}" not in text`);
  const range = { start, end: start + passage.length };
  return { quote: describeQuote(text, range), position: rangeToPosition(text, range), range };
}

const at = (text: string, r: { range: { start: number; end: number } | null }) => (r.range ? text.slice(r.range.start, r.range.end) : null);

describe('anchorPassage', () => {
  const sentence = 'Senior Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.';

  it('is ok at its exact position when nothing changed', () => {
    const s = select(BODY, sentence);
    expect(anchorPassage(BODY, s.quote, s.position)).toEqual({ status: 'ok', range: s.range });
  });

  it('follows the passage when text is inserted before it (ok, new position)', () => {
    const s = select(BODY, sentence);
    const edited = `An added standfirst line about the talks.\n\n${BODY}`;
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).toBe('ok');
    expect(at(edited, r)).toBe(sentence);
  });

  it('is unaffected by text inserted or deleted after it', () => {
    const s = select(BODY, sentence);
    const edited = BODY.replace('he wrote on X.', 'he wrote on X, in a long post that continued for a while.');
    expect(anchorPassage(edited, s.quote, s.position)).toEqual({ status: 'ok', range: s.range });
    const shorter = BODY.slice(0, BODY.indexOf('"We do'));
    expect(anchorPassage(shorter, s.quote, s.position)).toEqual({ status: 'ok', range: s.range });
  });

  it('drifts, still covering the passage, when words are inserted inside it', () => {
    const s = select(BODY, sentence);
    const edited = BODY.replace('on Sunday for', 'on Sunday morning, local time, for');
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).toBe('drifted');
    expect(at(edited, r)).toBe(
      'Senior Syrian officials arrived in Turkey on Sunday morning, local time, for discussions about the security situation in Syria.',
    );
  });

  it('drifts when a word inside it is deleted or respelled', () => {
    const s = select(BODY, sentence);
    const deleted = BODY.replace('Senior Syrian officials', 'Syrian officials');
    const r1 = anchorPassage(deleted, s.quote, s.position);
    expect(r1.status).toBe('drifted');
    expect(at(deleted, r1)).toBe('Syrian officials arrived in Turkey on Sunday for discussions about the security situation in Syria.');
    const respelled = BODY.replace('arrived in Turkey', 'arrived in Türkiye');
    const r2 = anchorPassage(respelled, s.quote, s.position);
    expect(r2.status).toBe('drifted');
    expect(at(respelled, r2)).toContain('arrived in Türkiye on Sunday');
  });

  it('is orphaned when its text was removed, and never lands on unrelated text', () => {
    const s = select(BODY, sentence);
    const removed = BODY.replace(`${sentence}\n\n`, '');
    expect(anchorPassage(removed, s.quote, s.position)).toEqual({ status: 'orphaned', range: null });
    expect(anchorPassage('', s.quote, s.position)).toEqual({ status: 'orphaned', range: null });
  });

  it('orphans a short quote rather than matching a look-alike elsewhere', () => {
    const s = select(BODY, 'Ashraf');
    const edited = BODY.replace('Ashraf Abu Qasra', 'Murhaf Abu Qasra').replace('The visit', 'Ashrof visit');
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).not.toBe('ok');
    if (r.status === 'drifted') expect(at(edited, r)).not.toBe('Ashrof');
  });
});

describe('a passage at the very start or end of an article (an empty prefix or suffix)', () => {
  const opening = 'Talks resumed in Geneva on Monday, officials from both delegations said.';
  const later = 'The headline "Talks resumed in Geneva" ran in every paper, though little had changed.';
  const article = [opening, 'A second paragraph about the talks and the delegations.', later].join('\n\n');

  it('after its paragraph is deleted, the same words elsewhere are not an ok match: the missing context is no evidence', () => {
    const s = select(article, 'Talks resumed in Geneva');
    expect(s.quote.prefix).toBe('');
    const edited = article.slice(article.indexOf('A second paragraph'));
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).not.toBe('ok');
    if (r.status === 'drifted') expect(at(edited, r)).toBe('Talks resumed in Geneva');
  });

  it('the same at the very end: an empty suffix does not vouch for another copy', () => {
    const text = [later, 'A paragraph in between.', 'Officials said only: Talks resumed in Geneva'].join('\n\n');
    const s = select(text, 'Talks resumed in Geneva', 1);
    expect(s.quote.suffix).toBe('');
    const edited = text.slice(0, text.lastIndexOf('\n\nOfficials said'));
    expect(anchorPassage(edited, s.quote, s.position).status).not.toBe('ok');
  });

  it('is still ok where it is, and when text is added before it (its suffix agrees)', () => {
    const s = select(article, 'Talks resumed in Geneva');
    expect(anchorPassage(article, s.quote, s.position)).toEqual({ status: 'ok', range: s.range });
    const edited = `GENEVA (Reuters) -\n\n${article}`;
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).toBe('ok');
    expect(r.range!.start).toBe(edited.indexOf(opening));
  });

  it('a fuzzy match is judged on the context there is: a look-alike elsewhere, with no prefix to vouch for it, is not the passage', () => {
    const s = select(article, 'Talks resumed in Geneva on Monday');
    const lookAlike =
      'A second paragraph about the talks and the delegations.\n\nElsewhere: Talk resuming in Genoa, on Sunday. Nothing more to report from anyone.';
    expect(anchorPassage(lookAlike, s.quote, s.position)).toEqual({ status: 'orphaned', range: null });
    const edited = article.replace('Talks resumed in Geneva on Monday', 'Talks resumed in Geneva on Tuesday');
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).toBe('drifted');
    expect(at(edited, r)).toMatch(/^Talks resumed in Geneva on Tu/);
  });
});

describe('repeated text next to an anchor', () => {
  const text = 'We will meet. We will meet. They will not.';

  it('describes each occurrence uniquely and anchors each to its own place', () => {
    const first = select(text, 'We will meet.', 0);
    const second = select(text, 'We will meet.', 1);
    expect(anchorPassage(text, first.quote, first.position).range).toEqual(first.range);
    expect(anchorPassage(text, second.quote, second.position).range).toEqual(second.range);
  });

  it('keeps the second occurrence when text is inserted before both', () => {
    const second = select(text, 'We will meet.', 1);
    const edited = `Preface. ${text}`;
    const r = anchorPassage(edited, second.quote, second.position);
    expect(r.status).toBe('ok');
    expect(r.range!.start).toBe(edited.lastIndexOf('We will meet.'));
  });

  it('keeps the first occurrence when a third copy is inserted right after it', () => {
    const first = select(text, 'We will meet.', 0);
    const edited = text.replace('We will meet. We will meet.', 'We will meet. We will meet. We will meet.');
    const r = anchorPassage(edited, first.quote, first.position);
    expect(r.status).toBe('ok');
    expect(r.range!.start).toBe(0);
  });

  it('picks the copy whose context agrees, not the nearest one, after a big shift', () => {
    const t = 'Alpha said: yes. Beta said: yes. Gamma said: no.';
    const beta = select(t, 'yes', 1);
    const shifted = `${'Long preamble. '.repeat(20)}${t.replace('Alpha said: yes. ', '')}`;
    const r = anchorPassage(shifted, beta.quote, beta.position);
    expect(r.status).toBe('ok');
    expect(shifted.slice(r.range!.start - 11, r.range!.start)).toBe('Beta said: ');
  });

  it('moves to the remaining copy when one of two identical sentences is deleted', () => {
    const second = select(text, 'We will meet.', 1);
    const edited = 'We will meet. They will not.';
    const r = anchorPassage(edited, second.quote, second.position);
    expect(r.range).toEqual({ start: 0, end: 13 });
    expect(r.status).not.toBe('orphaned');
  });
});

describe('code points and UTF-16', () => {
  const text = 'Fidan 😃 said: 𝒳 is ours. Fidan 😃 said it twice.';

  it('stores positions in code points and renders in UTF-16', () => {
    const s = select(text, 'is ours');
    expect(s.position.start).toBe(utf16ToCodePoint(text, s.range.start));
    expect(s.position.start).toBe(s.range.start - 2); // two astral characters before it
    expect(codePointToUtf16(text, s.position.start)).toBe(s.range.start);
    expect(anchorPassage(text, s.quote, s.position)).toEqual({ status: 'ok', range: s.range });
  });

  it('never cuts an emoji in half in the context', () => {
    const s = select(text, 'said it twice.');
    for (const part of [s.quote.prefix, s.quote.suffix]) expect(part).toBe(part.normalize()); // no lone surrogates survive normalize
    expect(/[\uD800-\uDBFF]$/.test(s.quote.prefix) || /^[\uDC00-\uDFFF]/.test(s.quote.prefix)).toBe(false);
  });

  it('handles RTL text like any other', () => {
    const ar = 'قال الوزير: نحن لا نرى أمن سوريا منفصلا عن أمن تركيا. وأضاف الوزير كلاما آخر.';
    const s = select(ar, 'نحن لا نرى أمن سوريا');
    const edited = `مقدمة قصيرة. ${ar}`;
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).toBe('ok');
    expect(at(edited, r)).toBe('نحن لا نرى أمن سوريا');
  });
});

describe('long quotes', () => {
  it('re-anchors a quote longer than the fuzzy limit by its two ends', () => {
    const para = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} of the long report.`).join(' ');
    const text = `Intro line.\n\n${para}\n\nOutro line.`;
    const s = select(text, para);
    const edited = text.replace('Sentence number 200 of', 'Sentence number two hundred of');
    const r = anchorPassage(edited, s.quote, s.position);
    expect(r.status).toBe('drifted');
    expect(at(edited, r)).toBe(para.replace('Sentence number 200 of', 'Sentence number two hundred of'));
  });
});

describe('reanchorAnnotation', () => {
  const base = (text: string, passage: string): Annotation => {
    const s = select(text, passage);
    return {
      id: 'a1b2c3d4e5',
      articleId: '0123456789abcdef',
      createdAt: '2025-10-12T00:00:00.000Z',
      updatedAt: '2025-10-12T00:00:00.000Z',
      color: 'yellow',
      note: '',
      tags: [],
      quote: s.quote,
      position: s.position,
      anchor: { status: 'ok', start: s.range.start, end: s.range.end },
    };
  };

  it('moves the position selector of an exactly found passage and keeps the quote', () => {
    const a = base(BODY, 'Asaad al-Shaibani');
    const edited = `New first line.\n\n${BODY}`;
    const r = reanchorAnnotation(a, edited);
    expect(r.anchor.status).toBe('ok');
    expect(r.quote).toEqual(a.quote);
    expect(r.position.start).toBe(a.position.start + 'New first line.\n\n'.length);
    expect(edited.slice(r.anchor.start!, r.anchor.end!)).toBe('Asaad al-Shaibani');
  });

  it('keeps everything the user made when the passage is orphaned, and anchors again when the text returns', () => {
    const a = { ...base(BODY, 'Asaad al-Shaibani'), note: 'his name is spelled three ways', tags: ['actor/syria'] };
    const gone = BODY.replace('Asaad al-Shaibani, ', '');
    const orphan = reanchorAnnotation(a, gone);
    expect(orphan.anchor).toEqual({ status: 'orphaned', start: null, end: null });
    expect(orphan).toMatchObject({ note: a.note, tags: a.tags, quote: a.quote, position: a.position });
    const back = reanchorAnnotation(orphan, BODY);
    expect(back.anchor.status).toBe('ok');
    expect(BODY.slice(back.anchor.start!, back.anchor.end!)).toBe('Asaad al-Shaibani');
  });

  it('counts what changed across an article', () => {
    const list = [base(BODY, 'Asaad al-Shaibani'), base(BODY, 'Hussein al-Salama')];
    expect(reanchorAll(list, BODY).changed).toBe(0);
    const r = reanchorAll(list, BODY.replace('Hussein al-Salama', 'someone else'));
    expect(r.changed).toBe(1);
    expect(r.annotations.map((a) => a.anchor.status)).toEqual(['ok', 'orphaned']);
  });
});
