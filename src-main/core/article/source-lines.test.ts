import { describe, expect, it } from 'vitest';
import { toSourceLines, wrapWidth } from './source-lines';

const texts = (s: string) => toSourceLines(s).map((l) => l.text);

// Wrapped at 60 characters, as an e-mail client or a plain-text archive does.
const WRAPPED = [
  'Foreign ministers from both countries met in the capital on',
  'Sunday to discuss the security of the border, and President',
  'Ahmed Example said the talks had gone well for both sides.',
  '',
  'The next round is planned for the spring, officials said.',
].join('\n');

describe('hard-wrapped lines', () => {
  it('are joined when the next line continues the sentence, even when it starts with a capital', () => {
    expect(texts(WRAPPED)).toEqual([
      'Foreign ministers from both countries met in the capital on Sunday to discuss the security of the border, and President Ahmed Example said the talks had gone well for both sides.',
      'The next round is planned for the spring, officials said.',
    ]);
  });

  it('are joined in Arabic, which has no capitals to go by', () => {
    const arabic = [
      'قال وزير الخارجية إن المحادثات التي جرت في العاصمة يوم الأحد',
      'تناولت أمن الحدود بين البلدين وسبل تعزيز التعاون في المرحلة',
      'المقبلة بما يخدم مصالح الشعبين وفق ما ذكرته وكالة الأنباء.',
    ].join('\n');
    expect(wrapWidth(arabic.split('\n'))).not.toBeNull();
    expect(texts(arabic)).toHaveLength(1);
  });

  it('a short line ends its paragraph: a headline over the story stays a line of its own', () => {
    expect(texts(`Ministers meet\n${WRAPPED}`)[0]).toBe('Ministers meet');
  });

  it('a page of one-line paragraphs of every length is not hard-wrapped, so a headline is never glued to a kicker', () => {
    const page = [
      'Syria foreign minister leads security delegation for talks in Turkey',
      'MENA',
      'The visit comes a week after violent clashes between the army and Kurdish forces in the north-east of the country, officials said.',
      'Turkey has pledged to provide military support and training to the new government, and the two sides will meet again next month.',
    ];
    expect(wrapWidth(page)).toBeNull();
    expect(texts(page.join('\n'))).toEqual(page);
  });
});
