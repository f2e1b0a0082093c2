// The Data page: pick a published table or the data behind an indicator, filter it (region, year, the table's
// category columns), preview it 50 rows a page, read its SQL and dictionary, and download the full result.
// User choices reach SQL only as bound $params (the page) or quoted literals (the reproducing SQL shown and
// downloaded); column names come from the table contract, never from the URL.
import { useMemo, useRef, useState } from 'react';
import { useStore } from '../../../state/store.ts';
import type { Lang } from '../../../state/url.ts';
import type { Manifest } from '../../../db/snapshot.ts';
import type { Row, Value } from '../../../db/sql.ts';
import { useQuery, useSqlText, type QueryState } from '../../hooks/use-query.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { indicatorSource } from '../../../db/runner.ts';
import { t } from '../../i18n.ts';
import { formatNumber, formatNumberUpTo } from '../../format.ts';
import { DownloadButtons } from '../../download/DownloadButtons.tsx';
import {
  appQuery, choicesQuery, filtersOf, filtersText, pageRange, reproducingSql, sourceKeys, sourceOf, suppressionFlag,
  vocabularyOf, type DataSource, type Filters,
} from './model.ts';
import { TEXT, fill } from './text.ts';
import './data.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';

const CODES_SQL = `
-- Data page: labels of every code, to name filter values.
-- Tables: codes.
SELECT vocabulary, code, label_id, label_en FROM codes ORDER BY vocabulary, ord`;

export default function DataView({ lang }: { lang: Lang }) {
  const snap = useSnapshot();
  if (snap.status === 'error') return <LoadFailure lang={lang} error={snap.cause} />;
  if (snap.status === 'loading') return <p role="status" className="meta">{t(lang, 'loading')}</p>;
  return <DataPage lang={lang} manifest={snap.snapshot.manifest} />;
}

function DataPage({ lang, manifest }: { lang: Lang; manifest: Manifest }) {
  const table = useStore((s) => s.table);
  const set = useStore((s) => s.set);
  const source = useMemo(() => sourceOf(table, manifest), [table, manifest]);
  const { tables, indicators } = useMemo(() => sourceKeys(manifest), [manifest]);

  return (
    <div className="data-view">
      <h2>{TEXT.heading[lang]}</h2>
      <p className="caveat">{TEXT.intro[lang]}</p>
      <label className="data-source">
        {TEXT.source[lang]}{' '}
        <select value={source?.key ?? ''} onChange={(e) => set({ table: e.target.value || null, filters: {} })}>
          <option value="">{TEXT.chooseSource[lang]}</option>
          <optgroup label={TEXT.publishedTables[lang]}>
            {tables.map((name) => <option key={name} value={name}>{name}</option>)}
          </optgroup>
          <optgroup label={TEXT.indicatorsGroup[lang]}>
            {indicators.map((i) => <option key={i.id} value={`indicator:${i.id}`}>{i.title[lang]}</option>)}
          </optgroup>
        </select>
      </label>
      {table && !source && <p role="alert" className="error">{fill(TEXT.unknownSource[lang], { key: table })}</p>}
      {source ? <SourcePanel key={source.key} lang={lang} manifest={manifest} source={source} /> : <TableList lang={lang} manifest={manifest} />}
    </div>
  );
}

