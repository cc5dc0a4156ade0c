import { rankLanguages } from './trigram-language';

/** franc speaks ISO 639-3; the app shows the familiar two-letter codes where one exists. */
const iso6393to1: Record<string, string> = {
  eng: 'en',
  arb: 'ar',
  tur: 'tr',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  rus: 'ru',
  ukr: 'uk',
  pes: 'fa',
  urd: 'ur',
  hin: 'hi',
  ben: 'bn',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  pol: 'pl',
  ron: 'ro',
  ell: 'el',
  heb: 'he',
  swe: 'sv',
  ces: 'cs',
  hun: 'hu',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  tha: 'th',
  kur: 'ku',
  ckb: 'ckb',
  aze: 'az',
  uzb: 'uz',
  kaz: 'kk',
  swh: 'sw',
  hau: 'ha',
};

export type LanguageGuess = { code: string; confidence: number };

/**
 * Guess the language of a text. Short texts are judged by script first, because trigram statistics on a
 * dozen characters are noise (an Arabic tweet signature must not come out as Persian).
 */
export function detectLanguage(text: string): LanguageGuess | null {
  // 600 characters identify a language reliably; franc's cost grows with the sample (it dominated import time).
  const sample = text.slice(0, 600);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return null;
  const arabic = sample.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  if (letters < 60) {
    if (arabic / letters > 0.6) return { code: 'ar', confidence: 0.6 };
    if (/[ğĞşŞıİ]/.test(sample)) return { code: 'tr', confidence: 0.6 };
    return null;
  }
  const ranked = rankLanguages(sample, 10);
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return null;
  const code = iso6393to1[best[0]] ?? best[0];
  // francAll scores are relative (best = 1); a clear gap to the runner-up is what makes a guess trustworthy.
  const gap = second ? best[1] - second[1] : 1;
  const confidence = Math.min(0.95, 0.5 + gap + Math.min(letters, 1000) / 4000);
  return { code, confidence: Math.round(confidence * 100) / 100 };
}
