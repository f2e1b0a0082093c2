import { useMemo, useState } from 'react';
import type { Lang } from '../../../state/url.ts';
import { useStore } from '../../../state/store.ts';
import { KLA_CATEGORIES } from '../../../domain/kla.ts';
import { after, useQuery } from '../../hooks/use-query.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatNumber, formatPercent } from '../../format.ts';
import { fill, t } from '../../i18n.ts';
import { ChartSection, sectionStatus } from '../../components/ChartSection.tsx';
import { pickYear } from '../../years.ts';
import { TEXT } from './text.ts';
import {
  NONE, categoriesFrom, categoriesOption, categoriesTable, clusterBarsOption, clusterNationalTable, clusterHeatmapOption, clusterTable,
  consecutivePairs, movementSummary, movementsTable, pickPair, sankeyOption, thresholdsText, toClusterRows,
  toMovements, toProvinceRows, type ProvinceRow,
} from './transform.ts';
import '../../components/subject.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';

/** The KLA page: categories per evaluation year, movements between two evaluations, cluster scores, province roll-up. */
export default function KlaView({ lang }: { lang: Lang }) {
  const chosenYear = useStore((s) => s.klaYear);
  const sort = useStore((s) => s.sort);
  const search = useStore((s) => s.search);
  const set = useStore((s) => s.set);
  const [pairTo, setPairTo] = useState<number | null>(null);

  const yearsQ = useQuery('kla_years');
  const years = useMemo(() => yearsQ.rows.map((r) => Number(r.year)).filter(Number.isFinite).sort((a, b) => a - b), [yearsQ.rows]);
  const year = pickYear(years, chosenYear);
  const pair = pickPair(years, pairTo ?? year);

  const categoriesQ = useQuery('kla/categories');
  // These wait for the evaluation years: if those failed, they show that failure.
  const summaryQ = after(yearsQ, useQuery(year === null ? null : 'kla/summary', { year: year ?? 0 }));
  const movesQ = after(yearsQ, useQuery(pair === null ? null : 'kla/movements', { year_a: pair?.[0] ?? 0, year_b: pair?.[1] ?? 0 }));
  const clustersQ = after(yearsQ, useQuery(year === null ? null : 'kla/clusters', { year: year ?? 0 }));
  const provincesQ = after(yearsQ, useQuery(year === null ? null : 'kla/provinces', { year: year ?? 0 }));

  const cats = useMemo(() => categoriesFrom(categoriesQ.rows, lang), [categoriesQ.rows, lang]);
  const catOpt = useMemo(() => categoriesOption(categoriesQ.rows, lang), [categoriesQ.rows, lang]);
  const moves = useMemo(() => toMovements(movesQ.rows), [movesQ.rows]);
  const sankey = useMemo(() => (pair ? sankeyOption(moves, cats, pair[0], pair[1], lang) : null), [moves, cats, pair?.[0], pair?.[1], lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const clusters = useMemo(() => toClusterRows(clustersQ.rows), [clustersQ.rows]);
  const national = clusters.find((c) => c.regionCode === '00');
  const byProvince = useMemo(() => clusters.filter((c) => c.regionCode !== '00'), [clusters]);
  const barsOpt = useMemo(() => clusterBarsOption(national, lang), [national, lang]);
  const heatOpt = useMemo(() => clusterHeatmapOption(byProvince, lang), [byProvince, lang]);
  const provinces = useMemo(() => toProvinceRows(provincesQ.rows), [provincesQ.rows]);
  const summary = summaryQ.rows[0];

  const columns = useMemo<Array<Column<ProvinceRow>>>(() => [
    { key: 'name', label: TEXT.province[lang], value: (r) => r.name },
    { key: 'evaluated', label: TEXT.evaluated[lang], value: (r) => r.evaluated, render: (r) => formatNumber(lang, r.evaluated), numeric: true },
    { key: 'awarded', label: TEXT.awarded[lang], value: (r) => r.awarded, render: (r) => formatNumber(lang, r.awarded), numeric: true },
    { key: 'awarded_pct', label: TEXT.awardedPct[lang], value: (r) => r.awardedPct, render: (r) => formatPercent(lang, r.awardedPct), numeric: true },
    { key: 'average_score', label: TEXT.averageScore[lang], value: (r) => r.averageScore, render: (r) => formatNumber(lang, r.averageScore, 1), numeric: true },
    ...['pratama', 'madya', 'nindya', 'utama', 'kla', NONE].map((code): Column<ProvinceRow> => {
      const c = cats.find((x) => x.code === code);
      return {
        key: `cat_${code}`,
        label: c ? c.label : code,
        value: (r) => r.counts[code] ?? 0,
        render: (r) => formatNumber(lang, r.counts[code] ?? 0),
        numeric: true,
      };
    }),
  ], [lang, cats]);

  const yearText = year === null ? '–' : String(year);
  const lowest = Math.min(...KLA_CATEGORIES.filter((c) => c.code !== NONE).map((c) => c.min));
  const catTitle = TEXT.categoriesTitle[lang];
  const moveTitle = pair ? fill(TEXT.movementsTitle[lang], { a: pair[0], b: pair[1] }) : fill(TEXT.movementsTitle[lang], { a: '–', b: '–' });
  const clusterTitle = fill(TEXT.clustersTitle[lang], { year: yearText });
  const counts = movementSummary(moves, cats);
  const pairs = consecutivePairs(years);

  return (
    <div className="subject-page kla-page">
      <h2>{TEXT.heading[lang]}</h2>
      <p className="lead">{fill(TEXT.intro[lang], { thresholds: thresholdsText(lang, cats), min: lowest })}</p>

      <form className="subject-controls" aria-label={TEXT.controls[lang]} onSubmit={(e) => e.preventDefault()}>
        <label>
          {TEXT.evaluationYear[lang]}{' '}
          <select value={year ?? ''} onChange={(e) => { set({ klaYear: Number(e.target.value) }); setPairTo(null); }}>
            {years.length === 0 && <option value="">–</option>}
            {[...years].reverse().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </form>

      <section aria-labelledby="kla-headline" className="subject-headline">
        <h3 id="kla-headline">{fill(TEXT.headline[lang], { year: yearText })}</h3>
        {summaryQ.status === 'error' && <LoadFailure lang={lang} error={summaryQ.cause} />}
        <div className="figures">
          <Figure id="evaluated" label={TEXT.evaluated[lang]} value={summary ? formatNumber(lang, summary.evaluated as number | null) : '…'} />
          <Figure id="awarded" label={TEXT.awarded[lang]} value={summary ? formatNumber(lang, summary.awarded as number | null) : '…'} />
          <Figure id="awarded-pct" label={TEXT.awardedPct[lang]} value={summary ? formatPercent(lang, summary.awarded_pct as number | null) : '…'} />
          <Figure id="average-score" label={TEXT.averageScore[lang]} value={summary ? formatNumber(lang, summary.average_score as number | null, 1) : '…'} />
          <Figure id="not-evaluated" label={TEXT.notEvaluatedCount[lang]} value={summary ? formatNumber(lang, summary.not_evaluated as number | null) : '…'} />
        </div>
      </section>

      <ChartSection
        lang={lang} id="kla-categories" title={catTitle} status={sectionStatus(categoriesQ)} error={categoriesQ.cause}
        notes={<p className="meta">{TEXT.categoriesNote[lang]}</p>}
        option={catOpt} chartLabel={fill(TEXT.chartLabel[lang], { title: catTitle })} height={380}
        table={categoriesTable(categoriesQ.rows, lang)}
      />

      <ChartSection
        lang={lang} id="kla-movements" title={moveTitle}
        status={movesQ.status === 'error' ? 'error' : pair === null ? 'empty' : sectionStatus(movesQ)} error={movesQ.cause} empty={TEXT.onlyOneYear[lang]}
        notes={pair && (
          <>
            <p className="meta">{fill(TEXT.movementsNote[lang], { a: pair[0], b: pair[1] })}</p>
            {movesQ.status === 'ready' && (
              <p className="movement-summary" data-summary="movements">
                {fill(TEXT.movementsSummary[lang], { up: formatNumber(lang, counts.up), same: formatNumber(lang, counts.same), down: formatNumber(lang, counts.down) })}
              </p>
            )}
          </>
        )}
        option={sankey} chartLabel={fill(TEXT.chartLabel[lang], { title: moveTitle })} height={440}
        table={pair ? movementsTable(moves, cats, pair[0], pair[1], lang) : null}
      >
        {pairs.length > 1 && pair && (
          <div className="subject-controls inline-controls">
            <label>
              {TEXT.pair[lang]}{' '}
              <select value={pair[1]} onChange={(e) => setPairTo(Number(e.target.value))}>
                {[...pairs].reverse().map(([a, b]) => <option key={b} value={b}>{`${a} → ${b}`}</option>)}
              </select>
            </label>
          </div>
        )}
      </ChartSection>

      <ChartSection
        lang={lang} id="kla-clusters" title={clusterTitle} status={sectionStatus(clustersQ)} error={clustersQ.cause}
        notes={<><p className="meta">{TEXT.clusterIntro[lang]}</p><h4 className="sub-title">{TEXT.clustersNational[lang]}</h4></>}
        option={barsOpt} chartLabel={fill(TEXT.chartLabel[lang], { title: `${clusterTitle}: ${TEXT.clustersNational[lang]}` })} height={320}
        table={clusterNationalTable(national, lang)}
      />
      {clustersQ.status === 'ready' && byProvince.length > 0 && (
        <ChartSection
          lang={lang} id="kla-clusters-province" title={`${clusterTitle}: ${TEXT.clustersByProvince[lang]}`} status="ready"
          option={heatOpt} chartLabel={fill(TEXT.chartLabel[lang], { title: `${clusterTitle}: ${TEXT.clustersByProvince[lang]}` })}
          height={Math.max(260, 80 + byProvince.length * 22)}
          table={clusterTable(clusters, lang, t(lang, 'indonesia'))}
        />
      )}

      <section className="subject-section" aria-labelledby="kla-provinces-title" data-section="kla-provinces">
        <h3 id="kla-provinces-title">{fill(TEXT.provincesTitle[lang], { year: yearText })}</h3>
        {provincesQ.status === 'loading' && <p role="status" className="meta">{t(lang, 'loading')}</p>}
        {provincesQ.status === 'error' && <LoadFailure lang={lang} error={provincesQ.cause} />}
        {provincesQ.status === 'ready' && (
          <div className="table-scroll">
            <DataTable
              lang={lang}
              caption={fill(TEXT.provincesTitle[lang], { year: yearText })}
              rows={provinces}
              columns={columns}
              rowKey={(r) => r.regionCode}
              sort={sort}
              onSort={(s) => set({ sort: s })}
              search={search}
              onSearch={(q) => set({ search: q }, { replace: true })}
            />
          </div>
        )}
      </section>
    </div>
  );
}

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="figure" data-figure={id}>
      <div className="figure-value">{value}</div>
      <div className="figure-label">{label}</div>
    </div>
  );
}
