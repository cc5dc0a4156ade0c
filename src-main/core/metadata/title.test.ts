import { describe, expect, it } from 'vitest';
import { stripSectionLabel, stripSiteName } from './title';

describe('headlines without the site name', () => {
  it('cuts the outlet from either end when the outlet is known', () => {
    expect(stripSiteName('Sweden drops Assange rape investigation - BBC News', ['BBC News'])).toBe(
      'Sweden drops Assange rape investigation',
    );
    expect(stripSiteName('Reuters | Oil falls as stocks rise', ['Reuters'])).toBe('Oil falls as stocks rise');
    expect(stripSiteName('New York man pleads guilty | TheHill', ['The Hill'])).toBe('New York man pleads guilty');
    expect(stripSiteName('NASA adds five companies - SpaceNews.com', ['SpaceNews'])).toBe('NASA adds five companies');
    expect(stripSiteName('Clymer manual review | MoreBikes', ['morebikes.co.uk'])).toBe('Clymer manual review');
  });

  it('keeps a dash or bar that is part of the headline, and everything when the outlet is unknown', () => {
    expect(stripSiteName('Star Wars review – shoots for the moon', ['VG247'])).toBe('Star Wars review – shoots for the moon');
    expect(stripSiteName('Milan Design Week 2018 | A light installation', ['Inexhibit'])).toBe(
      'Milan Design Week 2018 | A light installation',
    );
    expect(stripSiteName('Talks end - BBC News', [])).toBe('Talks end - BBC News');
  });

  it('drops a section label shown only in the title bar', () => {
    expect(stripSectionLabel('Opinion | Republicans Are Following Trump to Nowhere')).toBe('Republicans Are Following Trump to Nowhere');
    expect(stripSectionLabel('Opinionated people gather')).toBe('Opinionated people gather');
  });
});
