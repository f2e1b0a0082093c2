import type { Label } from './label.ts';

/** Default minimum count of children that may be published (counts 1..k-1 are withheld). */
export const DEFAULT_K = 5;

/** Share of non-zero cells that may be suppressed at kab/kota level before a table is published at province level. */
export const MAX_SUPPRESSED_SHARE_AT_REGENCY = 0.25;

/** The disclosure rule in words, for the manifest, downloads and the app. */
export const disclosureRule = (k: number): Label => ({
  id: `Angka anak 1 sampai ${k - 1} tidak dipublikasikan (NULL, suppressed = benar). Sel lain ikut disembunyikan (penyembunyian sekunder) agar sel tersembunyi tidak dapat dihitung ulang dengan mengurangkan angka yang dipublikasikan dari totalnya, di dalam satu tabel maupun antar tabel. Angka nol dipublikasikan. Setiap build diaudit.`,
  en: `Counts of children from 1 to ${k - 1} are not published (NULL, suppressed = true). Further cells are withheld (secondary suppression) so that no withheld cell can be recalculated by subtracting published counts from their totals, within a table or across tables. Zeros are published. Every build is audited.`,
});
