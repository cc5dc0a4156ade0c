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
  /^(?:all contents\s+)?(?:©|\(c\)|copyright\s*(?=©|\d))\s*(?:©\s*)?(?:copyright\s+)?(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?\s*[,.]?\s*)?(.{2,60}?)(?:\s*[.,|]\s|\s+all rights|\s+unless|\s*$)/iu;
const SELF =
  /^(?:more from|more on|follow|support|subscribe to|about|contact|search|back to|welcome to|advertise (?:on|with)|shop|download the|talk to|work at|who pays for|why you can trust|keep up to date with|originally published on|sign up for(?: the)?|watch)\s+(.{2,40}?)(?:'s|’s)?(?:\s+(?:online|homepage|home page|newsletters?|news!|app|apps|on \w+|customer support|delivered to your inbox))?\s*[:.!]?$/iu;
/** The site's own sections and services, named after it: "WSJ Video", "Fox News Shop", "SFGate Staff". */
const HOMEPAGE =
  /^(.{2,40}?)\s+(?:homepage|home page|main menu|staff|newsletters?|shop|store|apps?|radio|video|archives|corporate|worldwide|go|membership|rss)$/iu;
/** "Phil Doe is a reporter for NBC News.", "Senior editor at Gizmodo.": a writer's note names the outlet. */
const WRITER_AT =
  /\b(?:is an? (?:\w+ )?(?:reporter|writer|editor|correspondent|columnist) (?:for|at)|(?:editor|writer|reporter) at)\s+(\p{Lu}[\p{L}\p{N}.&' -]{1,38}?)\.?$/u;

/**
 * The site speaking of itself at the start of a line: "Live Science is supported by its audience", "Live
 * Science is part of Future US Inc", "IGN may get a share of the sale", "CBS Sports is a registered trademark".
 */
const SELF_STATEMENT =
  /^((?:The\s+)?[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*){0,3})\s+(?:is supported by its (?:audience|readers)|is part of|is a (?:registered )?trademark|is owned by|may (?:get|earn|receive) a (?:share|commission)|(?:may )?earns? (?:a |an affiliate )?commission)\b/u;
/** A writer credited as the site's own staff: "By Eric Song, IGN Staff", "Tim Doe - Live Science Contributor". */
const STAFF_CREDIT = /(?:,|\s[-–—])\s+([\p{Lu}\p{N}][\p{L}\p{N}.&'’ -]{1,38}?)\s+(?:Staff(?: Writer)?|Contributor|Contributing Writer)\b/u;
/** The site's own address as a line of its own ("TheHill.com", "CBSSports.com"): the logo or the footer. */
const ADDRESS_LINE = /^([\p{Lu}\p{N}][\p{L}\p{N}-]*\.(?:com|net|org|info|co\.uk|com\.au|ca|in|ru|de|fr|it|br|kr))$/iu;
/** ".com", ".co.uk": an address and the name in it are one name ("TheHill.com" is The Hill). */
const TLD = /\.(?:com|net|org|info|co\.uk|com\.au|ca|in|ru|de|fr|it|br|kr)$/iu;
/** Every word capitalised, as a name is ("Gizmodo", "Live Science", "Times of India"), not a phrase after it. */
const capitalised = (name: string) => name.split(/\s+/).every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:of|the|and|de|du|la|le|di|da|do)$/.test(w));
const nameKey = (name: string) => looseKey(name.replace(TLD, '')).replace(/^the/, '');

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
  /** `anchored`: named by a cue that only the site itself prints (a self-description, a writer's note, a staff credit). */
  type Seen = { name: string; cue: string; count: number; copyright: boolean; strong: boolean; anchored: boolean };
  const seen = new Map<string, Seen>();
  const cues = new Map<string, Set<string>>();
  const note = (raw: string, cue: string, copyright: boolean, strong = false, anchored = strong) => {
    const name = clean(raw);
    if (!looksLikeName(name) || (strong && !capitalised(name))) return;
    const key = nameKey(name);
    if (key.length < 2) return;
    const e = seen.get(key) ?? { name, cue, count: 0, copyright: false, strong: false, anchored: false };
    // A menu printed in the header and again in the footer is one naming, not two.
    const said = cues.get(key) ?? new Set<string>();
    cues.set(key, said);
    if (said.has(cue) && !copyright) return;
    said.add(cue);
    e.count++;
    e.copyright ||= copyright;
    e.strong ||= strong;
    e.anchored ||= anchored;
    if (copyright) e.cue = cue;
    // The name as the site writes it, not its address ("The Hill" over "TheHill.com").
    if (TLD.test(e.name) && !TLD.test(name)) e.name = name;
    seen.set(key, e);
  };
  const n = lines.length;
  lines.forEach((l, i) => {
    const full = l.text.trim();
    // A long copyright or self-describing footer line is read from its start ("© 2019 Healthline Media. All rights reserved. Our website…").
    const t = full.slice(0, 200);
    const c = COPYRIGHT.exec(t);
    // A copyright paragraph of legal text names the company holding the rights (often the owner, "Condé
    // Nast"): a naming like any other, not the copyright line's weight.
    if (c && i > n / 2) note(c[1]!, t, full.length <= 200);
    // A writer's note or the site describing itself names it once, and surely.
    const w = SELF_STATEMENT.exec(t) ?? (full.length <= 200 ? WRITER_AT.exec(t) : null);
    if (w) note(w[1]!, t, false, true);
    if (full.length > 200) return;
    const s = SELF.exec(t) ?? HOMEPAGE.exec(t);
    if (s) note(s[1]!, t, false);
    const staff = STAFF_CREDIT.exec(t);
    if (staff) note(staff[1]!, t, false, false, true);
    // An address alone may be another site's (a network's list of sites, "WordPress.com"): one naming only.
    const address = ADDRESS_LINE.exec(t);
    if (address) note(address[1]!, t, false);
  });
  // The logo's text: the first line (or the footer's last line) alone. It counts when the page also names
  // itself so elsewhere (the same line at the top and the bottom is a menu printed twice). The same name alone on other
  // lines counts once more when a cue only the site prints names it ("Email" alone is a button, and a
  // company's name alone is the copyright holder's link).
  const filled = lines.filter((l) => l.text.trim());
  const ends = [filled[0], filled[filled.length - 1]].filter((l) => l !== undefined).map((l) => l.text.trim());
  const lone = (t: string) => looksLikeName(clean(t)) && t.split(/\s+/).length <= 4;
  for (const t of ends) if (lone(t) && seen.has(nameKey(clean(t)))) note(t, t, false);
  for (const l of filled) {
    const t = l.text.trim();
    if (lone(t) && seen.get(nameKey(clean(t)))?.anchored) note(t, 'the name alone on a line', false);
  }
  const score = (e: Seen) => e.count + (e.copyright ? 1.5 : 0) + (e.strong ? 1 : 0);
  let best: Seen | null = null;
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
