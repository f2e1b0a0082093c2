import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../sql-files.ts';
import { VIOLENCE_TYPES, PERPETRATORS, type ViolenceType } from '../../domain/vocab.ts';
import type { KlaCategory } from '../../domain/kla.ts';

/** The reference and calibration inputs of the demo generator, all read from data/ (nothing is downloaded). */
export interface DemoReference {
  regions: DemoRegion[];
  published: PublishedTargets;
}

export interface DemoRegion {
  /** Kemendagri 2025 code, "32.73". */
  code: string;
  province: string;
  kind: 'kabupaten' | 'kota';
  /** Name as in the Kemendagri 2025 list ("Kota Bandung"). */
  name: string;
  population: number;
  /** Estimated children 0-17: population x the province's SP2020 share (see data/SOURCES.md). */
  childPopulation: number;
  /** 4-digit BPS code and BPS name ("KAB. SIMEULUE"). */
  bpsCode: string;
  bpsName: string;
  /** The pre-2022 (Permendagri 58/2021) code, only where it differs from the 2025 code. */
  oldPapuaCode: string | null;
  lat: number;
  lng: number;
}

export interface PublishedTargets {
  /** SIMFONI-PPA child cases per year 2019-2024, and the victims where published (2022). */
  violenceYears: Array<{ year: number; cases: number; victims: number | null }>;
  /** Cases having each type, 2019 and 2023. */
  typeCases: Record<2019 | 2023, Record<Exclude<ViolenceType, 'lainnya'>, number>>;
  /** Perpetrator relationship counts, 2024 (used as shares for all years). */
  perpetrators: Array<[string, number]>;
  /** LKSA by accreditation grade, July 2025. */
  lksaGrades: { A: number; B: number; C: number; belum: number };
  /** KLA awards per evaluation year and category (years with a full breakdown only). */
  klaAwards: Array<{ year: number; counts: Record<Exclude<KlaCategory, 'tidak_ada'>, number> }>;
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes); the reference files are small. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const readCsv = (root: string, path: string): Array<Record<string, string>> =>
  parseCsv(readFileSync(join(root, path), 'utf8'));

const need = (row: Record<string, string>, col: string): string => {
  const v = row[col];
  if (v === undefined) throw new Error(`reference file: column ${col} missing`);
  return v;
};

const toInt = (v: string, what: string): number => {
  const n = Number(v.replace(/[,\s]/g, ''));
  if (!Number.isInteger(n)) throw new Error(`reference file: ${what} is not a whole number: "${v}"`);
  return n;
};

/** Provinces created in 2022 take the SP2020 child share of the province they were split from. */
const SHARE_PARENT: Record<string, string> = { '93': '91', '94': '91', '95': '91', '96': '92' };

export function loadDemoReference(root: string = REPO_ROOT): DemoReference {
  const shareByProvince = new Map<string, number>();
  for (const r of readCsv(root, 'data/reference/penduduk_anak_sp2020_provinsi_estimasi_0_17.csv')) {
    shareByProvince.set(need(r, 'kode_prov_kemendagri'), Number(need(r, 'persen_0_17')) / 100);
  }
  const bps = new Map<string, { code: string; name: string }>();
  for (const r of readCsv(root, 'data/reference/crosswalk_kode_bps_kemendagri_kabkota.csv')) {
    bps.set(need(r, 'kode_kemendagri'), { code: need(r, 'kode_bps'), name: need(r, 'nama_bps') });
  }
  const oldPapua = new Map<string, string>();
  for (const r of readCsv(root, 'data/reference/papua_crosswalk_kode_kemendagri_2022_2025.csv')) {
    const before = need(r, 'kode_2022_permendagri58_2021');
    const now = need(r, 'kode_kepmendagri_300_2_2_2138_2025');
    if (before !== now) oldPapua.set(now, before);
  }
  const centroid = new Map<string, { lat: number; lng: number }>();
  for (const r of readCsv(root, 'data/geo/centroids_kabkota.csv')) {
    centroid.set(need(r, 'kode'), { lat: Number(need(r, 'lat')), lng: Number(need(r, 'lng')) });
  }

  const regions: DemoRegion[] = [];
  for (const r of readCsv(root, 'data/reference/wilayah_kemendagri_2025_penduduk_2024.csv')) {
    const level = need(r, 'level');
    if (level !== 'kabupaten' && level !== 'kota') continue;
    const code = need(r, 'kode_kemendagri');
    const province = need(r, 'prov_kode');
    const share = shareByProvince.get(SHARE_PARENT[province] ?? province);
    const b = bps.get(code);
    const c = centroid.get(code);
    if (share === undefined || !b || !c) throw new Error(`reference data incomplete for region ${code}`);
    const population = toInt(need(r, 'penduduk_total'), `population of ${code}`);
    regions.push({
      code, province, kind: level, name: need(r, 'nama'), population,
      childPopulation: Math.round(population * share),
      bpsCode: b.code, bpsName: b.name, oldPapuaCode: oldPapua.get(code) ?? null, lat: c.lat, lng: c.lng,
    });
  }
  regions.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  if (regions.length !== 514) throw new Error(`expected 514 kab/kota, found ${regions.length}`);
  return { regions, published: loadPublished(root) };
}

