import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { LKSA_TABLE } from '../../src/domain/tables.ts';
import { LKSA_FINDINGS } from '../../src/domain/vocab.ts';
import { codeRows } from '../../src/domain/codes.ts';
import { FINDING_CODES, FINDING_COLUMNS, findingCode, findingCodesOf, findingColumn, isFindingCode } from '../../src/app/views/lksa/findings.ts';
import { activeFilters, institutionParams, scopeCode } from '../../src/app/views/lksa/filters.ts';
import { codeLabels, toCodeRows } from '../../src/app/views/lksa/codes.ts';
import { overviewFigures, overviewOf, ratioNote, toOverviewRows } from '../../src/app/views/lksa/overview.ts';
import { findingSegments, gradeSegments, licenceSegments, toBreakdownRows, unknownFindingColumns } from '../../src/app/views/lksa/breakdowns.ts';
import { ACCREDITATION_COLOURS, HIGHLIGHT_COLOUR } from '../../src/app/views/lksa/colours.ts';
import {
  metricValue, nationalMetric, provinceChartOption, sortProvinces, toProvinceRows, type ProvinceRow,
} from '../../src/app/views/lksa/provinces.ts';
import {
  childrenText, findingsText, institutionColumns, licenceText, shortDate, toInstitutionRows, type InstitutionRow,
} from '../../src/app/views/lksa/institutions.ts';
import { bboxOf, institutionPoints } from '../../src/app/views/lksa/map-features.ts';
import { TEXT, fill } from '../../src/app/views/lksa/text.ts';

// Pure transforms of the LKSA page (src/app/views/lksa/*.ts, one file per concern), on rows shaped as
// queries/app/lksa/*.sql returns them for the fixture snapshot (the values of test/sql/lksa.test.ts).

const CODES = toCodeRows(codeRows().filter((r) => ['accreditation', 'licence_status', 'lksa_finding'].includes(r.vocabulary)));
const ID = codeLabels(CODES, 'id');
const EN = codeLabels(CODES, 'en');

const OVERVIEW = toOverviewRows([
  { area: '00', institutions: 6, accredited: 4, accredited_pct: 66.7, grade_a: 1, grade_b: 1, grade_c: 2, not_accredited: 2, licence_valid: 2,
    licence_valid_pct: 33.3, licence_lapsed: 1, inspected_12m: 3, inspected_12m_pct: 50, with_finding: 4, with_finding_pct: 66.7,
    ratio_institutions: 5, ratio_children: 95, ratio_caregivers: 18, children_per_caregiver: 5.3, ratio_withheld: 1 },
  { area: '32', institutions: 3, accredited: 3, accredited_pct: 100, grade_a: 1, grade_b: 1, grade_c: 1, not_accredited: 0, licence_valid: 1,
    licence_valid_pct: 33.3, licence_lapsed: 1, inspected_12m: 1, inspected_12m_pct: 33.3, with_finding: 2, with_finding_pct: 66.7,
    ratio_institutions: 2, ratio_children: 65, ratio_caregivers: 11, children_per_caregiver: 5.9, ratio_withheld: 1 },
]);

const b = (area: string, dimension: string, code: string, institutions: number, share_pct: number) => ({ area, dimension, code, ord: null, institutions, share_pct });
const BREAKDOWN = toBreakdownRows([
  b('00', 'accreditation', 'A', 1, 16.7), b('00', 'accreditation', 'B', 1, 16.7), b('00', 'accreditation', 'C', 2, 33.3), b('00', 'accreditation', 'belum', 2, 33.3),
  b('32', 'accreditation', 'A', 1, 33.3), b('32', 'accreditation', 'B', 1, 33.3), b('32', 'accreditation', 'C', 1, 33.3), b('32', 'accreditation', 'belum', 0, 0),
  b('00', 'licence_status', 'berlaku', 3, 50), b('00', 'licence_status', 'kedaluwarsa', 1, 16.7), b('00', 'licence_status', 'dalam_proses', 1, 16.7), b('00', 'licence_status', 'tidak_ada', 1, 16.7),
  b('32', 'licence_status', 'berlaku', 2, 66.7), b('32', 'licence_status', 'kedaluwarsa', 1, 33.3), b('32', 'licence_status', 'dalam_proses', 0, 0), b('32', 'licence_status', 'tidak_ada', 0, 0),
  b('00', 'finding', 'finding_trafficking_risk', 1, 16.7), b('00', 'finding', 'finding_no_licence', 1, 16.7), b('00', 'finding', 'finding_violence', 0, 0),
  b('32', 'finding', 'finding_no_licence', 1, 33.3), b('32', 'finding', 'finding_violence', 0, 0),
]);

