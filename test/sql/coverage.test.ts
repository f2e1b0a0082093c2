import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { INDICATORS } from '../../src/domain/indicators.ts';
import { familyFile } from '../../src/domain/indicators/sql.ts';

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

describe('SQL files', () => {
  const sqlFiles = walk(join(REPO_ROOT, 'queries')).filter((f) => f.endsWith('.sql'));
  const tests = walk(join(REPO_ROOT, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
  const code = walk(join(REPO_ROOT, 'src')).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');

  it.each(sqlFiles.map((f) => relative(join(REPO_ROOT, 'queries'), f).replace(/\.sql$/, '')))('%s is run by a test or by a tested stage', (name) => {
    const quoted = (s: string) => s.includes(`'${name}'`);
    // A family template runs as the SQL of every indicator of its family (indicators.test.ts, indicator-golden.test.ts).
    const family = INDICATORS.some((i) => `app/${familyFile(i.sql.family)}` === name);
    expect(quoted(tests) || quoted(code) || family).toBe(true);
  });

  it.each(sqlFiles.map((f) => relative(REPO_ROOT, f)))('%s starts with a header comment', (file) => {
    expect(readFileSync(join(REPO_ROOT, file), 'utf8')).toMatch(/^-- \S/);
  });
});
