import type { Term } from './label.ts';

// Controlled vocabularies shared by the input contract, the pipeline and the app.
// The codes are what data officers type and what the published tables hold.

const terms = <C extends string>(list: ReadonlyArray<readonly [C, string, string]>): Term<C>[] =>
  list.map(([code, id, en]) => ({ code, label: { id, en } }));

export const VIOLENCE_TYPES = terms([
  ['fisik', 'Kekerasan fisik', 'Physical violence'],
  ['psikis', 'Kekerasan psikis', 'Psychological violence'],
  ['seksual', 'Kekerasan seksual', 'Sexual violence'],
  ['eksploitasi', 'Eksploitasi', 'Exploitation'],
  ['tppo', 'Perdagangan orang (TPPO)', 'Trafficking in persons'],
  ['penelantaran', 'Penelantaran', 'Neglect'],
  ['lainnya', 'Lainnya', 'Other'],
] as const);

export const SEXES = terms([
  ['L', 'Laki-laki', 'Male'],
  ['P', 'Perempuan', 'Female'],
] as const);

/** Age groups as SIMFONI-PPA publishes them; bounds are inclusive years of age. */
export const AGE_GROUPS = [
  { code: '0-5', label: { id: '0-5 tahun', en: '0-5 years' }, min: 0, max: 5 },
  { code: '6-12', label: { id: '6-12 tahun', en: '6-12 years' }, min: 6, max: 12 },
  { code: '13-17', label: { id: '13-17 tahun', en: '13-17 years' }, min: 13, max: 17 },
] as const;

export const PLACES = terms([
  ['rumah_tangga', 'Rumah tangga', 'Household'],
  ['sekolah', 'Sekolah', 'School'],
  ['fasilitas_umum', 'Fasilitas umum', 'Public facility'],
  ['tempat_kerja', 'Tempat kerja', 'Workplace'],
  ['lembaga_pendidikan_kilat', 'Lembaga pendidikan kilat', 'Short-course institution'],
  ['daring', 'Daring (online)', 'Online'],
  ['lainnya', 'Lainnya', 'Other'],
] as const);

export const PERPETRATORS = terms([
  ['orang_tua', 'Orang tua', 'Parent'],
  ['keluarga', 'Keluarga/saudara', 'Relative'],
  ['pacar_teman', 'Pacar/teman', 'Boyfriend, girlfriend or friend'],
  ['tetangga', 'Tetangga', 'Neighbour'],
  ['guru', 'Guru', 'Teacher'],
  ['suami_istri', 'Suami/istri', 'Spouse'],
  ['majikan', 'Majikan', 'Employer'],
  ['rekan_kerja', 'Rekan kerja', 'Co-worker'],
  ['lainnya', 'Lainnya', 'Other'],
  ['tidak_diketahui', 'Tidak diketahui', 'Unknown'],
] as const);

/** Services a victim received. The last three are referrals to social protection programmes. */
export const SERVICES = terms([
  ['pengaduan', 'Layanan pengaduan', 'Complaint handling'],
  ['kesehatan', 'Layanan kesehatan', 'Health care'],
  ['bantuan_hukum', 'Bantuan hukum', 'Legal aid'],
  ['penegakan_hukum', 'Penegakan hukum', 'Law enforcement'],
  ['rehabilitasi_sosial', 'Rehabilitasi sosial', 'Social rehabilitation'],
  ['reintegrasi_sosial', 'Reintegrasi sosial', 'Social reintegration'],
  ['pemulangan', 'Pemulangan', 'Repatriation'],
  ['pendampingan_psikologis', 'Pendampingan psikologis', 'Psychological support'],
  ['mediasi', 'Mediasi', 'Mediation'],
  ['pkh', 'Rujukan PKH', 'Referral to PKH (conditional cash transfer)'],
  ['pbi_jkn', 'Rujukan PBI-JKN', 'Referral to PBI-JKN (subsidised health insurance)'],
  ['pip', 'Rujukan PIP', 'Referral to PIP (school assistance)'],
] as const);

export const SOCIAL_PROTECTION_SERVICES = ['pkh', 'pbi_jkn', 'pip'] as const;

/** Published pseudo-services: victims with at least one service / at least one social-protection referral. */
export const SERVICE_SUMMARIES = terms([
  ['layanan_apa_pun', 'Menerima layanan apa pun', 'Received any service'],
  ['rujukan_perlindungan_sosial', 'Dirujuk ke perlindungan sosial (PKH, PBI-JKN, PIP)', 'Referred to social protection (PKH, PBI-JKN, PIP)'],
] as const);

export const YES_NO = terms([
  ['ya', 'Ya', 'Yes'],
  ['tidak', 'Tidak', 'No'],
] as const);

export const LICENCE_STATUSES = terms([
  ['berlaku', 'Izin berlaku', 'Licence valid'],
  ['kedaluwarsa', 'Izin kedaluwarsa', 'Licence expired'],
  ['dalam_proses', 'Izin dalam proses', 'Licence being processed'],
  ['tidak_ada', 'Tidak ada izin', 'No licence'],
] as const);

export const ACCREDITATIONS = terms([
  ['A', 'Terakreditasi A', 'Accredited A'],
  ['B', 'Terakreditasi B', 'Accredited B'],
  ['C', 'Terakreditasi C', 'Accredited C'],
  ['belum', 'Belum terakreditasi', 'Not accredited'],
] as const);

/** Risk findings of an LKSA inspection (KPAI oversight and Kemensos evaluation vocabulary). */
export const LKSA_FINDINGS = terms([
  ['risiko_eksploitasi', 'Risiko eksploitasi anak', 'Risk of child exploitation'],
  ['risiko_tppo', 'Risiko perdagangan orang', 'Risk of trafficking'],
  ['tanpa_izin', 'Beroperasi tanpa izin', 'Operating without a licence'],
  ['rencana_pengasuhan_tidak_ada', 'Rencana pengasuhan tidak ada', 'No individual care plan'],
  ['rasio_pengasuh_tidak_memadai', 'Rasio pengasuh tidak memadai', 'Too few caregivers'],
  ['dokumen_anak_tidak_lengkap', 'Dokumen anak tidak lengkap', 'Children\'s documents incomplete'],
  ['kekerasan_di_lembaga', 'Dugaan kekerasan di lembaga', 'Suspected violence in the institution'],
] as const);

export const LEVELS = terms([
  ['national', 'Nasional', 'National'],
  ['province', 'Provinsi', 'Province'],
  ['regency', 'Kabupaten/kota', 'Regency/city'],
] as const);

export type Level = (typeof LEVELS)[number]['code'];
export type ViolenceType = (typeof VIOLENCE_TYPES)[number]['code'];

/** The code list of a vocabulary, for validation. */
export const codes = (vocab: ReadonlyArray<{ code: string }>): string[] => vocab.map((t) => t.code);
