import { describe, expect, it } from 'vitest';
import { regionsOf, type Tree } from './regions.ts';
import { audit as auditTables, suppress, type AuditFinding, type CellRow, type RegionNode, type TableCells } from '../../src/pipeline/disclosure/index.ts';
import {
  VIOLENCE_BY_DISABILITY, VIOLENCE_BY_PLACE, VIOLENCE_TOTALS, type PublishedTable,
} from '../../src/domain/tables.ts';
import { PLACES, YES_NO, codes } from '../../src/domain/vocab.ts';

// Small hand-made cubes. Leaf values are given per region (regencies, or provinces that have
// none) and per category combination; every level above is summed, so the cubes are consistent.

const YEAR = 2024;

/** The audit's findings alone. */
const audit = async (tables: TableCells[], regions: RegionNode[], k: number): Promise<AuditFinding[]> => (await auditTables(tables, regions, k)).findings;



// Cases are a fixed function of victims at the leaves so companion columns are realistic but predictable.
const casesOf = (victims: number): number => (victims === 0 ? 0 : Math.max(1, Math.round(victims * 0.8)));

/** Rows of a table over all regions; leaf[code][i] = victims in combos[i]. */
function cube(spec: PublishedTable, regions: RegionNode[], combos: string[][], leaf: Record<string, number[]>): TableCells {
  const withCases = (spec.disclosure?.counts ?? []).includes('cases');
  const values = new Map<string, { victims: number[]; cases: number[] }>();
  const kids = (code: string): RegionNode[] => regions.filter((r) => r.parent === code);
  const fill = (node: RegionNode): { victims: number[]; cases: number[] } => {
    const children = kids(node.code);
    let v: { victims: number[]; cases: number[] };
    if (children.length === 0) {
      const victims = leaf[node.code];
      if (!victims || victims.length !== combos.length) throw new Error(`leaf ${node.code} missing`);
      v = { victims: [...victims], cases: victims.map(casesOf) };
    } else {
      const parts = children.map(fill);
      v = {
        victims: combos.map((_, i) => parts.reduce((s, p) => s + (p.victims[i] as number), 0)),
        cases: combos.map((_, i) => parts.reduce((s, p) => s + (p.cases[i] as number), 0)),
      };
    }
    values.set(node.code, v);
    return v;
  };
  fill(regions.find((r) => r.level === 'national') as RegionNode);
  const rows: CellRow[] = [];
  for (const r of regions) {
    const v = values.get(r.code) as { victims: number[]; cases: number[] };
    combos.forEach((categories, i) => {
      const counts: Record<string, number | null> = { victims: v.victims[i] as number };
      if (withCases) counts.cases = v.cases[i] as number;
      rows.push({ year: YEAR, region_code: r.code, level: r.level, categories, counts, suppressed: false });
    });
  }
  return { spec, rows };
}

/** violence_totals whose leaves are the row sums of a partition table's leaves. */
const totalsOf = (regions: RegionNode[], partitionLeaf: Record<string, number[]>): TableCells =>
  cube(VIOLENCE_TOTALS, regions, [[]], Object.fromEntries(Object.entries(partitionLeaf).map(([c, v]) => [c, [v.reduce((s, x) => s + x, 0)]])));

