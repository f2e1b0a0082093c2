import { describe, expect, it } from 'vitest';
import { regionsOf } from './regions.ts';
import { audit, suppress, type CellRow, type RegionNode, type TableCells } from '../../src/pipeline/disclosure/index.ts';
import { historyModel } from '../../src/pipeline/disclosure/history.ts';
import { VIOLENCE_BY_SERVICE, VIOLENCE_BY_TYPE, VIOLENCE_TOTALS, type PublishedTable } from '../../src/domain/tables.ts';
import { SERVICES, SERVICE_SUMMARIES, VIOLENCE_TYPES, codes } from '../../src/domain/vocab.ts';
import { Attacker, type PubRow } from './attacker.ts';

// Crafted inputs for each leak found by the attack on the snapshot builder (issue 9), and for leaks found since.
// Each shows (1) a release the earlier pipeline would have made, from which the independent attacker (attacker.ts:
// GLPK, its own reading of the data dictionary) recovers a withheld count or bounds it below k, and which the audit
// now fails; (2) the release suppress() makes now, which the audit passes and in which the attacker finds every
// withheld cell undetermined and possibly at least k.

const K = 5;
const YEAR = 2024;

/** Leaf values per table, region and category: [victims, cases] (cases = victims when left out); totals by region alone. */
type Count = [number, number?];
type Leaves = Record<string, Record<string, Record<string, Count> | Count>>;

const atRegency = (spec: PublishedTable): PublishedTable => ({ ...spec, disclosure: { ...spec.disclosure!, finestLevel: 'regency' } });


const CATEGORIES: Record<string, string[]> = {
  violence_totals: [''],
  violence_by_type: codes(VIOLENCE_TYPES),
  violence_by_service: [...codes(SERVICES), ...codes(SERVICE_SUMMARIES)],
};

/** Complete cubes: leaf values as given (0 where not), every level above summed. */
function makeTables(regions: RegionNode[], specs: PublishedTable[], leaves: Leaves): TableCells[] {
  const kids = (code: string): RegionNode[] => regions.filter((r) => r.parent === code);
  return specs.map((spec) => {
    const cats = CATEGORIES[spec.name] as string[];
    const counts = spec.disclosure!.counts;
    const value = new Map<string, Record<string, number>>();
    const fill = (node: RegionNode): void => {
      const children = kids(node.code);
      children.forEach(fill);
      for (const c of cats) {
        const given = leaves[spec.name]?.[node.code];
        const leaf = Array.isArray(given) ? (c === '' ? given : undefined) : given?.[c];
        const v: Record<string, number> = {};
        for (const m of counts) {
          v[m] = children.length === 0
            ? (m === 'victims' ? leaf?.[0] ?? 0 : leaf?.[1] ?? leaf?.[0] ?? 0)
            : children.reduce((s, ch) => s + (value.get(`${ch.code}|${c}`)?.[m] ?? 0), 0);
        }
        value.set(`${node.code}|${c}`, v);
      }
    };
    fill(regions[0]!);
    const rows: CellRow[] = regions.flatMap((r) => cats.map((c): CellRow => ({
      year: YEAR, region_code: r.code, level: r.level, categories: c === '' ? [] : [c], counts: { ...value.get(`${r.code}|${c}`)! }, suppressed: false,
    })));
    return { spec, rows };
  });
}

/** A release withholding the given rows ('table|region|category'). */
function release(truth: TableCells[], withheld: string[]): TableCells[] {
  const set = new Set(withheld);
  return truth.map((t) => ({
    spec: t.spec,
    rows: t.rows.map((r) => set.has([t.spec.name, r.region_code, ...r.categories].join('|'))
      ? { ...r, counts: Object.fromEntries(Object.keys(r.counts).map((m) => [m, null])), suppressed: true }
      : { ...r, counts: { ...r.counts } }),
  }));
}

const pubRows = (tables: TableCells[]): PubRow[] => tables.flatMap((t) => t.rows.map((r) => ({
  table: t.spec.name, year: r.year, region_code: r.region_code, level: r.level, category: r.categories.join('|'),
  cases: r.counts.cases ?? null, victims: r.counts.victims ?? null,
})));

const parents = (regions: RegionNode[]): Map<string, string> =>
  new Map(regions.filter((r) => r.parent !== null).map((r) => [r.code, r.parent as string]));

