import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Duck, sqlString, type Row } from '../../src/pipeline/duck.ts';
import { loadReference } from '../../src/pipeline/reference.ts';
import { RegionResolver } from '../../src/pipeline/harmonise.ts';
import { generateDemo, type DemoSummary } from '../../src/pipeline/demo/generate.ts';
import { loadDemoReference, parseCsv } from '../../src/pipeline/demo/reference.ts';
import { LIST_SEPARATOR, MIN_DATE, RAW_DATASETS, type RawColumn, type RawDataset } from '../../src/domain/raw-contract.ts';
import { klaCategoryForScore } from '../../src/domain/kla.ts';
import { VIOLENCE_TYPES } from '../../src/domain/vocab.ts';

// The demo generator: deterministic, calibrated to data/reference/published, and inside the input contract.

const REFERENCE_DATE = '2025-12-31';
const FILES = ['kekerasan.csv', 'lksa.csv', 'kla.csv'] as const;

let root: string;
let dirA: string;
let summary: DemoSummary;
let duck: Duck;
let resolver: RegionResolver;
const tables: Record<RawDataset['id'], Row[]> = { violence: [], lksa: [], kla: [] };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pantau-demo-'));
  dirA = join(root, 'a');
  summary = await generateDemo({ outDir: dirA });
  duck = await Duck.open();
  await loadReference(duck);
  resolver = await RegionResolver.fromReference(duck);
  for (const ds of RAW_DATASETS) {
    await duck.run(`CREATE TABLE raw_${ds.id} AS SELECT * FROM read_csv(${sqlString(join(dirA, `${ds.file}.csv`))},
      all_varchar = true, header = true, delim = ',', quote = '"', auto_detect = false,
      columns = {${ds.columns.map((c) => `'${c.name}': 'VARCHAR'`).join(', ')}})`);
    tables[ds.id] = await duck.all(`SELECT * FROM raw_${ds.id}`);
  }
  await duck.run(`CREATE TABLE v AS SELECT *, year(coalesce(try_strptime(tanggal_lapor, '%Y-%m-%d'), try_strptime(tanggal_lapor, '%d/%m/%Y'))) AS tahun FROM raw_violence`);
});

afterAll(async () => {
  duck?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const published = () => loadDemoReference().published;

/** |got - want| <= 2% of want. */
const within2 = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(0.02 * want);

describe('determinism', () => {
  it('writes byte-identical files for the same seed and different files for another seed', async () => {
    const dirB = join(root, 'b');
    const dirC = join(root, 'c');
    await generateDemo({ outDir: dirB });
    await generateDemo({ outDir: dirC, seed: 7 });
    for (const f of FILES) {
      const [a, b, c] = await Promise.all([dirA, dirB, dirC].map((d) => readFile(join(d, f))));
      expect(a!.equals(b!), `${f} same seed`).toBe(true);
      expect(a!.equals(c!), `${f} other seed`).toBe(false);
    }
  });

  it('leaves no temporary files behind', async () => {
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dirA)).sort()).toEqual([...FILES].sort());
  });
});