const T003 = {
  lksa_id: 'LKSA-T-003', name: 'LKSA Uji Cempaka', region_code: '32.04', regency_name: 'Kabupaten Bandung', province_code: '32',
  accreditation: 'C', licence_status: 'kedaluwarsa', licence_expiry: '2023-01-31', licence_valid: false,
  children_in_care: null, children_suppressed: true, caregivers: 1, trained_social_workers: 0, last_inspection: null, inspected_12m: false,
  finding_count: 2, findings: 'finding_no_care_plan;finding_no_licence', lat: null, lng: null,
};
const T002 = { ...T003, lksa_id: 'LKSA-T-002', name: 'LKSA Uji Kenanga', region_code: '32.73', regency_name: 'Kota Bandung', accreditation: 'B',
  licence_status: 'berlaku', licence_expiry: '2025-06-30', children_in_care: 25, children_suppressed: false, caregivers: 3, trained_social_workers: 1,
  last_inspection: '2024-05-10', finding_count: 1, findings: 'finding_caregiver_ratio', lat: -6.92, lng: 107.62 };
const T001 = { ...T002, lksa_id: 'LKSA-T-001', name: 'LKSA Uji Melati', accreditation: 'A', licence_expiry: '2027-06-30', licence_valid: true,
  children_in_care: 40, caregivers: 8, trained_social_workers: 2, last_inspection: '2025-03-01', finding_count: 0, findings: '', lat: -6.91, lng: 107.61 };
const T004 = { ...T002, lksa_id: 'LKSA-T-004', name: 'LKSA Uji Anggrek', region_code: '11.01', province_code: '11', accreditation: 'belum',
  licence_status: 'tidak_ada', licence_expiry: null, findings: 'finding_trafficking_risk;finding_exploitation_risk', finding_count: 2, lat: 3.16, lng: 97.44 };
const INSTITUTIONS = toInstitutionRows([T004, T003, T002, T001]);

describe('findings.ts: the one mapping of lksa_finding codes to lksa columns', () => {
  it('covers the vocabulary in its order and exactly the boolean finding columns of the published table', () => {
    expect(FINDING_CODES).toEqual(LKSA_FINDINGS.map((f) => f.code));
    const columns = LKSA_TABLE.columns.filter((c) => c.name.startsWith('finding_') && c.name !== 'finding_count');
    expect(columns.every((c) => c.type === 'BOOLEAN')).toBe(true);
    expect(Object.values(FINDING_COLUMNS).sort()).toEqual(columns.map((c) => c.name).sort());
  });

  it('agrees with the pipeline that writes the columns (queries/pipeline/lksa_table.sql)', () => {
    const sql = readFileSync(join(REPO_ROOT, 'queries', 'pipeline', 'lksa_table.sql'), 'utf8');
    const pipeline = Object.fromEntries([...sql.matchAll(/list_contains\(split_list\(r\.temuan\), '([a-z_]+)'\) AS (finding_[a-z_]+)/g)].map((m) => [m[1], m[2]]));
    expect(pipeline).toEqual(FINDING_COLUMNS);
  });

  it('maps codes to columns and back, ignoring anything else', () => {
    expect(findingColumn('risiko_tppo')).toBe('finding_trafficking_risk');
    expect(findingColumn('finding_trafficking_risk')).toBeNull();
    expect(findingColumn('toString')).toBeNull();
    expect(findingColumn(null)).toBeNull();
    expect(isFindingCode('__proto__')).toBe(false);
    expect(findingCode('finding_violence')).toBe('kekerasan_di_lembaga');
    expect(findingCode('finding_count')).toBeNull();
    expect(findingCodesOf('finding_trafficking_risk;finding_unknown;finding_exploitation_risk')).toEqual(['risiko_eksploitasi', 'risiko_tppo']);
    expect(findingCodesOf('')).toEqual([]);
    expect(findingCodesOf(null)).toEqual([]);
  });
});

