import { describe, expect, it } from 'vitest';
import { createIndicatorSource } from '../../src/db/indicator-source.ts';
import { indicator } from '../../src/domain/indicators.ts';
import type { Params, Row } from '../../src/db/sql.ts';

// The indicator path without an engine: which SQL and parameters it sends, the year it resolves from the coverage, and
// what it guesses the user asks next. Its rows on real snapshots are checked in test/sql/indicators.test.ts.

function fakeSource(coverage: Row[], rows: Row[] = []) {
  const sent: Array<{ sql: string; params: Params }> = [];
  const source = createIndicatorSource({
    sqlFile: (name) => `-- Tables: violence_totals, regions.\nSELECT 1 /* ${name} {{table}} ${name.endsWith('count') && name !== 'indicators/unit_count' ? '{{measure}}' : '{{id}}'} */`,
    run: async (sql, params) => {
      sent.push({ sql, params });
      return { rows: sql.startsWith('SELECT year, level, count(value)') ? coverage : rows, ms: 1 };
    },
  });
  return { source, sent };
}

describe('indicator source', () => {
  const victims = indicator('violence-victims');
  const coverage = [
    { year: 2023, level: 'province', valued: 38 }, { year: 2024, level: 'province', valued: 38 },
    { year: 2024, level: 'regency', valued: 0 }, { year: 2023, level: 'regency', valued: 500 },
  ];

  it('fills the family template and pushes year, level and province into SQL as bound parameters', async () => {
    const { source, sent } = fakeSource(coverage, [{ year: 2023, region_code: '32.73', level: 'regency', value: 8, suppressed: false, numerator: null, denominator: null }]);
    const r = await source.rows(victims, { year: 2023, level: 'regency', province: '32' });
    const q = sent.at(-1)!;
    expect(q.sql).toContain('-- Indicator violence-victims.');
    expect(q.sql).toContain('indicators/count violence_totals victims');
    expect(q.sql).toMatch(/WHERE q\."year" = \$_w1 AND q\."level" = \$_w2 AND starts_with\(q\."region_code", \$_w3\)\nORDER BY q\."year", q\."level", q\."region_code"$/);
    expect(q.params).toEqual({ _w1: 2023, _w2: 'regency', _w3: '32' });
    expect(r.rows).toEqual([{ year: 2023, region_code: '32.73', level: 'regency', value: 8, suppressed: false, numerator: null, denominator: null }]);
    expect(r).toMatchObject({ year: 2023, years: [2023, 2024], filter: { year: 2023, level: 'regency', province: '32' } });
  });

  it('resolves the year by the one rule: latest with data at the level, the requested one when it exists', async () => {
    const { source } = fakeSource(coverage);
    expect((await source.rows(victims, { year: null, level: 'regency' })).year).toBe(2023); // 2024 has no kab/kota value
    expect((await source.rows(victims, { year: null, level: 'province' })).year).toBe(2024);
    expect((await source.rows(victims, { year: 1999, level: 'province' })).year).toBe(2024);
    expect((await source.rows(victims, { year: 2024, level: 'regency' })).year).toBe(2024); // asked for: shown, even empty
    const all = await source.rows(victims, { level: 'province' });
    expect(all.year).toBeNull(); // every year
  });

  it('sends no year filter for an indicator without years, and asks no coverage', async () => {
    const { source, sent } = fakeSource([]);
    await source.rows(indicator('lksa-institutions'), { year: 2024, level: 'province' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toEqual({ _w1: 'province' });
  });
});
