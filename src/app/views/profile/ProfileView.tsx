import { t } from '../../i18n.ts';
import { useCallback, useEffect, useMemo } from 'react';
import { useStore } from '../../../state/store.ts';
import type { Lang } from '../../../state/url.ts';
import { formatNumber } from '../../format.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { IndicatorTable, KeyFigure, Trend, TREND_IDS, type PageContext } from './Indicators.tsx';
import { KlaCounts, KlaHistory } from './KlaSection.tsx';
import { LksaSection } from './LksaSection.tsx';
import { regionPath, toRegions, type RegionInfo } from '../../region/model.ts';
import { kindText } from '../../region/present.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { tx } from '../../region/text.ts';
import './profile.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';

/**
 * The region profile: Indonesia, a province or a kab/kota (state.region). Every indicator of the catalogue with a
 * value at the region's level, its rank among peers (or the provinces' spread on Indonesia's page) and Indonesia's
 * value; trends of the main violence indicators; KLA history; the region's LKSA.
 */
export default function ProfileView({ lang }: { lang: Lang }) {
  const code = useStore((s) => s.region);
  const year = useStore((s) => s.year);
  const set = useStore((s) => s.set);
  const snap = useSnapshot();
  const referenceDate = snap.status === 'ready' ? snap.snapshot.manifest.reference_date : null;
  const regionsQ = useQuery('profile/regions');
  const yearsQ = useQuery('years');
  const regions = useMemo(() => toRegions(regionsQ.rows), [regionsQ.rows]);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const years = useMemo(() => yearsQ.rows.map((r) => Number(r.year)).sort((a, b) => b - a), [yearsQ.rows]);
  const region = byCode.get(code);
  const onPick = useCallback((next: string) => set({ region: next }), [set]);
  const violenceYear = year !== null && years.includes(year) ? year : null;

  useEffect(() => {
    if (region) document.title = `${region.name} · ${tx(lang, 'pageTitle')} · Pantau Anak`;
  }, [region, lang]);

  const ctx = useMemo((): PageContext | null => (region ? { lang, region, regions, byCode, referenceDate, violenceYear, onPick } : null),
    [lang, region, regions, byCode, referenceDate, violenceYear, onPick]);

  if (regionsQ.status === 'error') return <LoadFailure lang={lang} error={regionsQ.cause} />;
  if (regions.length === 0) return <p role="status">{tx(lang, 'loading')}</p>;

  return (
    <div className="profile">
      {ctx && ctx.region.level !== 'national' ? <Breadcrumb ctx={ctx} /> : null}
      <div className="profile-head">
        <div>
          {ctx ? <RegionTitle ctx={ctx} /> : (
            <>
              <h2>{tx(lang, 'pageTitle')}</h2>
              <p role="alert" className="error">{tx(lang, 'unknownRegion', { code })}</p>
            </>
          )}
        </div>
        <RegionPicker lang={lang} regions={regions} onPick={onPick} />
      </div>
      {ctx && (
        <>
          <section aria-labelledby="profile-key">
            <h3 id="profile-key" className="sr-only">{tx(lang, 'keyFigures')}</h3>
            <div className="figures profile-figures">
              <KeyFigure ctx={ctx} id="violence-victims" label="victimsYear" />
              <KeyFigure ctx={ctx} id="violence-cases" label="casesYear" />
              <KeyFigure ctx={ctx} id="violence-victim-rate" label="rateYear" />
              <KeyFigure ctx={ctx} id="lksa-institutions" label="lksaRegistered" />
              {ctx.region.level === 'regency'
                ? <KeyFigure ctx={ctx} id="kla-category" label="klaLatest" />
                : <KeyFigure ctx={ctx} id="kla-average-score" label="klaAverageLatest" />}
            </div>
            <p className="meta profile-rank-rule">{t(lang, 'rankRule')}</p>
          </section>

          <section aria-labelledby="profile-violence" className="profile-subject">
            <div className="profile-subject-head">
              <h3 id="profile-violence">{tx(lang, 'subjectViolence')}</h3>
              {years.length > 0 && (
                <label className="profile-year">
                  {tx(lang, 'violenceYear')}{' '}
                  <select
                    value={violenceYear ?? years[0]}
                    onChange={(e) => { const y = Number(e.target.value); set({ year: y === years[0] ? null : y }); }}
                  >
                    {years.map((y, i) => <option key={y} value={y}>{i === 0 ? tx(lang, 'latest', { year: y }) : y}</option>)}
                  </select>
                </label>
              )}
            </div>
            <IndicatorTable ctx={ctx} subject="violence" />
            <h4>{tx(lang, 'trends')}</h4>
            <div className="profile-trends">
              {TREND_IDS.map((id) => <Trend key={id} ctx={ctx} id={id} />)}
            </div>
          </section>

          <section aria-labelledby="profile-lksa" className="profile-subject">
            <h3 id="profile-lksa">{tx(lang, 'subjectLksa')}</h3>
            <IndicatorTable ctx={ctx} subject="lksa" />
            <LksaSection key={ctx.region.code} ctx={ctx} />
          </section>

          <section aria-labelledby="profile-kla" className="profile-subject">
            <h3 id="profile-kla">{tx(lang, 'subjectKla')}</h3>
            <IndicatorTable ctx={ctx} subject="kla" />
            <h4>{ctx.region.level === 'regency' ? tx(lang, 'klaHistory') : tx(lang, 'klaCounts')}</h4>
            {ctx.region.level === 'regency' ? <KlaHistory key={ctx.region.code} ctx={ctx} /> : <KlaCounts key={ctx.region.code} ctx={ctx} />}
          </section>

          <ChildRegions ctx={ctx} />
        </>
      )}
    </div>
  );
}

