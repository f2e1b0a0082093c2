import { useMemo } from 'react';
import type { Lang } from '../../state/url.ts';
import { fill, t } from '../i18n.ts';
import { formatNumber } from '../format.ts';

export interface Column<R> {
  key: string;
  label: string;
  /** The sortable, searchable value. */
  value: (row: R) => string | number | null;
  /** What is shown (text; never HTML). */
  render?: (row: R) => string;
  numeric?: boolean;
}

interface Props<R> {
  lang: Lang;
  caption: string;
  rows: R[];
  columns: Array<Column<R>>;
  rowKey: (row: R) => string;
  sort: { column: string; dir: 'asc' | 'desc' } | null;
  onSort: (sort: { column: string; dir: 'asc' | 'desc' }) => void;
  search: string;
  onSearch: (search: string) => void;
  onRowClick?: (row: R) => void;
  limit?: number;
}

/** A sortable, searchable table; sort and search live in the URL through the caller. */
export function DataTable<R>({ lang, caption, rows, columns, rowKey, sort, onSort, search, onSearch, onRowClick, limit = 600 }: Props<R>) {
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const filtered = needle ? rows.filter((r) => columns.some((c) => String(c.value(r) ?? '').toLowerCase().includes(needle))) : rows;
    const col = sort ? columns.find((c) => c.key === sort.column) : undefined;
    if (!col || !sort) return filtered;
    const dir = sort.dir === 'asc' ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1; // missing and withheld values last, whatever the direction
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang)) * dir;
    });
  }, [rows, columns, sort, search, lang]);

  return (
    <div className="data-table-wrap">
      <label className="table-search">
        {t(lang, 'search')}{' '}
        <input type="search" value={search} onChange={(e) => onSearch(e.target.value)} />
      </label>
      <span className="table-count" aria-live="polite">{formatNumber(lang, shown.length)} / {formatNumber(lang, rows.length)}</span>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.column === c.key;
              const ariaSort = active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} className={c.numeric ? 'num' : undefined}>
                  <button type="button" onClick={() => onSort({ column: c.key, dir: active && sort!.dir === 'desc' ? 'asc' : 'desc' })}>
                    {c.label}{active ? (sort!.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map((r) => (
            <tr key={rowKey(r)} data-key={rowKey(r)}>
              {columns.map((c, i) => {
                const text = c.render ? c.render(r) : String(c.value(r) ?? '–');
                if (i > 0) return <td key={c.key} className={c.numeric ? 'num' : undefined}>{text}</td>;
                return (
                  <th key={c.key} scope="row">
                    {onRowClick ? <button type="button" className="link" onClick={() => onRowClick(r)}>{text}</button> : text}
                  </th>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > limit && <p className="meta">{fill(t(lang, 'firstRows'), { n: limit })}</p>}
    </div>
  );
}
