import { useMemo } from 'react';
import { INDICATORS, indicator as indicatorOf, indicatorsOf, type Indicator, type IndicatorId } from '../../../domain/indicators.ts';
import { yearsOf } from '../../../domain/indicators/rows.ts';
import type { Label } from '../../../domain/label.ts';
import type { Lang } from '../../../state/url.ts';
import { Chart } from '../../components/Chart.tsx';
import { Figure } from '../../components/Figure.tsx';
import { useIndicator } from '../../hooks/use-indicator.ts';
import { gapYears, trendOption, type TrendLine } from '../../region/charts.ts';
import { hasLevel, peerGroups, sharedCaveats, summarise, trendSeries, type IndicatorRow, type RegionInfo } from '../../region/model.ts';
import { cellText, shortDate, spreadText, standingText } from '../../region/present.ts';
import { IndicatorTableHead } from '../../region/tables.tsx';
import { tx, type TextKey } from '../../region/text.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';

export interface PageContext {
  lang: Lang;
  region: RegionInfo;
  regions: readonly RegionInfo[];
  byCode: ReadonlyMap<string, RegionInfo>;
  /** The snapshot's reference date (ISO), the "year" of the LKSA registry. */
  referenceDate: string | null;
  /** The violence year picked on the page; null = each indicator's latest. */
  violenceYear: number | null;
  onPick: (code: string) => void;
}

const NO_ROWS: readonly IndicatorRow[] = [];

/**
 * Every row of an indicator (all years and levels: the page ranks, compares and draws trends from them), through the
 * one indicator path; the page's parts asking for the same indicator share one cached query.
 */
function useIndicatorRows(indicator: Indicator): { status: string; error: unknown; rows: readonly IndicatorRow[] } {
  const q = useIndicator(indicator);
  return { status: q.status, error: q.cause, rows: q.status === 'ready' ? q.result!.rows : NO_ROWS };
}

// ---- Key figures ----

/** One key figure: an indicator's value for the region, its year in the label. */
export function KeyFigure({ ctx, id, label }: { ctx: PageContext; id: IndicatorId; label: TextKey }) {
  const indicator = indicatorOf(id);
  const { status, error, rows } = useIndicatorRows(indicator);
  const summary = useMemo(
    () => (status === 'ready' ? summarise(indicator, rows, ctx.region, ctx.regions, ctx.violenceYear) : null),
    [status, indicator, rows, ctx.region, ctx.regions, ctx.violenceYear],
  );
  if (status === 'ready' && !summary) return null;
  const value = status === 'error' ? <LoadFailure lang={ctx.lang} error={error} />
    : summary ? cellText(ctx.lang, indicator, summary.own) : tx(ctx.lang, 'loading');
  return (
    <div className="figure" data-figure={id} aria-busy={status === 'loading'}>
      <div className="figure-value">{value}</div>
      <div className="figure-label">{tx(ctx.lang, label, { year: summary?.year ?? '' })}</div>
    </div>
  );
}

// ---- Indicator tables ----

const SUBJECT_TITLE: Record<Indicator['subject'], TextKey> = { violence: 'subjectViolence', lksa: 'subjectLksa', kla: 'subjectKla' };
const BETTER: Record<Indicator['better'], TextKey> = { higher: 'higherBetter', lower: 'lowerBetter', neutral: 'neutral' };

/** The caveats every indicator of a subject carries: shown once, visibly, above its table. */
export const subjectCaveats = (subject: Indicator['subject']): Label[] => sharedCaveats(indicatorsOf(subject).map((i) => i.caveats));

