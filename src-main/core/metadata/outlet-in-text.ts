/**
 * The outlet of a pasted whole page, from the places a site names itself in its own text: the copyright line
 * ("© 2019 The Hill. All rights reserved"), and its own links and prompts ("More from Sportsnet", "Follow The
 * Verge online", "Support The Guardian", "Vox homepage"), or its name alone as the first line (the logo's
 * text). A name counts when the page names itself so at least twice, or in its copyright line; the name is
 * never guessed from style or topic.
 */
import type { ClassifiedLine } from '../article/classify-lines';
import { looseKey } from '../../../src-shared/fold';

const COPYRIGHT =
  /^(?:all contents\s+)?(?:©|\(c\)|copyright\s*(?=©|\d))\s*(?:©\s*)?(?:copyright\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,.]?\s*)?(.{2,60}?)(?:\s*[.,|]\s|\s+all rights|\s+unless|\s*$)/iu;
const SELF =
  /^(?:more from|follow|support|subscribe to|about|contact|search|back to|welcome to|advertise (?:on|with)|shop|download the)\s+(.{2,40}?)(?:'s|’s)?(?:\s+(?:online|homepage|home page|newsletter|app|on \w+))?\s*:?$/iu;
const HOMEPAGE = /^(.{2,40}?)\s+(?:homepage|home page|main menu)$/iu;
/** A company's legal form after its name: "Vox Media, Inc.", "CNBC LLC", "ScienceAlert Pty Ltd". */
const LEGAL = /[\s,]+(?:inc|llc|ltd|limited|pty|plc|gmbh|ag|s\.?a|corp|corporation|company|co|group|media|media network|pvt|on)\.?$/iu;
/** Words a site's links use that are not its name: "About Us", "Back To Main Menu", "Follow RT on". */
const NOT_A_NAME =
  /^(us|me|you|policy|privacy|terms|main menu|menu|top|home|more|all|news|sections|search|newsletters?|our .*|this .*|the page|the site|the app)$/i;

const clean = (s: string) => {
  let t = s.trim().replace(/[.,:;]+$/, '');
  for (let i = 0; i < 3 && LEGAL.test(t); i++) t = t.replace(LEGAL, '').trim();
  return t;
};
const looksLikeName = (s: string) =>
  !NOT_A_NAME.test(s) && s.length >= 2 && s.length <= 40 && s.split(/\s+/).length <= 5 && /^[\p{Lu}\p{N}]/u.test(s) && !/[!?]/.test(s);

export function outletNamedInText(lines: ClassifiedLine[]): { outlet: string; cue: string; confidence: number } | null {
  const seen = new Map<string, { name: string; cue: string; count: number; copyright: boolean }>();
  const note = (raw: string, cue: string, copyright: boolean) => {
    const name = clean(raw);
    if (!looksLikeName(name)) return;
    const key = looseKey(name).replace(/^the/, '');
    if (key.length < 2) return;
    const e = seen.get(key) ?? { name, cue, count: 0, copyright: false };
    e.count++;
    e.copyright ||= copyright;
    if (copyright) e.cue = cue;
    seen.set(key, e);
  };
  const n = lines.length;
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (t.length > 200) return;
    const c = COPYRIGHT.exec(t);
    if (c && i > n / 2) note(c[1]!, t, true);
    const s = SELF.exec(t) ?? HOMEPAGE.exec(t);
    if (s) note(s[1]!, t, false);
  });
  // The logo's text: the first line alone, when the page also names itself so elsewhere.
  const first = lines.find((l) => l.text.trim());
  if (first && looksLikeName(clean(first.text)) && seen.has(looseKey(clean(first.text)).replace(/^the/, '')))
    note(first.text, first.text, false);
  let best: { name: string; cue: string; count: number; copyright: boolean } | null = null;
  for (const e of seen.values()) {
    // The copyright line alone is enough (it may name the parent company: a reader can correct it).
    const score = e.count + (e.copyright ? 1.5 : 0);
    if (score >= 2 && (!best || score > best.count + (best.copyright ? 1.5 : 0))) best = e;
  }
  return best ? { outlet: best.name, cue: best.cue, confidence: best.copyright ? 0.7 : 0.6 } : null;
}
