import { describe, expect, it } from 'vitest';
import { indicatorSqlText } from '../../src/pipeline/indicators.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INDICATORS, INDICATOR_IDS, indicatorById, indicatorsOf, type Indicator } from '../../src/domain/indicators.ts';
import { familyFile, renderFamily } from '../../src/domain/indicators/sql.ts';
import { PUBLISHED_TABLES } from '../../src/domain/tables.ts';
import { KLA_CATEGORIES } from '../../src/domain/kla.ts';
import type { Label } from '../../src/domain/label.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';

// The indicator catalogue: ids, SQL files, tables, labels in both languages, categories.

const INDICATOR_SQL = join(REPO_ROOT, 'queries', 'app', 'indicators');
const sqlPath = (sql: string) => join(REPO_ROOT, 'queries', 'app', `${sql}.sql`);
/** The indicator's SQL as the app makes it: its family's template filled from the catalogue. */
const generated = (ind: Indicator) => indicatorSqlText(ind);
const filled = (l: Label) => l.id.trim().length > 0 && l.en.trim().length > 0;

describe('indicator catalogue', () => {
  it('has unique, URL-safe ids and finds them by id', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/);
    for (const ind of INDICATORS) expect(indicatorById(ind.id)).toBe(ind);
    expect(indicatorById('no-such-indicator')).toBeUndefined();
  });

  it('covers the three subjects with the required indicators', () => {
    expect(indicatorsOf('violence').map((i) => i.id)).toEqual([
      'violence-victims', 'violence-victim-rate', 'violence-cases', 'violence-sexual-share', 'violence-victims-change',
      'violence-any-service-share', 'violence-social-protection-share',
    ]);
    expect(indicatorsOf('lksa')).toHaveLength(10);
    expect(indicatorsOf('kla').map((i) => i.id)).toEqual(['kla-category', 'kla-awarded-share', 'kla-average-score', 'kla-movement']);
  });

  it('defines every id of INDICATOR_IDS once, in that order', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
  });

  it('points every indicator at an existing family template, and every template at an indicator', () => {
    const files = readdirSync(INDICATOR_SQL).filter((f) => f.endsWith('.sql')).map((f) => `indicators/${f.replace(/\.sql$/, '')}`);
    const used = new Set(INDICATORS.map((i) => familyFile(i.sql.family)));
    for (const sql of used) expect(existsSync(sqlPath(sql)), sql).toBe(true);
    expect([...files].sort()).toEqual([...used].sort());
    // Families: fewer templates than indicators (the point of families), each SQL distinct.
    expect(used.size).toBeLessThan(INDICATORS.length);
    expect(new Set(INDICATORS.map(generated)).size).toBe(INDICATORS.length);
  });

  it('reads only published tables, exactly those its generated SQL header lists', () => {
    const published = new Set(PUBLISHED_TABLES.map((t) => t.name));
    for (const ind of INDICATORS) {
      for (const t of ind.tables) expect(published.has(t), `${ind.id}: ${t}`).toBe(true);
      const header = /^-- Tables: ([^.]+)\./m.exec(generated(ind));
      expect(header, ind.id).not.toBeNull();
      expect(header![1]!.split(',').map((s) => s.trim()).sort(), ind.id).toEqual([...ind.tables].sort());
    }
  });

  it('fills templates strictly: unknown or unused parameters and unsafe values fail', () => {
    expect(() => renderFamily('SELECT {{nope}}', { family: 'count', table: 'a', measure: 'b' })).toThrow(/\{\{nope\}\}/);
    expect(() => renderFamily('SELECT {{table}}', { family: 'count', table: 'a', measure: 'b' })).toThrow(/does not use measure/);
    expect(() => renderFamily('SELECT {{measure}} FROM {{table}}', { family: 'count', table: 'a; DROP TABLE x', measure: 'b' })).toThrow(/identifier/);
    expect(() => renderFamily('SELECT 1 WHERE {{condition}} FROM {{table}} {{id}}', { family: 'unit_share', table: 'a', id: 'i', condition: 'x -- y' })).toThrow(/may not hold/);
    expect(renderFamily("SELECT {{code}} FROM {{table}} t WHERE t.{{column}} = 1", { family: 'breakdown_share', table: 'a', column: 'c', code: "it's" }))
      .toBe("SELECT 'it''s' FROM a t WHERE t.c = 1");
  });

  it('labels everything in Bahasa Indonesia and English', () => {
    for (const ind of INDICATORS) {
      for (const l of [ind.title, ind.definition, ind.unit, ...ind.caveats]) expect(filled(l), `${ind.id}: ${JSON.stringify(l)}`).toBe(true);
      for (const c of ind.categories ?? []) expect(filled(c.label), `${ind.id}: ${c.code}`).toBe(true);
      expect(ind.title.id).not.toBe(ind.title.en);
      expect(ind.definition.id).not.toBe(ind.definition.en);
    }
  });

  it('gives categories to category indicators only, and KLA categories in the order of kla.ts', () => {
    for (const ind of INDICATORS) {
      if (ind.format === 'category') {
        expect(ind.categories?.length, ind.id).toBeGreaterThan(1);
        expect(new Set(ind.categories!.map((c) => c.code)).size).toBe(ind.categories!.length);
      } else {
        expect(ind.categories, ind.id).toBeUndefined();
      }
    }
    expect(indicatorById('kla-category')!.categories!.map((c) => c.code)).toEqual(KLA_CATEGORIES.map((c) => c.code));
    expect(indicatorById('kla-movement')!.categories!.map((c) => c.code)).toEqual(['turun', 'tetap', 'naik']);
  });

  it('has consistent formats, digits, levels and time axes', () => {
    const axis = { violence: 'violence', lksa: 'none', kla: 'kla' } as const;
    for (const ind of INDICATORS) {
      expect(Number.isInteger(ind.digits) && ind.digits >= 0, ind.id).toBe(true);
      if (ind.format === 'count' || ind.format === 'category') expect(ind.digits, ind.id).toBe(0);
      expect(ind.levels.length, ind.id).toBeGreaterThan(0);
      expect(new Set(ind.levels).size).toBe(ind.levels.length);
      for (const l of ind.levels) expect(['national', 'province', 'regency']).toContain(l);
      expect(ind.timeAxis, ind.id).toBe(axis[ind.subject]);
      expect(ind.tables).toContain('regions');
    }
    expect(indicatorById('kla-category')!.levels).toEqual(['regency']);
    expect(indicatorById('kla-movement')!.levels).toEqual(['regency']);
    expect(indicatorById('kla-awarded-share')!.levels).toEqual(['national', 'province']);
  });

  it('warns on every violence indicator that recorded cases show reporting as much as prevalence', () => {
    for (const ind of indicatorsOf('violence')) {
      expect(ind.caveats.some((c) => c.en.includes('reporting as much as prevalence') && c.id.includes('pelaporan')), ind.id).toBe(true);
    }
  });

  it('flags exactly the indicators whose SQL divides by the child population (their figures cite its source)', () => {
    for (const ind of INDICATORS) {
      const divides = /child_population/.test(generated(ind).replace(/--[^\n]*/g, ''));
      expect(ind.childPopulation === true, ind.id).toBe(divides);
    }
    expect(INDICATORS.some((i) => i.childPopulation)).toBe(true);
  });

  it('says the child population behind the rate is an estimate', () => {
    const rate = indicatorById('violence-victim-rate')!;
    expect(rate.caveats.some((c) => c.en.includes('ESTIMATE') && c.id.includes('ESTIMASI'))).toBe(true);
    expect(rate.format).toBe('rate');
  });

  it('labels numerator and denominator where the indicator divides (map tables, exports)', () => {
    for (const ind of INDICATORS) {
      const divides = ['rate', 'percent', 'ratio', 'change'].includes(ind.format) || ind.id === 'kla-average-score';
      expect(ind.fraction !== undefined, ind.id).toBe(divides);
      if (ind.fraction) expect(filled(ind.fraction.numerator) && filled(ind.fraction.denominator), ind.id).toBe(true);
    }
  });

  it('warns that children per caregiver leaves out withheld small counts', () => {
    expect(indicatorById('lksa-children-per-caregiver')!.caveats.some((c) => /withheld/.test(c.en))).toBe(true);
  });
});
