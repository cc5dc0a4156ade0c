/**
 * Bylines as newsrooms print them, read into the people they credit: "By A and B", "A, Reuters",
 * "A | Outlet", "Reporting by A; Editing by B", "Posted by A on 12 May 2019", "Von A", "Por A". A byline is
 * accepted only when what is left reads as names: "Staff", "Admin", the outlet's own name, a date or
 * "By clicking Subscribe…" name nobody. There is no well-kept name-detection library for JavaScript that
 * ships its model (compromise and wink need large lexicons and still miss most non-English names), so the
 * test is the shape of a name: one to five capitalised words, with the particles names use.
 */
import { fold } from '../../../src-shared/fold';

/** News agencies: a byline that names only an agency credits the agency (docs: "Metadata labels"). */
const AGENCIES = [
  'Associated Press',
  'The Associated Press',
  'AP',
  'Reuters',
  'Thomson Reuters',
  'AFP',
  'Agence France-Presse',
  'PTI',
  'Press Trust of India',
  'IANS',
  'ANI',
  'UNI',
  'dpa',
  'Deutsche Presse-Agentur',
  'Xinhua',
  'Bloomberg',
  'UPI',
  'EFE',
  'ANSA',
  'Kyodo',
  'Kyodo News',
  'Yonhap',
  'Anadolu Agency',
  'AA',
  'TASS',
  'Interfax',
  'RIA Novosti',
  'CNA',
  'Bernama',
  'Antara',
  'Agência Brasil',
  'Lusa',
  'APA',
  'KNA',
  'SDA',
  'WAM',
  'SPA',
];
const agencyKey = (s: string) =>
  fold(s)
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]/g, '');
const agencyByKey = new Map(AGENCIES.map((a) => [agencyKey(a), a.replace(/^The /, '')]));

/** The agency's usual spelling, if `s` names a news agency. */
export function agencyName(s: string): string | null {
  return agencyByKey.get(agencyKey(s)) ?? null;
}

/** Words that make a credit a role, a desk or an account rather than a person. */
const NOBODY =
  /^(staff|admin|administrator|editor|editors|editorial|redaktion|redacción|redação|redazione|rédaction|redaksi|team|desk|newsroom|bureau|web ?desk|news ?desk|guest|guest author|author|anonymous|unknown|contributor|contributors|correspondent|reporter|writer|webmaster|moderator|user|member|online|digital|wire|wires|agencies|agency|press release|sponsored|partner|none|null|undefined)$/i;
const ROLE_WORDS =
  /\b(staff|writer|writers|editor|editors|editorial|reporter|reporters|correspondent|columnist|contributor|contributing|producer|analyst|chief|senior|junior|associate|assistant|deputy|managing|executive|political|national|international|political|bureau|desk|team|news|newsroom|photographer|photos?|video|columnist|professor|director|president|founder|ceo|md|phd|rd|ms|mba|fellow|intern|freelance|special|contributing|guest|author|opinion|sports?|business|science|health|technology|tech|culture|travel|entertainment|crime|courts?|weather|digital|online|web|content|social|media|manager|head|lead|host|anchor|presenter|critic|blogger|journalist|redakteur|redakteurin|korrespondent|korrespondentin|autor|autorin|periodista|giornalista|jornalista|repórter|redaktur|wartawan|penulis)\b/i;
const MONTHS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|updated|published|posted|ago)\b/i;
/** Particles inside names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Omar al-Bashir". */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'e',
  'st.',
]);

/** "LISA MASCARO" -> "Lisa Mascaro"; a name already in mixed case is kept as printed. */
function normalCase(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

const CASELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}]/u;

