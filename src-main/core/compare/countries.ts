import { nameKey } from './names';

/**
 * Country names in English, Turkish and Arabic come from ICU (Intl.DisplayNames), so "Suriye", "سوريا" and
 * "Syria" meet on the region code without a word list of our own. ICU knows only the current English name,
 * so former names still common in the press are added here, with the demonyms that role titles use
 * ("Turkish Foreign Minister").
 */
const EXONYMS: Record<string, string[]> = {
  TR: ['Turkey', 'Turkiye', 'Türkiye'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  CI: ['Ivory Coast'],
  CZ: ['Czech Republic'],
  CV: ['Cape Verde'],
  TL: ['East Timor'],
  MK: ['Macedonia'],
  NL: ['Holland'],
  US: ['United States', 'USA', 'U.S.', 'US', 'America'],
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.'],
  AE: ['UAE'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  RU: ['Russia'],
  IR: ['Iran'],
  SY: ['Syria'],
  PS: ['Palestine'],
  CD: ['DR Congo', 'DRC'],
};

const DEMONYMS: Record<string, string[]> = {
  TR: ['Turkish', 'Turk'],
  SY: ['Syrian'],
  US: ['American'],
  GB: ['British'],
  IQ: ['Iraqi'],
  IR: ['Iranian'],
  IL: ['Israeli'],
  PS: ['Palestinian'],
  LB: ['Lebanese'],
  JO: ['Jordanian'],
  SA: ['Saudi'],
  EG: ['Egyptian'],
  QA: ['Qatari'],
  AE: ['Emirati'],
  RU: ['Russian'],
  UA: ['Ukrainian'],
  CN: ['Chinese'],
  FR: ['French'],
  DE: ['German'],
  IT: ['Italian'],
  ES: ['Spanish'],
  GR: ['Greek'],
  CY: ['Cypriot'],
  AZ: ['Azerbaijani'],
  AM: ['Armenian'],
  PK: ['Pakistani'],
  AF: ['Afghan'],
  IN: ['Indian'],
  JP: ['Japanese'],
  KR: ['Korean'],
  YE: ['Yemeni'],
  LY: ['Libyan'],
  SD: ['Sudanese'],
  OM: ['Omani'],
  KW: ['Kuwaiti'],
  BH: ['Bahraini'],
  EU: ['European'],
};

type Gazetteer = { countryByKey: Map<string, string>; demonymByKey: Map<string, string>; englishName: Map<string, string> };
let cached: Gazetteer | null = null;

const keyOf = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => nameKey(w))
    .filter(Boolean)
    .join(' ');

function build(): Gazetteer {
  const countryByKey = new Map<string, string>();
  const englishName = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const names = ['en', 'tr', 'ar'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      names.forEach((dn, i) => {
        let n: string | undefined;
        try {
          n = dn.of(code);
        } catch {
          n = undefined;
        }
        if (!n || n === code) return;
        if (i === 0) englishName.set(code, n);
        const k = keyOf(n);
        if (k && !countryByKey.has(k)) countryByKey.set(k, code);
      });
    }
  for (const [code, list] of Object.entries(EXONYMS)) for (const n of list) countryByKey.set(keyOf(n), code);
  const demonymByKey = new Map<string, string>();
  for (const [code, list] of Object.entries(DEMONYMS)) for (const n of list) demonymByKey.set(keyOf(n), code);
  return { countryByKey, demonymByKey, englishName };
}

function gazetteer(): Gazetteer {
  return (cached ??= build());
}

const memo = new Map<string, string>();
/** Keys are asked for the same few hundred words again and again. */
function cachedKey(name: string): string {
  let k = memo.get(name);
  if (k === undefined) {
    if (memo.size > 50_000) memo.clear();
    k = keyOf(name);
    memo.set(name, k);
  }
  return k;
}

/** The region code of a country name in English, Turkish or Arabic ("Türkiye", "Turkey", "Suriye"), else null. */
export function countryCode(name: string): string | null {
  return gazetteer().countryByKey.get(cachedKey(name)) ?? null;
}

/** The region code of a demonym ("Syrian" -> SY), else null. */
export function demonymCode(word: string): string | null {
  return gazetteer().demonymByKey.get(cachedKey(word)) ?? null;
}

/** A country given as a name or a demonym. */
export function countryOf(word: string): string | null {
  return countryCode(word) ?? demonymCode(word);
}

export function countryName(code: string): string {
  return gazetteer().englishName.get(code) ?? code;
}
