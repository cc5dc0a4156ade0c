/**
 * Random and adversarial API payloads, shared by the fuzzers of `dispatch` (api-fuzz) and of the HTTP
 * transport (http-fuzz).
 */
import fc from 'fast-check';

export const nasty = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../../etc/passwd',
  '\u0000',
  '\u202e\u200f',
  'a'.repeat(100_000),
  '<script>alert(1)</script>',
  '${7*7}',
  '%s%n',
  '0123456789abcdef',
  '',
);
const deep = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
/** Objects built with real own __proto__ / constructor keys, as JSON.parse would produce them. */
const pollutingObject = fc
  .tuple(nasty, fc.anything({ maxDepth: 2 }))
  .map(([k, v]) =>
    JSON.parse(
      `{${JSON.stringify(k)}: ${JSON.stringify(v ?? null) ?? 'null'}, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`,
    ),
  );
export const payload = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
  pollutingObject,
  fc.record({ id: fc.oneof(nasty, fc.string()), patch: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record(
    {
      paths: fc.array(fc.oneof(nasty, fc.string()), { maxLength: 3 }),
      files: fc.array(fc.record({ name: nasty, contentBase64: fc.base64String({ maxLength: 40 }) }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      sort: fc.oneof(nasty, fc.constantFrom('date', 'title')),
      limit: fc.oneof(fc.integer(), fc.double()),
      filter: nasty,
      offset: fc.integer(),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(deep(5_000), deep(50), null, undefined, [], 0, -1, NaN, Infinity, true, 'string', new Array(10_000).fill('x')),
);