/** Does this read as one person's name (or a pen name), not a role, a date or a sentence? */
export function readsAsName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 60 || /\d|@|https?:|www\.|\.(com|org|net)\b|[!?:;()[\]{}<>|/\\=+*#%"“”]/iu.test(t)) return false;
  if (NOBODY.test(t) || MONTHS.test(t)) return false;
  const words = t.split(/\s+/);
  if (CASELESS.test(t)) return words.length <= 4 && t.replace(/\s/g, '').length <= 20;
  if (words.length > 5) return false;
  let named = 0;
  for (const w of words) {
    if (PARTICLES.has(w.toLowerCase())) continue;
    // A name word is capitalised ("O'Neill", "al-Assad", "J.", "McDonald"), or an initial.
    if (!/^(\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u.test(w) && !/^\p{L}{1,3}[-'’]\p{Lu}[\p{L}'’.-]*$/u.test(w)) return false;
    named++;
  }
  if (!named) return false;
  // A capitalised phrase made of role words ("Senior Staff Writer") is a role, not a name.
  return !words.every((w) => ROLE_WORDS.test(w) || PARTICLES.has(w.toLowerCase()));
}

const LEAD =
  /^(?:[-–—•·|]\s*)?(?:(?:posted|written|reported|words|story|text|article|compiled|published)\s+by|by|von|por|par|di|oleh|door|av|af|автор|текст|글|기자)\s*:?\s+/iu;
const LABEL = /^(?:author|authors|byline|writer|reporter|autor|autora|auteur|autore|penulis|автор|текст)\s*:\s*/iu;
const NOT_A_BYLINE =
  /^[Bb]y\s+(?:(?:[Cc]licking|[Ss]igning|[Cc]ontinuing|[Uu]sing|[Ss]ubmitting|[Rr]egistering|[Ss]ubscribing|[Ee]ntering|[Cc]reating|[Cc]hecking|[Tt]apping|[Pp]roviding)\b|(?:[Tt]he|[Aa]n?|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Ii]ts)\s+\p{Ll})/u;
// Conjunctions in lower case only (and "AND" in a byline set in capitals): "E." and "I." are initials.
const SPLIT = /\s*(?:,|;|&|\b(?:and|AND|And|und|et|y|e|dan|и|i|ve)\b|、|・)\s*/u;
/** A credit to a desk or the outlet's staff names nobody: "JERUSALEM POST STAFF", "News Nation Bureau". */
const DESK_TAIL =
  /\b(staff|desk|team|bureau|newsroom|reports|wire|wires|editorial|editors|redaktion|redazione|service|services|agencies)$/i;
/** Job titles around a name: "Jane Doe, Senior Writer", "Staff Writer Jane Doe". */
const TITLE_WORD =
  /^(staff|senior|junior|chief|deputy|associate|assistant|managing|executive|contributing|special|political|national|international|foreign|sports?|business|science|health|technology|tech|opinion|guest|freelance|writer|writers|editor|reporter|correspondent|columnist|contributor|producer|analyst|journalist|critic|blogger|photographer|intern|fellow|ms|rd|md|phd|mba|redakteur|redakteurin|korrespondent|korrespondentin|autor|autorin)$/i;
function stripTitles(p: string): string {
  const w = p.split(/\s+/);
  while (w.length > 1 && TITLE_WORD.test(w[w.length - 1]!.replace(/[.,]$/, ''))) w.pop();
  while (w.length > 1 && TITLE_WORD.test(w[0]!)) w.shift();
  return w.join(' ');
}

