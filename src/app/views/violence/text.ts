import { type Label, L } from '../../../domain/label.ts';

// Texts of the violence page. Shared texts (victims, cases, withheld, the reporting caveat) are in src/app/i18n.ts;
// every category label (types, places, services...) comes from the snapshot's `codes` table.


export const TEXT = {
  heading: L('Kekerasan terhadap anak', 'Violence against children'),
  intro: L(
    'Anak korban kekerasan yang tercatat di SIMFONI-PPA menurut jenis kekerasan, jenis kelamin dan umur, tempat kejadian, hubungan pelaku, dan layanan yang diterima.',
    'Child victims of violence recorded in SIMFONI-PPA by type of violence, sex and age, place, perpetrator relationship and services received.',
  ),
  controls: L('Pilihan tampilan', 'View options'),
  region: L('Wilayah', 'Region'),
  year: L('Tahun', 'Year'),
  headline: L('Angka utama {region}, {year}', 'Headline figures for {region}, {year}'),
  victimsPerCase: L('Anak korban per kasus', 'Child victims per case'),
  casesVsVictimsTitle: L('Kasus dan korban', 'Cases and victims'),
  casesVsVictims: L(
    'Satu kasus dapat melibatkan beberapa anak, sehingga jumlah anak korban lebih besar daripada jumlah kasus. Seorang anak dapat mengalami beberapa jenis kekerasan sekaligus, sehingga korban menurut jenis kekerasan jika dijumlahkan melebihi jumlah anak korban.',
    'One case can involve several children, so there are more child victims than cases. A child can suffer several types of violence at once, so the victims by type of violence add up to more than the number of child victims.',
  ),
  typesAddUp: L(
    'Di sini: korban menurut jenis berjumlah {sum}, untuk {victims} anak korban.',
    'Here: the victims by type add up to {sum}, for {victims} child victims.',
  ),
  byType: L('Menurut jenis kekerasan', 'By type of violence'),
  byTypeNote: L(
    'Jumlah anak korban dan kasus per jenis. Persentase anak korban per jenis (di tabel data) berjumlah lebih dari 100% karena seorang anak dapat mengalami beberapa jenis.',
    'Child victims and cases per type. The shares of child victims by type (in the data table) add up to more than 100% because a child can suffer several types.',
  ),
  bySexAge: L('Menurut jenis kelamin dan kelompok umur', 'By sex and age group'),
  byPlace: L('Menurut tempat kejadian', 'By place of occurrence'),
  byPerpetrator: L('Menurut hubungan pelaku dengan korban', 'By relationship of the perpetrator to the victim'),
  byService: L('Layanan yang diterima, termasuk rujukan ke perlindungan sosial', 'Services received, including referrals to social protection'),
  byServiceNote: L(
    'Persen dari anak korban. Seorang anak dapat menerima beberapa layanan. "Dirujuk ke perlindungan sosial" = minimal satu rujukan ke PKH, PBI-JKN atau PIP.',
    'Per cent of child victims. A child can receive several services. "Referred to social protection" = at least one referral to PKH, PBI-JKN or PIP.',
  ),
  trend: L('Tren {first}-{last}: anak korban dan kasus, {region}', 'Trend {first}-{last}: child victims and cases, {region}'),
  category: L('Kategori', 'Category'),
  typeColumn: L('Jenis kekerasan', 'Type of violence'),
  ageGroup: L('Kelompok umur', 'Age group'),
  sex: L('Jenis kelamin', 'Sex'),
  place: L('Tempat kejadian', 'Place'),
  perpetrator: L('Hubungan pelaku', 'Perpetrator relationship'),
  service: L('Layanan', 'Service'),
  yearColumn: L('Tahun', 'Year'),
  share: L('% dari anak korban', '% of child victims'),
  sharePct: L('Persen dari anak korban', 'Per cent of child victims'),
  withheldNote: L(
    'Celah pada grafik (ditandai *) = angka disembunyikan, bukan nol: {list}.',
    'Gaps in the chart (marked *) are withheld counts, not zeros: {list}.',
  ),
  notPublished: L(
    'Rincian ini tidak diterbitkan untuk wilayah ini (tabelnya diterbitkan pada tingkat wilayah yang lebih tinggi).',
    'This breakdown is not published for this region (its table is published at a higher region level).',
  ),
  chartLabel: L('Grafik: {title}, {region}, {year}', 'Chart: {title}, {region}, {year}'),
  total: L('Jumlah', 'Total'),
} as const satisfies Record<string, Label>;

/** Fills {name} placeholders. */
export { fill } from '../../i18n.ts';
