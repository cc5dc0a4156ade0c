import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What the renderer and the sandboxed preload load at run time: the value imports reachable from their
 * entry points (`import type` is erased by the build and not followed). The contract carries zod and every
 * schema; neither may be reached, so both bundles stay free of them (the lint rule says the same per file).
 */
const root = resolve(import.meta.dirname, '../..');
const aliases: [string, string][] = [
  ['@contract', 'src-main/contract/index.ts'],
  ['@shared/', 'src-shared/'],
];

/** The source file an import names, null for a package, 'asset' for a stylesheet or image. */
function resolveFile(from: string, spec: string): string | null {
  if (/\.(css|svg|png)$/.test(spec)) return 'asset';
  let base: string | null = null;
  for (const [alias, target] of aliases)
    if (spec === alias || (alias.endsWith('/') && spec.startsWith(alias))) base = join(root, target + spec.slice(alias.length));
  if (!base && spec.startsWith('.')) base = resolve(dirname(from), spec);
  if (!base) return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts']) if (/\.tsx?$/.test(base + ext) && existsSync(base + ext)) return base + ext;
  throw new Error(`cannot resolve ${spec} from ${relative(root, from)}`);
}

/** Value imports and re-exports of one file (type-only ones left out). */
function valueImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const s of src.statements) {
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause;
      const typeOnly =
        c?.isTypeOnly ||
        (c &&
          !c.name &&
          c.namedBindings &&
          ts.isNamedImports(c.namedBindings) &&
          c.namedBindings.elements.length > 0 &&
          c.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) out.push((s.moduleSpecifier as ts.StringLiteral).text);
  }
  return out;
}

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [join(root, entry)];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of valueImports(file)) {
      const target = resolveFile(file, spec);
      if (target === 'asset') continue;
      if (target) todo.push(target);
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

const inContract = (files: Set<string>) => [...files].map((f) => relative(root, f)).filter((f) => f.startsWith('src-main/contract/'));

describe('what the renderer and the preload load at run time', () => {
  it('the preload reaches neither the contract nor zod', () => {
    const { files, packages } = reachable('src-main/transports/electron/preload.ts');
    expect(inContract(files)).toEqual([]);
    expect([...packages].sort()).toEqual(['electron']);
  });

  it('the renderer reaches neither the contract nor zod', () => {
    const { files, packages } = reachable('src-renderer/src/main.tsx');
    expect(files.size).toBeGreaterThan(50);
    expect(inContract(files)).toEqual([]);
    expect(packages.has('zod')).toBe(false);
  });

  it('src-shared reaches nothing outside itself but plain libraries', () => {
    const { files } = reachable('src-renderer/src/main.tsx');
    for (const f of [...files].filter((x) => relative(root, x).startsWith('src-shared/'))) {
      for (const spec of valueImports(f))
        expect(spec.startsWith('.') ? relative(root, resolveFile(f, spec)!) : spec).toMatch(/^(src-shared\/|marked$)/);
    }
  });
});
