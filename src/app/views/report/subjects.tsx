// The report's subject sections: violence (trends, types), LKSA (registry, accreditation) and KLA (history, counts).
import { useMemo } from 'react';
import { indicator as indicatorOf } from '../../../domain/indicators.ts';
import { yearsOf } from '../../../domain/indicators/rows.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { t } from '../../i18n.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { klaCategoryOption, klaClusterOption, trendOption, type TrendLine } from '../../region/charts.ts';
import { trendSeries, type IndicatorRow } from '../../region/model.ts';
import { cellText, shortDate, spreadText, standingText } from '../../region/present.ts';
import { klaCategoryTable, klaHistory, lksaSummary } from '../../region/sections.ts';
import { countBarsOption } from './charts.ts';
import { SUBJECT_NAME, subjectSummaries, type ReportSubject } from './model.ts';
import { IndicatorTableHead, KlaCountsTable, KlaHistoryTable } from '../../region/tables.tsx';
import { tx } from './text.ts';
import { useReady, type DocContext, Section, ReportChart, Failed } from './parts.tsx';

// ---- Indicator tables ----

function IndicatorTable({ ctx, subject }: { ctx: DocContext; subject: ReportSubject }) {
  const { lang, region } = ctx;
  const items = subjectSummaries(subject, ctx.rowsOf, region, ctx.regions);
  const groups = items[0]?.summary.standings.map((s) => s.group) ?? [];
  const nameOf = (code: string) => ctx.byCode.get(code)?.name ?? code;
  const caption = tx(lang, 'indicatorsOf', { subject: tx(lang, SUBJECT_NAME[subject]), region: region.name });
  return (
    <table className="data-table report-table report-indicators" data-subject={subject}>
      <caption>{caption}</caption>
      <IndicatorTableHead lang={lang} level={region.level} groups={groups} spread={tx(lang, 'colSpread')} />
      <tbody>
        {items.map(({ indicator, summary }) => (
          <tr key={indicator.id} data-indicator={indicator.id}>
            <th scope="row">{indicator.title[lang]} <span className="report-unit">({indicator.unit[lang]})</span></th>
            <td>{summary.year ?? shortDate(lang, ctx.manifest.reference_date)}</td>
            <td className="num report-value">{cellText(lang, indicator, summary.own)}</td>
            {region.level === 'national'
              ? <td>{spreadText(lang, indicator, summary.spread, nameOf)}</td>
              : summary.standings.map((s) => <td key={s.group.kind}>{standingText(lang, s.standing)}</td>)}
            {region.level !== 'national' && <td className="num">{summary.national ? cellText(lang, indicator, summary.national) : '–'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---- Violence ----

export function ViolenceSection({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const victims = ctx.rowsOf('violence-victims');
  const rate = ctx.rowsOf('violence-victim-rate');
  const national = ctx.byCode.get('00');
  const lines = (rows: readonly IndicatorRow[] | undefined): [TrendLine, TrendLine | null] | null => {
    if (!rows) return null;
    const years = yearsOf(rows);
    const own: TrendLine = { name: region.name, points: trendSeries(rows, region.code, years) };
    const nat = region.level === 'national' || !national ? null : { name: national.name, points: trendSeries(rows, national.code, years) };
    return [own, nat];
  };
  const victimsLines = useMemo(() => lines(victims), [victims]); // eslint-disable-line react-hooks/exhaustive-deps
  const rateLines = useMemo(() => lines(rate), [rate]); // eslint-disable-line react-hooks/exhaustive-deps
  const victimsOption = useMemo(() => (victimsLines ? trendOption(lang, indicatorOf('violence-victims'), victimsLines[0], victimsLines[1], true) : null), [lang, victimsLines]);
  const rateOption = useMemo(() => (rateLines ? trendOption(lang, indicatorOf('violence-victim-rate'), rateLines[0], rateLines[1], false) : null), [lang, rateLines]);
  const years = victims ? yearsOf(victims) : [];
  const latest = years[years.length - 1] ?? null;
  const from = years[0] ?? '';
  const to = latest ?? '';
  const trendLabel = tx(lang, region.level === 'national' ? 'trendLabelNational' : 'trendLabel', { region: region.name, from, to });
  const failed = ctx.loaded['violence-victims']?.status === 'error' ? ctx.loaded['violence-victims'] : null;
  return (
    <Section id="report-violence" title={tx(lang, 'subjectViolence')} className="report-subject">
      <IndicatorTable ctx={ctx} subject="violence" />
      {failed && <Failed lang={lang} error={failed.cause} />}
      {victimsOption && <ReportChart id="violence-trend" option={victimsOption} label={trendLabel} height={230} />}
      {rateOption && <ReportChart id="violence-rate-trend" option={rateOption} label={`${tx(lang, 'rateTrendHeading')}, ${region.name}, ${from}-${to}`} height={210} />}
      {latest !== null && <ByType ctx={ctx} year={latest} />}
    </Section>
  );
}

function ByType({ ctx, year }: { ctx: DocContext; year: number }) {
  const { lang, region } = ctx;
  const scope = region.level === 'regency' ? ctx.byCode.get(region.provinceCode ?? '') ?? null : region;
  const q = useQuery(scope ? 'violence/by_type' : null, { year, region: scope?.code ?? '00' });
  useReady('by-type', !scope || q.status !== 'loading');
  if (!scope) return null;
  return (
    <div className="report-block">
      <h4>{tx(lang, 'byTypeHeading', { region: scope.name, year })}</h4>
      {region.level === 'regency' && <p className="meta">{tx(lang, 'byTypeRegencyNote', { province: scope.name })}</p>}
      {q.status === 'error' ? <Failed lang={lang} error={q.cause} /> : (
        <table className="data-table report-table report-bytype">
          <caption className="sr-only">{tx(lang, 'byTypeHeading', { region: scope.name, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(lang, 'colType')}</th>
              <th scope="col" className="num">{tx(lang, 'colVictims')}</th>
              <th scope="col" className="num">{tx(lang, 'colCases')}</th>
              <th scope="col" className="num">{tx(lang, 'colShare')}</th>
            </tr>
          </thead>
          <tbody>
            {q.rows.map((r) => {
              const withheld = r.suppressed === true;
              const n = (v: unknown, d = 0) => (typeof v === 'number' ? formatNumber(lang, v, d) : withheld ? t(lang, 'suppressed') : '–');
              return (
                <tr key={String(r.code)} data-code={String(r.code)}>
                  <th scope="row">{String(lang === 'id' ? r.label_id : r.label_en)}</th>
                  <td className="num">{n(r.victims)}</td>
                  <td className="num">{n(r.cases)}</td>
                  <td className="num">{n(r.share_pct, 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="meta">{tx(lang, 'byTypeNote')}</p>
    </div>
  );
}

// ---- LKSA ----

export function LksaSection({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/lksa_summary', { region: region.code });
  const summary = useMemo(() => lksaSummary(q.rows), [q.rows]);
  const option = useMemo(
    () => (q.status === 'ready' && summary.total > 0 ? countBarsOption(lang, summary.accreditation.map((c) => ({ label: c.label[lang], value: c.institutions }))) : null),
    [lang, q.status, summary],
  );
  useReady('lksa-summary', q.status !== 'loading');
  const date = formatDate(lang, ctx.manifest.reference_date);
  const table = (caption: string, counts: typeof summary.accreditation, key: string) => (
    <table className="data-table report-table" data-lksa={key}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">{tx(lang, 'institutions')}</th>
          <th scope="col" className="num">{tx(lang, 'share')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.code} data-code={c.code}>
            <th scope="row">{c.label[lang]}</th>
            <td className="num">{formatNumber(lang, c.institutions)}</td>
            <td className="num">{summary.total > 0 ? formatNumber(lang, (100 * c.institutions) / summary.total, 1) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Section id="report-lksa" title={tx(lang, 'subjectLksa')} className="report-subject">
      <IndicatorTable ctx={ctx} subject="lksa" />
      {q.status === 'error' ? <Failed lang={lang} error={q.cause} /> : q.status === 'ready' && (
        <div className="report-block">
          <h4>{tx(lang, 'lksaCounts', { region: region.name })}</h4>
          <p className="report-lksa-total" data-lksa-total={summary.total}>{tx(lang, 'lksaTotal', { n: formatNumber(lang, summary.total), date })}</p>
          <div className="report-two">
            {table(tx(lang, 'accreditation'), summary.accreditation, 'accreditation')}
            {table(tx(lang, 'licence'), summary.licence, 'licence')}
          </div>
          {option && <ReportChart id="lksa-accreditation" option={option} label={tx(lang, 'lksaChart', { region: region.name })} height={190} />}
        </div>
      )}
    </Section>
  );
}

// ---- KLA ----

export function KlaSection({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  return (
    <Section id="report-kla" title={tx(lang, 'subjectKla')} className="report-subject">
      <IndicatorTable ctx={ctx} subject="kla" />
      {region.level === 'regency' ? <KlaHistory ctx={ctx} /> : <KlaCounts ctx={ctx} />}
    </Section>
  );
}

function KlaHistory({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/kla_history', { region: region.code });
  const history = useMemo(() => klaHistory(q.rows), [q.rows]);
  const latest = history[history.length - 1];
  const option = useMemo(() => (q.status === 'ready' && latest ? klaClusterOption(lang, latest.clusters) : null), [lang, q.status, latest]);
  useReady('kla', q.status !== 'loading');
  if (q.status === 'error') return <Failed lang={lang} error={q.cause} />;
  if (q.status === 'loading') return null;
  const caption = tx(lang, 'klaHistory', { region: region.name });
  return (
    <div className="report-block">
      <h4>{caption}</h4>
      {history.length === 0 ? <p className="meta">{tx(lang, 'klaNever')}</p> : (
        <KlaHistoryTable lang={lang} history={history} caption={caption} className="report-table report-kla-history" captionClassName="sr-only" />
      )}
      {latest && option && <ReportChart id="kla-clusters" option={option} label={tx(lang, 'klaClusters', { year: latest.year, region: region.name })} height={240} />}
    </div>
  );
}

function KlaCounts({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/kla_categories', { region: region.code });
  const table = useMemo(() => klaCategoryTable(q.rows), [q.rows]);
  const option = useMemo(() => (q.status === 'ready' && table.years.length > 0 ? klaCategoryOption(lang, table.years, table.categories) : null), [lang, q.status, table]);
  useReady('kla', q.status !== 'loading');
  if (q.status === 'error') return <Failed lang={lang} error={q.cause} />;
  if (q.status === 'loading') return null;
  const caption = tx(lang, 'klaCounts', { region: region.name });
  return (
    <div className="report-block">
      <h4>{caption}</h4>
      <KlaCountsTable lang={lang} table={table} caption={caption} className="report-table report-kla-counts" captionClassName="sr-only" />
      {option && <ReportChart id="kla-categories" option={option} label={caption} height={230} />}
    </div>
  );
}
