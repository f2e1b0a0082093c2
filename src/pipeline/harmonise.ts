import type { Duck } from './duck.ts';
import type { InputIssue } from './issues.ts';
import { bareRegionName, isProvinceCode, normaliseRegionName } from '../domain/regions.ts';

export type Resolution =
  | { ok: true; code: string; via: 'kemendagri' | 'bps' | 'papua_pre_2025' | 'name' }
  | { ok: false; reason: string };

/**
 * Resolves what data officers write in a region column to a Kemendagri 2025 kab/kota code: the code itself,
 * a 4-digit BPS code (through the BPS crosswalk; never by stripping the dot), a Papua code of the 2021 or 2022
 * rules, or a name in common spellings. Ambiguous bare names ("Bogor") are refused, not guessed.
 */
export class RegionResolver {
  private constructor(
    private readonly codes: Map<string, string>,
    private readonly bps: Map<string, string>,
    private readonly papua: Map<string, string>,
    private readonly names: Map<string, Set<string>>,
  ) {}

  static async fromReference(duck: Duck): Promise<RegionResolver> {
    const regencies = await duck.all(`SELECT kode_kemendagri AS code, nama AS name FROM ref_wilayah WHERE level IN ('kabupaten', 'kota')`);
    const bpsRows = await duck.all(`SELECT kode_bps, kode_kemendagri, nama_bps, nama_kemendagri FROM ref_bps_regency`);
    const papuaRows = await duck.all(`SELECT kode_2022_permendagri58_2021 AS c2021, kode_kepmendagri_100_1_1_6117_2022 AS c2022,
      kode_kepmendagri_300_2_2_2138_2025 AS c2025 FROM ref_papua_codes`);
    const codes = new Map(regencies.map((r) => [String(r.code), String(r.name)]));
    const bps = new Map(bpsRows.map((r) => [String(r.kode_bps), String(r.kode_kemendagri)]));
    const papua = new Map<string, string>();
    for (const r of papuaRows) {
      for (const old of [String(r.c2021), String(r.c2022)]) {
        // An old code that is also a current code of another region would be ambiguous; the 2025 code wins.
        if (old !== r.c2025 && !codes.has(old)) papua.set(old, String(r.c2025));
      }
    }
    const names = new Map<string, Set<string>>();
    const addName = (name: string, code: string) => {
      const n = normaliseRegionName(name);
      for (const key of [n, bareRegionName(n)]) names.set(key, new Set([...(names.get(key) ?? []), code]));
    };
    for (const [code, name] of codes) addName(name, code);
    for (const r of bpsRows) {
      addName(String(r.nama_bps), String(r.kode_kemendagri));
      addName(String(r.nama_kemendagri), String(r.kode_kemendagri));
    }
    return new RegionResolver(codes, bps, papua, names);
  }

  resolve(raw: string): Resolution {
    const v = raw.trim();
    if (this.codes.has(v)) return { ok: true, code: v, via: 'kemendagri' };
    if (/^\d{4}$/.test(v)) {
      const code = this.bps.get(v);
      return code ? { ok: true, code, via: 'bps' } : { ok: false, reason: 'kode BPS tidak dikenal / unknown BPS code' };
    }
    const old = this.papua.get(v);
    if (old) return { ok: true, code: old, via: 'papua_pre_2025' };
    if (isProvinceCode(v)) return { ok: false, reason: 'ini kode provinsi; isi kabupaten/kota / this is a province code; give the regency/city' };
    if (/^\d{2}\.\d{2}$/.test(v)) return { ok: false, reason: 'kode Kemendagri tidak dikenal / unknown Kemendagri code' };
    const matches = this.names.get(normaliseRegionName(v));
    if (!matches) return { ok: false, reason: 'nama atau kode wilayah tidak dikenal / unknown region name or code' };
    if (matches.size > 1) {
      const options = [...matches].sort().map((c) => `${c} ${this.codes.get(c)}`).join('; ');
      return { ok: false, reason: `nama ambigu, tulis "Kabupaten ..." atau "Kota ..." / ambiguous name: ${options}` };
    }
    const [code] = [...matches] as [string];
    return { ok: true, code, via: 'name' };
  }
}

const MAX_ROWS_LISTED = 20;

/**
 * Resolves every distinct `wilayah` value of raw_input into `table` (default region_map) with columns raw_value, region_code, via.
 * Every unmatched value is an issue, listed in full with the rows it stands in. Values listed in table `skipProblemsIn`
 * (cell_problems: already refused for their characters) are not looked up.
 */
export async function harmoniseRegions(duck: Duck, resolver: RegionResolver, file: string, table = 'region_map', skipProblemsIn?: string): Promise<InputIssue[]> {
  const skip = skipProblemsIn ? `AND wilayah NOT IN (SELECT value FROM ${skipProblemsIn} WHERE column_name = 'wilayah' AND value IS NOT NULL)` : '';
  const values = await duck.all(`SELECT wilayah, count(*)::INTEGER AS n, min(__row) AS first_row
    FROM raw_input WHERE wilayah IS NOT NULL ${skip} GROUP BY wilayah ORDER BY first_row`);
  const failed: Array<{ raw: string; n: number; firstRow: number; reason: string }> = [];
  const mapped: Array<[string, string, string]> = [];
  for (const v of values) {
    const raw = String(v.wilayah);
    const r = resolver.resolve(raw);
    if (r.ok) mapped.push([raw, r.code, r.via]);
    else failed.push({ raw, n: Number(v.n), firstRow: Number(v.first_row), reason: r.reason });
  }
  // The rows each unknown value stands in are listed for those values only (never a list per value of a large file).
  const listed = new Map<string, string>();
  if (failed.length > 0) {
    await duck.run('CREATE OR REPLACE TABLE unresolved_regions (raw VARCHAR)');
    const appender = await duck.conn.createAppender('unresolved_regions');
    for (const f of failed) { appender.appendVarchar(f.raw); appender.endRow(); }
    appender.closeSync();
    const rows = await duck.all(`SELECT wilayah, list(__row ORDER BY __row)[1:${MAX_ROWS_LISTED}]::VARCHAR AS rows_listed
      FROM raw_input WHERE wilayah IN (SELECT raw FROM unresolved_regions) GROUP BY wilayah`);
    for (const r of rows) listed.set(String(r.wilayah), String(r.rows_listed).replace(/[[\]]/g, ''));
  }
  const issues: InputIssue[] = failed.map((f) => ({ file, row: f.firstRow, column: 'wilayah', value: f.raw,
    message: `${f.reason}; ${f.n} baris/rows: ${listed.get(f.raw) ?? ''}${f.n > MAX_ROWS_LISTED ? ', ...' : ''}` }));
  await duck.run(`CREATE OR REPLACE TABLE ${table} (raw_value VARCHAR PRIMARY KEY, region_code VARCHAR NOT NULL, via VARCHAR NOT NULL)`);
  const appender = await duck.conn.createAppender(table);
  for (const [raw, code, via] of mapped) {
    appender.appendVarchar(raw);
    appender.appendVarchar(code);
    appender.appendVarchar(via);
    appender.endRow();
  }
  appender.closeSync();
  return issues;
}
