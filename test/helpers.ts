import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Duck } from '../src/pipeline/duck.ts';
import { aggregateViolence, prepare, validateInputs } from '../src/pipeline/stages.ts';
import { REPO_ROOT } from '../src/pipeline/sql-files.ts';
import { Rng } from '../src/pipeline/demo/rng.ts';
import { InputError, type InputIssue } from '../src/pipeline/issues.ts';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const VALID_RAW = join(FIXTURES, 'raw', 'valid');
export const REFERENCE_DATE = '2025-12-31';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'pantau-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the valid fixture raw files that a test may change. */
export function copyValidRaw(into: string): string {
  const dir = join(into, 'raw');
  cpSync(VALID_RAW, dir, { recursive: true });
  return dir;
}

/** A DuckDB with reference tables, validated fixture inputs and the violence cube (no disclosure control). */
export async function fixtureDuck(rawDir = VALID_RAW): Promise<Duck> {
  const duck = await Duck.open();
  const { dir, cleanup } = tempDir();
  try {
    await prepare(duck);
    await validateInputs(duck, { rawDir, referenceDate: REFERENCE_DATE }, dir);
    await aggregateViolence(duck);
  } finally {
    cleanup();
  }
  return duck;
}

/**
 * The input issues of a valid fixture copy after `change` edits its raw folder: [] when the inputs are valid, the
 * issues of the InputError otherwise (any other error is thrown).
 */
export async function inputIssuesAfter(duck: Duck, change: (rawDir: string) => void | Promise<void>): Promise<InputIssue[]> {
  const { dir, cleanup } = tempDir();
  try {
    const raw = copyValidRaw(dir);
    await change(raw);
    await validateInputs(duck, { rawDir: raw, referenceDate: REFERENCE_DATE }, dir);
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  } finally {
    cleanup();
  }
}

/** SHA-256 of every file below a folder, by relative path: to prove a folder did not change. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else out[`${rel}${name}`] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

/** Uniform [0, 1) numbers from the project's seeded generator, for synthetic test inputs. */
export function seededUniform(seed: number): () => number {
  const rng = new Rng(seed, 'test');
  return () => rng.float();
}
