import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

type Assertion = { id: string; expectedResult?: string; errorMessage?: string };

/**
 * The W3C Web Annotation test suite's JSON Schemas (draft-04), loaded into ajv with format checking on (the
 * suite's README says `uri` and `date-time` formats must be checked). `check(kind, doc)` runs every assertion
 * of annotationMusts / collectionMusts / pageMusts and returns the error messages of those that fail.
 */
export function loadW3cSuite(dir: string) {
  const ajv = new Ajv04({ allErrors: false, strict: false, validateSchema: false });
  addFormats(ajv);
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') ? [p] : [];
    });
  const files = [...walk(join(dir, 'definitions')), ...walk(join(dir, 'annotations')), ...walk(join(dir, 'collections'))];
  const byFile = new Map<string, Assertion>();
  for (const f of files) {
    const schema = JSON.parse(readFileSync(f, 'utf8')) as Assertion;
    if (!ajv.getSchema(schema.id)) ajv.addSchema(schema as object, schema.id);
    byFile.set(f.slice(dir.length + 1), schema);
  }
  const tests = {
    annotation: 'annotations/annotationMusts.test',
    collection: 'collections/collectionMusts.test',
    page: 'collections/pages/pageMusts.test',
  } as const;
  return {
    check(kind: keyof typeof tests, doc: unknown): string[] {
      const { assertions } = JSON.parse(readFileSync(join(dir, tests[kind]), 'utf8')) as { assertions: string[] };
      const failures: string[] = [];
      for (const file of assertions) {
        const a = byFile.get(file);
        if (!a) throw new Error(`assertion ${file} missing from the suite`);
        const valid = ajv.getSchema(a.id)!(doc) as boolean;
        if (valid !== (a.expectedResult !== 'invalid')) failures.push(`${file}: ${a.errorMessage ?? 'failed'}`);
      }
      return failures;
    },
  };
}

/** The suite's sample annotations of one kind, as text (17 incorrect ones are not even JSON). */
export function w3cSamples(dir: string, kind: 'correct' | 'incorrect'): Array<{ name: string; text: string }> {
  const d = join(dir, 'tools', 'samples', kind);
  return readdirSync(d)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(d, name), 'utf8') }));
}

/** The CSL-JSON schema (draft-07) for an array of items. */
export const cslDataSchema = (dir: string): object =>
  JSON.parse(readFileSync(join(dir, 'schemas', 'input', 'csl-data.json'), 'utf8')) as object;
