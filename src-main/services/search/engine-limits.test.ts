import { describe, expect, it } from 'vitest';
import { ENGINE_LIMITS, limitsFromEnv } from './engine-limits';

describe('limitsFromEnv', () => {
  it('is ENGINE_LIMITS when PARALLAX_SEARCH_LIMITS is unset or empty', () => {
    expect(limitsFromEnv({})).toEqual(ENGINE_LIMITS);
    expect(limitsFromEnv({ PARALLAX_SEARCH_LIMITS: '' })).toEqual(ENGINE_LIMITS);
  });

  it('overrides only the limits given', () => {
    expect(limitsFromEnv({ PARALLAX_SEARCH_LIMITS: '{"prefixExpansions":1}' })).toEqual({ ...ENGINE_LIMITS, prefixExpansions: 1 });
  });

  it('refuses malformed values with the reason', () => {
    expect(() => limitsFromEnv({ PARALLAX_SEARCH_LIMITS: '{prefix' })).toThrow(/must be a JSON object/);
    expect(() => limitsFromEnv({ PARALLAX_SEARCH_LIMITS: '{"listPage":0}' })).toThrow(/listPage/);
    expect(() => limitsFromEnv({ PARALLAX_SEARCH_LIMITS: '{"pages":3}' })).toThrow(/PARALLAX_SEARCH_LIMITS/);
    expect(() => limitsFromEnv({ PARALLAX_SEARCH_LIMITS: '[]' })).toThrow(/PARALLAX_SEARCH_LIMITS/);
  });
});
