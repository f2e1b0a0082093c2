import type { Label } from './label.ts';

/**
 * KLA (Kabupaten/Kota Layak Anak) categories by total score out of 1,000.
 * Thresholds from KemenPPPA: Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000.
 * A score below 500 earns no category. Scores are compared after rounding to whole points.
 */
export const KLA_CATEGORIES = [
  { code: 'tidak_ada', min: 0, max: 499, label: { id: 'Belum berpredikat', en: 'No category' } },
  { code: 'pratama', min: 500, max: 600, label: { id: 'Pratama', en: 'Pratama' } },
  { code: 'madya', min: 601, max: 700, label: { id: 'Madya', en: 'Madya' } },
  { code: 'nindya', min: 701, max: 800, label: { id: 'Nindya', en: 'Nindya' } },
  { code: 'utama', min: 801, max: 900, label: { id: 'Utama', en: 'Utama' } },
  { code: 'kla', min: 901, max: 1000, label: { id: 'KLA', en: 'KLA' } },
] as const satisfies ReadonlyArray<{ code: string; min: number; max: number; label: Label }>;

export type KlaCategory = (typeof KLA_CATEGORIES)[number]['code'];

/** The category a total score earns, or undefined for a score outside 0..1000. */
export function klaCategoryForScore(score: number): KlaCategory | undefined {
  const points = Math.round(score);
  return KLA_CATEGORIES.find((c) => points >= c.min && points <= c.max)?.code;
}

/** The six score components: the institutional cluster and clusters I-V, each 0-100 (% of its maximum). */
export const KLA_CLUSTERS = [
  { column: 'score_institutional', raw: 'nilai_kelembagaan', label: { id: 'Kelembagaan', en: 'Institutional' } },
  { column: 'score_cluster_1', raw: 'nilai_klaster_1', label: { id: 'Klaster I: Hak sipil dan kebebasan', en: 'Cluster I: Civil rights and freedoms' } },
  { column: 'score_cluster_2', raw: 'nilai_klaster_2', label: { id: 'Klaster II: Lingkungan keluarga dan pengasuhan alternatif', en: 'Cluster II: Family environment and alternative care' } },
  { column: 'score_cluster_3', raw: 'nilai_klaster_3', label: { id: 'Klaster III: Kesehatan dasar dan kesejahteraan', en: 'Cluster III: Basic health and welfare' } },
  { column: 'score_cluster_4', raw: 'nilai_klaster_4', label: { id: 'Klaster IV: Pendidikan, waktu luang, budaya', en: 'Cluster IV: Education, leisure, culture' } },
  { column: 'score_cluster_5', raw: 'nilai_klaster_5', label: { id: 'Klaster V: Perlindungan khusus', en: 'Cluster V: Special protection' } },
] as const;
