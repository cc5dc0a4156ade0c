import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';

/**
 * JSON-LD expansion (jsonld.js) in safe mode, offline: the Web Annotation context is served from the W3C
 * suite's copy (corpora/04-w3c-web-annotation-tests/context/anno.jsonld) and any other remote document is
 * refused. Safe mode throws on anything expansion would drop: a key that is no term and no IRI, a value of
 * the wrong kind. A result means every key and value of the document has a meaning.
 */
export async function expandOffline(doc: object, suiteDir: string): Promise<unknown[]> {
  const context = JSON.parse(readFileSync(join(suiteDir, 'context', 'anno.jsonld'), 'utf8')) as object;
  const documentLoader = async (url: string) => {
    if (url !== ANNO) throw new Error(`no network here: refused to load ${url}`);
    return { contextUrl: null, documentUrl: url, document: context };
  };
  return jsonld.expand(doc, { documentLoader, safe: true });
}
