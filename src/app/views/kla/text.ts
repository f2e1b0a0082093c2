import { type Label, L } from '../../../domain/label.ts';

// Texts of the KLA page. Category labels come from the snapshot's `codes` table, thresholds and cluster names from
// src/domain/kla.ts; shared texts are in src/app/i18n.ts.


export const TEXT = {
  heading: L('Kabupaten/Kota Layak Anak (KLA)', 'Child-Friendly Regencies and Cities (KLA)'),
  intro: L(
    'Evaluasi KLA oleh KemenPPPA menilai setiap kabupaten/kota dengan nilai total 0-1.000 dari kelembagaan dan lima klaster hak anak. Kategori menurut nilai total (dibulatkan ke poin bulat): {thresholds}; di bawah {min} tidak berpredikat.',
    'The KLA evaluation by KemenPPPA scores each regency/city out of 1,000 on its institutions and five clusters of children\'s rights. Categories by total score (rounded to whole points): {thresholds}; below {min}, no category.',
  ),
  clusterIntro: L(
    'Nilai kelembagaan dan klaster I-V dinyatakan sebagai persen dari nilai maksimum klaster tersebut (0-100).',
    'The institutional and cluster I-V scores are percentages of each cluster\'s maximum (0-100).',
  ),
  controls: L('Pilihan tampilan', 'View options'),
  evaluationYear: L('Tahun evaluasi', 'Evaluation year'),
  headline: L('Evaluasi {year}', 'Evaluation {year}'),
  evaluated: L('Kab/kota dievaluasi', 'Kab/kota evaluated'),
  awarded: L('Berpredikat (kategori apa pun)', 'With any category'),
  awardedPct: L('Persen berpredikat', 'Share with a category'),
  averageScore: L('Nilai rata-rata (0-1.000)', 'Average score (0-1,000)'),
  notEvaluatedCount: L('Kab/kota tidak dievaluasi', 'Kab/kota not evaluated'),
  categoriesTitle: L('Kategori KLA per tahun evaluasi', 'KLA categories per evaluation year'),
  categoriesNote: L('Jumlah kabupaten/kota per kategori; ambang nilai dalam kurung.', 'Number of regencies/cities per category; score thresholds in brackets.'),
  below: L('di bawah {min}', 'below {min}'),
  movementsTitle: L('Perpindahan kategori {a} → {b}', 'Category movements {a} → {b}'),
  movementsNote: L(
    'Setiap aliran menghubungkan kategori suatu kabupaten/kota pada evaluasi {a} dengan kategorinya pada evaluasi {b}; lebar = jumlah kabupaten/kota.',
    'Each flow links a regency/city\'s category in the {a} evaluation to its category in {b}; width = number of regencies/cities.',
  ),
  movementsSummary: L('Naik kategori: {up}; tetap: {same}; turun: {down}.', 'Moved up: {up}; stayed: {same}; moved down: {down}.'),
  pair: L('Evaluasi yang dibandingkan', 'Evaluations compared'),
  notEvaluated: L('Tidak dievaluasi', 'Not evaluated'),
  onlyOneYear: L('Hanya ada satu tahun evaluasi: belum ada perpindahan.', 'Only one evaluation year: no movements yet.'),
  from: L('Dari ({year})', 'From ({year})'),
  to: L('Ke ({year})', 'To ({year})'),
  regencies: L('Kab/kota', 'Kab/kota'),
  regenciesUnit: L('{n} kab/kota', '{n} kab/kota'),
  clustersTitle: L('Nilai klaster rata-rata, {year}', 'Average cluster scores, {year}'),
  clustersNational: L('Indonesia: rata-rata kabupaten/kota yang dievaluasi', 'Indonesia: average of the evaluated regencies/cities'),
  clustersByProvince: L('Per provinsi (rata-rata, % dari maksimum)', 'By province (average, % of maximum)'),
  component: L('Komponen', 'Component'),
  average: L('Rata-rata (%)', 'Average (%)'),
  province: L('Provinsi', 'Province'),
  provincesTitle: L('Rekap per provinsi, {year}', 'Province roll-up, {year}'),
  year: L('Tahun', 'Year'),
  total: L('Jumlah', 'Total'),
  chartLabel: L('Grafik: {title}', 'Chart: {title}'),
} as const satisfies Record<string, Label>;