/** Every withheld cell of a release, with the attacker's interval. */
async function intervals(attacker: Attacker, id: string, tables: TableCells[]): Promise<Array<{ cell: string; lo: number; hi: number }>> {
  const out = [];
  for (const t of tables) {
    for (const r of t.rows.filter((x) => x.suppressed)) {
      for (const m of t.spec.disclosure!.counts as Array<'cases' | 'victims'>) {
        const b = await attacker.bounds(id, { table: t.spec.name, year: r.year, region_code: r.region_code, category: r.categories.join('|') }, m);
        out.push({ cell: `${t.spec.name}|${r.region_code}|${r.categories.join('|')}|${m}`, ...b });
      }
    }
  }
  return out;
}

const exact = (b: { lo: number; hi: number }): boolean => Math.abs(b.hi - b.lo) < 1e-6;
/** What the rule forbids: a withheld count pinned down, or proved to be below k. */
const unsafe = (b: { lo: number; hi: number }): boolean => exact(b) || b.hi < K - 1e-6;

async function expectSafe(tables: TableCells[], regions: RegionNode[]): Promise<void> {
  expect((await audit(tables, regions, K)).findings).toEqual([]);
  const attacker = new Attacker([{ id: 'now', rows: pubRows(tables) }], parents(regions));
  const found = await intervals(attacker, 'now', tables);
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter(unsafe)).toEqual([]);
}

describe('unions: a summary category is the union of others (violence_by_service)', () => {
  // Kab 11.01 had 2 children referred to PKH and 3 to PIP, 5 to social protection in all; kab 11.02 had 7, all PKH.
  const regions = regionsOf({ '11': ['11.01', '11.02', '11.03'], '12': ['12.01'] });
  const service = (pkh: number, pip: number, victims: number): Record<string, [number]> => ({
    pkh: [pkh], pip: [pip], rujukan_perlindungan_sosial: [pkh + pip], pengaduan: [victims], layanan_apa_pun: [victims],
  });
  const truth = makeTables(regions, [VIOLENCE_TOTALS, atRegency(VIOLENCE_BY_SERVICE)], {
    violence_totals: { '11.01': [5], '11.02': [7], '11.03': [6], '12.01': [10] },
    violence_by_service: { '11.01': service(2, 3, 5), '11.02': service(7, 0, 7), '11.03': service(0, 6, 6), '12.01': service(10, 0, 10) },
  });
  // The earlier model knew only sums: the two small cells got partners in the province's PKH and PIP sums.
  const before = release(truth, [
    'violence_by_service|11.01|pkh', 'violence_by_service|11.02|pkh', 'violence_by_service|11.01|pip', 'violence_by_service|11.03|pip',
  ]);

  it('the attacker recovers the withheld PKH count from the published referral total, and the audit fails', async () => {
    const attacker = new Attacker([{ id: 'before', rows: pubRows(before) }], parents(regions));
    // 11.02: PKH <= referrals (7) <= PKH + PBI-JKN (0) + PIP (0), so PKH = 7, and 11.01's PKH = 9 - 7.
    expect(await attacker.bounds('before', { table: 'violence_by_service', year: YEAR, region_code: '11.01', category: 'pkh' }, 'victims')).toEqual({ lo: 2, hi: 2 });
    const { findings } = await audit(before, regions, K);
    expect(findings).toContainEqual(expect.objectContaining({ table: 'violence_by_service', region_code: '11.01', categories: ['pkh'], column: 'victims', problem: 'recoverable', interval: [2, 2] }));
  });

  it('suppress() now withholds enough that no union gives a count back', async () => {
    const res = await suppress(truth, regions, K);
    await expectSafe(res.tables, regions);
  });
});

