import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { indicatorSqlText } from '../../src/pipeline/indicators.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/domain/indicators.ts';

// Every indicator's generated SQL (family template + catalogue parameters) against a committed golden file: a change to
// a template or to a family's parameters shows up as a reviewed diff of the SQL each indicator runs. Its values are
// checked by hand in indicators.test.ts. `UPDATE_GOLDEN=1 npx vitest run test/sql/indicator-golden.test.ts` rewrites.

const DIR = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('generated indicator SQL equals the golden SQL', () => {
  it.each(INDICATORS.map((i) => [i.id, i] as const))('%s', (id, ind) => {
    const sql = indicatorSqlText(ind);
    const file = join(DIR, `${id}.sql`);
    if (update || (!existsSync(file) && process.env.CI !== 'true')) writeFileSync(file, sql);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/sql/indicator-golden.test.ts`).toBe(true);
    expect(sql, `${id}: the generated SQL differs from test/sql/golden/${id}.sql`).toBe(readFileSync(file, 'utf8'));
    expect(sql).not.toMatch(/\{\{|\}\}/);
  });

  it('has no golden file without an indicator', () => {
    const ids = new Set(INDICATORS.map((i) => `${i.id}.sql`));
    expect(readdirSync(DIR).filter((f) => !ids.has(f))).toEqual([]);
  });
});
