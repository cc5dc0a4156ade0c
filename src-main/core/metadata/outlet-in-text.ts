/**
 * The outlet of a pasted whole page, from the places a site names itself in its own text: the copyright line
 * ("© 2019 The Hill. All rights reserved"), its own links and prompts ("More from Sportsnet", "Contact CT
 * Post", "Advertise on MacRumors", "Support The Guardian"), its sections and services named after it ("WSJ
 * Video", "Fox News Shop", "SFGate Staff"), a writer's note ("… is a reporter for NBC News."), or its name
 * alone as the first line (the logo's text). A name counts when the page names itself so on at least two
 * different lines (a menu printed in the header and the footer is one), or in its copyright line; when the
 * copyright line names a company the page names nowhere else (an owner such as "Hearst Communications") and
 * the page names itself twice otherwise, its own name wins. The name is never guessed from style or topic.
 */
import type { ClassifiedLine } from '../article/classify-lines';
import { looseKey } from '../../../src-shared/fold';

const COPYRIGHT =
  /^(?:all contents\s+)?(?:©|\(c\)|copyright\s*(?=©|\d))\s*(?:©\s*)?(?:copyright\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,.]?\s*)?(.{2,60}?)(?:\s*[.,|]\s|\s+all rights|\s+unless|\s*$)/iu;
const SELF =
  /^(?:more from|more on|follow|support|subscribe to|about|contact|search|back to|welcome to|advertise (?:on|with)|shop|download the|talk to|work at|who pays for|why you can trust|keep up to date with|originally published on|sign up for(?: the)?|watch)\s+(.{2,40}?)(?:'s|’s)?(?:\s+(?:online|homepage|home page|newsletters?|news!|app|apps|on \w+|customer support|delivered to your inbox))?\s*[:.!]?$/iu;
/** The site's own sections and services, named after it: "WSJ Video", "Fox News Shop", "SFGate Staff". */
const HOMEPAGE =
  /^(.{2,40}?)\s+(?:homepage|home page|main menu|staff|newsletters?|shop|store|apps?|radio|video|archives|corporate|worldwide|go|membership|rss)$/iu;
/** "Phil Doe is a reporter for NBC News.", "Senior editor at Gizmodo.": a writer's note names the outlet. */
const WRITER_AT =
  /\b(?:is an? (?:\w+ )?(?:reporter|writer|editor|correspondent|columnist) (?:for|at)|(?:editor|writer|reporter) at)\s+(\p{Lu}[\p{L}\p{N}.&' -]{1,38}?)\.?$/u;

/** A company's legal form after its name: "Vox Media, Inc.", "CNBC LLC", "ScienceAlert Pty Ltd". */
const LEGAL =
  /[\s,&]+(?:inc|llc|ltd|limited|pty|plc|gmbh|ag|s\.?a|corp|corporation|company|co|group|media|media network|pvt|on|\d{4})\.?$/iu;
/** Words a site's links use that are not its name: "About Us", "Back To Main Menu", "Follow RT on". */
const NOT_A_NAME =
  /^(us|me|you|policy|privacy|terms|main menu|menu|top|home|more|all|news|sections|search|newsletters?|our .*|this .*|our|join our|daily|weekly|upcoming|subscriber|job|tips|most recent|latest|editorial|the page|the site|the app|all rights reserved|rights reserved|site|website|page|app|apps|the editor|editor|editors|author|a .*|an .*|my .*|your .*|\d+)$/i;

const clean = (s: string) => {
  // "Copyright India Post", "Al Bawaba (www.albawaba.com)": the word and the web address around the name go.
  let t = s
    .trim()
    .replace(/^(?:copyright|©|by)\s+/i, '')
    .replace(/\s+(?:editorial|news desk)$/i, '')
    .replace(/\s*\((?:www\.)?[\w-]+\.[\w.]+\)$/u, '')
    .replace(/[.,:;]+$/, '');
  for (let i = 0; i < 3 && LEGAL.test(t); i++) t = t.replace(LEGAL, '').trim();
  return t;
};
const looksLikeName = (s: string) =>
  !NOT_A_NAME.test(s) && s.length >= 2 && s.length <= 40 && s.split(/\s+/).length <= 5 && /^[\p{Lu}\p{N}]/u.test(s) && !/[!?]/.test(s);

export function outletNamedInText(
  lines: ReadonlyArray<Pick<ClassifiedLine, 'text'>>,
): { outlet: string; cue: string; confidence: number } | null {
  const seen = new Map<string, { name: string; cue: string; count: number; copyright: boolean }>();
  const cues = new Map<string, Set<string>>();
  const note = (raw: string, cue: string, copyright: boolean) => {
    const name = clean(raw);
    if (!looksLikeName(name)) return;
    const key = looseKey(name).replace(/^the/, '');
    if (key.length < 2) return;
    const e = seen.get(key) ?? { name, cue, count: 0, copyright: false };
    // A menu printed in the header and again in the footer is one naming, not two.
    const said = cues.get(key) ?? new Set<string>();
    cues.set(key, said);
    if (said.has(cue) && !copyright) return;
    said.add(cue);
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
    const s = SELF.exec(t) ?? HOMEPAGE.exec(t) ?? WRITER_AT.exec(t);
    if (s) note(s[1]!, t, false);
  });
  // The logo's text: the first line alone, when the page also names itself so elsewhere.
  const first = lines.find((l) => l.text.trim());
  if (first && looksLikeName(clean(first.text)) && seen.has(looseKey(clean(first.text)).replace(/^the/, '')))
    note(first.text, first.text, false);
  const score = (e: { count: number; copyright: boolean }) => e.count + (e.copyright ? 1.5 : 0);
  let best: { name: string; cue: string; count: number; copyright: boolean } | null = null;
  for (const e of seen.values()) {
    // The copyright line alone is enough (it may name the parent company: a reader can correct it).
    if (score(e) >= 2 && (!best || score(e) > score(best))) best = e;
  }
  // A copyright line often names the owner ("© 2019 Hearst Communications") where the page's own links name
  // the publication ("Contact CT Post", "About Houston Chronicle"): a name the page uses for itself in two
  // or more places wins over a copyright holder the page names nowhere else.
  if (best?.copyright && best.count === 1) {
    const self = [...seen.values()].filter((e) => !e.copyright && e.count >= 2).sort((a, b) => b.count - a.count)[0];
    if (self) best = self;
  }
  return best ? { outlet: best.name, cue: best.cue, confidence: best.copyright ? 0.7 : 0.6 } : null;
}
