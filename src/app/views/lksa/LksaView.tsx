// The LKSA compliance page: overview of the scope (Indonesia or a province) with Indonesia for comparison, provinces
// compared, and the filtered institutions as a map and a table. Every number comes from queries/app/lksa/*.sql.
import { useMemo, useState, type ReactNode } from 'react';
import { useStore } from '../../../state/store.ts';
import { provinceOfRegion, type Lang } from '../../../state/url.ts';
import { useQuery, type QueryState } from '../../hooks/use-query.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { Chart } from '../../components/Chart.tsx';
import { Figure } from '../../components/Figure.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate, formatNumber, formatPercent } from '../../format.ts';
import { t } from '../../i18n.ts';
import { FINDING_CODES } from './findings.ts';
import { METRICS, TEXT, fill, type MetricKey } from './text.ts';
import { ACCREDITATION_CODES, LICENCE_CODES, activeFilters, institutionParams, scopeCode } from './filters.ts';
import { codeLabels, toCodeRows } from './codes.ts';
import { overviewFigures, overviewOf, ratioNote, toOverviewRows, type OverviewRow } from './overview.ts';
import { findingSegments, gradeSegments, licenceSegments, toBreakdownRows, type Segment } from './breakdowns.ts';
import {
  formatMetric, isMetric, METRIC_KEYS, metricValue, nationalMetric, provinceChartOption, sortProvinces, toProvinceRows,
} from './provinces.ts';
import { institutionColumns, toInstitutionRows, type InstitutionRow } from './institutions.ts';
import './lksa.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { lazyWithRetry } from '../../lazy-code.tsx';

const InstitutionMap = lazyWithRetry(() => import('./InstitutionMap.tsx'));

function Status({ lang, q, children }: { lang: Lang; q: QueryState; children: ReactNode }) {
  if (q.status === 'error') return <LoadFailure lang={lang} error={q.cause} />;
  if (q.status === 'loading' && q.rows.length === 0) return <p role="status" className="meta">{t(lang, 'loading')}</p>;
  return <>{children}</>;
}

