// The catalogue's KLA indicators (Kabupaten/Kota Layak Anak).
import { L } from '../label.ts';
import { KLA_CATEGORIES } from '../kla.ts';
import { ALL_LEVELS, KLA_THRESHOLDS, KLA_YEARS } from './caveats.ts';
import type { IndicatorId, IndicatorSpec } from './types.ts';

export const KLA = {
  'kla-category': {
    subject: 'kla',
    title: L('Kategori KLA', 'KLA category'),
    definition: L(
      'Kategori Kabupaten/Kota Layak Anak yang diraih kabupaten/kota pada tahun evaluasi: belum berpredikat, Pratama, Madya, Nindya, Utama atau KLA.',
      'The Child-Friendly Regency/City (KLA) category a kab/kota earned in the evaluation year: none, Pratama, Madya, Nindya, Utama or KLA.',
    ),
    unit: L('kategori', 'category'),
    format: 'category', digits: 0, better: 'higher',
    tables: ['kla', 'codes', 'regions'],
    sql: { family: 'category', table: 'kla', column: 'category', vocabulary: 'kla_category' },
    levels: ['regency'], timeAxis: 'kla',
    caveats: [KLA_THRESHOLDS, KLA_YEARS],
    categories: KLA_CATEGORIES.map((c) => ({ code: c.code, label: c.label })),
  },
  'kla-awarded-share': {
    subject: 'kla',
    title: L('Persentase kabupaten/kota berpredikat KLA', 'Share of kab/kota with a KLA category'),
    definition: L(
      'Kabupaten/kota yang meraih kategori KLA apa pun (Pratama atau lebih tinggi) pada tahun evaluasi, dibagi seluruh kabupaten/kota di wilayah tersebut, dalam persen.',
      'Kab/kota that earned any KLA category (Pratama or higher) in the evaluation year, divided by all kab/kota of the region, in per cent.',
    ),
    unit: L('persen kabupaten/kota', 'per cent of kab/kota'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['kla', 'regions'],
    fraction: { numerator: L('Kab/kota berpredikat', 'Kab/kota with a category'), denominator: L('Semua kab/kota', 'All kab/kota') },
    sql: { family: 'regency_share', table: 'kla', condition: "category <> 'tidak_ada'" },
    levels: ['national', 'province'], timeAxis: 'kla',
    caveats: [KLA_THRESHOLDS, L(
      'Penyebut adalah semua kabupaten/kota (Kemendagri 2025), dievaluasi atau tidak: yang tidak dievaluasi dihitung belum berpredikat.',
      'The denominator is every kab/kota (Kemendagri 2025), evaluated or not: one not evaluated counts as without a category.',
    )],
  },
  'kla-average-score': {
    subject: 'kla',
    title: L('Nilai KLA (rata-rata)', 'KLA score (average)'),
    definition: L(
      'Nilai total evaluasi KLA (0-1000) kabupaten/kota; untuk provinsi dan Indonesia, rata-rata nilai kabupaten/kota yang dievaluasi pada tahun tersebut.',
      'The total KLA evaluation score (0-1000) of a kab/kota; for a province and Indonesia, the average score of the kab/kota evaluated that year.',
    ),
    unit: L('poin (0-1000)', 'points (0-1000)'),
    format: 'score', digits: 1, better: 'higher',
    tables: ['kla', 'regions'],
    fraction: { numerator: L('Jumlah nilai', 'Sum of scores'), denominator: L('Kab/kota dievaluasi', 'Kab/kota evaluated') },
    sql: { family: 'mean', table: 'kla', measure: 'score' },
    levels: ALL_LEVELS, timeAxis: 'kla',
    caveats: [KLA_YEARS, L(
      'Rata-rata sederhana kabupaten/kota yang dievaluasi, tidak dibobot penduduk.',
      'A simple average of the kab/kota evaluated, not weighted by population.',
    )],
  },
  'kla-movement': {
    subject: 'kla',
    title: L('Perubahan kategori KLA sejak evaluasi sebelumnya', 'KLA category movement since the previous evaluation'),
    definition: L(
      'Apakah kategori KLA kabupaten/kota naik, tetap atau turun dibandingkan evaluasi sebelumnya (tahun evaluasi terakhir sebelum tahun ini yang ada di data).',
      'Whether the kab/kota\'s KLA category moved up, stayed the same or moved down compared with the previous evaluation (the latest earlier evaluation year in the data).',
    ),
    unit: L('arah perubahan', 'direction of change'),
    format: 'category', digits: 0, better: 'higher',
    tables: ['kla', 'codes', 'regions'],
    sql: { family: 'category_movement', table: 'kla', column: 'category', vocabulary: 'kla_category' },
    levels: ['regency'], timeAxis: 'kla',
    caveats: [KLA_THRESHOLDS, L(
      'Evaluasi sebelumnya dapat lebih dari satu tahun sebelumnya. Tidak ada nilai untuk tahun evaluasi pertama atau bila kabupaten/kota tidak dievaluasi pada salah satu tahun. Naik atau turun berapa pun jumlah kategorinya.',
      'The previous evaluation can be more than a year earlier. No value for the first evaluation year or when the kab/kota was not evaluated in either year. Up or down by any number of categories.',
    )],
    categories: [
      { code: 'turun', label: L('Turun', 'Moved down') },
      { code: 'tetap', label: L('Tetap', 'Same category') },
      { code: 'naik', label: L('Naik', 'Moved up') },
    ],
  },
} satisfies Partial<Record<IndicatorId, IndicatorSpec>>;
