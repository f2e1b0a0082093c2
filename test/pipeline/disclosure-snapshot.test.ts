import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIOLENCE_TABLES } from '../../src/domain/tables.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { readIndex } from '../../src/pipeline/snapshot-dir.ts';
import { cellsFromRows, regionNodes } from '../../src/pipeline/violence-cells.ts';
import { buildSystem } from '../../src/pipeline/disclosure/system.ts';
import { componentOf } from '../../src/pipeline/disclosure/recover.ts';
import { ComponentLp, loadSolver } from '../../src/pipeline/disclosure/intervals.ts';
import type { TableCells } from '../../src/pipeline/disclosure/index.ts';
import { Attacker, type PubRow } from './attacker.ts';

// The independent attacker (GLPK, its own reading of the data dictionary) against the published demo snapshot: for a
// sample of withheld cells in every year, its interval must equal the pipeline's own (HiGHS over system.ts), and must
// pass the rule (not a single value, and reaching k).

const root = join(REPO_ROOT, 'public', 'data');
const current = existsSync(root) ? readIndex(root)?.current : undefined;
const dir = current ? join(root, current) : '';
const SAMPLE_PER_YEAR = 8;

describe('the published snapshot against an attacker with a linear-programming solver', () => {
  it.runIf(current !== undefined && existsSync(join(dir, 'violence_totals.parquet')))('no sampled withheld cell is pinned down or bounded below k, and both models agree', async () => {
    const k = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { disclosure: { k: number } }).disclosure.k;
    const duck = await Duck.open();
    let tables: TableCells[];
    let regionRows;
    try {
      tables = [];
      for (const spec of VIOLENCE_TABLES) tables.push(cellsFromRows(spec, await duck.all(`SELECT * FROM read_parquet(${sqlString(join(dir, `${spec.name}.parquet`))})`)));
      regionRows = await duck.all(`SELECT region_code, level, province_code FROM read_parquet(${sqlString(join(dir, 'regions.parquet'))})`);
    } finally {
      duck.close();
    }
    const regions = regionNodes(regionRows);
    const parentOf = new Map(regions.filter((r) => r.parent !== null).map((r) => [r.code, r.parent as string]));
    const sys = buildSystem(tables, regions);
    const unknown = new Uint8Array(sys.nVars);
    for (let v = 0; v < sys.nVars; v++) unknown[v] = Number.isNaN(sys.value[v]) ? 1 : 0;
    const highs = await loadSolver();
    const years = [...new Set(tables[0]!.rows.map((r) => r.year))].sort();
    let checked = 0;
    for (const year of years) {
      const rows: PubRow[] = tables.flatMap((t) => t.rows.filter((r) => r.year === year).map((r) => ({
        table: t.spec.name, year, region_code: r.region_code, level: r.level, category: r.categories.join('|'),
        cases: r.counts.cases ?? null, victims: r.counts.victims ?? null,
      })));
      const attacker = new Attacker([{ id: 'snap', rows }], parentOf);
      // Withheld victims counts of the year, spread over the tables: every n-th one.
      const withheld: number[] = [];
      for (let v = 0; v < sys.nReal; v++) {
        const row = tables[sys.varTable[v] as number]!.rows[sys.varRow[v] as number]!;
        if (unknown[v] && row.year === year && sys.measures[sys.varTable[v] as number]![sys.varMeasure[v] as number] === 'victims') withheld.push(v);
      }
      const step = Math.max(1, Math.floor(withheld.length / SAMPLE_PER_YEAR));
      for (let i = 0; i < withheld.length; i += step) {
        const v = withheld[i]!;
        const t = tables[sys.varTable[v] as number]!;
        const row = t.rows[sys.varRow[v] as number]!;
        const theirs = await attacker.bounds('snap', { table: t.spec.name, year, region_code: row.region_code, category: row.categories.join('|') }, 'victims');
        const comp = componentOf(sys, unknown, [v]);
        const lp = new ComponentLp(highs, sys, unknown, comp, k);
        let ours: { lo: number; hi: number };
        try {
          const j = comp.indexOf(v);
          ours = { lo: lp.extreme(j, -1).value, hi: lp.extreme(j, 1).value };
        } finally {
          lp.dispose();
        }
        const where = `${t.spec.name} ${year} ${row.region_code} ${row.categories.join('|')}`;
        expect(theirs.lo, where).toBeCloseTo(ours.lo, 6);
        expect(theirs.hi === Number.POSITIVE_INFINITY ? theirs.hi : theirs.hi, where).toBeCloseTo(ours.hi, 6);
        expect(theirs.hi - theirs.lo, where).toBeGreaterThan(1e-6);
        expect(theirs.hi, where).toBeGreaterThanOrEqual(k - 1e-6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(years.length * SAMPLE_PER_YEAR / 2);
  }, 120_000);
});
