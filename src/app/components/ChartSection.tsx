import { useMemo, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../state/url.ts';
import { type Label, L } from '../../domain/label.ts';
import { Chart } from './Chart.tsx';
import { Figure } from './Figure.tsx';
import { fill, t } from '../i18n.ts';
import type { QueryState } from '../hooks/use-query.ts';
import { LoadFailure } from './LoadFailure.tsx';
import './subject.css';

// One chart section of the subject pages (violence, KLA): title, notes, the chart in a Figure and its data table.

export const SECTION_TEXT = {
  noData: L('Tidak ada data untuk pilihan ini.', 'No data for this choice.'),
  dataTable: L('Tabel data: {title}', 'Data table: {title}'),
} as const satisfies Record<string, Label>;

/** A chart's data as a plain table: the accessible alternative to the chart, with the same numbers. */
export interface TableData {
  head: string[];
  /** The first cell of each row is its header; every cell is text (never HTML). */
  rows: Array<{ key: string; cells: string[] }>;
  /** Columns (by index) holding numbers: right-aligned. */
  numeric?: number[];
}

interface Props {
  lang: Lang;
  id: string;
  title: string;
  /** Short explanations under the title. */
  notes?: ReactNode;
  /** 'loading' and 'error' show a status instead of the chart; 'empty' shows `empty`. */
  status: SectionStatus;
  /** What the query threw (shown by LoadFailure). */
  error?: unknown;
  empty?: string;
  option: EChartsCoreOption | null;
  chartLabel: string;
  height?: number;
  /** The note naming withheld cells (gaps), if any. */
  withheld?: string | null;
  table: TableData | null;
  children?: ReactNode;
}

/** One chart with its title, notes, withheld note and a <details> data table. */
export type SectionStatus = 'loading' | 'error' | 'empty' | 'ready';

/** A query's state as a section shows it: a ready query without rows is 'empty'. */
export const sectionStatus = (q: QueryState): SectionStatus => (q.status === 'ready' ? (q.rows.length === 0 ? 'empty' : 'ready') : q.status);

export function ChartSection({ lang, id, title, notes, status, error, empty, option, chartLabel, height, withheld, table, children }: Props) {
  // ECharts' generated ARIA description is English whatever the page language: describe the chart with our own
  // label instead (the data table below carries the numbers).
  const described = useMemo(() => (option ? { ...option, aria: { enabled: true, label: { description: chartLabel } } } : null), [option, chartLabel]);
  return (
    <section className="subject-section" aria-labelledby={`${id}-title`} data-section={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {notes}
      {children}
      {status === 'loading' && <p role="status" className="meta">{t(lang, 'loading')}</p>}
      {status === 'error' && <LoadFailure lang={lang} error={error} />}
      {status === 'empty' && <p className="meta" data-empty={id}>{empty ?? SECTION_TEXT.noData[lang]}</p>}
      {status === 'ready' && described && (
        <Figure id={id} title={title} subtitle={exportSubtitle(title, chartLabel)} lang={lang} kind="chart" showTitle={false}>
          <Chart option={described} label={chartLabel} height={height} />
          {withheld && <p className="meta withheld-note">{withheld} {t(lang, 'suppressedExplained')}</p>}
        </Figure>
      )}
      {status === 'ready' && table && <DetailsTable lang={lang} title={title} table={table} id={id} />}
    </section>
  );
}

/** What the chart label adds to the title (region and year: "Grafik: {title}, {region}, {year}"), for exports. */
function exportSubtitle(title: string, chartLabel: string): string | null {
  const at = chartLabel.indexOf(title);
  const rest = at >= 0 ? chartLabel.slice(at + title.length).replace(/^[,:;\s]+/, '').trim() : '';
  return rest || null;
}

/** The data table of a chart, folded in a <details>. */
export function DetailsTable({ lang, title, table, id }: { lang: Lang; title: string; table: TableData; id: string }) {
  const numeric = new Set(table.numeric ?? table.head.map((_, i) => i).slice(1));
  const caption = fill(SECTION_TEXT.dataTable[lang], { title });
  return (
    <details className="chart-table">
      <summary>{caption}</summary>
      <div className="table-scroll">
        <table className="data-table" data-table={id}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>{table.head.map((h, i) => <th key={i} scope="col" className={numeric.has(i) ? 'num' : undefined}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                {r.cells.map((c, i) => (i === 0
                  ? <th key={i} scope="row">{c}</th>
                  : <td key={i} className={numeric.has(i) ? 'num' : undefined}>{c}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
