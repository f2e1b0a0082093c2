import { useMemo } from 'react';
import { provinceOfRegion, type Lang } from '../../../state/url.ts';
import { useStore } from '../../../state/store.ts';
import { after, useQuery } from '../../hooks/use-query.ts';
import { formatNumber } from '../../format.ts';
import { t } from '../../i18n.ts';
import { ChartSection, SECTION_TEXT, sectionStatus } from '../../components/ChartSection.tsx';
import { pickYear } from '../../years.ts';
import { TEXT, fill } from './text.ts';
import {
  ANY_SERVICE, SOCIAL_PROTECTION, barsOption, byValue, cellsTable, countText, orderServices, sexAgeOption,
  sexAgeTable, toCells, toSexAgeCells, toTrend, trendOption, trendTable, typeOption, withheldLabels, withheldNote,
} from './transform.ts';
import '../../components/subject.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';

/** The violence page: headline, breakdowns and trend for Indonesia or one province in one year. */
export default function ViolenceView({ lang }: { lang: Lang }) {
  // The chosen region's province (this page shows Indonesia or a province; a kab/kota is shown as its province).
  const region = useStore((s) => provinceOfRegion(s.region)) ?? '00';
  const chosenYear = useStore((s) => s.year);
  const set = useStore((s) => s.set);

  const regionsQ = useQuery('violence/regions');
  const yearsQ = useQuery('years');
  const years = useMemo(() => yearsQ.rows.map((r) => Number(r.year)).filter(Number.isFinite).sort((a, b) => a - b), [yearsQ.rows]);
  const year = pickYear(years, chosenYear);
  const params = { year: year ?? 0, region };
  const ready = year !== null;

  const trendQ = useQuery('violence/trend', { region });
  // These wait for the years: if those failed, they show that failure.
  const typeQ = after(yearsQ, useQuery(ready ? 'violence/by_type' : null, params));
  const sexAgeQ = after(yearsQ, useQuery(ready ? 'violence/by_sex_age' : null, params));
  const placeQ = after(yearsQ, useQuery(ready ? 'violence/by_category' : null, { ...params, breakdown: 'place' }));
  const perpQ = after(yearsQ, useQuery(ready ? 'violence/by_category' : null, { ...params, breakdown: 'perpetrator' }));
  const serviceQ = after(yearsQ, useQuery(ready ? 'violence/by_category' : null, { ...params, breakdown: 'service' }));

  const regionName = region === '00'
    ? t(lang, 'indonesia')
    : String(regionsQ.rows.find((r) => r.region_code === region)?.name ?? region);
  const yearText = year === null ? '–' : String(year);

  const trend = useMemo(() => toTrend(trendQ.rows), [trendQ.rows]);
  const current = trend.find((p) => p.year === year) ?? null;
  const types = useMemo(() => toCells(typeQ.rows, lang), [typeQ.rows, lang]);
  const sexAge = useMemo(() => toSexAgeCells(sexAgeQ.rows, lang), [sexAgeQ.rows, lang]);
  const places = useMemo(() => byValue(toCells(placeQ.rows, lang)), [placeQ.rows, lang]);
  const perpetrators = useMemo(() => byValue(toCells(perpQ.rows, lang)), [perpQ.rows, lang]);
  const services = useMemo(() => orderServices(toCells(serviceQ.rows, lang)), [serviceQ.rows, lang]);

  const typeOpt = useMemo(() => typeOption(types, lang), [types, lang]);
  const sexAgeOpt = useMemo(() => sexAgeOption(sexAge, lang), [sexAge, lang]);
  const placeOpt = useMemo(() => barsOption(places, lang, 'victims'), [places, lang]);
  const perpOpt = useMemo(() => barsOption(perpetrators, lang, 'victims'), [perpetrators, lang]);
  const serviceOpt = useMemo(() => barsOption(services, lang, 'share', [ANY_SERVICE, SOCIAL_PROTECTION]), [services, lang]);
  const trendOpt = useMemo(() => trendOption(trend, lang, year), [trend, lang, year]);

  const label = (title: string) => fill(TEXT.chartLabel[lang], { title, region: regionName, year: yearText });
  const empty = region === '00' ? SECTION_TEXT.noData[lang] : TEXT.notPublished[lang];
  const typesTotal = typeQ.rows[0]?.victims_all_types;
  const first = trend[0]?.year;
  const last = trend[trend.length - 1]?.year;
  const trendTitle = fill(TEXT.trend[lang], { first: first ?? '', last: last ?? '', region: regionName });

  return (
    <div className="subject-page violence-page">
      <h2>{TEXT.heading[lang]}</h2>
      <p className="lead">{TEXT.intro[lang]}</p>

      <form className="subject-controls" aria-label={TEXT.controls[lang]} onSubmit={(e) => e.preventDefault()}>
        <label>
          {TEXT.region[lang]}{' '}
          <select value={region} onChange={(e) => set({ region: e.target.value })}>
            {regionsQ.rows.length === 0 && <option value={region}>{regionName}</option>}
            {regionsQ.rows.map((r) => (
              <option key={String(r.region_code)} value={String(r.region_code)}>
                {r.region_code === '00' ? t(lang, 'indonesia') : String(r.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {TEXT.year[lang]}{' '}
          <select value={year ?? ''} onChange={(e) => set({ year: Number(e.target.value) })}>
            {years.length === 0 && <option value="">–</option>}
            {[...years].reverse().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </form>

      <section aria-labelledby="violence-headline" className="subject-headline">
        <h3 id="violence-headline">{fill(TEXT.headline[lang], { region: regionName, year: yearText })}</h3>
        {trendQ.status === 'error' && <LoadFailure lang={lang} error={trendQ.cause} />}
        <div className="figures">
          <Figure id="victims" label={t(lang, 'victims')} value={current ? countText(lang, current.victims, current.suppressed) : '…'} />
          <Figure id="cases" label={t(lang, 'cases')} value={current ? countText(lang, current.cases, current.suppressed) : '…'} />
          <Figure id="victims-per-case" label={TEXT.victimsPerCase[lang]} value={current ? (current.victimsPerCase === null ? countText(lang, null, current.suppressed) : formatNumber(lang, current.victimsPerCase, 2)) : '…'} />
        </div>
        {current?.suppressed && <p className="meta">{t(lang, 'suppressedExplained')}</p>}
        <div className="explainer">
          <h4>{TEXT.casesVsVictimsTitle[lang]}</h4>
          <p>
            {TEXT.casesVsVictims[lang]}
            {typeof typesTotal === 'number' && current?.victims != null && (
              <> {fill(TEXT.typesAddUp[lang], { sum: formatNumber(lang, typesTotal), victims: formatNumber(lang, current.victims) })}</>
            )}
          </p>
          <p className="caveat">{t(lang, 'reportingCaveat')}</p>
        </div>
      </section>

      <ChartSection
        lang={lang} id="violence-type" title={TEXT.byType[lang]} status={sectionStatus(typeQ)} error={typeQ.cause} empty={empty}
        notes={<p className="meta">{TEXT.byTypeNote[lang]}</p>}
        option={typeOpt} chartLabel={label(TEXT.byType[lang])} height={340}
        withheld={withheldNote(lang, withheldLabels(types))}
        table={cellsTable(lang, types, TEXT.typeColumn[lang], ['victims', 'cases', 'share'])}
      />

      <div className="subject-grid">
        <ChartSection
          lang={lang} id="violence-sex-age" title={TEXT.bySexAge[lang]} status={sectionStatus(sexAgeQ)} error={sexAgeQ.cause} empty={empty}
          option={sexAgeOpt} chartLabel={label(TEXT.bySexAge[lang])} height={300}
          withheld={withheldNote(lang, sexAge.filter((c) => c.suppressed).map((c) => `${c.sexLabel} ${c.ageLabel}`))}
          table={sexAgeTable(lang, sexAge)}
        />
        <ChartSection
          lang={lang} id="violence-place" title={TEXT.byPlace[lang]} status={sectionStatus(placeQ)} error={placeQ.cause} empty={empty}
          option={placeOpt} chartLabel={label(TEXT.byPlace[lang])} height={300}
          withheld={withheldNote(lang, withheldLabels(places))}
          table={cellsTable(lang, places, TEXT.place[lang], ['victims', 'share'])}
        />
      </div>

      <div className="subject-grid">
        <ChartSection
          lang={lang} id="violence-perpetrator" title={TEXT.byPerpetrator[lang]} status={sectionStatus(perpQ)} error={perpQ.cause} empty={empty}
          option={perpOpt} chartLabel={label(TEXT.byPerpetrator[lang])} height={360}
          withheld={withheldNote(lang, withheldLabels(perpetrators))}
          table={cellsTable(lang, perpetrators, TEXT.perpetrator[lang], ['victims', 'share'])}
        />
        <ChartSection
          lang={lang} id="violence-service" title={TEXT.byService[lang]} status={sectionStatus(serviceQ)} error={serviceQ.cause} empty={empty}
          notes={<p className="meta">{TEXT.byServiceNote[lang]}</p>}
          option={serviceOpt} chartLabel={label(TEXT.byService[lang])} height={560}
          withheld={withheldNote(lang, withheldLabels(services))}
          table={cellsTable(lang, services, TEXT.service[lang], ['victims', 'share'])}
        />
      </div>

      <ChartSection
        lang={lang} id="violence-trend" title={trendTitle} status={sectionStatus(trendQ)} error={trendQ.cause}
        option={trendOpt} chartLabel={trendTitle} height={300}
        withheld={withheldNote(lang, trend.filter((p) => p.suppressed).map((p) => String(p.year)))}
        table={trendTable(lang, trend)}
      />
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
