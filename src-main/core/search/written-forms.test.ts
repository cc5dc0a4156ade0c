import { describe, expect, it } from 'vitest';
import { terms } from './normalise';
import { writtenForms } from './written-forms';

describe('writtenForms', () => {
  it('shows a stored stem as the text first writes it, in the order asked, leaving out stems not found', () => {
    const text = 'Aerodynamic heating of Gliders; the glider soared.';
    const stems = terms('gliders aerodynamic zanzibar', 'en');
    expect(writtenForms(stems, [{ text, lang: 'en' }])).toEqual(['gliders', 'aerodynamic']);
  });
});
