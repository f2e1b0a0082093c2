import { useCallback, useEffect, useMemo, useState } from 'react';
import { indicator as indicatorOf, type IndicatorLevel } from '../../../domain/indicators.ts';
import { useIndicators } from '../../hooks/use-indicator.ts';
import type { Manifest } from '../../../db/snapshot.ts';
import { useStore } from '../../../state/store.ts';
import { SUBJECTS, type Lang, type Subject } from '../../../state/url.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { t } from '../../i18n.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { toRegions, type RegionInfo } from '../../region/model.ts';
import { shortDate } from '../../region/present.ts';
import { allDone, caveatsOf, citation, indicatorIdsOf, keyFigure, keyFigureIds, kindOf, klaThresholdLines, reportTitle, subjectsOf, subjectTitle, subRegionColumns, subRegionsOf, subRegionTable } from './model.ts';
import { ReportMap } from './ReportMap.tsx';
import { TEXT, tx } from './text.ts';
import { type Register, ReadyContext, useReady, type Loaded, type DocContext, Section, Failed } from './parts.tsx';
import { KlaSection, LksaSection, ViolenceSection } from './subjects.tsx';
import './report.css';

/**
 * The printable report: a region (Indonesia, a province or a kab/kota: state.region) and a subject (state.subject)
 * as an A4 document: title, snapshot facts, key figures with Indonesia's values, a static SVG map, charts (ECharts,
 * SVG renderer), tables, methodology, sources, a citation, and a watermark on every printed page when the snapshot
 * is synthetic. The root carries data-ready="true" once every query, the map and every chart are done.
 */
export default function ReportView({ lang }: { lang: Lang }) {
  const code = useStore((s) => s.region);
  const subject = useStore((s) => s.subject);
  const set = useStore((s) => s.set);
  const snap = useSnapshot();
  const manifest = snap.status === 'ready' ? snap.snapshot.manifest : null;
  const regionsQ = useQuery('profile/regions');
  const regions = useMemo(() => toRegions(regionsQ.rows), [regionsQ.rows]);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const region = byCode.get(code);

  useEffect(() => {
    if (region) document.title = `${reportTitle(lang, subject, region.name)} · Pantau Anak`;
  }, [region, lang, subject]);

  if (regionsQ.status === 'error') return <Failed lang={lang} error={regionsQ.cause} />;
  if (regions.length === 0 || !manifest) return <p role="status">{tx(lang, 'loading')}</p>;

  return (
    <div className="report-view">
      <Controls lang={lang} subject={subject} region={region ?? null} regions={regions} onChange={set} />
      {!region && <p role="alert" className="error">{tx(lang, 'unknownRegion', { code })}</p>}
      {region && (
        <ReportDocument
          key={`${region.code}|${subject}|${lang}`}
          lang={lang} subject={subject} region={region} regions={regions} byCode={byCode} manifest={manifest}
        />
      )}
    </div>
  );
}

// ---- Controls (screen only) ----

