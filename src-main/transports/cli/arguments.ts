import { InvalidArgumentError } from 'commander';

/**
 * A parser for a whole-number option. It throws commander's InvalidArgumentError, so a bad value exits 2
 * with BAD_INPUT and names the option, like every other malformed argument.
 */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return n;
  };
}
