import { describe, expect, it } from 'vitest';
import { countryCode } from './countries';
import { differentGivenName, nameKey, sameAcrossScripts, sameFullName, sameNameWord } from './names';

const words = (s: string) =>
  s
    .split(/\s+/)
    .map(nameKey)
    .filter((w) => w && w !== 'al');

describe('name spellings', () => {
  it('treats transliterations as one name', () => {
    expect(sameFullName(words('Asaad Hassan al Shaibani'), words('Asaad al-Shibani'))).toBe(true);
    expect(sameFullName(words('Asaad al-Shaibani'), words('Asaad Al-Sheebani'))).toBe(true);
    expect(sameFullName(words('Hussein Salameh'), words('Hussein Al-Salama'))).toBe(true);
    expect(sameFullName(words('Yasar Guler'), words('Yaşar Güler'))).toBe(true);
    expect(sameFullName(words('Ibrahim Kalin'), words('İbrahim Kalın'))).toBe(true);
    expect(sameFullName(words('Murhaf Abu Qasra'), words('Marhaf Abu Qasra'))).toBe(true);
  });
  it('keeps different given names apart and says they share a surname', () => {
    expect(sameFullName(words('Murhaf Abu Qasra'), words('Ashraf Abu Qasra'))).toBe(false);
    expect(differentGivenName(words('Murhaf Abu Qasra'), words('Ashraf Abu Qasra'))).toBe(true);
    expect(sameNameWord('hussein', 'hassan')).toBe(false);
  });
  it('matches names written in Arabic script by their consonants', () => {
    expect(sameAcrossScripts('fidan', nameKey('فيدان'))).toBe(true);
    expect(sameAcrossScripts('shaibani', nameKey('الشيباني'))).toBe(true);
    expect(sameAcrossScripts('murhaf', nameKey('مرهف'))).toBe(true);
    expect(sameAcrossScripts('ashraf', nameKey('مرهف'))).toBe(false);
  });
  it('knows Türkiye, Turkiye and Turkey are one country, and Suriye is Syria', () => {
    expect(countryCode('Türkiye')).toBe('TR');
    expect(countryCode('Turkiye')).toBe('TR');
    expect(countryCode('Turkey')).toBe('TR');
    expect(countryCode('Suriye')).toBe('SY');
    expect(countryCode('Ankara')).toBeNull();
  });
});