function Breadcrumb({ ctx }: { ctx: PageContext }) {
  const path = regionPath(ctx.region, ctx.byCode);
  return (
    <nav aria-label={tx(ctx.lang, 'breadcrumb')} className="profile-breadcrumb">
      <ol>
        {path.map((r, i) => (
          <li key={r.code}>
            {i < path.length - 1
              ? <button type="button" className="link" onClick={() => ctx.onPick(r.code)}>{r.name}</button>
              : <span aria-current="page">{r.name}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function RegionTitle({ ctx }: { ctx: PageContext }) {
  const { lang, region } = ctx;
  const kind = kindText(lang, region.level, region.regencyType);
  return (
    <>
      <h2 className="profile-title" data-region={region.code}>{region.name}</h2>
      <p className="profile-kind">
        {region.level === 'regency' && region.provinceName ? tx(lang, 'inProvince', { kind, province: region.provinceName }) : kind}
        {' · '}{region.code}
      </p>
      <dl className="profile-population">
        <div><dt>{tx(lang, 'population')}</dt><dd>{formatNumber(lang, region.population)}</dd></div>
        <div><dt>{tx(lang, 'childPopulation')}</dt><dd>{formatNumber(lang, region.childPopulation)}</dd></div>
      </dl>
    </>
  );
}

/** Quick links one level down: Indonesia's provinces, a province's kab/kota. */
function ChildRegions({ ctx }: { ctx: PageContext }) {
  const { lang, region, regions } = ctx;
  const children: RegionInfo[] = region.level === 'national' ? regions.filter((r) => r.level === 'province')
    : region.level === 'province' ? regions.filter((r) => r.level === 'regency' && r.provinceCode === region.code) : [];
  if (children.length === 0) return null;
  const title = region.level === 'national' ? tx(lang, 'childProvinces') : tx(lang, 'childRegencies', { region: region.name });
  return (
    <section aria-labelledby="profile-children" className="profile-children">
      <h3 id="profile-children">{title}</h3>
      <ul>
        {children.map((r) => (
          <li key={r.code}><button type="button" className="link" onClick={() => ctx.onPick(r.code)}>{r.name}</button></li>
        ))}
      </ul>
    </section>
  );
}
