import { describe, expect, it } from 'vitest';
import type { CompareEntity } from '../../contract';
import { compareArticles } from './compare-articles';
import { officeOf } from './roles';
import type { CompareInput } from './sentences';

/** An article of paragraphs, as the importer stores a clean body (blocks with body offsets). */
function article(id: string, ...paragraphs: string[]): CompareInput {
  const blocks: CompareInput['blocks'] = [];
  let body = '';
  for (const p of paragraphs) {
    if (body) body += '\n\n';
    blocks.push({ kind: 'paragraph', text: p, reason: null, lang: 'en', post: null, start: body.length, end: body.length + p.length });
    body += p;
  }
  return { id, title: id, outlet: null, publishedAt: null, language: 'en', body, blocks };
}

const entities = (...docs: CompareInput[]) => compareArticles(docs).entities;
const holding = (es: CompareEntity[], form: string) => es.filter((e) => e.variants.some((v) => v.form === form));
const one = (es: CompareEntity[], form: string) => {
  const found = holding(es, form);
  expect(found, `one entity with the form “${form}”`).toHaveLength(1);
  return found[0]!;
};

describe('entities across outlets', () => {
  it('splits a party and a title off the name and keeps the office as a role', () => {
    const es = entities(
      article('a', 'Republican Senator Rand Paul blocked the bill on Tuesday, aides said.'),
      article('b', 'The bill stalled after Rand Paul objected to its cost in the chamber.'),
    );
    const paul = one(es, 'Rand Paul');
    expect(paul.type).toBe('person');
    expect(paul.articles).toEqual(['a', 'b']);
    expect(paul.roles).toEqual(['senator']);
    expect(es.some((e) => e.variants.some((v) => /Senator|Republican/.test(v.form)))).toBe(false);
  });

  it('does not make two senators of one country two names for one office', () => {
    expect(officeOf(['U.S.', 'Senator'])).toEqual({ office: 'senator', country: null });
    expect(officeOf(['Turkish', 'Foreign', 'Minister'])).toEqual({ office: 'foreign minister', country: 'TR' });
  });

  it('joins a nickname to the given name it shortens, and nothing else', () => {
    const es = entities(
      article('a', 'Senate leader Chuck Schumer said the vote would come soon, and Frederick C. LaRue agreed with him.'),
      article('b', 'Charles Schumer told reporters the vote would wait, while Fred LaRue said nothing about it.'),
      article('c', 'Later, Martha Schumer spoke to a crowd of supporters outside the building.'),
    );
    expect(one(es, 'Chuck Schumer')).toBe(one(es, 'Charles Schumer'));
    expect(one(es, 'Frederick C. LaRue')).toBe(one(es, 'Fred LaRue'));
    expect(one(es, 'Martha Schumer')).not.toBe(one(es, 'Charles Schumer'));
  });

  it('knows the other names of an organisation', () => {
    const es = entities(
      article('a', 'Fighters of the Islamic State attacked the town, officials said.'),
      article('b', 'The attack was claimed by ISIL within hours of the first reports.'),
      article('c', 'Residents said Daesh fighters had been seen nearby. IS has not commented.'),
      article('d', 'The GOP leadership met on Monday, and Republicans said little afterwards.'),
    );
    const is = one(es, 'Islamic State');
    expect(is.type).toBe('organisation');
    for (const form of ['ISIL', 'Daesh', 'IS']) expect(one(es, form)).toBe(is);
    expect(one(es, 'GOP')).toBe(one(es, 'Republicans'));
  });

  it('does not read every word of a title-case headline as one name', () => {
    const es = entities(
      article('a', 'Lindsay Lohan Checks Into Rehab Clinic', 'The actress Lindsay Lohan entered a clinic on Friday, her lawyer said.'),
      article('b', 'Lindsay Lohan arrived at the clinic in Malibu late on Friday night.'),
    );
    const lohan = one(es, 'Lindsay Lohan');
    expect(lohan.articles).toEqual(['a', 'b']);
    expect(es.some((e) => e.variants.some((v) => /Checks|Rehab/.test(v.form)))).toBe(false);
  });

  it('does not take places, works, months and picture credits for people', () => {
    const es = entities(
      article(
        'a',
        'Ships in the Red Sea were warned on Oct. 12, and the Mona Lisa was moved in Paris.',
        'Crowds gathered near Times Square. AA Photo shows the scene as Anna Bell watched.',
      ),
    );
    expect(one(es, 'Red Sea').type).toBe('place');
    expect(one(es, 'Times Square').type).toBe('place');
    expect(one(es, 'Mona Lisa').type).not.toBe('person');
    expect(one(es, 'AA Photo').type).not.toBe('person');
    expect(holding(es, 'Oct')).toHaveLength(0);
    expect(one(es, 'Anna Bell').type).toBe('person');
  });

  it('says how sure each type is: a title or a place word says so, a guess from context does not', () => {
    const es = entities(
      article('a', 'Turkish Foreign Minister Hakan Fidan met Anna Bell near the Red Sea.'),
      article('b', 'Hakan Fidan spoke at length, and Anna Bell listened.'),
    );
    expect(one(es, 'Hakan Fidan').typeConfidence).toBeGreaterThanOrEqual(0.75);
    expect(one(es, 'Red Sea').typeConfidence).toBeGreaterThanOrEqual(0.75);
    const bell = one(es, 'Anna Bell');
    expect(bell.type).toBe('person');
    expect(bell.typeConfidence).toBeLessThanOrEqual(0.5);
    expect(bell.typeConfidence).toBeGreaterThan(0);
  });

  it('joins one name written alike in two articles even when the guessed types differ', () => {
    const es = entities(
      article('a', 'The cable operator SEACOM said repairs would take weeks.'),
      article('b', 'Engineers at Seacom said the repairs had begun near the coast.'),
    );
    expect(one(es, 'SEACOM')).toBe(one(es, 'Seacom'));
  });
});
