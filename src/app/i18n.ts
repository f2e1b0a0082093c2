// A small typed dictionary: Bahasa Indonesia first, English by a switch.
export type Lang = 'id' | 'en';

const dict = {
  appTitle: { id: 'Pantau Anak', en: 'Pantau Anak' },
  tagline: { id: 'Pemantauan perlindungan anak di Indonesia', en: 'Child-protection oversight for Indonesia' },
  loading: { id: 'Memuat snapshot…', en: 'Loading snapshot…' },
  loadFailed: { id: 'Snapshot gagal dimuat', en: 'The snapshot failed to load' },
  violence: { id: 'Kekerasan terhadap anak', en: 'Violence against children' },
  victims: { id: 'Anak korban', en: 'Child victims' },
  cases: { id: 'Kasus', en: 'Cases' },
  ratePer100k: { id: 'Korban per 100.000 anak', en: 'Victims per 100,000 children' },
  changeFromPrevious: { id: 'Perubahan dari tahun sebelumnya', en: 'Change from the previous year' },
  sexualShare: { id: 'Porsi kekerasan seksual', en: 'Share of sexual violence' },
  reportingCaveat: {
    id: 'Kasus tercatat (SIMFONI-PPA) mencerminkan pelaporan sekaligus kejadian: angka tinggi dapat berarti layanan pengaduan yang lebih baik. Penyebut anak 0-17 adalah estimasi.',
    en: 'Recorded cases (SIMFONI-PPA) show reporting as much as prevalence: a high figure can mean better complaint services. The 0-17 denominator is an estimate.',
  },
  lksa: { id: 'LKSA (panti asuhan)', en: 'LKSA (child welfare institutions)' },
  institutions: { id: 'Lembaga', en: 'Institutions' },
  accredited: { id: 'Terakreditasi', en: 'Accredited' },
  licenceValid: { id: 'Izin berlaku', en: 'Valid licence' },
  inspected12m: { id: 'Diinspeksi 12 bulan terakhir', en: 'Inspected in the last 12 months' },
  riskFinding: { id: 'Dengan temuan risiko', en: 'With a risk finding' },
  kla: { id: 'Kabupaten/Kota Layak Anak', en: 'Child-friendly regencies/cities (KLA)' },
  awarded: { id: 'Kab/kota berpredikat', en: 'Regencies/cities with a category' },
  evaluated: { id: 'dievaluasi', en: 'evaluated' },
  byProvince: { id: 'Menurut provinsi', en: 'By province' },
  province: { id: 'Provinsi', en: 'Province' },
  suppressed: { id: 'disembunyikan', en: 'withheld' },
  tables: { id: 'Tabel dalam snapshot', en: 'Tables in the snapshot' },
  rows: { id: 'baris', en: 'rows' },
  columns: { id: 'kolom', en: 'columns' },
  disclosure: { id: 'Perlindungan identitas anak', en: 'Protecting children\'s identity' },
  sources: { id: 'Sumber', en: 'Sources' },
  snapshot: { id: 'Snapshot', en: 'Snapshot' },
  referenceDate: { id: 'tanggal acuan', en: 'reference date' },
  builtAt: { id: 'dibangun', en: 'built' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  syntheticBadge: { id: 'DATA SINTETIS', en: 'SYNTHETIC DATA' },
} as const;

export type MessageKey = keyof typeof dict;

/** The text of a message in a language. */
export const t = (lang: Lang, key: MessageKey): string => dict[key][lang];

/** Formats numbers and dates in the language's locale. */
export const formatNumber = (lang: Lang, n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);

export const formatDate = (lang: Lang, iso: string): string =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
