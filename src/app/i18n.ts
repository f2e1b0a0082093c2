import type { Lang } from '../state/url.ts';
import type { Label } from '../domain/label.ts';

// Shared texts: Bahasa Indonesia first, English by a switch. A view's own texts live beside it as Labels.

const dict = {
  appTitle: { id: 'Pantau Anak', en: 'Pantau Anak' },
  tagline: { id: 'Pemantauan perlindungan anak di Indonesia', en: 'Child-protection oversight for Indonesia' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  languageName: { id: 'Bahasa Indonesia', en: 'English' },
  nav: { id: 'Navigasi utama', en: 'Main navigation' },
  viewMap: { id: 'Peta', en: 'Map' },
  viewProfile: { id: 'Profil wilayah', en: 'Region profile' },
  viewViolence: { id: 'Kekerasan', en: 'Violence' },
  viewLksa: { id: 'LKSA', en: 'LKSA' },
  viewKla: { id: 'KLA', en: 'KLA' },
  viewData: { id: 'Data', en: 'Data' },
  viewConsole: { id: 'Konsol SQL', en: 'SQL console' },
  viewReport: { id: 'Laporan', en: 'Report' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  engine: { id: 'Mesin kueri', en: 'Query engine' },
  engineReady: { id: 'Mesin kueri siap', en: 'Query engine ready' },
  tables: { id: 'tabel', en: 'tables' },
  search: { id: 'Cari', en: 'Search' },
  firstRows: { id: 'Menampilkan {n} baris pertama; persempit dengan pencarian.', en: 'Showing the first {n} rows; narrow down with the search.' },
  suppressed: { id: 'disembunyikan', en: 'withheld' },
  // The one rank rule (src/domain/rank.ts), stated beside every rank.
  rankRule: {
    id: 'Peringkat 1 = nilai tertinggi, untuk setiap indikator: peringkat bukan penilaian (angka tercatat yang rendah tidak berarti wilayah aman). Nilai yang sama berbagi peringkat; nilai yang disembunyikan atau tidak ada tidak diperingkat.',
    en: 'Rank 1 = the highest value, for every indicator: a rank is not a judgement (a low recorded figure does not mean a safe region). Equal values share a rank; withheld or missing values are not ranked.',
  },
  rankHighest: { id: '1 = tertinggi', en: '1 = highest' },
  suppressedExplained: { id: 'Disembunyikan: angka anak 1-4, atau sel yang ikut disembunyikan agar angka kecil tidak dapat dihitung ulang.', en: 'Withheld: a count of 1-4 children, or a cell withheld so that a small count cannot be recalculated.' },
  missing: { id: 'tidak ada data', en: 'no data' },
  missingExplained: { id: 'Tidak ada data: wilayah tidak dicatat atau tidak ada penyebut (mis. tanpa LKSA).', en: 'No data: the region was not recorded or there is no denominator (e.g. no LKSA).' },
  syntheticBadge: { id: 'DATA SINTETIS', en: 'SYNTHETIC DATA' },
  indonesia: { id: 'Indonesia', en: 'Indonesia' },
  victims: { id: 'Anak korban', en: 'Child victims' },
  cases: { id: 'Kasus', en: 'Cases' },
  ratePer100k: { id: 'Korban per 100.000 anak', en: 'Victims per 100,000 children' },
  changeFromPrevious: { id: 'Perubahan dari tahun sebelumnya', en: 'Change from the previous year' },
  sexualShare: { id: 'Porsi kekerasan seksual', en: 'Share of sexual violence' },
  reportingCaveat: {
    id: 'Kasus tercatat (SIMFONI-PPA) mencerminkan pelaporan sekaligus kejadian: angka tinggi dapat berarti layanan pengaduan yang lebih baik. Penyebut anak 0-17 adalah estimasi.',
    en: 'Recorded cases (SIMFONI-PPA) show reporting as much as prevalence: a high figure can mean better complaint services. The 0-17 denominator is an estimate.',
  },
  sources: { id: 'Sumber', en: 'Sources' },
  snapshot: { id: 'Snapshot', en: 'Snapshot' },
  referenceDate: { id: 'tanggal acuan', en: 'reference date' },
  builtAt: { id: 'dibangun', en: 'built' },
  boundaryAttribution: { id: 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan.', en: 'Boundaries: cahyadsn/wilayah_boundaries (MIT), simplified.' },
} as const satisfies Record<string, Label>;

export type MessageKey = keyof typeof dict;

/** The text of a shared message in a language. */
export const t = (lang: Lang, key: MessageKey): string => dict[key][lang];

/** The text of a Label in a language. */
export const tl = (lang: Lang, label: Label): string => label[lang];

/** Puts values into a text's {placeholders}; unknown placeholders stay as they are. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