describe('types of violence: bounds, not a partition (violence_by_type)', () => {
  // Kab 11.01: 2 children suffered psychological violence (and 6 sexual); kab 11.02: 7 children, all psychological.
  const regions = regionsOf({ '11': ['11.01', '11.02'], '12': ['12.01'] });
  const truth = makeTables(regions, [VIOLENCE_TOTALS, atRegency(VIOLENCE_BY_TYPE)], {
    violence_totals: { '11.01': [7, 7], '11.02': [7, 7], '12.01': [20, 20] },
    violence_by_type: { '11.01': { psikis: [2, 2], seksual: [6, 6] }, '11.02': { psikis: [7, 7] }, '12.01': { fisik: [20, 20] } },
  });
  const before = release(truth, ['violence_by_type|11.01|psikis', 'violence_by_type|11.02|psikis']);

  it('every child has at least one type: a kab/kota with one non-zero type gives it back', async () => {
    const attacker = new Attacker([{ id: 'before', rows: pubRows(before) }], parents(regions));
    // 11.02: total (7) <= sum of its types = psikis, and psikis <= total: psikis = 7, so 11.01's = 9 - 7.
    expect(await attacker.bounds('before', { table: 'violence_by_type', year: YEAR, region_code: '11.01', category: 'psikis' }, 'victims')).toEqual({ lo: 2, hi: 2 });
    expect((await audit(before, regions, K)).findings).toContainEqual(expect.objectContaining({ region_code: '11.01', categories: ['psikis'], column: 'victims', problem: 'recoverable' }));
  });

  it('suppress() now withholds enough', async () => {
    await expectSafe((await suppress(truth, regions, K)).tables, regions);
  });
});

describe('cases: at most the victims, and small case counts are small counts', () => {
  const regions = regionsOf({ '11': ['11.01', '11.02', '11.03'], '12': ['12.01'] });
  // 11.03: 6 children in a single case ("1 case, 6 victims in kab X" points at one identifiable incident).
  const truth = makeTables(regions, [VIOLENCE_TOTALS], { violence_totals: { '11.01': [2, 2], '11.02': [6, 6], '11.03': [6, 1], '12.01': [30, 20] } });

  it('the earlier release published 1 case beside 6 victims; the audit now calls it a small count', async () => {
    const before = release(truth, ['violence_totals|11.01', 'violence_totals|11.02']);
    expect((await audit(before, regions, K)).findings).toContainEqual(expect.objectContaining({ region_code: '11.03', column: 'cases', problem: 'small-count', detail: 'cases = 1 is below k = 5' }));
  });

  it('cases <= victims joins the two counts: a partner with few cases leaves the small cell bounded', async () => {
    // Withholding 11.01 (2 victims, 2 cases) with 11.03 (6 victims, 1 case): 11.01's cases are at most 3 = 3 + 0.
    const weak = release(truth, ['violence_totals|11.01', 'violence_totals|11.03']);
    const attacker = new Attacker([{ id: 'weak', rows: pubRows(weak) }], parents(regions));
    expect((await attacker.bounds('weak', { table: 'violence_totals', year: YEAR, region_code: '11.01', category: '' }, 'cases')).hi).toBe(3);
    expect((await audit(weak, regions, K)).findings).toContainEqual(expect.objectContaining({ region_code: '11.01', column: 'cases', problem: 'bounded', interval: [0, 3] }));
  });

  it('suppress() withholds the small case count and protects it', async () => {
    const res = await suppress(truth, regions, K);
    expect(res.tables[0]!.rows.find((r) => r.region_code === '11.03')?.suppressed).toBe(true);
    await expectSafe(res.tables, regions);
  });
});

describe('small groups: a withheld cell whose group holds fewer than k', () => {
  // The earlier partner choice took a zero when nothing else was left: 11.01 (2) and 11.02 (0) withheld together add
  // up to 2, which proves 11.01 to be 0..2: a small count in all but name.
  const regions = regionsOf({ '11': ['11.01', '11.02', '11.03'], '12': ['12.01'] });
  const truth = makeTables(regions, [VIOLENCE_TOTALS], { violence_totals: { '11.01': [2, 2], '11.02': [0, 0], '11.03': [40, 30], '12.01': [30, 20] } });

  it('the audit fails a withheld cell bounded below k', async () => {
    const before = release(truth, ['violence_totals|11.01', 'violence_totals|11.02']);
    const attacker = new Attacker([{ id: 'before', rows: pubRows(before) }], parents(regions));
    expect(await attacker.bounds('before', { table: 'violence_totals', year: YEAR, region_code: '11.01', category: '' }, 'victims')).toEqual({ lo: 0, hi: 2 });
    expect((await audit(before, regions, K)).findings).toContainEqual(expect.objectContaining({ region_code: '11.01', column: 'victims', problem: 'bounded', interval: [0, 2] }));
  });

  it('suppress() gives it a partner with mass', async () => {
    const res = await suppress(truth, regions, K);
    await expectSafe(res.tables, regions);
  });
});

