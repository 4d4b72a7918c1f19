import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SPECIFIER = /^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === '_generated') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  return (
    [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    ) ?? null
  );
}

/** Every import loop in lib/ and convex/, type imports included, each as the files that form it. */
function importLoops(): string[][] {
  const files = [...sources(path.join(ROOT, 'lib')), ...sources(path.join(ROOT, 'convex'))];
  const edges = new Map(
    files.map((file) => [
      file,
      [...readFileSync(file, 'utf8').matchAll(SPECIFIER)]
        .map((match) => resolve(file, match[1]!))
        .filter((target): target is string => target !== null),
    ]),
  );
  const loops: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open')
        loops.push(stack.slice(stack.indexOf(next)).map((f) => path.relative(ROOT, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return loops;
}

describe('layout', () => {
  it('has no import loops in lib/ or convex/ (issue 16)', () => {
    expect(importLoops()).toEqual([]);
  });

  it('keeps page-side code in lib/page/ away from the background and the popup', () => {
    const pageFiles = sources(path.join(ROOT, 'lib/page'));
    const reaching = pageFiles.filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].some((match) =>
        /\/(background|popup|options|journal|sync)\//.test(resolve(file, match[1]!) ?? ''),
      ),
    );
    expect(reaching.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
