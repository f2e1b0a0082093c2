import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateDemo } from '../../src/pipeline/demo/index.ts';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { REFERENCE_DATE, tempDir } from '../helpers.ts';

// The demo snapshot's national figures, read from the PUBLISHED tables, against the figures reported in the news
// (data/reference/published): within 2%.

const scratch = tempDir('pantau-calib-');
let duck: Duck;
let dir: string;
const published = (file: string) => sqlString(join(REPO_ROOT, 'data', 'reference', 'published', file));
const table = (name: string) => `read_parquet(${sqlString(join(dir, `${name}.parquet`))})`;

beforeAll(async () => {
  const raw = join(scratch.dir, 'raw');
  await generateDemo({ outDir: raw, referenceDate: REFERENCE_DATE });
  dir = (await buildSnapshot({ rawDir: raw, outDir: join(scratch.dir, 'out'), snapshotId: 'demo', k: 5, referenceDate: REFERENCE_DATE, synthetic: true })).dir;
  duck = await Duck.open();
}, 120_000);
afterAll(() => { duck?.close(); scratch.cleanup(); });

const within2pct = (rows: Array<Record<string, unknown>>) => {
  for (const r of rows) {
    const target = Number(r.target);
    const got = Number(r.got);
    expect({ ...r, off_pct: Math.abs(got - target) / target * 100 <= 2 }).toEqual({ ...r, off_pct: true });
  }
};

describe('demo calibration (published tables vs published national figures)', () => {
  it('cases per year 2019-2024 and victims 2022', async () => {
    const rows = await duck.all(`SELECT p.tahun AS year, p.kasus AS target, t.cases AS got
      FROM read_csv(${published('simfoni_kekerasan_anak_nasional_per_tahun.csv')}) p
      JOIN ${table('violence_totals')} t ON t.year = p.tahun AND t.region_code = '00' ORDER BY year`);
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    within2pct(rows);
    const [v] = await duck.all(`SELECT victims FROM ${table('violence_totals')} WHERE year = 2022 AND region_code = '00'`);
    within2pct([{ measure: 'victims 2022', target: 17641, got: v?.victims }]);
  });

  it('cases by type of violence, 2019 and 2023', async () => {
    const rows = await duck.all(`WITH p AS (
        SELECT CASE WHEN jenis ILIKE '%seksual%' THEN 'seksual' WHEN jenis ILIKE '%psikis%' THEN 'psikis'
          WHEN jenis ILIKE '%fisik%' THEN 'fisik' WHEN jenis ILIKE 'eksploitasi%' THEN 'eksploitasi'
          WHEN jenis ILIKE 'TPPO%' THEN 'tppo' WHEN jenis ILIKE 'penelantaran%' THEN 'penelantaran' END AS type, y2019, y2023
        FROM read_csv(${published('simfoni_jenis_kekerasan_anak_2019_2023.csv')}) WHERE NOT jenis ILIKE 'SUM%')
      SELECT p.type, t.year, CASE t.year WHEN 2019 THEN p.y2019 ELSE p.y2023 END AS target, t.cases AS got
      FROM p JOIN ${table('violence_by_type')} t ON t.violence_type = p.type AND t.region_code = '00' AND t.year IN (2019, 2023)
      ORDER BY ALL`);
    expect(rows).toHaveLength(12);
    within2pct(rows);
  });

  it('KLA awards per year and category (2019, 2022, 2023, 2025)', async () => {
    const rows = await duck.all(`WITH p AS (
        UNPIVOT (SELECT tahun_penghargaan::INTEGER AS year, pratama, madya, nindya, utama FROM read_csv(${published('kla_penghargaan_per_tahun.csv')}, all_varchar = true)
                 WHERE tahun_penghargaan IN ('2019', '2022', '2023', '2025'))
        ON pratama, madya, nindya, utama INTO NAME category VALUE target)
      SELECT p.year, p.category, p.target::INTEGER AS target, count(k.region_code)::INTEGER AS got
      FROM p LEFT JOIN ${table('kla')} k ON k.year = p.year AND k.category = p.category GROUP BY ALL ORDER BY ALL`);
    expect(rows).toHaveLength(16);
    within2pct(rows);
    const [top] = await duck.all(`SELECT count(*)::INTEGER AS n FROM ${table('kla')} WHERE category = 'kla'`);
    expect(top?.n).toBe(0); // no kab/kota has reached the top category
  });

  it('LKSA: 14,445 institutions, A 871 / B 4,439 / C 6,897 / 2,238 not accredited, with invented names', async () => {
    const rows = await duck.all(`SELECT accreditation, count(*)::INTEGER AS got FROM ${table('lksa')} GROUP BY ALL ORDER BY ALL`);
    const target: Record<string, number> = { A: 871, B: 4439, C: 6897, belum: 2238 };
    within2pct(rows.map((r) => ({ ...r, target: target[String(r.accreditation)] })));
    const [names] = await duck.all(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE name SIMILAR TO 'LKSA Demo [A-Z][a-z]+( [A-Z][a-z]+)? [0-9]{4}')::INTEGER AS invented FROM ${table('lksa')}`);
    expect(names?.invented).toBe(names?.n);
  });

  it('reporting is spread by child population and much higher on Java', async () => {
    const [r] = await duck.all(`SELECT
        sum(victims) FILTER (WHERE region_code BETWEEN '31' AND '36') * 1e5 / sum(child_population) FILTER (WHERE region_code BETWEEN '31' AND '36') AS java,
        sum(victims) FILTER (WHERE region_code >= '91') * 1e5 / sum(child_population) FILTER (WHERE region_code >= '91') AS papua
      FROM ${table('violence_totals')} AS t JOIN ${table('regions')} AS r USING (region_code) WHERE t.year = 2024 AND t.level = 'province'`);
    expect(Number(r?.java)).toBeGreaterThan(1.5 * Number(r?.papua));
  });
});