/** Does the line open as a credit ("By …", "Posted by …", "Von …", "Reporting by …")? */
export const opensAsByline = (line: string) => LEAD.test(line.trim()) || LABEL.test(line.trim()) || /^\(?reporting by\s/i.test(line.trim());

export type Byline = {
  /** The people (or the one agency) credited, as printed; empty when the credit names nobody ("Staff"). */
  names: string[];
};

/**
 * The people a byline credits. `outlets` are the page's own names (its site name, publisher): a credit to
 * the outlet itself names nobody. Returns null when the text is not a byline at all.
 */
export function parseByline(raw: string, outlets: Array<string | null | undefined> = []): Byline | null {
  // Copied text glues a name to the next element's words: "Meg JamesStaff Writer", "Jeff FoustMonday".
  let t = raw
    .replace(/\s+/g, ' ')
    .replace(
      /(\p{Ll})(?=(?:Staff|Senior|Contributor|Contributing|Writer|Reporter|Correspondent|Editor|Updated|Published|Posted|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)/gu,
      '$1 ',
    )
    .trim();
  if (!t || t.length > 300 || NOT_A_BYLINE.test(t)) return null;
  // "(Reporting by A and B; additional reporting by C; Editing by D)": the reporters are the byline.
  const reporting = /(?<!(?:additional|with|further|extra)\s)\breporting by\s+([^;)]+)/i.exec(t);
  const hadLead = reporting !== null || LEAD.test(t) || LABEL.test(t);
  if (reporting) t = reporting[1]!.replace(/,?\s*\b(with|additional|editing|edited|writing|written|compiled)\b.*$/i, '');
  else t = t.replace(LEAD, '').replace(LABEL, '');
  // What follows the names: a date, a time, "Updated…", an e-mail, a handle, a separator and the outlet.
  t = t
    .replace(/\S+@\S+|@\w+|https?:\/\/\S+/g, ' ')
    .replace(/\s+(?:[|/•·–—]|-\s)\s*.*$/u, '')
    .replace(/\s*\b(?:updated|published|posted|last updated|on|am|le|il|el|em|pada|le)\b\s+(?=[\p{L}\d]*\d).*$/iu, '')
    .replace(/\s*\d.*$/u, '')
    .replace(MONTHS_TAIL, '')
    .replace(/\s+(?:on|am|le|il|el|em|pada|at|the|um|à|a)$/iu, '')
    .replace(/\s*[,;:.]+\s*$/u, '')
    .replace(/\s+(?:for|in|at|from)\s+(?:the\s+)?\p{Lu}.*$/u, '')
    .trim();
  if (!t) return hadLead ? { names: [] } : null;
  const own = outlets.filter((o): o is string => !!o).map(agencyKey);
  const parts = t
    .split(SPLIT)
    .map((p) => p.trim())
    .filter(Boolean);
  const names: string[] = [];
  const agencies: string[] = [];
  let nobody = false;
  for (const part of parts) {
    const key = agencyKey(part);
    if (
      own.some((o) => o && (key.startsWith(o) || (key.length >= 4 && !/\s/.test(part.trim()) && o.startsWith(key)))) ||
      DESK_TAIL.test(part)
    ) {
      nobody = true;
      continue;
    }
    const p = stripTitles(part);
    const agency = agencyName(p);
    if (agency) agencies.push(agency);
    else if (readsAsName(p)) names.push(normalCase(p));
    else if (NOBODY.test(p) || ROLE_WORDS.test(p)) nobody = true;
    else return null; // "Breaking news, live updates", "By the way…": not a byline at all
  }
  // "Jane Doe, Futurism", "Ilana Muhlstein, RDN", "Tom Krisher, AP Auto Writer": after a full name, a
  // one-word part or a part with an acronym in it ("CNN Business") is an affiliation or a credential.
  const full = names.filter((n) => n.split(/\s+/).length >= 2);
  const organisation = (n: string) => /(^|\s)\p{Lu}{2,6}(\s|$)/u.test(n) && n !== n.toUpperCase();
  if (full.length) {
    const kept = names.filter((n) => n.split(/\s+/).length >= 2 && !organisation(n));
    if (kept.length) return { names: kept };
  }
  if (names.length) return { names };
  if (agencies.length) return { names: [...new Set(agencies)] };
  return hadLead || nobody ? { names: [] } : null;
}

const MONTHS_TAIL =
  /\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b.*$/iu;

/** The byline's names as one field value: "A, B" (one implementation for text and page). */
export const joinNames = (names: string[]) => names.join(', ');