export default function LksaView({ lang }: { lang: Lang }) {
  // The chosen region's province (this page shows Indonesia or a province; a kab/kota is shown as its province).
  const province = useStore((s) => provinceOfRegion(s.region));
  const accreditation = useStore((s) => s.accreditation);
  const licence = useStore((s) => s.licence);
  const finding = useStore((s) => s.finding);
  const search = useStore((s) => s.search);
  const sort = useStore((s) => s.sort);
  const set = useStore((s) => s.set);
  const snap = useSnapshot();
  const [metric, setMetric] = useState<MetricKey>('accredited_pct');

  const scope = scopeCode(province);
  const overviewQ = useQuery('lksa/overview', { province: scope });
  const breakdownQ = useQuery('lksa/breakdown', { province: scope });
  const provincesQ = useQuery('lksa/by_province');
  const codesQ = useQuery('lksa/codes');
  const filterState = { province, accreditation, licence, finding, search };
  const institutionsQ = useQuery('lksa/institutions', institutionParams(filterState));
  const filters = activeFilters(filterState);

  const labels = useMemo(() => codeLabels(toCodeRows(codesQ.rows), lang), [codesQ.rows, lang]);
  const provinces = useMemo(() => toProvinceRows(provincesQ.rows), [provincesQ.rows]);
  const overview = useMemo(() => overviewOf(toOverviewRows(overviewQ.rows), scope), [overviewQ.rows, scope]);
  const breakdown = useMemo(() => toBreakdownRows(breakdownQ.rows), [breakdownQ.rows]);
  const institutions = useMemo(() => toInstitutionRows(institutionsQ.rows), [institutionsQ.rows]);
  const columns = useMemo(() => institutionColumns(lang, labels), [lang, labels]);
  const grades = useMemo(() => gradeSegments(breakdown, scope, labels), [breakdown, scope, labels]);

  const scopeName = scope === '00' ? t(lang, 'indonesia') : (provinces.find((p) => p.region_code === scope)?.name ?? scope);
  const referenceDate = snap.status === 'ready' ? formatDate(lang, snap.snapshot.manifest.reference_date) : '…';

  return (
    <div className="lksa-view">
      <h2>{TEXT.heading[lang]}</h2>
      <p className="caveat">{fill(TEXT.intro[lang], { date: referenceDate })}</p>

      <div className="lksa-scope">
        <label>
          {TEXT.scope[lang]}{' '}
          <select value={province ?? ''} onChange={(e) => set({ region: e.target.value || '00' })}>
            <option value="">{TEXT.allIndonesia[lang]}</option>
            {[...provinces].sort((a, b) => a.region_code.localeCompare(b.region_code)).map((p) => (
              <option key={p.region_code} value={p.region_code}>{p.name}</option>
            ))}
          </select>
        </label>
      </div>

      <section aria-labelledby="lksa-overview-heading">
        <h3 id="lksa-overview-heading">{fill(TEXT.overview[lang], { scope: scopeName })}</h3>
        <Status lang={lang} q={overviewQ}>
          {overview.scope === null || overview.scope.institutions === 0
            ? <p className="meta">{TEXT.noInstitutions[lang]}</p>
            : <Overview lang={lang} scope={overview.scope} national={overview.national} />}
        </Status>
        {overview.scope !== null && overview.scope.institutions > 0 && (
          <Status lang={lang} q={breakdownQ}>
            <div className="lksa-breakdowns">
              <SegmentTable lang={lang} id="grade" title={TEXT.byGrade[lang]} segments={grades} scopeName={scopeName} compare={scope !== '00'} />
              <SegmentTable lang={lang} id="licence" title={TEXT.byLicence[lang]} scopeName={scopeName} compare={scope !== '00'}
                segments={licenceSegments(breakdown, { scope: overview.scope, national: overview.national }, labels, lang)}
                note={overview.scope.licence_lapsed > 0 ? fill(TEXT.licenceLapsed[lang], { n: formatNumber(lang, overview.scope.licence_lapsed) }) : TEXT.licenceValidNote[lang]} />
              <SegmentTable lang={lang} id="finding" title={TEXT.byFinding[lang]} scopeName={scopeName} compare={scope !== '00'}
                segments={findingSegments(breakdown, scope, labels)} note={TEXT.findingNote[lang]} bars />
            </div>
          </Status>
        )}
      </section>

      <section aria-labelledby="lksa-provinces-heading">
        <h3 id="lksa-provinces-heading">{TEXT.byProvince[lang]}</h3>
        <label className="lksa-metric">
          {TEXT.metric[lang]}{' '}
          <select value={metric} onChange={(e) => { if (isMetric(e.target.value)) setMetric(e.target.value); }}>
            {METRIC_KEYS.map((m) => <option key={m} value={m}>{METRICS[m][lang]}</option>)}
          </select>
        </label>
        <Status lang={lang} q={provincesQ}>
          <ProvinceChart lang={lang} metric={metric} national={overview.national} selected={province} rows={provinces} />
        </Status>
      </section>

      <section aria-labelledby="lksa-institutions-heading">
        <h3 id="lksa-institutions-heading">{TEXT.institutionsHeading[lang]}</h3>
        <fieldset className="lksa-filters">
          <legend>{TEXT.filters[lang]}</legend>
          <label>
            {TEXT.accreditation[lang]}{' '}
            <select name="accreditation" value={filters.accreditation ?? ''} onChange={(e) => set({ accreditation: e.target.value || null })}>
              <option value="">{TEXT.filterAll[lang]}</option>
              {ACCREDITATION_CODES.map((c) => <option key={c} value={c}>{labels.label('accreditation', c)}</option>)}
            </select>
          </label>
          <label>
            {TEXT.licence[lang]}{' '}
            <select name="licence" value={filters.licence ?? ''} onChange={(e) => set({ licence: e.target.value || null })}>
              <option value="">{TEXT.filterAll[lang]}</option>
              {LICENCE_CODES.map((c) => <option key={c} value={c}>{labels.label('licence_status', c)}</option>)}
            </select>
          </label>
          <label>
            {TEXT.finding[lang]}{' '}
            <select name="finding" value={filters.finding ?? ''} onChange={(e) => set({ finding: e.target.value || null })}>
              <option value="">{TEXT.filterAll[lang]}</option>
              {FINDING_CODES.map((c) => <option key={c} value={c}>{labels.label('lksa_finding', c)}</option>)}
            </select>
          </label>
          <button type="button" onClick={() => set({ accreditation: null, licence: null, finding: null, search: '' })}
            disabled={!filters.accreditation && !filters.licence && !filters.finding && !search}>
            {TEXT.clearFilters[lang]}
          </button>
        </fieldset>
        <Status lang={lang} q={institutionsQ}>
          <p className="meta" data-testid="lksa-matching" data-value={institutionsQ.status === 'ready' ? institutions.length : ''} aria-live="polite">
            {fill(TEXT.matching[lang], { n: formatNumber(lang, institutions.length) })}
          </p>
          <h4 className="lksa-subheading">{TEXT.mapHeading[lang]}</h4>
          <Figure id="lksa-institution-map" title={TEXT.mapHeading[lang]} subtitle={`${scopeName} · ${fill(TEXT.matching[lang], { n: formatNumber(lang, institutions.length) })}`}
            lang={lang} kind="map" showTitle={false} legend={grades.map((g) => ({ colour: g.colour, label: g.label }))}>
            <InstitutionMap lang={lang} rows={institutions} province={province} grades={grades}
              fallback={<p role="status" className="meta">{TEXT.loadingMap[lang]}</p>} />
          </Figure>
          <InstitutionTable lang={lang} rows={institutions} columns={columns} scopeName={scopeName}
            sort={sort} search={search} set={set} />
        </Status>
      </section>
    </div>
  );
}

