// The catalogue's violence indicators (SIMFONI-PPA).
import { L } from '../label.ts';
import { ALL_LEVELS, BY_TABLE_LEVELS, BY_TABLE_LEVEL, ESTIMATED_CHILDREN, violenceCaveats } from './caveats.ts';
import type { IndicatorId, IndicatorSpec } from './types.ts';

export const VIOLENCE = {
  'violence-victims': {
    subject: 'violence',
    title: L('Anak korban kekerasan', 'Child victims of violence'),
    definition: L(
      'Jumlah anak (0-17 tahun) korban kekerasan yang laporannya dicatat di SIMFONI-PPA pada tahun tersebut. Satu anak dihitung sekali per kejadian.',
      'Number of children (aged 0-17) who were victims of violence in reports recorded in SIMFONI-PPA that year. A child is counted once per incident.',
    ),
    unit: L('anak', 'children'),
    format: 'count', digits: 0, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    sql: { family: 'count', table: 'violence_totals', measure: 'victims' },
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(),
  },
  'violence-victim-rate': {
    subject: 'violence',
    title: L('Anak korban per 100.000 anak', 'Child victims per 100,000 children'),
    definition: L(
      'Anak korban kekerasan yang tercatat pada tahun tersebut dibagi estimasi penduduk usia 0-17 tahun wilayah, dikali 100.000.',
      'Child victims of violence recorded that year divided by the region\'s estimated population aged 0-17, times 100,000.',
    ),
    unit: L('per 100.000 anak', 'per 100,000 children'),
    format: 'rate', digits: 1, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    fraction: { numerator: L('Anak korban', 'Child victims'), denominator: L('Penduduk anak 0-17 (estimasi)', 'Children 0-17 (estimate)') },
    sql: { family: 'rate', table: 'violence_totals', measure: 'victims', population: 'child_population', per: 100000 },
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(ESTIMATED_CHILDREN),
    childPopulation: true,
  },
  'violence-cases': {
    subject: 'violence',
    title: L('Kasus kekerasan terhadap anak', 'Cases of violence against children'),
    definition: L(
      'Jumlah kasus kekerasan terhadap anak yang dicatat di SIMFONI-PPA pada tahun tersebut. Satu kasus dapat memiliki beberapa anak korban.',
      'Number of cases of violence against children recorded in SIMFONI-PPA that year. One case can have several child victims.',
    ),
    unit: L('kasus', 'cases'),
    format: 'count', digits: 0, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    sql: { family: 'count', table: 'violence_totals', measure: 'cases' },
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(L(
      'Jumlah kasus disembunyikan bersama jumlah anak korban pada sel yang sama.',
      'Cases are withheld together with the child victims of the same cell.',
    )),
  },
  'violence-sexual-share': {
    subject: 'violence',
    title: L('Persentase anak korban kekerasan seksual', 'Share of child victims of sexual violence'),
    definition: L(
      'Anak korban yang mengalami kekerasan seksual (sendiri atau bersama jenis lain) dibagi seluruh anak korban pada tahun tersebut, dalam persen.',
      'Child victims who suffered sexual violence (alone or with other types) divided by all child victims that year, in per cent.',
    ),
    unit: L('persen anak korban', 'per cent of child victims'),
    format: 'percent', digits: 1, better: 'neutral',
    tables: ['violence_by_type', 'violence_totals', 'regions'],
    fraction: { numerator: L('Korban kekerasan seksual', 'Victims of sexual violence'), denominator: L('Anak korban', 'Child victims') },
    sql: { family: 'breakdown_share', table: 'violence_by_type', column: 'violence_type', code: 'seksual' },
    levels: BY_TABLE_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(
      L('Satu anak dapat mengalami beberapa jenis kekerasan, sehingga persentase semua jenis berjumlah lebih dari 100%.',
        'A child can suffer several types of violence, so the shares of all types add up to more than 100%.'),
      BY_TABLE_LEVEL,
    ),
  },
  'violence-victims-change': {
    subject: 'violence',
    title: L('Perubahan jumlah anak korban dari tahun sebelumnya', 'Change in child victims from the previous year'),
    definition: L(
      'Selisih anak korban tahun ini dan tahun sebelumnya dibagi anak korban tahun sebelumnya, dalam persen. Tidak ada nilai untuk tahun pertama data atau bila tahun sebelumnya nol.',
      'Child victims this year minus the previous year, divided by child victims the previous year, in per cent. No value for the first year of data or when the previous year is zero.',
    ),
    unit: L('persen', 'per cent'),
    format: 'change', digits: 1, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    fraction: { numerator: L('Selisih anak korban', 'Difference in child victims'), denominator: L('Anak korban tahun sebelumnya', 'Child victims the year before') },
    sql: { family: 'change', table: 'violence_totals', measure: 'victims' },
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(L(
      'Persentase besar dapat berasal dari angka kecil; kenaikan dapat mencerminkan pelaporan yang meningkat.',
      'Large percentages can come from small numbers; an increase can reflect more reporting.',
    )),
  },
  'violence-any-service-share': {
    subject: 'violence',
    title: L('Persentase anak korban yang menerima layanan', 'Share of child victims who received a service'),
    definition: L(
      'Anak korban yang menerima minimal satu layanan (pengaduan, kesehatan, bantuan hukum, rehabilitasi sosial, dll.) dibagi seluruh anak korban pada tahun tersebut, dalam persen.',
      'Child victims who received at least one service (complaint handling, health care, legal aid, social rehabilitation, etc.) divided by all child victims that year, in per cent.',
    ),
    unit: L('persen anak korban', 'per cent of child victims'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['violence_by_service', 'violence_totals', 'regions'],
    fraction: { numerator: L('Korban yang menerima layanan', 'Victims who received a service'), denominator: L('Anak korban', 'Child victims') },
    sql: { family: 'breakdown_share', table: 'violence_by_service', column: 'service', code: 'layanan_apa_pun' },
    levels: BY_TABLE_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(
      L('Layanan yang tercatat di SIMFONI-PPA sampai tanggal acuan snapshot; laporan akhir tahun mungkin belum menerima layanan.',
        'Services recorded in SIMFONI-PPA up to the snapshot reference date; reports from late in the year may not have received services yet.'),
      BY_TABLE_LEVEL,
    ),
  },
  'violence-social-protection-share': {
    subject: 'violence',
    title: L('Persentase anak korban yang dirujuk ke perlindungan sosial', 'Share of child victims referred to social protection'),
    definition: L(
      'Anak korban yang dirujuk ke minimal satu program perlindungan sosial (PKH, PBI-JKN atau PIP) dibagi seluruh anak korban pada tahun tersebut, dalam persen.',
      'Child victims referred to at least one social protection programme (PKH, PBI-JKN or PIP) divided by all child victims that year, in per cent.',
    ),
    unit: L('persen anak korban', 'per cent of child victims'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['violence_by_service', 'violence_totals', 'regions'],
    fraction: { numerator: L('Korban yang dirujuk', 'Victims referred'), denominator: L('Anak korban', 'Child victims') },
    sql: { family: 'breakdown_share', table: 'violence_by_service', column: 'service', code: 'rujukan_perlindungan_sosial' },
    levels: BY_TABLE_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(
      L('Rujukan yang tercatat di SIMFONI-PPA; tidak setiap anak korban membutuhkan atau memenuhi syarat program tersebut, sehingga 100% bukan target.',
        'Referrals recorded in SIMFONI-PPA; not every child victim needs or is eligible for these programmes, so 100% is not the target.'),
      BY_TABLE_LEVEL,
    ),
  },
} satisfies Partial<Record<IndicatorId, IndicatorSpec>>;