/** A subject's indicators at the region's level: value, ranks among peers (or the provinces' spread) and Indonesia. */
export function IndicatorTable({ ctx, subject }: { ctx: PageContext; subject: Indicator['subject'] }) {
  const { lang, region } = ctx;
  const groups = useMemo(() => peerGroups(region, ctx.regions), [region, ctx.regions]);
  const shared = subjectCaveats(subject);
  const subjectName = tx(lang, SUBJECT_TITLE[subject]);
  return (
    <div className="profile-indicators">
      {shared.length > 0 && (
        <ul className="caveat profile-caveats" aria-label={tx(lang, 'notes')}>
          {shared.map((c) => <li key={c.en}>{c[lang]}</li>)}
        </ul>
      )}
      <div className="profile-table-scroll" role="region" tabIndex={0} aria-label={tx(lang, 'indicatorsOf', { subject: subjectName })}>
        <table className="data-table profile-table" data-subject={subject}>
          <caption>{tx(lang, 'indicatorsOf', { subject: subjectName })} · {region.name}</caption>
          <IndicatorTableHead lang={lang} level={region.level} groups={groups} />
          <tbody>
            {INDICATORS.filter((i) => i.subject === subject).map((i) => (
              <IndicatorRowView key={i.id} ctx={ctx} indicator={i} shared={shared} columns={3 + Math.max(groups.length, 1) + (region.level === 'national' ? 0 : 1)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function IndicatorRowView({ ctx, indicator, shared, columns }: { ctx: PageContext; indicator: Indicator; shared: Label[]; columns: number }) {
  const { lang, region } = ctx;
  const { status, error, rows } = useIndicatorRows(indicator);
  const summary = useMemo(
    () => (status === 'ready' ? summarise(indicator, rows, region, ctx.regions, ctx.violenceYear) : null),
    [status, indicator, rows, region, ctx.regions, ctx.violenceYear],
  );
  if (status === 'ready' && !summary) return null; // no value at this region's level
  const own = indicator.caveats.filter((c) => !shared.some((s) => s.en === c.en));
  const title = (
    <th scope="row" className="profile-indicator">
      <span className="profile-indicator-title">{indicator.title[lang]}</span>
      <span className="profile-unit"> ({indicator.unit[lang]})</span>
      <details>
        <summary>{tx(lang, 'notes')}</summary>
        <p>{indicator.definition[lang]} <em>{tx(lang, BETTER[indicator.better])}.</em></p>
        {own.length > 0 && <ul>{own.map((c) => <li key={c.en}>{c[lang]}</li>)}</ul>}
      </details>
    </th>
  );
  if (!summary) {
    return (
      <tr data-indicator={indicator.id} aria-busy={status === 'loading'}>
        {title}
        <td colSpan={columns - 1} className={status === 'error' ? 'error' : 'meta'}>
          {status === 'error' ? <LoadFailure lang={lang} error={error} /> : tx(lang, 'loading')}
        </td>
      </tr>
    );
  }
  const nameOf = (code: string) => ctx.byCode.get(code)?.name ?? code;
  return (
    <tr data-indicator={indicator.id}>
      {title}
      <td className="profile-year-cell">{summary.year ?? (ctx.referenceDate ? shortDate(lang, ctx.referenceDate) : tx(lang, 'noYear'))}</td>
      <td className={`num profile-value${summary.own.value === null ? ' profile-novalue' : ''}`} data-value>
        {cellText(lang, indicator, summary.own)}
      </td>
      {region.level === 'national'
        ? <td>{spreadText(lang, indicator, summary.spread, nameOf)}</td>
        : summary.standings.map((s) => (
          <td key={s.group.kind} data-rank={s.group.kind} className={s.standing.kind === 'ranked' ? undefined : 'meta'}>
            {standingText(lang, s.standing)}
          </td>
        ))}
      {region.level !== 'national' && <td className="num">{summary.national ? cellText(lang, indicator, summary.national) : '–'}</td>}
    </tr>
  );
}

// ---- Trends ----

/** The main violence indicators drawn over the years. */
export const TREND_IDS = ['violence-victims', 'violence-victim-rate', 'violence-sexual-share'] as const;

export function Trend({ ctx, id }: { ctx: PageContext; id: IndicatorId }) {
  const { lang, region } = ctx;
  const indicator = indicatorOf(id);
  const { status, error, rows } = useIndicatorRows(indicator);
  const national = ctx.byCode.get('00');
  const lines = useMemo((): TrendLine[] | null => {
    if (status !== 'ready' || !hasLevel(rows, region.level)) return null;
    const years = yearsOf(rows);
    const own: TrendLine = { name: region.name, points: trendSeries(rows, region.code, years) };
    if (region.level === 'national' || !national) return [own];
    return [own, { name: national.name, points: trendSeries(rows, national.code, years) }];
  }, [status, rows, region, national]);
  const option = useMemo(
    () => (lines ? trendOption(lang, indicator, lines[0]!, lines[1] ?? null, indicator.format === 'count') : null),
    [lang, indicator, lines],
  );
  if (status === 'error') return <LoadFailure lang={lang} error={error} />;
  if (status !== 'ready') return <p className="meta" aria-busy="true">{tx(lang, 'loading')}</p>;
  if (!lines || !option) {
    const province = region.provinceCode ? ctx.byCode.get(region.provinceCode) : undefined;
    if (id !== 'violence-sexual-share' || !province) return null;
    return (
      <p className="meta profile-trend-note">
        {tx(lang, 'sexualShareLevel')}{' '}
        <button type="button" className="link" onClick={() => ctx.onPick(province.code)}>{province.name}</button>
      </p>
    );
  }
  const points = lines[0]!.points;
  const label = tx(lang, region.level === 'national' ? 'trendLabelNational' : 'trendLabel', {
    indicator: indicator.title[lang], region: region.name, from: points[0]?.year ?? '', to: points[points.length - 1]?.year ?? '',
  });
  const gaps = gapYears(lines);
  return (
    <Figure id={`profile-trend-${id}`} title={indicator.title[lang]} subtitle={`${region.name}, ${points[0]?.year ?? ''}–${points[points.length - 1]?.year ?? ''}`}
      lang={lang} kind="chart" className="profile-trend" data={{ 'data-trend': id }}>
      <Chart option={option} label={label} height={260} />
      {gaps.length > 0 && <p className="meta">{tx(lang, 'trendGaps', { years: gaps.join(', ') })}</p>}
    </Figure>
  );
}