describe('filters', () => {
  it('scope: a province code or Indonesia', () => {
    expect(scopeCode(null)).toBe('00');
    expect(scopeCode('32')).toBe('32');
    expect(scopeCode('32.73')).toBe('00');
  });

  it('turns the URL state into bound parameters; unknown codes are no filter', () => {
    expect(institutionParams({ province: '32', accreditation: 'belum', licence: 'tidak_ada', finding: 'risiko_tppo', search: '  Melati ' }))
      .toEqual({ province: '32', accreditation: 'belum', licence: 'tidak_ada', finding: 'finding_trafficking_risk', search: 'Melati' });
    expect(institutionParams({ province: null, accreditation: 'Z', licence: 'valid', finding: 'finding_violence', search: '' }))
      .toEqual({ province: '00', accreditation: null, licence: null, finding: null, search: '' });
    expect(activeFilters({ province: null, accreditation: 'A', licence: null, finding: 'kekerasan_di_lembaga', search: '' }))
      .toEqual({ accreditation: 'A', licence: null, finding: 'kekerasan_di_lembaga' });
  });
});

describe('overview', () => {
  it('labels codes from the codes table, the code itself when unknown', () => {
    expect(ID.label('accreditation', 'belum')).toBe('Belum terakreditasi');
    expect(EN.label('lksa_finding', 'risiko_tppo')).toBe('Risk of trafficking');
    expect(EN.label('lksa_finding', 'new_code')).toBe('new_code');
    expect(ID.codes('licence_status')).toEqual(['berlaku', 'kedaluwarsa', 'dalam_proses', 'tidak_ada']);
  });

  it('gives the scope figures with Indonesia for comparison', () => {
    const o = overviewOf(OVERVIEW, '32');
    expect(o.scope?.area).toBe('32');
    expect(o.national?.area).toBe('00');
    const figures = overviewFigures(o.scope!, o.national, 'id');
    expect(figures.map((f) => [f.key, f.value, f.text, f.national])).toEqual([
      ['institutions', 3, '3', 'Indonesia: 6'],
      ['accredited_pct', 100, '100,0%', 'Indonesia: 66,7%'],
      ['licence_valid_pct', 33.3, '33,3%', 'Indonesia: 33,3%'],
      ['children_per_caregiver', 5.9, '5,9', 'Indonesia: 5,3'],
      ['inspected_12m_pct', 33.3, '33,3%', 'Indonesia: 50,0%'],
      ['with_finding_pct', 66.7, '66,7%', 'Indonesia: 66,7%'],
    ]);
    expect(figures[1]!.detail).toBe('3 dari 3 lembaga');
    // The withheld institution is explained where the ratio is.
    expect(figures[3]!.detail).toBe('dari 2 lembaga; 1 lembaga dengan jumlah anak disembunyikan tidak dihitung');
    expect(ratioNote(o.scope!, 'en')).toBe('Children divided by caregivers, over the 2 institutions whose numbers of children and caregivers are both published. '
      + 'Institutions left out because their number of children is withheld (1-4 children, to protect the children\'s identity): 1.');
    // Nothing withheld: nothing to explain.
    const none = { ...o.scope!, ratio_withheld: 0 };
    expect(overviewFigures(none, o.national, 'id')[3]!.detail).toBe('dari 2 lembaga');
    expect(ratioNote(none, 'id')).toBe('Jumlah anak dibagi jumlah pengasuh, dari 2 lembaga yang jumlah anak dan pengasuhnya dipublikasikan.');
  });

  it('gives no comparison for Indonesia itself, and English texts', () => {
    const o = overviewOf(OVERVIEW, '00');
    const figures = overviewFigures(o.scope!, o.national, 'en');
    expect(figures.every((f) => f.national === null)).toBe(true);
    expect(figures.map((f) => f.text)).toEqual(['6', '66.7%', '33.3%', '5.3', '50.0%', '66.7%']);
    expect(figures[0]!.label).toBe('Registered institutions');
  });

  it('a province missing from the rows gives no scope row', () => {
    expect(overviewOf(OVERVIEW, '31').scope).toBeNull();
  });
});