function Overview({ lang, scope, national }: { lang: Lang; scope: OverviewRow; national: OverviewRow | null }) {
  const figures = overviewFigures(scope, national, lang);
  return (
    <>
    <div className="figures lksa-figures">
      {figures.map((f) => (
        <div key={f.key} className="figure" data-figure={f.key} data-value={f.value ?? ''}>
          <div className="figure-label">{f.label}</div>
          <div className="figure-value">{f.text}</div>
          {f.national && <div className="lksa-national">{f.national}</div>}
          {f.detail && <div className="lksa-detail">{f.detail}</div>}
        </div>
      ))}
    </div>
    <p className="caveat lksa-ratio-note">
      {ratioNote(scope, lang)}
    </p>
    </>
  );
}

/** A breakdown as a table (the numbers) with a stacked bar per area (the picture; hidden from screen readers). */
function SegmentTable({ lang, id, title, segments, scopeName, compare, note, bars }: {
  lang: Lang; id: string; title: string; segments: Segment[]; scopeName: string; compare: boolean; note?: string; bars?: boolean;
}) {
  // Inline bars (findings) are scaled to the largest share shown, so that small shares stay comparable.
  const max = Math.max(0, ...segments.map((s) => s.share ?? 0));
  const stack = (pick: (s: Segment) => number | null, label: string) => (
    <div className="lksa-stack-row" aria-hidden="true">
      <span className="lksa-stack-label" title={label}>{label}</span>
      <div className="lksa-stack">
        {segments.map((s) => {
          const v = pick(s) ?? 0;
          return v > 0 ? <span key={s.code} style={{ width: `${v}%`, background: s.colour }} title={`${s.label}: ${formatPercent(lang, v)}`} /> : null;
        })}
      </div>
    </div>
  );
  return (
    <div className={`lksa-breakdown lksa-breakdown-${id}`} data-breakdown={id}>
      <h4 className="lksa-subheading">{title}</h4>
      {!bars && stack((s) => s.share, scopeName)}
      {!bars && compare && stack((s) => s.nationalShare, t(lang, 'indonesia'))}
      <table className="lksa-segments">
        <thead>
          <tr>
            <th scope="col">{bars ? TEXT.findingKind[lang] : TEXT.category[lang]}</th>
            <th scope="col" className="num">{TEXT.count[lang]}</th>
            <th scope="col" className="num">{compare ? `% ${scopeName}` : TEXT.share[lang]}</th>
            {compare && <th scope="col" className="num">% {t(lang, 'indonesia')}</th>}
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s.code} data-code={s.code}>
              <th scope="row">
                {!bars && <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />} {s.label}
              </th>
              <td className="num" data-value={s.count}>{formatNumber(lang, s.count)}</td>
              <td className="num" data-value={s.share ?? ''}>
                {bars && <span className="lksa-inline-bar" aria-hidden="true"><span style={{ width: `${max > 0 ? (100 * (s.share ?? 0)) / max : 0}%` }} /></span>}
                {formatPercent(lang, s.share)}
              </td>
              {compare && <td className="num">{formatPercent(lang, s.nationalShare)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="meta">{note}</p>}
    </div>
  );
}

