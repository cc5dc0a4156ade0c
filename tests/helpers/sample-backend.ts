import { join } from 'node:path';
import type { Backend } from '../../src-main/services/backend';
import { openBackend } from '../../src-main/services/backend';

/** A notebook holding the sample, with search answering inline over the whole index; closed afterwards. */
export async function withSampleBackend<T>(dir: string, fn: (b: Backend) => Promise<T>): Promise<T> {
  const b = await openBackend(join(dir, 'nb'), { create: true, durability: 'none', search: { runIn: 'inline', waitForIndexMs: Infinity } });
  try {
    await b.handlers['notebook.importSample']({});
    return await fn(b);
  } finally {
    await b.close();
  }
}