describe('breakdowns', () => {
  it('grades in the codes order with colour-blind-safe colours and both shares', () => {
    const s = gradeSegments(BREAKDOWN, '32', ID);
    expect(s.map((x) => [x.code, x.label, x.count, x.share, x.nationalShare])).toEqual([
      ['A', 'Terakreditasi A', 1, 33.3, 16.7], ['B', 'Terakreditasi B', 1, 33.3, 16.7], ['C', 'Terakreditasi C', 1, 33.3, 33.3], ['belum', 'Belum terakreditasi', 0, 0, 33.3],
    ]);
    expect(s.map((x) => x.colour)).toEqual(['#0072b2', '#56b4e9', '#e69f00', '#d55e00']);
  });

  it('licence statuses split the recorded "berlaku" into valid and lapsed', () => {
    const o = overviewOf(OVERVIEW, '32');
    const s = licenceSegments(BREAKDOWN, { scope: o.scope!, national: o.national }, EN, 'en');
    expect(s.map((x) => [x.code, x.count, x.share, x.nationalShare])).toEqual([
      ['berlaku', 1, 33.3, 33.3], ['berlaku_lapsed', 1, 33.3, 16.7], ['kedaluwarsa', 1, 33.3, 16.7], ['dalam_proses', 0, 0, 16.7], ['tidak_ada', 0, 0, 16.7],
    ]);
    expect(s[1]!.label).toBe(TEXT.lapsedStatus.en);
    // The segments add up to the institutions.
    expect(s.reduce((n, x) => n + x.count, 0)).toBe(3);
  });

  it('findings by code in the vocabulary order, zero where a column has no row', () => {
    const s = findingSegments(BREAKDOWN, '32', ID);
    expect(s.map((x) => x.code)).toEqual(FINDING_CODES);
    expect(s.find((x) => x.code === 'tanpa_izin')).toMatchObject({ label: 'Beroperasi tanpa izin', count: 1, share: 33.3, nationalShare: 16.7 });
    expect(s.find((x) => x.code === 'risiko_tppo')).toMatchObject({ count: 0, share: null, nationalShare: 16.7 });
    expect(unknownFindingColumns(BREAKDOWN)).toEqual([]);
    expect(unknownFindingColumns(toBreakdownRows([b('00', 'finding', 'finding_new', 1, 1)]))).toEqual(['finding_new']);
  });
});

