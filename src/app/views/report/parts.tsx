// The report's building blocks: readiness registration, the document context, sections, charts and failures.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Manifest } from '../../../db/snapshot.ts';
import { type Lang, type Subject } from '../../../state/url.ts';
import { Chart } from '../../components/Chart.tsx';
import { type IndicatorRow, type RegionInfo } from '../../region/model.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';

// ---- Readiness: every part registers and says when it is done ----

export type Register = (key: string, done: boolean | null) => void;
export const ReadyContext = createContext<Register>(() => undefined);

/** Registers a part of the report as pending until `done`; unregisters on unmount. */
export function useReady(key: string, done: boolean): void {
  const register = useContext(ReadyContext);
  useEffect(() => { register(key, done); }, [register, key, done]);
  useEffect(() => () => register(key, null), [register, key]);
}

// ---- Indicator rows: one request per catalogue indicator of the subject, through the one indicator path ----

export interface Loaded { status: 'loading' | 'ready' | 'error'; cause: unknown; rows: readonly IndicatorRow[] }

export interface DocContext {
  lang: Lang;
  subject: Subject;
  region: RegionInfo;
  regions: readonly RegionInfo[];
  byCode: ReadonlyMap<string, RegionInfo>;
  manifest: Manifest;
  /** An indicator's rows once loaded (undefined while loading or failed). */
  rowsOf: (id: string) => readonly IndicatorRow[] | undefined;
  loaded: Readonly<Record<string, Loaded>>;
}

export function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`report-section${className ? ` ${className}` : ''}`} aria-labelledby={id} data-section={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** A chart that registers itself as pending until ECharts has drawn it. */
export function ReportChart({ id, option, label, height }: { id: string; option: Parameters<typeof Chart>[0]['option']; label: string; height: number }) {
  const [drawn, setDrawn] = useState(false);
  useReady(`chart:${id}`, drawn);
  const onReady = useCallback(() => setDrawn(true), []);
  return (
    <figure className="report-figure report-chart" data-chart-id={id} data-drawn={drawn ? 'true' : 'false'}>
      <figcaption>{label}</figcaption>
      <Chart option={option} label={label} height={height} onReady={onReady} />
    </figure>
  );
}

export function Failed({ lang, error }: { lang: Lang; error: unknown }) {
  return <LoadFailure lang={lang} error={error} />;
}
