import type { Label } from './label.ts';

/** Default minimum count of children that may be published (counts 1..k-1 are withheld). */
export const DEFAULT_K = 5;

/** Share of non-zero cells that may be suppressed at kab/kota level before a table is published at province level. */
export const MAX_SUPPRESSED_SHARE_AT_REGENCY = 0.25;

/** The disclosure rule in words, for the manifest, downloads and the app. */
export const disclosureRule = (k: number): Label => ({
  id: `Angka anak dan angka kasus 1 sampai ${k - 1} tidak dipublikasikan (NULL, suppressed = benar). Sel lain ikut disembunyikan (penyembunyian sekunder) sampai tidak ada sel tersembunyi yang dapat dihitung ulang atau dibuktikan kurang dari ${k} dari semua yang dipublikasikan: jumlah antarwilayah dan antartabel, batas (jenis kekerasan, layanan, kasus tidak melebihi korban) dan snapshot sebelumnya. Angka nol dipublikasikan. Setiap build diaudit dengan pemrograman linear.`,
  en: `Counts of children and of cases from 1 to ${k - 1} are not published (NULL, suppressed = true). Further cells are withheld (secondary suppression) until no withheld cell can be recalculated, or proved to be below ${k}, from everything published: sums across regions and tables, bounds (types of violence, services, cases at most victims) and earlier snapshots. Zeros are published. Every build is audited by linear programming.`,
});
