import { describe, expect, it } from 'vitest';
import { parseByline, readsAsName } from './byline';

const names = (s: string, outlets: string[] = []) => parseByline(s, outlets)?.names ?? null;

describe('bylines as newsrooms print them', () => {
  it('reads "By A and B", lists, capitals, and the agency as an affiliation', () => {
    expect(names('By Sarah E. Needleman')).toEqual(['Sarah E. Needleman']);
    expect(names('By Ana Swanson and Alan Rappeport')).toEqual(['Ana Swanson', 'Alan Rappeport']);
    expect(names('By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER / Associated Press')).toEqual([
      'Lisa Mascaro',
      'Mary Clare Jalonick',
      'Eric Tucker',
    ]);
    expect(names('Jane Doe, Reuters')).toEqual(['Jane Doe']);
    expect(names('Jane Doe | The Levant Daily', ['The Levant Daily'])).toEqual(['Jane Doe']);
    expect(names('Von Anna Müller')).toEqual(['Anna Müller']);
    expect(names('Por João da Silva')).toEqual(['João da Silva']);
    expect(names('Текст: Венера Ерофеева')).toEqual(['Венера Ерофеева']);
  });

  it('drops job titles, credentials, dates and the outlet after the name', () => {
    expect(names('By STEVE PEOPLES, AP National Political Writer')).toEqual(['Steve Peoples']);
    expect(names('By TOM KRISHER, AP Auto Writer')).toEqual(['Tom Krisher']);
    expect(names('Ilana Muhlstein, RDN')).toEqual(['Ilana Muhlstein']);
    expect(names('Jill Disis, CNN Business')).toEqual(['Jill Disis']);
    expect(names('By Jane Doe Staff Writer')).toEqual(['Jane Doe']);
    expect(names('Lucas Nolan22 Dec 2016651')).toEqual(['Lucas Nolan']);
    expect(names('By Tom Rogan | November 18, 2019 12:01 PM')).toEqual(['Tom Rogan']);
    expect(names('Posted by Vortex on November 12, 2019')).toEqual(['Vortex']);
    expect(names('By Jeff Foust Monday, November 18, 2019')).toEqual(['Jeff Foust']);
  });

  it('takes the reporters of a "Reporting by …; Editing by …" footer, not the editors or extra reporting', () => {
    expect(names('(Reporting by Greg Roumeliotis, Joshua Franklin; additional reporting by Herb Lash; Editing by Martin Howell)')).toEqual([
      'Greg Roumeliotis',
      'Joshua Franklin',
    ]);
  });

  it('credits an agency that signs alone, as the agency', () => {
    expect(names('By Reuters')).toEqual(['Reuters']);
    expect(names('The Associated Press')).toEqual(['Associated Press']);
  });

  it('names nobody for staff, desks, accounts and the outlet itself, and is no byline for other "By…" sentences', () => {
    expect(names('By Staff')).toEqual([]);
    expect(names('Admin')).toEqual([]);
    expect(names('JERUSALEM POST STAFF')).toEqual([]);
    expect(names('Telegraph Sport', ['The Telegraph'])).toEqual([]);
    expect(names('By The Levant Daily', ['The Levant Daily'])).toEqual([]);
    expect(names('Beachbody', ['The Beachbody Blog'])).toEqual([]);
    expect(names('By clicking Subscribe you agree to our terms')).toBeNull();
    expect(names('By the end of the year the plant will close')).toBeNull();
    expect(names('November 18, 2019')).toBeNull();
    expect(names('Breaking news, live updates')).toBeNull();
  });

  it('tells names from roles and dates', () => {
    expect(readsAsName("Conor O'Neill")).toBe(true);
    expect(readsAsName('Ursula von der Leyen')).toBe(true);
    expect(readsAsName('정덕현')).toBe(true);
    expect(readsAsName('Senior Staff Writer')).toBe(false);
    expect(readsAsName('November 18')).toBe(false);
    expect(readsAsName('www.example.com')).toBe(false);
  });
});