const TYPE_LABELS: Array<[RegExp, Exclude<ViolenceType, 'lainnya'>]> = [
  [/seksual/i, 'seksual'], [/psikis/i, 'psikis'], [/fisik/i, 'fisik'], [/eksploitasi/i, 'eksploitasi'],
  [/tppo|trafficking/i, 'tppo'], [/penelantaran/i, 'penelantaran'],
];

const PERPETRATOR_LABELS: Record<string, string> = {
  'pacar/teman': 'pacar_teman', 'orang tua': 'orang_tua', 'tetangga': 'tetangga', 'keluarga/saudara': 'keluarga',
  'guru': 'guru', 'suami/istri': 'suami_istri', 'majikan': 'majikan', 'rekan kerja': 'rekan_kerja',
  'lainnya': 'lainnya', 'tidak diketahui': 'tidak_diketahui',
};

function loadPublished(root: string): PublishedTargets {
  const dir = 'data/reference/published';
  const violenceYears = readCsv(root, `${dir}/simfoni_kekerasan_anak_nasional_per_tahun.csv`).map((r) => ({
    year: toInt(need(r, 'tahun'), 'tahun'),
    cases: toInt(need(r, 'kasus'), 'kasus'),
    victims: need(r, 'korban') === '' ? null : toInt(need(r, 'korban'), 'korban'),
  }));

  const typeCases = { 2019: {}, 2023: {} } as PublishedTargets['typeCases'];
  for (const r of readCsv(root, `${dir}/simfoni_jenis_kekerasan_anak_2019_2023.csv`)) {
    const label = need(r, 'jenis');
    if (/^SUM/i.test(label)) continue;
    const code = TYPE_LABELS.find(([re]) => re.test(label))?.[1];
    if (!code) throw new Error(`unknown violence type label "${label}"`);
    typeCases[2019][code] = toInt(need(r, 'y2019'), label);
    typeCases[2023][code] = toInt(need(r, 'y2023'), label);
  }
  for (const t of VIOLENCE_TYPES) {
    if (t.code !== 'lainnya' && (typeCases[2019][t.code] === undefined || typeCases[2023][t.code] === undefined)) {
      throw new Error(`published type counts lack ${t.code}`);
    }
  }

  const perpetrators: Array<[string, number]> = readCsv(root, `${dir}/simfoni_hubungan_pelaku_anak_2024.csv`).map((r) => {
    const label = need(r, 'hubungan');
    const code = PERPETRATOR_LABELS[label.toLowerCase()];
    if (!code || !PERPETRATORS.some((p) => p.code === code)) throw new Error(`unknown perpetrator label "${label}"`);
    return [code, toInt(need(r, 'jumlah'), label)];
  });

  const lksaRow = readCsv(root, `${dir}/lksa_akreditasi.csv`).find((r) => /2025/.test(need(r, 'periode')));
  if (!lksaRow) throw new Error('lksa_akreditasi.csv: no 2025 row');
  const lksaGrades = {
    A: toInt(need(lksaRow, 'A'), 'A'), B: toInt(need(lksaRow, 'B'), 'B'), C: toInt(need(lksaRow, 'C'), 'C'),
    belum: toInt(need(lksaRow, 'belum_tidak_terakreditasi'), 'belum'),
  };
  const lksaTotal = toInt(need(lksaRow, 'total_lksa'), 'total_lksa');
  if (lksaGrades.A + lksaGrades.B + lksaGrades.C + lksaGrades.belum !== lksaTotal) throw new Error('lksa grades do not add up');

  const klaAwards: PublishedTargets['klaAwards'] = [];
  for (const r of readCsv(root, `${dir}/kla_penghargaan_per_tahun.csv`)) {
    const cols = ['pratama', 'madya', 'nindya', 'utama', 'kla'] as const;
    if (!cols.every((c) => /^\d+$/.test(need(r, c)))) continue;
    const counts = Object.fromEntries(cols.map((c) => [c, Number(need(r, c))])) as Record<(typeof cols)[number], number>;
    klaAwards.push({ year: toInt(need(r, 'tahun_penghargaan'), 'tahun_penghargaan'), counts });
  }
  return { violenceYears, typeCases, perpetrators, lksaGrades, klaAwards };
}