function Controls({ lang, subject, region, regions, onChange }: {
  lang: Lang; subject: Subject; region: RegionInfo | null; regions: readonly RegionInfo[];
  onChange: (patch: { region?: string; subject?: Subject }) => void;
}) {
  const provinces = regions.filter((r) => r.level === 'province');
  const province = region === null ? '00' : region.level === 'national' ? '00' : region.level === 'province' ? region.code : region.provinceCode ?? '00';
  const regencies = regions.filter((r) => r.level === 'regency' && r.provinceCode === province);
  const subjectLabel: Record<Subject, string> = {
    all: tx(lang, 'subjectAll'), violence: tx(lang, 'subjectViolence'), lksa: tx(lang, 'subjectLksa'), kla: tx(lang, 'subjectKla'),
  };
  return (
    <form className="report-controls" aria-label={tx(lang, 'controls')} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{tx(lang, 'subject')}</span>
        <select value={subject} onChange={(e) => onChange({ subject: e.target.value as Subject })}>
          {SUBJECTS.map((s) => <option key={s} value={s}>{subjectLabel[s]}</option>)}
        </select>
      </label>
      <label>
        <span>{tx(lang, 'province')}</span>
        <select value={province} onChange={(e) => onChange({ region: e.target.value })}>
          <option value="00">Indonesia</option>
          {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </select>
      </label>
      <label>
        <span>{tx(lang, 'regency')}</span>
        <select
          value={region?.level === 'regency' ? region.code : ''}
          disabled={province === '00'}
          onChange={(e) => onChange({ region: e.target.value || province })}
        >
          <option value="">{tx(lang, 'wholeProvince')}</option>
          {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </select>
      </label>
      <p className="meta report-print-hint">{tx(lang, 'printHint')}</p>
    </form>
  );
}

function ReportDocument({ lang, subject, region, regions, byCode, manifest }: {
  lang: Lang; subject: Subject; region: RegionInfo; regions: readonly RegionInfo[];
  byCode: ReadonlyMap<string, RegionInfo>; manifest: Manifest;
}) {
  const [parts, setParts] = useState<ReadonlyMap<string, boolean>>(new Map());
  const register = useCallback<Register>((key, done) => setParts((prev) => {
    if (done === null) {
      if (!prev.has(key)) return prev;
      const next = new Map(prev);
      next.delete(key);
      return next;
    }
    return prev.get(key) === done ? prev : new Map(prev).set(key, done);
  }), []);
  const ids = useMemo(() => indicatorIdsOf(subject), [subject]);
  const states = useIndicators(useMemo(() => ids.map((id) => indicatorOf(id)), [ids]));
  const loaded = useMemo(() => Object.fromEntries(ids.map((id, i) => {
    const q = states[i]!;
    return [id, { status: q.status, cause: q.cause, rows: q.status === 'ready' ? q.result!.rows : [] } satisfies Loaded];
  })), [ids, states]);
  const rowsOf = useCallback((id: string) => (loaded[id]?.status === 'ready' ? loaded[id].rows : undefined), [loaded]);
  const indicatorsDone = ids.every((id) => loaded[id] && loaded[id].status !== 'loading');
  const ready = indicatorsDone && allDone(parts);
  // The print date in the reader's own time zone (formatDate reads a calendar date; toISOString would be UTC).
  const printed = useMemo(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, []);
  const ctx: DocContext = { lang, subject, region, regions, byCode, manifest, rowsOf, loaded };
  const subjects = subjectsOf(subject);
  const title = reportTitle(lang, subject, region.name);
  const kind = kindOf(lang, region);
  const province = region.provinceName && region.level === 'regency' ? tx(lang, 'inProvince', { kind, province: region.provinceName }) : kind;

  return (
    <ReadyContext.Provider value={register}>
      <div className="report-actions">
        {/* Printing before every chart is drawn would print empty frames: the button waits for the report. */}
        <button type="button" className="report-print" disabled={!ready} onClick={() => window.print()}>{tx(lang, 'print')}</button>
        <p role="status" className="meta report-status">{ready ? tx(lang, 'readyStatus') : tx(lang, 'preparing')}</p>
      </div>
      {manifest.synthetic && (
        <div className="report-watermark" aria-hidden="true"><span>{TEXT.watermark.id}</span> <span>{TEXT.watermark.en}</span></div>
      )}
      <article
        className="report" lang={lang} aria-labelledby="report-title"
        data-ready={ready ? 'true' : 'false'} data-region={region.code} data-subject={subject} aria-busy={!ready}
      >
        <header className="report-head">
          <p className="report-brand">Pantau Anak</p>
          <h2 id="report-title" className="report-title">{title}</h2>
          <p className="report-kind">{province} · {region.code}</p>
          <dl className="report-facts">
            <div><dt>{tx(lang, 'snapshot')}</dt><dd data-snapshot>{manifest.snapshot_id}</dd></div>
            <div><dt>{tx(lang, 'referenceDate')}</dt><dd>{formatDate(lang, manifest.reference_date)}</dd></div>
            <div><dt>{tx(lang, 'printedOn')}</dt><dd>{formatDate(lang, printed)}</dd></div>
            <div><dt>{tx(lang, 'population')}</dt><dd>{formatNumber(lang, region.population)}</dd></div>
            <div><dt>{tx(lang, 'childPopulation')}</dt><dd>{formatNumber(lang, region.childPopulation)}</dd></div>
          </dl>
          {manifest.synthetic && manifest.synthetic_notice && <p className="report-synthetic" role="note">{manifest.synthetic_notice[lang]}</p>}
        </header>

        <KeyFigures ctx={ctx} />
        <MapSection ctx={ctx} />
        {subjects.includes('violence') && <ViolenceSection ctx={ctx} />}
        {subjects.includes('lksa') && <LksaSection ctx={ctx} />}
        {subjects.includes('kla') && <KlaSection ctx={ctx} />}
        <SubRegions ctx={ctx} />
        <Methodology ctx={ctx} />
        <Sources ctx={ctx} title={subjectTitle(lang, subject)} printed={printed} />
        <p className="report-end meta">{tx(lang, 'end')}</p>
      </article>
    </ReadyContext.Provider>
  );
}

// ---- Key figures ----

function KeyFigures({ ctx }: { ctx: DocContext }) {
  const { lang, region, regions } = ctx;
  const figures = subjectsOf(ctx.subject).flatMap((s) => keyFigureIds(s, region.level).map((id) => {
    const rows = ctx.rowsOf(id);
    return { id, figure: rows ? keyFigure(lang, indicatorOf(id), rows, region, regions) : null, state: ctx.loaded[id] };
  }));
  return (
    <Section id="report-key" title={tx(lang, 'keyFigures')}>
      <p className="meta">{tx(lang, 'keyFiguresNote')}</p>
      <div className="report-figures">
        {figures.map(({ id, figure, state }) => {
          if (state?.status === 'error') return <Failed key={id} lang={lang} error={state.cause} />;
          if (!state || state.status === 'loading') return <div key={id} className="report-kf" aria-busy="true">{tx(lang, 'loading')}</div>;
          if (!figure) return null;
          return (
            <div key={id} className="report-kf" data-figure={id}>
              <div className="report-kf-value" data-value>{figure.value}</div>
              <div className="report-kf-label">
                {figure.title}{' '}
                <span className="report-kf-year">({figure.year ?? tx(lang, 'registry', { date: shortDate(lang, ctx.manifest.reference_date) })})</span>
              </div>
              {figure.national !== null && <div className="report-kf-national" data-national>{tx(lang, 'nationalValue', { value: figure.national })}</div>}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

// ---- Map ----

function MapSection({ ctx }: { ctx: DocContext }) {
  const [done, setDone] = useState(false);
  useReady('map', done);
  const onDone = useCallback(() => setDone(true), []);
  return (
    <Section id="report-map" title={tx(ctx.lang, 'mapHeading')}>
      <ReportMap lang={ctx.lang} subject={ctx.subject} region={ctx.region} byCode={ctx.byCode} rowsOf={ctx.rowsOf} onDone={onDone}
        queryError={(id) => (ctx.loaded[id]?.status === 'error' ? ctx.loaded[id].cause : null)} />
    </Section>
  );
}

// ---- Sub-regions ----

function SubRegions({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const children = subRegionsOf(region, ctx.regions);
  const childLevel: IndicatorLevel = region.level === 'national' ? 'province' : 'regency';
  const table = subRegionTable(lang, region, children, subRegionColumns(ctx.subject, childLevel), ctx.rowsOf);
  if (children.length === 0) return null;
  const province = region.level === 'national' ? null : region.level === 'province' ? region : ctx.byCode.get(region.provinceCode ?? '');
  const title = province ? tx(lang, 'subRegionsRegencies', { province: province.name }) : tx(lang, 'subRegionsProvinces');
  return (
    <Section id="report-subregions" title={title}>
      {region.level === 'regency' && <p className="meta">{tx(lang, 'subRegionsMarked', { region: region.name })}</p>}
      <table className="data-table report-table report-subtable">
        <caption className="sr-only">{tx(lang, 'subRegionsCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(lang, 'colRegion')}</th>
            {table.headers.map((h) => <th scope="col" key={h} className="num">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.code} data-code={r.code} className={r.marked ? 'report-marked' : undefined}>
              <th scope="row">{r.name}</th>
              {r.cells.map((c, i) => <td key={table.headers[i]} className="num">{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

// ---- Methodology, sources, citation ----

function Methodology({ ctx }: { ctx: DocContext }) {
  const { lang, manifest } = ctx;
  const subjects = subjectsOf(ctx.subject);
  return (
    <Section id="report-method" title={tx(lang, 'methodology')} className="report-method">
      {subjects.includes('violence') && (
        <>
          <h4>{tx(lang, 'methodViolence')}</h4>
          <ul>{caveatsOf('violence', ['violence-victims', 'violence-victim-rate']).map((c) => <li key={c.en}>{c[lang]}</li>)}</ul>
        </>
      )}
      {subjects.includes('lksa') && (
        <>
          <h4>{tx(lang, 'methodLksa')}</h4>
          <ul>{caveatsOf('lksa', ['lksa-institutions', 'lksa-children-per-caregiver', 'lksa-risk-finding-share']).map((c) => <li key={c.en}>{c[lang]}</li>)}</ul>
        </>
      )}
      {subjects.includes('kla') && (
        <>
          <h4>{tx(lang, 'methodKla')}</h4>
          <ul>
            {caveatsOf('kla', ['kla-category']).map((c) => <li key={c.en}>{c[lang]}</li>)}
            <li>{klaThresholdLines(lang).join('; ')}.</li>
          </ul>
        </>
      )}
      <h4>{tx(lang, 'methodDisclosure', { k: manifest.disclosure.k })}</h4>
      <p>{manifest.disclosure.rule[lang]}</p>
      <h4>{tx(lang, 'methodRanks')}</h4>
      <p>{t(lang, 'rankRule')}</p>
    </Section>
  );
}

function Sources({ ctx, title, printed }: { ctx: DocContext; title: string; printed: string }) {
  const { lang, manifest, region } = ctx;
  const cite = citation(lang, {
    title, region: region.name, snapshot: manifest.snapshot_id,
    reference: formatDate(lang, manifest.reference_date), printed: formatDate(lang, printed), synthetic: manifest.synthetic,
  });
  return (
    <>
      <Section id="report-sources" title={tx(lang, 'sources')} className="report-sources">
        <ul>
          {manifest.sources.map((s) => (
            <li key={s.name}>
              {s.name} ({s.licence}){s.note ? `; ${s.note}` : ''}. <span className="report-url">{s.url}</span>
            </li>
          ))}
          {!manifest.sources.some((s) => /boundar/i.test(`${s.name} ${s.url}`)) && <li>{tx(lang, 'boundaries')}</li>}
        </ul>
        <p>{manifest.licence[lang]}</p>
        <p className="meta">{tx(lang, 'builtAt')}: {formatDate(lang, manifest.built_at)}</p>
      </Section>
      <Section id="report-citation" title={tx(lang, 'citation')} className="report-citation">
        <p data-citation>{cite}</p>
      </Section>
    </>
  );
}