describe('calibration against data/reference/published', () => {
  it('has the published number of cases per year and the published victims in 2022', async () => {
    const rows = await duck.all(`SELECT tahun, count(DISTINCT id_kasus)::INTEGER AS cases, count(*)::INTEGER AS victims FROM v GROUP BY 1 ORDER BY 1`);
    const pub = published().violenceYears;
    expect(rows.map((r) => r.tahun)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const table: string[] = [];
    for (const r of rows) {
      const p = pub.find((y) => y.year === r.tahun)!;
      within2(Number(r.cases), p.cases);
      if (p.victims !== null) within2(Number(r.victims), p.victims);
      // about 1.095 victims per case every year
      expect(Number(r.victims) / Number(r.cases)).toBeGreaterThan(1.07);
      expect(Number(r.victims) / Number(r.cases)).toBeLessThan(1.12);
      const s = summary.violence.find((y) => y.year === r.tahun)!;
      expect([s.cases, s.victims]).toEqual([r.cases, r.victims]);
      table.push(`${r.tahun}: cases ${r.cases} (published ${p.cases}), victims ${r.victims}${p.victims === null ? '' : ` (published ${p.victims})`}`);
    }
    console.log(table.join('\n'));
  });

  it('has the published number of cases per type of violence in 2019 and 2023', async () => {
    const rows = await duck.all(`SELECT tahun, t, count(DISTINCT id_kasus)::INTEGER AS cases
      FROM (SELECT tahun, id_kasus, unnest(string_split(jenis_kekerasan, ${sqlString(LIST_SEPARATOR)})) AS t FROM v) GROUP BY ALL`);
    const pub = published().typeCases;
    for (const year of [2019, 2023] as const) {
      for (const [type, want] of Object.entries(pub[year])) {
        const got = Number(rows.find((r) => r.tahun === year && r.t === type)?.cases ?? 0);
        within2(got, want);
      }
      const cases = published().violenceYears.find((y) => y.year === year)!.cases;
      const other = Number(rows.find((r) => r.tahun === year && r.t === 'lainnya')?.cases ?? 0);
      expect(other / cases).toBeGreaterThan(0.02);
      expect(other / cases).toBeLessThan(0.04);
    }
    // summary agrees with the file
    for (const s of summary.violence) {
      for (const t of VIOLENCE_TYPES) {
        expect(s.typeCases[t.code]).toBe(Number(rows.find((r) => r.tahun === s.year && r.t === t.code)?.cases ?? 0));
      }
    }
  });

  it('has exactly the published LKSA accreditation counts', () => {
    const counts: Record<string, number> = {};
    for (const r of tables.lksa) counts[String(r.akreditasi)] = (counts[String(r.akreditasi)] ?? 0) + 1;
    expect(counts).toEqual({ A: 871, B: 4439, C: 6897, belum: 2238 });
    expect(tables.lksa.length).toBe(14445);
    expect(summary.lksa.byGrade).toEqual(counts);
  });

  it('has exactly the published KLA awards per year and category, every kab/kota every year', () => {
    const pub = published().klaAwards;
    expect(pub.map((a) => a.year)).toEqual([2019, 2022, 2023, 2025]);
    for (const { year, counts } of pub) {
      const rows = tables.kla.filter((r) => Number(r.tahun) === year);
      expect(rows.length).toBe(514);
      const got: Record<string, number> = { pratama: 0, madya: 0, nindya: 0, utama: 0, kla: 0, tidak_ada: 0 };
      for (const r of rows) got[klaCategoryForScore(Number(r.nilai_total))!]! += 1;
      expect(got).toEqual({ ...counts, tidak_ada: 514 - Object.values(counts).reduce((s, n) => s + n, 0) });
      expect(summary.kla.find((k) => k.year === year)!.byCategory).toEqual(got);
    }
  });

  it('has plausible victim profiles', () => {
    const n = tables.violence.length;
    const share = (pred: (r: Row) => boolean) => tables.violence.filter(pred).length / n;
    expect(share((r) => r.jenis_kelamin === 'P')).toBeGreaterThan(0.72);
    expect(share((r) => r.jenis_kelamin === 'P')).toBeLessThan(0.78);
    expect(share((r) => Number(r.usia) >= 13)).toBeGreaterThan(0.5);
    expect(share((r) => Number(r.usia) >= 13)).toBeLessThan(0.6);
    expect(share((r) => Number(r.usia) <= 5)).toBeGreaterThan(0.09);
    expect(share((r) => Number(r.usia) <= 5)).toBeLessThan(0.15);
    expect(share((r) => r.tempat_kejadian === 'rumah_tangga')).toBeGreaterThan(0.5);
    expect(share((r) => r.disabilitas === 'ya')).toBeGreaterThan(0.02);
    expect(share((r) => r.disabilitas === 'ya')).toBeLessThan(0.04);
    expect(share((r) => r.layanan === null)).toBeGreaterThan(0.06);
    expect(share((r) => r.layanan === null)).toBeLessThan(0.1);
    for (const [code, p] of [['pkh', 0.06], ['pbi_jkn', 0.05], ['pip', 0.04]] as const) {
      const s = share((r) => String(r.layanan ?? '').split(LIST_SEPARATOR).includes(code));
      expect(s).toBeGreaterThan(p - 0.01);
      expect(s).toBeLessThan(p + 0.01);
    }
    // perpetrator shares follow the 2024 publication (victim level)
    const perp = published().perpetrators;
    const total = perp.reduce((s, [, c]) => s + c, 0);
    for (const [code, c] of perp) expect(Math.abs(share((r) => r.hubungan_pelaku === code) - c / total)).toBeLessThan(0.01);
    // sexual violence: more often girls
    const sexual = tables.violence.filter((r) => String(r.jenis_kekerasan).split(';').includes('seksual'));
    expect(sexual.filter((r) => r.jenis_kelamin === 'P').length / sexual.length).toBeGreaterThan(0.8);
  });
});

describe('regions', () => {
  it('spells every wilayah so that it resolves to exactly one 2025 kab/kota, with every kind of spelling present', () => {
    const via: Record<string, number> = {};
    const kabkota = new Set(loadDemoReference().regions.map((r) => r.code));
    for (const ds of RAW_DATASETS) {
      for (const value of new Set(tables[ds.id].map((r) => String(r.wilayah)))) {
        const res = resolver.resolve(value);
        expect(res.ok, `${ds.file}: "${value}" ${res.ok ? '' : res.reason}`).toBe(true);
        if (res.ok) {
          expect(kabkota.has(res.code)).toBe(true);
          via[res.via] = (via[res.via] ?? 0) + 1;
        }
      }
    }
    const valuesOf = (pred: (s: string) => boolean) => tables.violence.filter((r) => pred(String(r.wilayah))).length / tables.violence.length;
    expect(valuesOf((s) => /^\d{4}$/.test(s))).toBeGreaterThan(0.07); // ~10% BPS codes
    expect(valuesOf((s) => /[A-Za-z]/.test(s))).toBeGreaterThan(0.03); // ~5% names
    for (const kind of ['kemendagri', 'bps', 'name', 'papua_pre_2025']) expect(via[kind] ?? 0, kind).toBeGreaterThan(0);
    for (const spelling of ['KAB. ', 'Kabupaten ', 'Kota ']) {
      expect(tables.violence.some((r) => String(r.wilayah).startsWith(spelling)), spelling).toBe(true);
    }
    expect(tables.violence.some((r) => r.wilayah === '91.01'), 'Merauke under its pre-2022 code').toBe(true);
  });

  it('keeps each case in one kab/kota with one report date, and each LKSA in the region of its id', () => {
    const byCase = new Map<string, { region: string; date: string }>();
    for (const r of tables.violence) {
      const res = resolver.resolve(String(r.wilayah));
      if (!res.ok) throw new Error(res.reason);
      const seen = byCase.get(String(r.id_kasus));
      if (seen) expect([res.code, String(r.tanggal_lapor)]).toEqual([seen.region, seen.date]);
      else byCase.set(String(r.id_kasus), { region: res.code, date: String(r.tanggal_lapor) });
      expect(String(r.id_kasus)).toMatch(/^K-20(19|2[0-4])-\d{6}$/);
    }
    for (const r of tables.lksa) {
      const res = resolver.resolve(String(r.wilayah));
      expect(res.ok && res.code.replace('.', '')).toBe(String(r.id_lksa).split('-')[1]);
    }
    const klaKeys = new Set(tables.kla.map((r) => {
      const res = resolver.resolve(String(r.wilayah));
      return `${String(r.tahun)} ${res.ok ? res.code : '?'}`;
    }));
    expect(klaKeys.size).toBe(tables.kla.length); // one row per region per year
  });

  it('spreads victims so that some regency-years have 1-4 victims (small cells) and Java reports more', () => {
    const counts = new Map<string, number>();
    for (const r of tables.violence) {
      const res = resolver.resolve(String(r.wilayah));
      const year = /^\d{4}/.test(String(r.tanggal_lapor)) ? String(r.tanggal_lapor).slice(0, 4) : String(r.tanggal_lapor).slice(6, 10);
      const key = `${year} ${res.ok ? res.code : '?'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const small = [...counts.values()].filter((n) => n >= 1 && n <= 4).length;
    console.log(`regency-years with 1-4 victims: ${small} of ${counts.size} non-empty`);
    expect(small).toBeGreaterThan(10);
    const java = [...counts].filter(([k]) => /^\d{4} 3[1-6]\./.test(k)).reduce((s, [, n]) => s + n, 0);
    expect(java / tables.violence.length).toBeGreaterThan(0.6); // Java: ~56% of children, higher reporting
  });
});

describe('input contract (src/domain/raw-contract.ts)', () => {
  it('writes the contract columns in order, comma-separated, UTF-8', async () => {
    for (const ds of RAW_DATASETS) {
      const text = await readFile(join(dirA, `${ds.file}.csv`), 'utf8');
      expect(text.slice(0, text.indexOf('\n'))).toBe(ds.columns.map((c) => c.name).join(','));
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      expect(text.includes('\r')).toBe(false);
      // the independent parser agrees with DuckDB on the row count
      expect(parseCsv(text).length).toBe(tables[ds.id].length);
    }
  });

  it('has every value of every column within its type, range and vocabulary', () => {
    for (const ds of RAW_DATASETS) {
      const problems: string[] = [];
      for (const [i, row] of tables[ds.id].entries()) {
        for (const col of ds.columns) {
          const msg = checkCell(col, row[col.name] as string | null);
          if (msg && problems.length < 20) problems.push(`${ds.file} row ${i + 2} ${col.name}="${String(row[col.name])}": ${msg}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    }
  });

  it('obeys the rules across columns', () => {
    const ref = REFERENCE_DATE;
    for (const r of tables.violence) expect(isoOf(String(r.tanggal_lapor)) <= ref).toBe(true);
    const ids = new Set<string>();
    for (const r of tables.lksa) {
      expect(ids.has(String(r.id_lksa))).toBe(false);
      ids.add(String(r.id_lksa));
      if (r.status_izin === 'berlaku') expect(r.izin_berlaku_sampai).not.toBeNull();
      if (r.status_izin === 'kedaluwarsa') expect(isoOf(String(r.izin_berlaku_sampai)) < ref).toBe(true);
      if (r.status_izin === 'dalam_proses' || r.status_izin === 'tidak_ada') expect(r.izin_berlaku_sampai).toBeNull();
      expect(r.akreditasi === 'belum').toBe(r.tahun_akreditasi === null);
      expect(r.lintang === null).toBe(r.bujur === null);
      if (r.tanggal_inspeksi_terakhir !== null) {
        const d = isoOf(String(r.tanggal_inspeksi_terakhir));
        expect(d >= '2021-01-01' && d <= ref).toBe(true);
      }
      const findings = String(r.temuan ?? '').split(LIST_SEPARATOR);
      if (findings.includes('tanpa_izin')) expect(['tidak_ada', 'kedaluwarsa']).toContain(r.status_izin);
      if (r.temuan !== null) expect(r.tanggal_inspeksi_terakhir).not.toBeNull();
      expect(String(r.nama_lksa)).toMatch(/^LKSA Demo [A-Z][a-z]+( [A-Z][a-z]+)? \d{4}$/);
    }
    const n = tables.lksa.length;
    const rate = (pred: (r: Row) => boolean) => tables.lksa.filter(pred).length / n;
    expect(rate((r) => r.temuan !== null)).toBeGreaterThan(0.2);
    expect(rate((r) => r.temuan !== null)).toBeLessThan(0.3);
    expect(rate((r) => String(r.temuan).includes('risiko_eksploitasi'))).toBeLessThan(0.03);
    expect(rate((r) => String(r.temuan).includes('risiko_tppo'))).toBeLessThan(0.02);
    expect(rate((r) => r.tanggal_inspeksi_terakhir === null)).toBeGreaterThan(0.1);
    expect(rate((r) => r.tanggal_inspeksi_terakhir === null)).toBeLessThan(0.2);
    expect(rate((r) => r.lintang === null)).toBeGreaterThan(0.07);
    expect(rate((r) => r.lintang === null)).toBeLessThan(0.13);
    expect(tables.lksa.some((r) => Number(r.jumlah_anak) >= 1 && Number(r.jumlah_anak) <= 4)).toBe(true);
    for (const r of tables.kla) {
      if (r.kategori !== null) expect(r.kategori).toBe(klaCategoryForScore(Number(r.nilai_total)));
    }
    const stated = tables.kla.filter((r) => r.kategori !== null).length / tables.kla.length;
    expect(stated).toBeGreaterThan(0.4);
    expect(stated).toBeLessThan(0.6);
  });

  it('places LKSA coordinates within 0.08 degrees of their regency centroid', async () => {
    const centroids = new Map((await duck.all(`SELECT kode, lat::DOUBLE AS lat, lng::DOUBLE AS lng FROM ref_centroids_regency`))
      .map((r) => [String(r.kode), [Number(r.lat), Number(r.lng)]]));
    for (const r of tables.lksa) {
      if (r.lintang === null) continue;
      const res = resolver.resolve(String(r.wilayah));
      const [lat, lng] = centroids.get(res.ok ? res.code : '')!;
      expect(Math.abs(Number(r.lintang) - lat!)).toBeLessThanOrEqual(0.0801);
      expect(Math.abs(Number(r.bujur) - lng!)).toBeLessThanOrEqual(0.0801);
    }
  });
});

/** DD/MM/YYYY or ISO -> ISO. */
const isoOf = (s: string): string => (s.includes('/') ? `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}` : s);

function checkCell(col: RawColumn, value: string | null): string | null {
  if (value === null || value === '') return col.required ? 'required but empty' : null;
  const t = col.type;
  switch (t.kind) {
    case 'text':
      return t.maxLength !== undefined && value.length > t.maxLength ? `longer than ${t.maxLength}` : null;
    case 'integer': {
      if (!/^-?\d+$/.test(value)) return 'not a whole number';
      const n = Number(value);
      return n < t.min || n > t.max ? `outside ${t.min}..${t.max}` : null;
    }
    case 'decimal': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return 'not a decimal number';
      const n = Number(value);
      return n < t.min || n > t.max ? `outside ${t.min}..${t.max}` : null;
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
      if (!m) return 'not YYYY-MM-DD or DD/MM/YYYY';
      const iso = isoOf(value);
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return 'not a calendar date';
      return iso < MIN_DATE ? `before ${MIN_DATE}` : null; // "not after the reference date" applies to some columns only: see the rules test
    }
    case 'enum':
      return t.values.includes(value) ? null : 'not in the vocabulary';
    case 'enum_list': {
      const items = value.split(LIST_SEPARATOR);
      if (items.length < t.minItems) return `fewer than ${t.minItems} items`;
      if (new Set(items).size !== items.length) return 'repeated item';
      const bad = items.filter((i) => !t.values.includes(i));
      return bad.length > 0 ? `unknown item(s) ${bad.join(', ')}` : null;
    }
    case 'region':
      return null; // checked through the resolver above
  }
}
