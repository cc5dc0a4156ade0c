import { isRoleWord } from './roles';
import { nameKey } from './names';

/**
 * A US politician's party and state as American outlets print them beside the name: "Cory Booker, D-N.Y.",
 * "Sen. Rand Paul (R-Ky.)", "Sheldon Whitehouse (R.I.)", "Cory Booker, a New Jersey Democrat". One person
 * given two states (or parties) by two outlets is a conflict of place (docs/compare-gold.md, "Names and places").
 */
export type Affiliation = {
  /** Name word keys: given name (when written) and surname. */
  given: string | null;
  surname: string;
  party: 'D' | 'R' | 'I' | null;
  /** Postal code of the state ("NJ"). */
  state: string | null;
  /** The state as written ("New Jersey", "N.Y."). */
  stateText: string | null;
  start: number;
  end: number;
};

const STATES: Array<[string, string, string[]]> = [
  ['AL', 'Alabama', ['Ala.']],
  ['AK', 'Alaska', []],
  ['AZ', 'Arizona', ['Ariz.']],
  ['AR', 'Arkansas', ['Ark.']],
  ['CA', 'California', ['Calif.', 'Cal.']],
  ['CO', 'Colorado', ['Colo.']],
  ['CT', 'Connecticut', ['Conn.']],
  ['DE', 'Delaware', ['Del.']],
  ['FL', 'Florida', ['Fla.']],
  ['GA', 'Georgia', ['Ga.']],
  ['HI', 'Hawaii', []],
  ['ID', 'Idaho', []],
  ['IL', 'Illinois', ['Ill.']],
  ['IN', 'Indiana', ['Ind.']],
  ['IA', 'Iowa', []],
  ['KS', 'Kansas', ['Kan.', 'Kans.']],
  ['KY', 'Kentucky', ['Ky.']],
  ['LA', 'Louisiana', ['La.']],
  ['ME', 'Maine', []],
  ['MD', 'Maryland', ['Md.']],
  ['MA', 'Massachusetts', ['Mass.']],
  ['MI', 'Michigan', ['Mich.']],
  ['MN', 'Minnesota', ['Minn.']],
  ['MS', 'Mississippi', ['Miss.']],
  ['MO', 'Missouri', ['Mo.']],
  ['MT', 'Montana', ['Mont.']],
  ['NE', 'Nebraska', ['Neb.', 'Nebr.']],
  ['NV', 'Nevada', ['Nev.']],
  ['NH', 'New Hampshire', ['N.H.']],
  ['NJ', 'New Jersey', ['N.J.']],
  ['NM', 'New Mexico', ['N.M.', 'N.Mex.']],
  ['NY', 'New York', ['N.Y.']],
  ['NC', 'North Carolina', ['N.C.']],
  ['ND', 'North Dakota', ['N.D.', 'N.Dak.']],
  ['OH', 'Ohio', []],
  ['OK', 'Oklahoma', ['Okla.']],
  ['OR', 'Oregon', ['Ore.', 'Oreg.']],
  ['PA', 'Pennsylvania', ['Pa.', 'Penn.']],
  ['RI', 'Rhode Island', ['R.I.']],
  ['SC', 'South Carolina', ['S.C.']],
  ['SD', 'South Dakota', ['S.D.', 'S.Dak.']],
  ['TN', 'Tennessee', ['Tenn.']],
  ['TX', 'Texas', ['Tex.']],
  ['UT', 'Utah', []],
  ['VT', 'Vermont', ['Vt.']],
  ['VA', 'Virginia', ['Va.']],
  ['WA', 'Washington', ['Wash.']],
  ['WV', 'West Virginia', ['W.Va.', 'W. Va.']],
  ['WI', 'Wisconsin', ['Wis.', 'Wisc.']],
  ['WY', 'Wyoming', ['Wyo.']],
];
const STATE_CODE = new Map<string, string>();
for (const [code, name, abbrevs] of STATES) {
  STATE_CODE.set(name.toLowerCase(), code);
  STATE_CODE.set(code.toLowerCase(), code);
  for (const a of abbrevs) STATE_CODE.set(a.toLowerCase(), code);
}

/** The postal code of a state as written ("N.Y.", "Calif.", "New Jersey", "NJ"), else null. */
export function stateCode(written: string): string | null {
  return STATE_CODE.get(written.trim().toLowerCase()) ?? null;
}

const NAME = String.raw`(?<name>(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)`;
const ABBREV = String.raw`[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]{0,3}\.)?|[A-Z]{2}\b`;
const STATE_NAMES = STATES.map(([, n]) => n.replace(' ', String.raw`\s`)).join('|');
const PATTERNS = [
  // "Cory Booker, D-N.Y." / "Rand Paul (R-Ky.)" / "Sheldon Whitehouse (R.I.)"
  new RegExp(String.raw`${NAME}(?:,\s*|\s*\()(?:(?<party>[DRI])-)?(?<state>${ABBREV}|${STATE_NAMES})(?=[\s),;]|$)`, 'gu'),
  // "Cory Booker, a New Jersey Democrat"
  new RegExp(String.raw`${NAME},\s+an?\s+(?<state>${STATE_NAMES})\s+(?<party>Democrat|Republican|independent|Independent)\b`, 'gu'),
];

/** A cheap test that a sentence may hold a label, before the patterns that read it. */
const MAYBE =
  /[,(]\s*(?:[DRI]-)?[A-Z][A-Za-z.]{0,5}\.?(?:[\s),;]|$)|[,(]\s*(?:[DRI]-)?(?:New|North|South|West|Rhode)\s|\b(?:Democrat|Republican|[Ii]ndependent)\b/;

/** Party and state labels beside names in one sentence. */
export function affiliationsOf(text: string): Affiliation[] {
  const out: Affiliation[] = [];
  if (!MAYBE.test(text)) return out;
  for (const re of PATTERNS)
    for (const m of text.matchAll(re)) {
      const g = m.groups!;
      const state = stateCode(g.state!);
      // "(R.I.)" alone must be a state; "(D-...)" or "a ... Democrat" says a party as well.
      if (!state) continue;
      const words = g
        .name!.split(/\s+/)
        .filter((w) => !/\.$/.test(w) && !isRoleWord(w.toLowerCase()))
        .map(nameKey)
        .filter(Boolean);
      if (!words.length) continue;
      const party = g.party ? (g.party[0]!.toUpperCase() as 'D' | 'R' | 'I') : null;
      out.push({
        given: words.length >= 2 ? words[words.length - 2]! : null,
        surname: words[words.length - 1]!,
        party,
        state,
        stateText: g.state!,
        start: m.index + m[0].indexOf(g.state!),
        end: m.index + m[0].indexOf(g.state!) + g.state!.length,
      });
    }
  return out;
}