describe('provinces compared', () => {
  const rows: ProvinceRow[] = toProvinceRows([
    { region_code: '11', name: 'Aceh', institutions: 2, accredited_pct: 50, licence_valid_pct: 50, inspected_12m_pct: 100, with_finding_pct: 100, children_per_caregiver: 5, ratio_withheld: 0 },
    { region_code: '31', name: 'Daerah Khusus Ibukota Jakarta', institutions: 0, accredited_pct: null, licence_valid_pct: null, inspected_12m_pct: null, with_finding_pct: null, children_per_caregiver: null, ratio_withheld: 0 },
    { region_code: '32', name: 'Jawa Barat', institutions: 3, accredited_pct: 100, licence_valid_pct: 33.3, inspected_12m_pct: 33.3, with_finding_pct: 66.7, children_per_caregiver: 5.9, ratio_withheld: 1 },
    { region_code: '93', name: '<img src=x onerror=alert(1)>', institutions: 1, accredited_pct: 0, licence_valid_pct: 0, inspected_12m_pct: 0, with_finding_pct: 0, children_per_caregiver: 0, ratio_withheld: 0 },
  ]);

  it('sorts by the metric, highest first, provinces without institutions last', () => {
    expect(sortProvinces(rows, 'accredited_pct', 'id').map((r) => r.region_code)).toEqual(['32', '11', '93', '31']);
    expect(sortProvinces(rows, 'inspected_12m_pct', 'id').map((r) => r.region_code)).toEqual(['11', '32', '93', '31']);
    expect(metricValue(rows[1]!, 'institutions')).toBe(0);
    expect(metricValue(rows[1]!, 'accredited_pct')).toBeNull();
  });

  it('builds a sorted bar chart with the chosen province highlighted and Indonesia as a line', () => {
    const national = nationalMetric(OVERVIEW[0]!, 'accredited_pct');
    expect(national).toBe(66.7);
    const option = provinceChartOption(rows, 'accredited_pct', '11', national, 'id') as {
      yAxis: { data: string[]; inverse: boolean };
      series: Array<{ data: Array<{ value: number | null; code: string; itemStyle: { color: string } }>; markLine?: { data: Array<{ xAxis: number }>; label: { formatter: string } } }>;
      tooltip: { formatter: (p: { name?: string; value?: number | null }) => string };
    };
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.data[0]).toBe('Jawa Barat');
    const data = option.series[0]!.data;
    expect(data.map((d) => d.value)).toEqual([100, 50, 0, null]);
    expect(data.find((d) => d.code === '11')!.itemStyle.color).toBe(HIGHLIGHT_COLOUR);
    expect(data.filter((d) => d.itemStyle.color === HIGHLIGHT_COLOUR)).toHaveLength(1);
    expect(option.series[0]!.markLine!.data).toEqual([{ xAxis: 66.7 }]);
    expect(option.series[0]!.markLine!.label.formatter).toBe('Indonesia: 66,7%');
  });

  it('escapes data text in the tooltip', () => {
    const option = provinceChartOption(rows, 'accredited_pct', null, null, 'en') as { tooltip: { formatter: (p: { name?: string; value?: number | null }) => string }; series: Array<{ markLine?: unknown }> };
    const html = option.tooltip.formatter({ name: '<img src=x onerror=alert(1)>', value: 0 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src&#61;x onerror&#61;alert(1)&#62;');
    expect(option.series[0]!.markLine).toBeUndefined();
  });

  it('has no Indonesia line for the count of institutions', () => {
    expect(nationalMetric(OVERVIEW[0]!, 'institutions')).toBeNull();
    expect(nationalMetric(null, 'accredited_pct')).toBeNull();
  });
});

describe('institution table', () => {
  const columns = institutionColumns('id', ID);
  const cell = (r: InstitutionRow, key: string) => {
    const c = columns.find((x) => x.key === key)!;
    return c.render ? c.render(r) : String(c.value(r) ?? '–');
  };
  const [t004, t003, t002, t001] = INSTITUTIONS as [InstitutionRow, InstitutionRow, InstitutionRow, InstitutionRow];

  it('puts the kab/kota first (the button that opens its profile) and the name next', () => {
    expect(columns.map((c) => c.key)).toEqual(['regency', 'name', 'accreditation', 'licence', 'licence_expiry', 'children', 'caregivers', 'social_workers', 'last_inspection', 'findings']);
    expect(cell(t003, 'regency')).toBe('Kabupaten Bandung');
    expect(cell(t003, 'name')).toBe('LKSA Uji Cempaka');
  });

  it('says "withheld" for 1-4 children, in both languages, and sorts them last', () => {
    expect(cell(t003, 'children')).toBe('disembunyikan');
    expect(childrenText(t003, 'en')).toBe('withheld');
    expect(cell(t002, 'children')).toBe('25');
    expect(columns.find((c) => c.key === 'children')!.value(t003)).toBeNull();
  });

  it('writes grades, licences, dates and findings as text', () => {
    expect(cell(t001, 'accreditation')).toBe('A');
    expect(cell(t004, 'accreditation')).toBe('Belum terakreditasi');
    expect(cell(t001, 'licence')).toBe('Izin berlaku');
    expect(licenceText(t002, EN, 'en')).toBe('Licence valid (past its expiry date)');
    expect(cell(t002, 'licence')).toBe('Izin berlaku (lewat tanggal berakhir)');
    expect(cell(t003, 'licence_expiry')).toBe('31 Jan 2023');
    expect(cell(t004, 'licence_expiry')).toBe('–');
    expect(cell(t003, 'last_inspection')).toBe('tidak tercatat');
    expect(cell(t001, 'last_inspection')).toBe('1 Mar 2025');
    expect(cell(t003, 'findings')).toBe('Beroperasi tanpa izin; Rencana pengasuhan tidak ada');
    expect(findingsText(t004, EN, 'en')).toBe('Risk of child exploitation; Risk of trafficking');
    expect(cell(t001, 'findings')).toBe('tidak ada');
  });

  it('sorts grades A, B, C, not accredited and valid licences before lapsed ones', () => {
    const grade = columns.find((c) => c.key === 'accreditation')!;
    expect([t004, t003, t002, t001].map((r) => grade.value(r))).toEqual([3, 2, 1, 0]);
    const lic = columns.find((c) => c.key === 'licence')!;
    expect([t001, t002, t003, t004].map((r) => lic.value(r))).toEqual([0, 1, 2, 6]);
  });

  it('keeps institution names as they are (text, never parsed)', () => {
    const [row] = toInstitutionRows([{ ...T001, name: '<img src=x onerror=alert(1)><b>Panti</b> & "Co"' }]);
    expect(cell(row!, 'name')).toBe('<img src=x onerror=alert(1)><b>Panti</b> & "Co"');
  });

  it('formats dates in both languages', () => {
    expect(shortDate('en', '2025-03-01')).toBe('1 Mar 2025');
    expect(shortDate('id', null)).toBeNull();
    expect(shortDate('id', 'not a date')).toBeNull();
  });
});

describe('map', () => {
  it('makes one point per institution with coordinates and counts the others', () => {
    const { points, withoutCoordinates } = institutionPoints(INSTITUTIONS);
    expect(withoutCoordinates).toBe(1); // T-003
    expect(points.features.map((f) => f.properties.id)).toEqual(['LKSA-T-004', 'LKSA-T-002', 'LKSA-T-001']);
    expect(points.features[0]).toMatchObject({ geometry: { type: 'Point', coordinates: [97.44, 3.16] }, properties: { accreditation: 'belum', colour: ACCREDITATION_COLOURS.belum } });
    expect(institutionPoints(toInstitutionRows([{ ...T001, lat: 95, lng: 10 }])).withoutCoordinates).toBe(1);
  });

  it('finds the bounding box of a geometry', () => {
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[[[95, 2], [98, 2], [98, 6], [95, 2]]], [[[96, 1], [97, 1], [97, 1.5], [96, 1]]]] })).toEqual([95, 1, 98, 6]);
    expect(bboxOf({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [100, -3] }] })).toEqual([100, -3, 100, -3]);
    expect(bboxOf(null)).toBeNull();
  });

  it('fills placeholders in texts', () => {
    expect(fill(TEXT.mapNoCoordinates.en, { n: 3 })).toBe('3 institutions without coordinates are not shown on the map.');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
