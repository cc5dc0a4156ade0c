/**
 * Headlines without the page furniture around them: a `<title>` or og:title carries the site's name
 * ("… - BBC News", "Reuters | …", "… | The Levant Daily") and sometimes a section label ("Opinion | …").
 * The name is cut only when it is the outlet's (a known site name), so a headline that merely contains a
 * dash keeps it.
 */
import { looseKey } from '../../../src-shared/fold';

const SEPARATOR = /\s+[-–—|:·•»«/]\s+|\s*[|·•»«]\s*/u;

const sameName = (a: string, b: string) => {
  const ka = looseKey(a).replace(/^the/, '');
  const kb = looseKey(b).replace(/^the/, '');
  if (!ka || !kb) return false;
  return ka === kb || (kb.length >= 3 && (ka.startsWith(kb) || ka.endsWith(kb))) || (ka.length >= 3 && kb.startsWith(ka));
};

/** Domain-like site names ("nytimes.com") also name the outlet: their first label is compared too. */
const namesOf = (outlets: Array<string | null | undefined>) =>
  outlets.filter((o): o is string => !!o && o.trim().length > 1).flatMap((o) => [o, o.replace(/^(www\.)?([^.]+)\..*$/i, '$2')]);

/** `… - BBC News` -> `…`, when "BBC News" is one of the page's names for itself. */
export function stripSiteName(title: string, outlets: Array<string | null | undefined>): string {
  const names = namesOf(outlets);
  if (!names.length) return title.trim();
  let t = title.trim();
  for (let round = 0; round < 3; round++) {
    const parts = t.split(SEPARATOR);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1]!;
    const first = parts[0]!;
    // Split again with the separators kept, so only the outer segment goes.
    if (names.some((n) => sameName(last, n))) t = t.slice(0, t.lastIndexOf(last)).replace(/[\s\-–—|:·•»«/]+$/u, '');
    else if (names.some((n) => sameName(first, n))) t = t.slice(first.length).replace(/^[\s\-–—|:·•»«/]+/u, '');
    else break;
  }
  return t || title.trim();
}

/** A section label before a bar, shown in `<title>` but not above the story: "Opinion | Headline". */
export function stripSectionLabel(title: string): string {
  const m =
    /^(opinion|analysis|commentary|editorial|review|live|watch|video|breaking|exclusive|news|sport|sports|world|business|politics|tech|technology|science|health|culture|entertainment|lifestyle)\s*[|:]\s+(.{10,})$/iu.exec(
      title.trim(),
    );
  return m ? m[2]! : title.trim();
}