const rowOf = (t: TableCells, region: string, categories: string[] = []): CellRow => {
  const row = t.rows.find((r) => r.region_code === region && r.categories.join('|') === categories.join('|'));
  if (!row) throw new Error(`no row ${region} ${categories.join('|')}`);
  return row;
};
const tableOf = (tables: TableCells[], name: string): TableCells => {
  const t = tables.find((x) => x.spec.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const suppressedKeys = (t: TableCells): string[] =>
  t.rows.filter((r) => r.suppressed).map((r) => [r.region_code, ...r.categories].join('/')).sort();

/** What a naive release would publish: only primary suppression, no partners. */
function primaryOnly(tables: TableCells[], k: number): TableCells[] {
  return tables.map((t) => ({
    spec: t.spec,
    rows: t.rows.map((r) => {
      const small = (t.spec.disclosure?.counts ?? []).some((m) => (r.counts[m] as number) >= 1 && (r.counts[m] as number) < k);
      return small
        ? { ...r, counts: Object.fromEntries(Object.keys(r.counts).map((m) => [m, null])), suppressed: true }
        : { ...r, counts: { ...r.counts } };
    }),
  }));
}

/** Copies a suppression result so a test can tamper with it without touching the original. */
const clone = (tables: TableCells[]): TableCells[] =>
  tables.map((t) => ({ spec: t.spec, rows: t.rows.map((r) => ({ ...r, categories: [...r.categories], counts: { ...r.counts } })) }));

/** Publishes a row's true counts back into a published copy. */
function reveal(published: TableCells[], truth: TableCells[], name: string, region: string, categories: string[] = []): void {
  const target = rowOf(tableOf(published, name), region, categories);
  target.counts = { ...rowOf(tableOf(truth, name), region, categories).counts };
  target.suppressed = false;
}

const withLevel = (spec: PublishedTable, finestLevel: 'regency' | 'auto'): PublishedTable =>
  ({ ...spec, disclosure: { ...(spec.disclosure as NonNullable<PublishedTable['disclosure']>), finestLevel } });

const ONE_SMALL: Tree = { '11': ['11.01', '11.02', '11.03', '11.04'], '12': ['12.01', '12.02'] };
const oneSmallLeaf = (small: number): Record<string, number[]> =>
  ({ '11.01': [small], '11.02': [0], '11.03': [30], '11.04': [40], '12.01': [50], '12.02': [60] });

describe('primary suppression', async () => {
  const regions = regionsOf(ONE_SMALL);
  const truth = [cube(VIOLENCE_TOTALS, regions, [[]], oneSmallLeaf(2))];
  const res = await suppress(truth, regions, 5);
  const totals = tableOf(res.tables, 'violence_totals');

  it('withholds counts 1..k-1 and publishes zeros', async () => {
    expect(rowOf(totals, '11.01')).toMatchObject({ suppressed: true, counts: { victims: null } });
    expect(rowOf(totals, '11.02')).toMatchObject({ suppressed: false, counts: { victims: 0, cases: 0 } });
    expect(res.stats.violence_totals).toMatchObject({ finestLevel: 'regency', cells: 9, primary: 1 });
  });

  it('nulls companion counts in every suppressed cell', async () => {
    for (const row of totals.rows.filter((r) => r.suppressed)) expect(row.counts).toEqual({ cases: null, victims: null });
    expect(totals.rows.filter((r) => r.suppressed).length).toBeGreaterThan(1);
  });

  it('suppresses a partner for a single small regency in a province: the smallest non-zero one', async () => {
    expect(suppressedKeys(totals)).toEqual(['11.01', '11.03']);
    expect(res.stats.violence_totals?.secondary).toBe(1);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });

  it('depends on k', async () => {
    const leaf = { ...oneSmallLeaf(4), '11.02': [7] };
    const t = [cube(VIOLENCE_TOTALS, regions, [[]], leaf)];
    const k3 = await suppress(t, regions, 3);
    const k10 = await suppress(t, regions, 10);
    expect(suppressedKeys(tableOf(k3.tables, 'violence_totals'))).toEqual([]);
    // At k = 10 the two small kab/kota hold 11 victims together, but only 3 + 6 = 9 cases: a third row is withheld
    // so that their case counts cannot be bounded below k either.
    expect(suppressedKeys(tableOf(k10.tables, 'violence_totals'))).toEqual(['11.01', '11.02', '11.03']);
    expect(k10.stats.violence_totals).toMatchObject({ primary: 2, secondary: 1 });
    expect(await audit(k3.tables, regions, 3)).toEqual([]);
    expect(await audit(k10.tables, regions, 10)).toEqual([]);
    // What is safe at k = 3 is not at k = 10.
    expect((await audit(k3.tables, regions, 10)).map((f) => f.problem)).toContain('small-count');
  });

  it('rejects a bad k and incomplete cubes', async () => {
    await expect(suppress(truth, regions, 0)).rejects.toThrow(RangeError);
    const holed: TableCells = { spec: VIOLENCE_TOTALS, rows: (truth[0] as TableCells).rows.filter((r) => r.region_code !== '11.04') };
    await expect(suppress([holed], regions, 5)).rejects.toThrow(/complete cubes/);
  });
});

describe('secondary suppression across the hierarchy', async () => {
  it('protects a small province from national minus the other provinces', async () => {
    const regions = regionsOf({ '11': [], '12': [], '13': [] });
    const res = await suppress([cube(VIOLENCE_TOTALS, regions, [[]], { '11': [3], '12': [20], '13': [50] })], regions, 5);
    expect(suppressedKeys(tableOf(res.tables, 'violence_totals'))).toEqual(['11', '12']);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });

  it('carries the partner down into the partner province\'s regencies', async () => {
    const regions = regionsOf({ '11': ['11.01', '11.02'], '12': ['12.01', '12.02'], '13': ['13.01'] });
    const leaf = { '11.01': [3], '11.02': [0], '12.01': [8], '12.02': [12], '13.01': [50] };
    const res = await suppress([cube(VIOLENCE_TOTALS, regions, [[]], leaf)], regions, 5);
    expect(suppressedKeys(tableOf(res.tables, 'violence_totals'))).toEqual(['11', '11.01', '12', '12.01']);
    expect(rowOf(tableOf(res.tables, 'violence_totals'), '00').suppressed).toBe(false);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });

  it('chooses the partner of a lone small cell of a partition row inside that row', async () => {
    const regions = regionsOf({ '11': [], '12': [], '13': [], '14': [] });
    const places = codes(PLACES).map((p) => [p]);
    const leaf = {
      '11': [2, 20, 30, 40, 50, 60, 70],
      '12': [30, 31, 32, 33, 34, 35, 36],
      '13': [40, 41, 42, 43, 44, 45, 46],
      '14': [50, 51, 52, 53, 54, 55, 56],
    };
    const res = await suppress([totalsOf(regions, leaf), cube(VIOLENCE_BY_PLACE, regions, places, leaf)], regions, 5);
    const byPlace = tableOf(res.tables, 'violence_by_place');
    const row11 = byPlace.rows.filter((r) => r.region_code === '11' && r.suppressed).map((r) => r.categories[0]);
    expect(row11).toEqual(['rumah_tangga', 'sekolah']);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });
});

describe('links between tables', async () => {
  const regions = regionsOf({ '11': ['11.01', '11.02', '11.03'], '12': ['12.01', '12.02'] });
  const yesNo = codes(YES_NO).map((c) => [c]);
  const leaf = { '11.01': [1, 2], '11.02': [6, 6], '11.03': [10, 20], '12.01': [8, 30], '12.02': [9, 40] };
  const disability = withLevel(VIOLENCE_BY_DISABILITY, 'regency');
  const truth = [totalsOf(regions, leaf), cube(disability, regions, yesNo, leaf)];
  const res = await suppress(truth, regions, 5);

  it('does not let a partition table give away a withheld total', async () => {
    const totals = tableOf(res.tables, 'violence_totals');
    expect(suppressedKeys(totals)).toEqual(['11.01', '11.02']);
    const byDisability = tableOf(res.tables, 'violence_by_disability');
    expect(byDisability.rows.some((r) => r.region_code === '11.02' && r.suppressed)).toBe(true);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });

  it('audit catches the total when the partition cells are published after all', async () => {
    const tampered = clone(res.tables);
    reveal(tampered, truth, 'violence_by_disability', '11.02', ['ya']);
    reveal(tampered, truth, 'violence_by_disability', '11.02', ['tidak']);
    const findings = await audit(tampered, regions, 5);
    expect(findings).toContainEqual(expect.objectContaining({
      table: 'violence_totals', region_code: '11.02', column: 'victims', problem: 'recoverable', detail: expect.stringContaining('= 12'),
    }));
    // The total is determined, and with it the bounds of what is left: 11.01 is now known to hold 1..4 children.
    expect(findings.every((f) => f.problem === 'recoverable' || f.problem === 'bounded')).toBe(true);
    expect(findings).toContainEqual(expect.objectContaining({ table: 'violence_totals', region_code: '11.01', column: 'victims' }));
  });
});

describe('the exact test beyond the 0-or-2 rule', async () => {
  // Two suppressed 2x2 blocks joined by one cell (11, c): every row and column has 0 or >= 2
  // withheld cells, yet that joining cell is a bridge, so it equals a sum of published margins.
  const regions = regionsOf({ '11': [], '12': [], '13': [], '14': [], '15': [] });
  const grid: PublishedTable = {
    ...VIOLENCE_BY_PLACE,
    name: 'test_grid',
    disclosure: { counts: ['victims'], categories: ['x'], membership: 'partition', finestLevel: 'auto' },
  };
  const combos = [['a'], ['b'], ['c'], ['d']];
  const leaf = {
    '11': [2, 3, 4, 30],
    '12': [3, 2, 40, 35],
    '13': [30, 40, 2, 3],
    '14': [35, 45, 3, 2],
    '15': [50, 60, 70, 80],
  };
  const truth = [totalsOf(regions, leaf), cube(grid, regions, combos, leaf)];

  it('the naive pattern passes the 0-or-2 rule but leaks the bridge', async () => {
    const naive = primaryOnly(truth, 5);
    const g = tableOf(naive, 'test_grid');
    const count = (pred: (r: CellRow) => boolean): number => g.rows.filter((r) => r.suppressed && pred(r)).length;
    for (const p of Object.keys(leaf)) expect(count((r) => r.region_code === p)).not.toBe(1);
    for (const [c] of combos) expect(count((r) => r.categories[0] === c)).not.toBe(1);
    const findings = await audit(naive, regions, 5);
    expect(findings).toEqual([expect.objectContaining({ table: 'test_grid', region_code: '11', categories: ['c'], problem: 'recoverable', detail: expect.stringContaining('= 4') })]);
  });

  it('await suppress() closes it with one more cell', async () => {
    const res = await suppress(truth, regions, 5);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
    expect(res.stats.test_grid).toMatchObject({ primary: 9, secondary: 1 });
    expect(res.stats.violence_totals).toMatchObject({ primary: 0, secondary: 0 });
  });
});

describe('audit', async () => {
  const regions = regionsOf(ONE_SMALL);

  it('reports the right cell when a secondary cell is published back', async () => {
    const truth = [cube(VIOLENCE_TOTALS, regions, [[]], oneSmallLeaf(2))];
    const tampered = clone((await suppress(truth, regions, 5)).tables);
    reveal(tampered, truth, 'violence_totals', '11.03');
    const findings = await audit(tampered, regions, 5);
    expect(findings.map((f) => [f.problem, f.region_code, f.column])).toEqual([
      ['recoverable', '11.01', 'cases'],
      ['recoverable', '11.01', 'victims'],
    ]);
    expect(findings[1]?.detail).toContain('= 2');
  });

  it('reports a published small count', async () => {
    const truth = [cube(VIOLENCE_TOTALS, regions, [[]], oneSmallLeaf(3))];
    const tampered = clone((await suppress(truth, regions, 5)).tables);
    reveal(tampered, truth, 'violence_totals', '11.01');
    const small = await (await audit(tampered, regions, 5)).filter((f) => f.problem === 'small-count');
    // Cases follow the rule of children: 2 cases are as small as 3 victims.
    expect(small).toEqual([
      expect.objectContaining({ table: 'violence_totals', year: YEAR, region_code: '11.01', categories: [], column: 'cases', detail: 'cases = 2 is below k = 5' }),
      expect.objectContaining({ table: 'violence_totals', year: YEAR, region_code: '11.01', categories: [], column: 'victims' }),
    ]);
  });

  it('reports inconsistent rows and sums that do not add up', async () => {
    const truth = [cube(VIOLENCE_TOTALS, regions, [[]], oneSmallLeaf(2))];
    const published = clone((await suppress(truth, regions, 5)).tables);
    const t = tableOf(published, 'violence_totals');
    rowOf(t, '11.01').counts.cases = 2;
    rowOf(t, '12.01').counts.victims = 51;
    const findings = await (await audit(published, regions, 5)).filter((f) => f.problem === 'inconsistent');
    expect(findings.map((f) => [f.region_code, f.column])).toEqual([
      ['11.01', 'cases'],
      ['12', 'victims'],
    ]);
    // A row that is neither suppressed nor complete.
    rowOf(t, '11.04').counts.victims = null;
    expect(await (await audit(published, regions, 5)).some((f) => f.problem === 'inconsistent' && f.region_code === '11.04')).toBe(true);
  });
});

describe('finest level', async () => {
  const regions = regionsOf({ '11': ['11.01', '11.02', '11.03', '11.04'], '12': ['12.01', '12.02', '12.03', '12.04'] });
  const yesNo = codes(YES_NO).map((c) => [c]);
  const build = (leaf: Record<string, number[]>): TableCells[] => [totalsOf(regions, leaf), cube(VIOLENCE_BY_DISABILITY, regions, yesNo, leaf)];

  it("publishes an 'auto' table at province level when too many regency cells are small", async () => {
    const leaf = {
      '11.01': [1, 30], '11.02': [2, 40], '11.03': [3, 50], '11.04': [1, 60],
      '12.01': [2, 30], '12.02': [1, 40], '12.03': [4, 50], '12.04': [2, 60],
    };
    const res = await suppress(build(leaf), regions, 5);
    const byDisability = tableOf(res.tables, 'violence_by_disability');
    expect(byDisability.rows.some((r) => r.level === 'regency')).toBe(false);
    expect(byDisability.rows).toHaveLength(2 * 3);
    expect(res.stats.violence_by_disability).toMatchObject({ finestLevel: 'province', cells: 6 });
    expect(res.stats.violence_totals).toMatchObject({ finestLevel: 'regency', cells: 11 });
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });

  it('keeps regency rows when few are small, and always for violence_totals', async () => {
    const leaf = {
      '11.01': [0, 30], '11.02': [6, 40], '11.03': [7, 50], '11.04': [8, 60],
      '12.01': [3, 30], '12.02': [9, 40], '12.03': [10, 50], '12.04': [11, 60],
    };
    const res = await suppress(build(leaf), regions, 5);
    expect(res.stats.violence_by_disability).toMatchObject({ finestLevel: 'regency', cells: 22, primary: 1 });
    expect(tableOf(res.tables, 'violence_by_disability').rows.some((r) => r.level === 'regency')).toBe(true);
    expect(await audit(res.tables, regions, 5)).toEqual([]);
  });
});
