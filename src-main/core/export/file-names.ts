/**
 * File names for exports. A user-given name is checked strictly (refused, never silently changed); names
 * Parallax makes up (one per article) are built from safe characters only.
 */

/** Characters Windows refuses in names, plus both slashes; control characters are refused separately. */
const RESERVED_CHARS = /[<>:"/\\|?*]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001F\u007F]/;
/** Device names Windows reserves whatever the extension: CON, CON.txt, com1.md are all refused there. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
export const MAX_NAME_LENGTH = 200;

/** Why `name` cannot be used as an export file name, or null when it can. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'a file name cannot be empty';
  if (name.length > MAX_NAME_LENGTH) return `a file name may be at most ${MAX_NAME_LENGTH} characters`;
  if (name.includes('/') || name.includes('\\')) return `"${name}" contains a slash; give a file name, not a path`;
  if (CONTROL.test(name)) return 'a file name cannot contain control characters';
  const bad = name.match(RESERVED_CHARS);
  if (bad) return `"${name}" contains ${JSON.stringify(bad[0])}, which Windows does not allow in file names`;
  if (name === '.' || name === '..') return `"${name}" is not a file name`;
  if (/[. ]$/.test(name)) return `"${name}" ends with a dot or a space, which Windows drops`;
  if (WINDOWS_DEVICES.test(name)) return `"${name}" is a reserved device name on Windows`;
  return null;
}

/** A readable, portable name part: letters and digits of any script, dashes between words. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** Hands out names that are unique case-insensitively (macOS and Windows file systems ignore case). */
export function uniqueNamer(): (base: string, ext: string) => string {
  const used = new Set<string>();
  return (base, ext) => {
    let name = `${base}${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}${ext}`;
    if (WINDOWS_DEVICES.test(name)) name = `${base}-file${ext}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/** The file name (without extension) Parallax gives one article: outlet, date and title. */
export function articleBaseName(a: { outlet: string | null; publishedAt: string | null; title: string }): string {
  const parts = [a.publishedAt, a.outlet ? slugify(a.outlet, 30) : null, slugify(a.title, 60)].filter(Boolean);
  return parts.join('-');
}

export const extensionOf: Record<string, string> = {
  md: '.md',
  html: '.html',
  pdf: '.pdf',
  csv: '.csv',
  w3c: '.jsonld',
  csl: '.json',
  bibtex: '.bib',
  ris: '.ris',
  backup: '.zip',
  claimreview: '.jsonld',
};

export const mimeOf: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  jsonl: 'application/x-ndjson',
  csl: 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems',
  backup: 'application/zip',
  claimreview: 'application/ld+json',
  zip: 'application/zip',
};