function TableList({ lang, manifest }: { lang: Lang; manifest: Manifest }) {
  const set = useStore((s) => s.set);
  return (
    <section aria-labelledby="data-tables-heading">
      <h3 id="data-tables-heading">{fill(TEXT.tablesHeading[lang], { id: manifest.snapshot_id })}</h3>
      <p className="meta">{TEXT.nothingChosen[lang]}</p>
      <table className="data-table data-tables">
        <thead><tr><th scope="col">{TEXT.tableName[lang]}</th><th scope="col" className="num">{TEXT.rows[lang]}</th><th scope="col">{TEXT.description[lang]}</th></tr></thead>
        <tbody>
          {Object.entries(manifest.tables).map(([name, tb]) => (
            <tr key={name}>
              <th scope="row"><button type="button" className="link" aria-label={fill(TEXT.open[lang], { name })} onClick={() => set({ table: name, filters: {} })}><code>{name}</code></button></th>
              <td className="num">{formatNumber(lang, tb.rows)}</td>
              <td>{tb.description[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface RegionRow { region_code: string; level: string; name: string; province_code: string | null }
interface CodeLabel { vocabulary: string; code: string; label_id: string; label_en: string }

function SourcePanel({ lang, manifest, source }: { lang: Lang; manifest: Manifest; source: DataSource }) {
  const region = useStore((s) => s.region);
  const year = useStore((s) => s.year);
  const urlFilters = useStore((s) => s.filters);
  const set = useStore((s) => s.set);

  // An indicator's SQL comes from the one indicator path (the family template filled from the catalogue).
  const indicatorSql = source.indicator ? indicatorSource.sql(source.indicator) : undefined;
  const filters = filtersOf(source, { region, year, filters: urlFilters });
  const query = appQuery(source, filters, indicatorSql);
  const rowsQ = useSqlText(query.sql, query.params);
  const choices = choicesQuery(source, indicatorSql);
  const choicesQ = useSqlText(choices);
  const regionsQ = useQuery(source.hasRegion ? 'profile/regions' : null);
  const codesQ = useSqlText(source.dimensions.length > 0 ? CODES_SQL : null);

  const regions = regionsQ.rows as unknown as RegionRow[];
  const regionName = (code: string) => regions.find((r) => r.region_code === code)?.name;
  const labels = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of codesQ.rows as unknown as CodeLabel[]) m.set(`${r.vocabulary}\u0000${r.code}`, lang === 'id' ? r.label_id : r.label_en);
    return m;
  }, [codesQ.rows, lang]);
  const fText = filtersText(filters, regionName);
  const sql = reproducingSql(source, filters, manifest.snapshot_id, indicatorSql);

  return (
    <>
      <p className="data-description">{source.description[lang]}</p>
      <FilterBar lang={lang} source={source} filters={filters} regions={regions} choices={choicesQ.rows}
        label={(d, v) => labels.get(`${vocabularyOf(d)}\u0000${v}`)}
        onRegion={(r) => set({ region: r })} onYear={(y) => set({ year: y })}
        onDim={(d, v) => {
          const next = { ...urlFilters };
          if (v === null) delete next[d]; else next[d] = v;
          set({ filters: next });
        }}
        onClear={() => set({ region: '00', year: null, filters: {} })} />

      <section aria-labelledby="data-preview-heading">
        <h3 id="data-preview-heading">{TEXT.preview[lang]}</h3>
        <Preview lang={lang} source={source} q={rowsQ} />
      </section>

      <section aria-labelledby="data-download-heading">
        <h3 id="data-download-heading">{fill(TEXT.downloadHeading[lang], { n: formatNumber(lang, rowsQ.rows.length) })}</h3>
        <DownloadButtons lang={lang} source={{ id: source.key, title: source.title }} columns={source.columns}
          rows={rowsQ.rows} sql={sql} filtersText={fText} disabled={rowsQ.status !== 'ready'} />
      </section>

      <SqlBlock lang={lang} sql={sql} snapshotId={manifest.snapshot_id} />
      <Dictionary lang={lang} source={source} />
    </>
  );
}

interface FilterBarProps {
  lang: Lang;
  source: DataSource;
  filters: Filters;
  regions: RegionRow[];
  choices: Row[];
  label: (dim: string, value: string) => string | undefined;
  onRegion: (region: string) => void;
  onYear: (year: number | null) => void;
  onDim: (dim: string, value: string | null) => void;
  onClear: () => void;
}

function FilterBar({ lang, source, filters, regions, choices, label, onRegion, onYear, onDim, onClear }: FilterBarProps) {
  const values = (dim: string) => choices.filter((c) => c.dim === dim).map((c) => String(c.value));
  const province = filters.region?.slice(0, 2) ?? '';
  const provinces = regions.filter((r) => r.level === 'province');
  const regencies = province ? regions.filter((r) => r.level === 'regency' && r.province_code === province) : [];
  const years = values('year').map(Number).sort((a, b) => b - a);
  const any = filters.region !== null || filters.year !== null || filters.dims.length > 0;
  const dimValue = (d: string) => filters.dims.find(([k]) => k === d)?.[1] ?? '';
  return (
    <fieldset className="data-filters">
      <legend>{TEXT.filters[lang]}</legend>
      {source.hasRegion && (
        <>
          <label>
            {TEXT.region[lang]}{' '}
            <select name="province" value={province} onChange={(e) => onRegion(e.target.value || '00')}>
              <option value="">{TEXT.allIndonesia[lang]}</option>
              {provinces.map((p) => <option key={p.region_code} value={p.region_code}>{p.name}</option>)}
            </select>
          </label>
          {province && (
            <label>
              {TEXT.regency[lang]}{' '}
              <select name="regency" value={filters.region?.includes('.') ? filters.region : ''} onChange={(e) => onRegion(e.target.value || province)}>
                <option value="">{TEXT.wholeProvince[lang]}</option>
                {regencies.map((r) => <option key={r.region_code} value={r.region_code}>{r.name}</option>)}
              </select>
            </label>
          )}
        </>
      )}
      {source.hasYear && (
        <label>
          {TEXT.year[lang]}{' '}
          <select name="year" value={filters.year === null ? '' : String(filters.year)} onChange={(e) => onYear(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{TEXT.allYears[lang]}</option>
            {(filters.year !== null && !years.includes(filters.year) ? [filters.year, ...years] : years).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      )}
      {source.dimensions.map((d) => {
        const current = dimValue(d);
        const vs = values(d);
        return (
          <label key={d}>
            <code>{d}</code>{' '}
            <select name={d} value={current} onChange={(e) => onDim(d, e.target.value || null)}>
              <option value="">{TEXT.all[lang]}</option>
              {(current && !vs.includes(current) ? [current, ...vs] : vs).map((v) => {
                const l = label(d, v);
                return <option key={v} value={v}>{l && l !== v ? `${v} — ${l}` : v}</option>;
              })}
            </select>
          </label>
        );
      })}
      <button type="button" onClick={onClear} disabled={!any}>{TEXT.clearFilters[lang]}</button>
    </fieldset>
  );
}

/** A cell as text: numbers in the language's format (years as they are), withheld and missing as elsewhere. */
function cellText(lang: Lang, source: DataSource, row: Row, column: { name: string; type: string }): string {
  const v = row[column.name];
  if (v === null || v === undefined) {
    const flag = suppressionFlag(source, column.name);
    return flag && row[flag] === true ? t(lang, 'suppressed') : '–';
  }
  if (typeof v === 'number') {
    if (column.name === 'year' || column.name.endsWith('_year') || column.name === 'ord') return String(v);
    return formatNumberUpTo(lang, v, column.type === 'DOUBLE' ? 4 : 0);
  }
  return String(v);
}

const rawValue = (v: Value | undefined): string => (v === null || v === undefined ? '' : String(v));
const isNumeric = (type: string) => /^(INTEGER|BIGINT|DOUBLE|SMALLINT|TINYINT|HUGEINT|FLOAT|DECIMAL)/.test(type);

function Preview({ lang, source, q }: { lang: Lang; source: DataSource; q: QueryState }) {
  const [pageState, setPageState] = useState<{ rows: Row[]; page: number }>({ rows: q.rows, page: 0 });
  // A new result starts on its first page.
  const page = pageState.rows === q.rows ? pageState.page : 0;
  const setPage = (p: number) => setPageState({ rows: q.rows, page: p });
  if (q.status === 'error') return <LoadFailure lang={lang} error={q.cause} />;
  if (q.status === 'loading' && q.rows.length === 0) return <p role="status" className="meta">{t(lang, 'loading')}</p>;
  const n = q.rows.length;
  const r = pageRange(n, page);
  const shown = q.rows.slice(r.from, r.to);
  const count = fill(TEXT.rowCount[lang], { n: formatNumber(lang, n) });
  return (
    <div className="data-preview" aria-busy={q.status === 'loading'}>
      <p className="data-count" data-testid="data-count" data-value={q.status === 'ready' ? String(n) : ''} aria-live="polite">{count}</p>
      {n === 0 ? <p className="meta">{TEXT.noRows[lang]}</p> : (
        <>
          <div className="data-scroll" tabIndex={0} role="region" aria-labelledby="data-preview-caption">
            <table className="data-table data-preview-table" data-page={r.page}>
              <caption id="data-preview-caption">{fill(TEXT.previewCaption[lang], { title: source.title[lang], from: formatNumber(lang, r.from + 1), to: formatNumber(lang, r.to), n: formatNumber(lang, n) })}</caption>
              <thead>
                <tr>{source.columns.map((c) => <th key={c.name} scope="col" className={isNumeric(c.type) ? 'num' : undefined}>{c.name}</th>)}</tr>
              </thead>
              <tbody>
                {shown.map((row, i) => (
                  <tr key={r.from + i}>
                    {source.columns.map((c) => {
                      const text = cellText(lang, source, row, c);
                      const withheld = row[c.name] === null && text === t(lang, 'suppressed');
                      return (
                        <td key={c.name} data-col={c.name} data-value={rawValue(row[c.name])} data-null={row[c.name] === null ? '' : undefined}
                          className={[isNumeric(c.type) ? 'num' : '', withheld ? 'withheld' : ''].filter(Boolean).join(' ') || undefined}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="data-pages" aria-label={TEXT.pagination[lang]}>
            <button type="button" onClick={() => setPage(0)} disabled={r.page === 0}>{TEXT.first[lang]}</button>
            <button type="button" data-page-prev onClick={() => setPage(r.page - 1)} disabled={r.page === 0}>{TEXT.previous[lang]}</button>
            <span aria-live="polite">{fill(TEXT.pageOf[lang], { page: formatNumber(lang, r.page + 1), pages: formatNumber(lang, r.pages) })}</span>
            <button type="button" data-page-next onClick={() => setPage(r.page + 1)} disabled={r.page >= r.pages - 1}>{TEXT.next[lang]}</button>
            <button type="button" onClick={() => setPage(r.pages - 1)} disabled={r.page >= r.pages - 1}>{TEXT.last[lang]}</button>
          </nav>
          {source.columns.some((c) => suppressionFlag(source, c.name)) && <p className="meta">{TEXT.withheldNote[lang]}</p>}
        </>
      )}
    </div>
  );
}

function SqlBlock({ lang, sql, snapshotId }: { lang: Lang; sql: string; snapshotId: string }) {
  const pre = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sql);
      setCopied('ok');
    } catch {
      // No clipboard (e.g. plain http): select the text so the user can copy it.
      const el = pre.current;
      const sel = window.getSelection();
      if (el && sel) { const range = document.createRange(); range.selectNodeContents(el); sel.removeAllRanges(); sel.addRange(range); }
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby="data-sql-heading">
      <h3 id="data-sql-heading">{TEXT.sqlHeading[lang]}</h3>
      <p className="meta">{fill(TEXT.sqlNote[lang], { id: snapshotId })}</p>
      <div className="data-sql">
        <button type="button" onClick={() => { void copy(); }}>{TEXT.copy[lang]}</button>
        <span role="status" className="meta">{copied === 'ok' ? TEXT.copied[lang] : copied === 'failed' ? TEXT.copyFailed[lang] : ''}</span>
        <pre ref={pre} tabIndex={0} data-testid="data-sql"><code>{sql}</code></pre>
      </div>
    </section>
  );
}

function Dictionary({ lang, source }: { lang: Lang; source: DataSource }) {
  return (
    <section aria-labelledby="data-dictionary-heading">
      <h3 id="data-dictionary-heading">{TEXT.dictionary[lang]}</h3>
      <table className="data-table data-dictionary">
        <thead>
          <tr><th scope="col">{TEXT.column[lang]}</th><th scope="col">{TEXT.type[lang]}</th><th scope="col">{TEXT.unit[lang]}</th><th scope="col">{TEXT.definition[lang]}</th></tr>
        </thead>
        <tbody>
          {source.columns.map((c) => (
            <tr key={c.name} data-column={c.name}>
              <th scope="row"><code>{c.name}</code></th>
              <td><code>{c.type}</code></td>
              <td>{c.unit ? c.unit[lang] : '–'}</td>
              <td>{c.description ? c.description[lang] : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
