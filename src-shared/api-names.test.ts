import { describe, expect, it } from 'vitest';
import { events, methods } from '../src-main/contract';
import { eventNames, methodNames } from './api-names';

describe('the API names the preload and renderer use', () => {
  it('are exactly the contract’s methods and events', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(methods).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });
});