function ProvinceChart({ lang, metric, national, selected, rows }: {
  lang: Lang; metric: MetricKey; national: OverviewRow | null; selected: string | null; rows: ReturnType<typeof toProvinceRows>;
}) {
  const nat = nationalMetric(national, metric);
  const option = useMemo(() => provinceChartOption(rows, metric, selected, nat, lang), [rows, metric, selected, nat, lang]);
  const sorted = useMemo(() => sortProvinces(rows, metric, lang), [rows, metric, lang]);
  const label = fill(TEXT.provinceChartLabel[lang], { metric: METRICS[metric][lang] });
  return (
    <>
      <p className="meta">{TEXT.provinceChartHelp[lang]}</p>
      <Figure id="lksa-provinces" title={`${TEXT.byProvince[lang]}: ${METRICS[metric][lang]}`} lang={lang} kind="chart" showTitle={false}>
        <Chart option={option} label={label} height={Math.max(320, rows.length * 19 + 70)}
          onReady={(chart) => chart.on('click', (p) => {
            const code = (p.data as { code?: unknown } | undefined)?.code;
            if (typeof code === 'string') useStore.getState().set({ region: code });
          })} />
      </Figure>
      <details className="lksa-province-table">
        <summary>{TEXT.provinceTable[lang]}</summary>
        <table className="lksa-segments">
          <caption className="lksa-sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{TEXT.province[lang]}</th>
              {METRIC_KEYS.map((m) => <th key={m} scope="col" className="num">{METRICS[m][lang]}</th>)}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.region_code} aria-current={r.region_code === selected ? 'true' : undefined}>
                <th scope="row">{r.name}</th>
                {METRIC_KEYS.map((m) => <td key={m} className="num">{formatMetric(m, lang, metricValue(r, m))}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

function InstitutionTable({ lang, rows, columns, scopeName, sort, search, set }: {
  lang: Lang; rows: InstitutionRow[]; columns: ReturnType<typeof institutionColumns>; scopeName: string;
  sort: { column: string; dir: 'asc' | 'desc' } | null; search: string; set: ReturnType<typeof useStore.getState>['set'];
}) {
  const withheld = rows.some((r) => r.children_suppressed);
  return (
    <>
      {/* Wide on a phone: the table scrolls sideways inside its own focusable region. */}
      <div className="lksa-table-scroll" tabIndex={0} role="region" aria-label={fill(TEXT.tableCaption[lang], { scope: scopeName })}>
      <DataTable<InstitutionRow>
        lang={lang}
        caption={fill(TEXT.tableCaption[lang], { scope: scopeName })}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.lksa_id}
        sort={sort}
        onSort={(s) => set({ sort: s })}
        search={search}
        onSearch={(q) => set({ search: q }, { replace: true })}
        onRowClick={(r) => set({ view: 'profile', region: r.region_code })}
      />
      </div>
      <p className="meta">{TEXT.searchNote[lang]}</p>
      {withheld && <p className="meta">{TEXT.withheldNote[lang]}</p>}
    </>
  );
}
