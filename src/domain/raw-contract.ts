import type { Label } from './label.ts';
import {
  ACCREDITATIONS, LICENCE_STATUSES, LKSA_FINDINGS, PERPETRATORS, PLACES, SERVICES, SEXES, VIOLENCE_TYPES, YES_NO, codes,
} from './vocab.ts';
import { KLA_CATEGORIES, KLA_CLUSTERS } from './kla.ts';

/**
 * The input contract for data officers: the raw files, their columns, types and allowed values.
 * The validator, the documentation (docs/input-contract.md) and the demo generator all read this one definition.
 */
export type ColumnType =
  | { kind: 'text'; maxLength?: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  /** Dates may not be after the snapshot reference date unless allowFuture (e.g. a licence expiry). */
  | { kind: 'date'; allowFuture?: boolean }
  | { kind: 'enum'; values: string[] }
  | { kind: 'enum_list'; values: string[]; minItems: number }
  | { kind: 'region' };

export interface RawColumn {
  name: string;
  type: ColumnType;
  required: boolean;
  description: Label;
  example: string;
}

export type DatasetId = 'violence' | 'lksa' | 'kla';

export interface RawDataset {
  id: DatasetId;
  /** File name without extension; `.csv` or `.xlsx` (first sheet) are read. */
  file: string;
  title: Label;
  rowMeaning: Label;
  columns: RawColumn[];
  /** Further rules across columns or rows, checked by queries/pipeline/check_<id>_rules.sql. */
  rules: Label[];
}

/** The separator of multi-valued cells ("seksual;psikis"). */
export const LIST_SEPARATOR = ';';

/** Accepted date spellings: ISO (2024-03-31) and the Indonesian day-first form (31/03/2024). */
export const DATE_FORMATS = ['%Y-%m-%d', '%d/%m/%Y'] as const;

/** The earliest report or inspection date accepted. */
export const MIN_DATE = '2010-01-01';

const regionColumn = (example: string): RawColumn => ({
  name: 'wilayah',
  type: { kind: 'region' },
  required: true,
  description: {
    id: 'Kabupaten/kota: kode Kemendagri 2025 ("11.01"), kode BPS 4 digit ("1101"), kode Papua sebelum 2022 ("91.01"), atau nama ("Kabupaten Simeulue", "KAB. SIMEULUE").',
    en: 'Regency/city: Kemendagri 2025 code ("11.01"), 4-digit BPS code ("1101"), pre-2022 Papua code ("91.01"), or name ("Kabupaten Simeulue", "KAB. SIMEULUE").',
  },
  example,
});

export const VIOLENCE: RawDataset = {
  id: 'violence',
  file: 'kekerasan',
  title: { id: 'Korban kekerasan terhadap anak (ekspor SIMFONI-PPA)', en: 'Child victims of violence (SIMFONI-PPA export)' },
  rowMeaning: { id: 'Satu baris per anak korban per kejadian.', en: 'One row per child victim per incident.' },
  columns: [
    { name: 'id_kasus', type: { kind: 'text', maxLength: 64 }, required: true, example: 'K-2024-000123',
      description: { id: 'Nomor kasus. Beberapa korban dapat berbagi satu kasus.', en: 'Case id. Several victims can share one case.' } },
    { name: 'id_korban', type: { kind: 'text', maxLength: 64 }, required: false, example: '1',
      description: {
        id: 'Nomor korban dalam kasus (opsional; tidak dipublikasikan). Perlu bila dua anak dalam satu kasus memiliki data yang sama persis: baris yang sama persis ditolak sebagai ekspor ganda.',
        en: 'Victim number within the case (optional; never published). Needed when two children in one case have exactly the same data: identical rows are refused as a doubled export.',
      } },
    { name: 'tanggal_lapor', type: { kind: 'date' }, required: true, example: '2024-03-31',
      description: { id: 'Tanggal laporan dicatat (tahun data mengikuti tanggal ini, seperti SIMFONI-PPA).', en: 'Date the report was recorded (the data year follows this date, as in SIMFONI-PPA).' } },
    regionColumn('32.73'),
    { name: 'jenis_kelamin', type: { kind: 'enum', values: codes(SEXES) }, required: true, example: 'P',
      description: { id: 'Jenis kelamin korban: L atau P.', en: 'Sex of the victim: L (male) or P (female).' } },
    { name: 'usia', type: { kind: 'integer', min: 0, max: 17 }, required: true, example: '14',
      description: { id: 'Usia korban dalam tahun penuh saat kejadian (0-17).', en: 'Age of the victim in completed years at the incident (0-17).' } },
    { name: 'jenis_kekerasan', type: { kind: 'enum_list', values: codes(VIOLENCE_TYPES), minItems: 1 }, required: true, example: 'seksual;psikis',
      description: { id: 'Satu atau beberapa jenis kekerasan, dipisah titik koma.', en: 'One or several types of violence, separated by semicolons.' } },
    { name: 'tempat_kejadian', type: { kind: 'enum', values: codes(PLACES) }, required: true, example: 'rumah_tangga',
      description: { id: 'Tempat kejadian.', en: 'Place of occurrence.' } },
    { name: 'hubungan_pelaku', type: { kind: 'enum', values: codes(PERPETRATORS) }, required: true, example: 'orang_tua',
      description: { id: 'Hubungan pelaku (utama) dengan korban.', en: 'Relationship of the (main) perpetrator to the victim.' } },
    { name: 'disabilitas', type: { kind: 'enum', values: codes(YES_NO) }, required: true, example: 'tidak',
      description: { id: 'Apakah korban penyandang disabilitas.', en: 'Whether the victim has a disability.' } },
    { name: 'layanan', type: { kind: 'enum_list', values: codes(SERVICES), minItems: 0 }, required: false, example: 'pengaduan;kesehatan;pkh',
      description: { id: 'Layanan yang diterima korban, dipisah titik koma; termasuk rujukan perlindungan sosial (pkh, pbi_jkn, pip). Kosong bila belum ada.', en: 'Services the victim received, separated by semicolons, including referral to social protection (pkh, pbi_jkn, pip). Empty if none yet.' } },
  ],
  rules: [
    { id: 'tanggal_lapor tidak boleh setelah tanggal acuan snapshot.', en: 'tanggal_lapor must not be after the snapshot reference date.' },
    { id: 'Satu kasus (id_kasus) dicatat di satu kabupaten/kota.', en: 'A case (id_kasus) is recorded in one regency/city.' },
    { id: 'Baris yang sama persis dengan baris lain ditolak (ekspor ditempel dua kali); id_korban membedakan anak yang datanya sama.', en: 'A row identical to another is refused (an export pasted twice); id_korban tells apart children whose data are the same.' },
    { id: 'id_korban tidak berulang dalam satu kasus.', en: 'id_korban does not repeat within a case.' },
    { id: 'id_kasus yang hanya berbeda huruf besar/kecil ditolak (K-1 dan k-1).', en: 'Case ids that differ only in letter case are refused (K-1 and k-1).' },
  ],
};

export const LKSA: RawDataset = {
  id: 'lksa',
  file: 'lksa',
  title: { id: 'Registri LKSA (lembaga kesejahteraan sosial anak)', en: 'LKSA registry (child welfare institutions)' },
  rowMeaning: { id: 'Satu baris per lembaga.', en: 'One row per institution.' },
  columns: [
    { name: 'id_lksa', type: { kind: 'text', maxLength: 64 }, required: true, example: 'LKSA-3273-0001',
      description: { id: 'Nomor induk lembaga, unik.', en: 'Institution id, unique.' } },
    { name: 'nama_lksa', type: { kind: 'text', maxLength: 200 }, required: true, example: 'LKSA Contoh Melati',
      description: { id: 'Nama lembaga.', en: 'Name of the institution.' } },
    regionColumn('Kota Bandung'),
    { name: 'status_izin', type: { kind: 'enum', values: codes(LICENCE_STATUSES) }, required: true, example: 'berlaku',
      description: { id: 'Status izin operasional dari Dinas Sosial kabupaten/kota.', en: 'Operating licence status from the regency/city social affairs office.' } },
    { name: 'izin_berlaku_sampai', type: { kind: 'date', allowFuture: true }, required: false, example: '2027-06-30',
      description: { id: 'Tanggal izin berakhir (wajib bila status_izin = berlaku).', en: 'Licence expiry date (required when status_izin = berlaku).' } },
    { name: 'akreditasi', type: { kind: 'enum', values: codes(ACCREDITATIONS) }, required: true, example: 'B',
      description: { id: 'Peringkat akreditasi: A, B, C, atau belum.', en: 'Accreditation grade: A, B, C, or belum (none).' } },
    { name: 'tahun_akreditasi', type: { kind: 'integer', min: 2010, max: 2100 }, required: false, example: '2023',
      description: { id: 'Tahun akreditasi (wajib bila A/B/C, kosong bila belum).', en: 'Year of accreditation (required for A/B/C, empty for belum).' } },
    { name: 'jumlah_anak', type: { kind: 'integer', min: 0, max: 5000 }, required: true, example: '42',
      description: { id: 'Jumlah anak dalam pengasuhan lembaga.', en: 'Number of children in the institution\'s care.' } },
    { name: 'jumlah_pengasuh', type: { kind: 'integer', min: 0, max: 1000 }, required: true, example: '6',
      description: { id: 'Jumlah pengasuh.', en: 'Number of caregivers.' } },
    { name: 'jumlah_peksos_terlatih', type: { kind: 'integer', min: 0, max: 500 }, required: true, example: '1',
      description: { id: 'Jumlah pekerja sosial terlatih.', en: 'Number of trained social workers.' } },
    { name: 'tanggal_inspeksi_terakhir', type: { kind: 'date' }, required: false, example: '2025-02-14',
      description: { id: 'Tanggal inspeksi/pengawasan terakhir; kosong bila belum pernah.', en: 'Date of the last inspection; empty if never inspected.' } },
    { name: 'temuan', type: { kind: 'enum_list', values: codes(LKSA_FINDINGS), minItems: 0 }, required: false, example: 'rencana_pengasuhan_tidak_ada;rasio_pengasuh_tidak_memadai',
      description: { id: 'Temuan risiko dari inspeksi terakhir, dipisah titik koma; kosong bila tidak ada.', en: 'Risk findings of the last inspection, separated by semicolons; empty if none.' } },
    { name: 'lintang', type: { kind: 'decimal', min: -11.5, max: 6.5 }, required: false, example: '-6.9147',
      description: { id: 'Lintang (WGS84), bila diketahui.', en: 'Latitude (WGS84), if known.' } },
    { name: 'bujur', type: { kind: 'decimal', min: 94.5, max: 141.5 }, required: false, example: '107.6098',
      description: { id: 'Bujur (WGS84), bila diketahui.', en: 'Longitude (WGS84), if known.' } },
  ],
  rules: [
    { id: 'id_lksa unik, juga tanpa membedakan huruf besar/kecil.', en: 'id_lksa is unique, also ignoring letter case.' },
    { id: 'izin_berlaku_sampai wajib diisi bila status_izin = berlaku.', en: 'izin_berlaku_sampai is required when status_izin = berlaku.' },
    { id: 'tahun_akreditasi wajib bila akreditasi A/B/C dan kosong bila belum.', en: 'tahun_akreditasi is required for A/B/C and empty for belum.' },
    { id: 'lintang dan bujur diisi berdua atau dikosongkan berdua.', en: 'lintang and bujur are given together or not at all.' },
    { id: 'tanggal_inspeksi_terakhir tidak boleh setelah tanggal acuan snapshot.', en: 'tanggal_inspeksi_terakhir must not be after the snapshot reference date.' },
  ],
};

const clusterColumns: RawColumn[] = KLA_CLUSTERS.map((c) => ({
  name: c.raw,
  type: { kind: 'decimal', min: 0, max: 100 },
  required: true,
  example: '72.5',
  description: { id: `Nilai ${c.label.id} (0-100, persen dari nilai maksimum klaster).`, en: `${c.label.en} score (0-100, per cent of the cluster maximum).` },
}));

export const KLA: RawDataset = {
  id: 'kla',
  file: 'kla',
  title: { id: 'Evaluasi Kabupaten/Kota Layak Anak (KLA)', en: 'Child-friendly regency/city (KLA) evaluation' },
  rowMeaning: { id: 'Satu baris per kabupaten/kota per tahun evaluasi.', en: 'One row per regency/city per evaluation year.' },
  columns: [
    { name: 'tahun', type: { kind: 'integer', min: 2006, max: 2100 }, required: true, example: '2025',
      description: { id: 'Tahun evaluasi (tahun penghargaan).', en: 'Evaluation (award) year.' } },
    regionColumn('3273'),
    { name: 'nilai_total', type: { kind: 'decimal', min: 0, max: 1000 }, required: true, example: '745',
      description: { id: 'Nilai total evaluasi (0-1000).', en: 'Total evaluation score (0-1000).' } },
    ...clusterColumns,
    { name: 'kategori', type: { kind: 'enum', values: KLA_CATEGORIES.map((c) => c.code) }, required: false, example: 'nindya',
      description: { id: 'Kategori yang dinyatakan (opsional). Bila diisi harus sesuai ambang nilai_total: pratama 500-600, madya 601-700, nindya 701-800, utama 801-900, kla 901-1000; tidak_ada di bawah 500.', en: 'Stated category (optional). If given it must match the nilai_total thresholds: pratama 500-600, madya 601-700, nindya 701-800, utama 801-900, kla 901-1000; tidak_ada below 500.' } },
  ],
  rules: [
    { id: 'Satu baris per wilayah per tahun.', en: 'One row per region per year.' },
    { id: 'kategori yang dinyatakan harus sesuai ambang nilai_total.', en: 'A stated kategori must agree with the nilai_total thresholds.' },
  ],
};

export const RAW_DATASETS: readonly RawDataset[] = [VIOLENCE, LKSA, KLA];