describe('the model must hold for the true counts', () => {
  it('suppress() refuses counts that break a relation (a victim with no type of violence)', async () => {
    const regions = regionsOf({ '11': ['11.01'] });
    const truth = makeTables(regions, [VIOLENCE_TOTALS, atRegency(VIOLENCE_BY_TYPE)], {
      violence_totals: { '11.01': [9, 9] }, violence_by_type: { '11.01': { fisik: [7, 7] } },
    });
    await expect(suppress(truth, regions, K)).rejects.toThrow(/break a cover relation/);
  });
});

describe('successive snapshots: what was published once cannot be taken back', () => {
  // Snapshot 1 withholds kab 11.01 (2 children) with a partner, 11.03 (6). Late reports then bring kab 11.05 from 0 to
  // 5 children; left to itself, snapshot 2 would take 11.05 as the partner and publish 11.03 = 6, unchanged: with
  // snapshot 1's "11.01 + 11.03 = 8", that gives 11.01 back.
  const regions = regionsOf({ '11': ['11.01', '11.02', '11.03', '11.04', '11.05'], '12': ['12.01'] });
  const counts = (late: number) => ({ '11.01': [2, 2], '11.02': [9, 9], '11.03': [6, 6], '11.04': [30, 30], '11.05': [late, late], '12.01': [40, 40] } as Record<string, [number, number]>);
  const truth1 = makeTables(regions, [VIOLENCE_TOTALS], { violence_totals: counts(0) });
  const truth2 = makeTables(regions, [VIOLENCE_TOTALS], { violence_totals: counts(5) });
  const withheldKeys = (t: TableCells[]): string[] => t[0]!.rows.filter((r) => r.suppressed).map((r) => r.region_code).sort();
  /** The attacker who can tell which cells did not change between the snapshots (the worst case). */
  const unchanged = (): Array<[string, string, string]> => truth2[0]!.rows
    .filter((r) => truth1[0]!.rows.find((o) => o.region_code === r.region_code)!.counts.victims === r.counts.victims)
    .flatMap((r) => (['cases', 'victims'] as const).map((m): [string, string, string] => ['s1', `violence_totals|${YEAR}|${r.region_code}||${m}`, 's2']));

  it('without the earlier snapshot, the second one moves the pattern and the two together give 11.01 back', async () => {
    const s1 = await suppress(truth1, regions, K);
    expect(withheldKeys(s1.tables)).toEqual(['11.01', '11.03']);
    const alone = await suppress(truth2, regions, K);
    expect(withheldKeys(alone.tables)).toEqual(['11.01', '11.05']);
    expect((await audit(alone.tables, regions, K)).findings).toEqual([]);
    const attacker = new Attacker([{ id: 's1', rows: pubRows(s1.tables) }, { id: 's2', rows: pubRows(alone.tables) }], parents(regions), unchanged());
    expect(await attacker.bounds('s2', { table: 'violence_totals', year: YEAR, region_code: '11.01', category: '' }, 'victims')).toEqual({ lo: 2, hi: 2 });
    // The joint audit sees it: snapshot 1's statements that still hold join snapshot 2's model.
    const history = historyModel([{ id: 's1', tables: s1.tables }], truth2, regions);
    const joint = await audit(alone.tables, regions, K, { statements: [...history.relations, ...history.known] });
    expect(joint.findings).toContainEqual(expect.objectContaining({ region_code: '11.01', column: 'victims', problem: 'recoverable', interval: [2, 2] }));
  });

  it('protected against the earlier snapshot, the second one keeps a partner the attacker cannot undo', async () => {
    const s1 = await suppress(truth1, regions, K);
    const s2 = await suppress(truth2, regions, K, { earlier: [{ id: 's1', tables: s1.tables }] });
    expect(withheldKeys(s2.tables)).toContain('11.03');
    expect((await audit(s2.tables, regions, K, { statements: s2.statements })).findings).toEqual([]);
    const attacker = new Attacker([{ id: 's1', rows: pubRows(s1.tables) }, { id: 's2', rows: pubRows(s2.tables) }], parents(regions), unchanged());
    for (const release of ['s1', 's2']) {
      for (const tables of [release === 's1' ? s1.tables : s2.tables]) {
        const found = await intervals(attacker, release, tables);
        expect(found.filter(unsafe)).toEqual([]);
      }
    }
  });
});
