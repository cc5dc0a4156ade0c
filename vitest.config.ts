import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@contract': resolve('src-main/contract/index.ts'), '@shared': resolve('src-shared') } },
  test: {
    include: [
      'src-shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'tests/crash/**/*.test.ts',
      'tests/sync/**/*.test.ts',
    ],
    environment: 'node',
    // Room for a loaded machine: a timeout here catches a hang, never measures speed (benchmarks do that).
    testTimeout: 120_000,
    // Hooks too: the article analysis loads on first use, so the first hook that imports articles loads it.
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
