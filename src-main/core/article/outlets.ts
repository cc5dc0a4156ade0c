import { fold } from '../../../src-shared/fold';

/**
 * News organisations whose names, once seen in a source line or a dateline, we can spell properly
 * ("SOURCE:TRTWorld" -> "TRT World"). This list only normalises a name the text already gives: it is never
 * used to guess an outlet from style or topic.
 */
const knownOutlets = [
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'Agence France-Presse',
  'Anadolu Agency',
  'TRT World',
  'TRT Haber',
  'Al Jazeera',
  'Al Arabiya',
  'BBC News',
  'BBC',
  'CNN',
  'The New Arab',
  'Shafaq News',
  'Middle East Eye',
  'Daily Sabah',
  'Hürriyet Daily News',
  'SANA',
  'Enab Baladi',
  'Asharq Al-Awsat',
  'The National',
  'Arab News',
  'Al-Monitor',
  'Syria TV',
  'The Guardian',
  'The New York Times',
  'The Washington Post',
  'The Times',
  'Financial Times',
  'Bloomberg',
  'Deutsche Welle',
  'DW',
  'France 24',
  'Euronews',
  'Sky News',
  'Kurdistan24',
  'Rudaw',
  'North Press Agency',
  'Xinhua',
  'TASS',
  'RIA Novosti',
  'Press TV',
  'Haaretz',
  'The Times of Israel',
  'Al-Ahram',
  'Hurriyet',
  'Sabah',
  'Yeni Şafak',
  'Milliyet',
  'Cumhuriyet',
  'Duvar English',
  'Turkish Minute',
  'Bianet',
  'Levant24',
  'Syrian Observer',
];

/** An outlet's name folded (src-shared/fold.ts), a leading "the" and everything but Latin letters and digits dropped. */
const keyOf = (s: string) =>
  fold(s)
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]/g, '');

const byKey = new Map(knownOutlets.map((name) => [keyOf(name), name]));

/** The canonical spelling of an outlet named in the text, or null if the name is not one we know. */
export function canonicalOutlet(named: string): string | null {
  return byKey.get(keyOf(named)) ?? null;
}

/** Words that make a short "X – City" line read as an outlet name even when we do not know the outlet. */
export const outletWords =
  /\b(News|Agency|Times|Post|TV|World|Press|Daily|Herald|Tribune|Journal|Gazette|Network|Media|Radio|Telegraph|Observer|Monitor|Eye|Wire)\b/;
