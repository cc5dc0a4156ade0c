/**
 * Rules that recognise the furniture pasted along with an article: navigation, reading times, section
 * labels, photo captions, share buttons, links to other stories. Each rule says, in words a reader
 * understands, why a line is not part of the article; the reader shows that reason when boilerplate is
 * revealed. There is no well-kept plain-text boilerplate library for JavaScript (Readability and jusText
 * need HTML), so the rules are ours, and they are data so they can grow without touching the analyser.
 */
/** `headerOnly` rules apply only near the top, where section labels sit; lower down the same shape is content. */
export type LineRule = { test: (line: string) => boolean; reason: string; headerOnly?: boolean };

const re = (pattern: RegExp, reason: string): LineRule => ({ test: (l) => pattern.test(l), reason });

const cookieWords = /\b(uses? cookies|use of cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b/i;

export const boilerplateRules: LineRule[] = [
  re(/^(skip|jump) to (the )?(main )?(content|navigation|article)$/i, 'navigation link'),
  re(/^\d{1,3}\s*(min|mins|minute|minutes)\.?\s+(read|listen)$/i, 'reading time'),
  re(
    /^(RECOMMENDED|Recommended( for you)?|Advertisement|ADVERTISEMENT|Sponsored|Listen( to this article)?|Print|Comments?)$/,
    'page furniture',
  ),
  re(
    /^(Share|Share this( article| story)?|Tweet|Email|Copy link|Follow us( on .*)?|Subscribe( now)?|Sign up.*newsletter.*)$/i,
    'share or subscribe button',
  ),
  re(/^Related(?=\S)|^(Related|Read more|Read also|Also read|See also|Read next|More on this story)\s*:/i, 'link to another article'),
  re(/^(©|\(c\)\s|Copyright\b)/i, 'copyright notice'),
  // The consent banner every site shows: "This website uses cookies to improve your experience…".
  { test: (l) => l.length <= 600 && cookieWords.test(l), reason: 'cookie notice' },
  // Photo captions end with a credit: "[Getty]", "/ AA", "/ Photo: Others / Others", "(Reuters)".
  re(/\[(Getty|AFP|Reuters|AP|EPA|AA|Anadolu)[^\]]{0,40}\]$/i, 'photo caption'),
  re(/\s\/\s*(AA|AFP|Reuters|AP|EPA|Getty( Images)?|Anadolu( Agency)?|Photo:.{0,60})$/i, 'photo caption'),
  re(/^(Photo|Image|Picture|Credit|Caption)s?\s*:/i, 'photo caption'),
  { test: isSectionLabel, reason: 'section label', headerOnly: true },
];

/** An all-capitals line of at most three words: "MENA", "TÜRKİYE", "WORLD NEWS". */
export function isSectionLabel(line: string): boolean {
  const t = line.trim();
  if (t.length > 30 || t.split(/\s+/).length > 3) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 0.7 * t.replace(/\s/g, '').length) return false;
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('tr') && letters !== letters.toLocaleLowerCase('tr');
}

/** A heading that introduces a list of other stories at the end of a page. */
export const trailingListMarker =
  /^(Explore|More stories|More from .{1,40}|Most read|Most popular|Read next|You may also like|You might also like|Related (stories|articles|news|coverage)|Latest( news)?|Trending|Top stories|Editor'?s picks)$/i;

export const bylinePattern = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|al|el|van|von|bin)){0,5})$/u;
export const sourceLinePattern = /^SOURCE\s*:\s*(.{2,80})$/i;
export const dateCuePattern = /^\s*(date|published|posted|updated|last updated)\s*:?\s+/i;
/** "Shafaq News – Ankara" */
export const outletDatelinePattern = /^(.{2,40}?)\s+[–—-]\s+(\p{Lu}[\p{L} .'’-]{1,30})$/u;
/** "ANKARA (Reuters) -" at the start of a paragraph. */
export const agencyDatelinePattern = /^(\p{Lu}[\p{Lu} .'’-]{2,30})\s*\(([^)]{2,40})\)\s*[-–—]\s+/u;

/**
 * The head of a page's comment thread: "Comments", "[ 167 comments ]", "Leave a Reply", "34 responses to …".
 * Readers' comments are prose too, so the thread is told apart from the story by this marker above it.
 */
export const commentsMarker =
  /^\[?\s*(\d+\s+)?(comments?|responses?|replies|reader comments|top rated comments|comments are closed|(leave|post|add|write) a (comment|reply)|join the (discussion|conversation)|(show|view|read|see) (all )?(\d+ )?comments)\s*(\(\d+\))?[.:]?\s*\]?$|^(.{0,60}\s)?\d+ (comments|responses|replies)( to\b.{0,160}|\b.{0,60})$/i;

/** A reader's comment signed with its time: "Alex on September 17, 2018 at 6:34 am said:". */
export const commentAttribution = /^(?=.{3,120}$)(?=.*(\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b)).*\b(said|says|wrote|commented)\s*:$/i;
