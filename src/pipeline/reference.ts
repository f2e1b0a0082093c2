import { join } from 'node:path';
import { REPO_ROOT } from './sql-files.ts';
import { sqlString, type Duck } from './duck.ts';

/** The reference files in data/ and the table each becomes (all columns VARCHAR, cast where used). */
export const REFERENCE_FILES = {
  ref_wilayah: 'reference/wilayah_kemendagri_2025_penduduk_2024.csv',
  ref_children_sp2020: 'reference/penduduk_anak_sp2020_provinsi_estimasi_0_17.csv',
  ref_bps_regency: 'reference/crosswalk_kode_bps_kemendagri_kabkota.csv',
  ref_bps_province: 'reference/crosswalk_kode_bps_kemendagri_provinsi.csv',
  ref_papua_codes: 'reference/papua_crosswalk_kode_kemendagri_2022_2025.csv',
  ref_centroids_regency: 'geo/centroids_kabkota.csv',
  ref_centroids_province: 'geo/centroids_provinsi.csv',
} as const;

/** The sources every snapshot's manifest lists. */
export const REFERENCE_SOURCES = [
  { name: 'Kode wilayah Kemendagri 2025 dan penduduk Dukcapil Desember 2024', url: 'https://github.com/cahyadsn/wilayah', licence: 'MIT', note: 'Kepmendagri 300.2.2-2138 Tahun 2025' },
  { name: 'Crosswalk kode BPS <-> Kemendagri', url: 'https://github.com/ghifar1/database-wilayah-indonesia', licence: 'public mirror of the BPS bridging service (October 2025)', note: '' },
  { name: 'Penduduk SP2020 menurut kelompok umur (BPS)', url: 'https://github.com/aripurwantosp/censuspyrID', licence: 'BPS public tables', note: 'children 0-17 estimated as 0-14 + 0.6 x (15-19); kab/kota child population = population x province share (an estimate)' },
  { name: 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan', url: 'https://github.com/cahyadsn/wilayah_boundaries', licence: 'MIT', note: 'commit 3c5a7960f4d227a38489094d84252bdbb3f978a5; simplified' },
] as const;

/** Loads the reference CSVs of data/ into ref_* tables. */
export async function loadReference(duck: Duck, dataDir = join(REPO_ROOT, 'data')): Promise<void> {
  for (const [table, file] of Object.entries(REFERENCE_FILES)) {
    await duck.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${sqlString(join(dataDir, file))}, all_varchar = true, header = true)`);
  }
  await duck.run(`CREATE OR REPLACE TABLE ref_centroids AS SELECT * FROM ref_centroids_province UNION ALL SELECT * FROM ref_centroids_regency`);
}
