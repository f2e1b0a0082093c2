// The SQL console: one read-only SELECT over the published tables, run in a DuckDB engine of its own (its own worker,
// src/db/console.ts), so nothing typed here can stall the dashboard and Cancel stops a query at once. The statement
// lives in the URL (`sql`, replaced as one types), so a link shares it, unless it is too long for a link (then the
// page says so).
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { linkLeavesOutSql, useStore } from '../../../state/store.ts';
import type { Lang } from '../../../state/url.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { formatNumber } from '../../format.ts';
import { fill } from '../../i18n.ts';
import { BYTE_CAP, cancelConsole, CancelledError, closeConsole, ConsoleSqlError, RefusedError, ROW_CAP, runConsole, warmConsole, type ConsoleResult } from '../../../db/console.ts';
import { caretExcerpt } from '../../../db/sql-error.ts';
import { LINK_MAX } from '../../../state/url.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ALLOWED_TABLE_FUNCTIONS } from '../../../db/console-guard.ts';
import type { Value } from '../../../db/sql.ts';
import { DownloadButtons } from '../../download/DownloadButtons.tsx';
import { EXAMPLES } from './examples.ts';
import { consoleFilterText, reproducingSql, toDownload } from './downloads.ts';
import { refusalMessage } from './refusals.ts';
import { TEXT } from './text.ts';
import './console.css';

/** Rows drawn in the page; the whole result (up to ROW_CAP) goes to the downloads. */
const SHOWN = 1000;

type RunState =
  | { status: 'idle' }
  | { status: 'running'; started: number }
  | { status: 'done'; result: ConsoleResult; sql: string }
  | { status: 'cancelled' }
  | { status: 'refused'; message: { id: string; en: string } }
  | { status: 'error'; error: ConsoleSqlError; sql: string }
  | { status: 'failed'; error: unknown; sql: string };

const seconds = (lang: Lang, ms: number) => formatNumber(lang, ms / 1000, 2);

const decimals = { id: new Intl.NumberFormat('id-ID', { useGrouping: false, maximumFractionDigits: 10 }), en: new Intl.NumberFormat('en-GB', { useGrouping: false, maximumFractionDigits: 10 }) };

/** Characters of one cell drawn in the page; the whole value goes to the downloads. */
const CELL_SHOWN = 1000;

/**
 * A cell as text: NULL spelt out, whole numbers as they are (years, codes), decimals with the language's separator;
 * a very long text cut to CELL_SHOWN characters with an ellipsis.
 */
function cell(lang: Lang, v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : decimals[lang].format(v);
  const text = String(v);
  return text.length > CELL_SHOWN ? `${text.slice(0, CELL_SHOWN)}…` : text;
}

export default function ConsoleView({ lang }: { lang: Lang }) {
  const sql = useStore((s) => s.sql);
  const set = useStore((s) => s.set);
  const sqlLeftOut = useStore(linkLeavesOutSql);
  const snap = useSnapshot();
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [now, setNow] = useState(0);
  const editor = useRef<HTMLTextAreaElement>(null);
  const token = useRef(0);

  const setSql = useCallback((text: string) => set({ sql: text }, { replace: true }), [set]);

  const execute = useCallback(async (text: string) => {
    const mine = ++token.current;
    const started = performance.now();
    setRun({ status: 'running', started });
    setNow(started);
    try {
      const result = await runConsole(text);
      if (token.current === mine) setRun({ status: 'done', result, sql: text });
    } catch (e) {
      if (token.current !== mine) return;
      if (e instanceof CancelledError) setRun({ status: 'cancelled' });
      else if (e instanceof RefusedError) setRun({ status: 'refused', message: refusalMessage(e.refusal) });
      else if (e instanceof ConsoleSqlError) setRun({ status: 'error', error: e, sql: text });
      else setRun({ status: 'failed', error: e, sql: text }); // the engine or a table did not load
    }
  }, []);

  // The elapsed time ticks while a query runs.
  useEffect(() => {
    if (run.status !== 'running') return;
    const id = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(id);
  }, [run.status]);

  // The console's engine starts when the console opens, and stops (with what still runs) when the console is left.
  useEffect(() => {
    warmConsole();
    return closeConsole;
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (run.status !== 'running') void execute(e.currentTarget.value);
    }
  };

  /** Inserts a name at the cursor (or replaces the selection) and keeps the focus in the editor. */
  const insert = (name: string) => {
    const el = editor.current;
    const start = el?.selectionStart ?? sql.length;
    const end = el?.selectionEnd ?? sql.length;
    const next = sql.slice(0, start) + name + sql.slice(end);
    setSql(next);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + name.length, start + name.length);
    });
  };

  const tables = snap.status === 'ready' ? Object.entries(snap.snapshot.manifest.tables) : [];

  return (
    <div className="console-view">
      <h2>{TEXT.heading[lang]}</h2>
      <p className="caveat">{TEXT.intro[lang]}</p>

      <div className="console-layout">
        <div className="console-main">
          <label htmlFor="console-sql" className="console-label">{TEXT.editor[lang]}</label>
          <textarea
            id="console-sql" ref={editor} className="console-editor" value={sql} spellCheck={false}
            autoCapitalize="off" autoComplete="off" autoCorrect="off" rows={10}
            onChange={(e) => setSql(e.target.value)} onKeyDown={onKeyDown}
            placeholder="SELECT * FROM regions LIMIT 10"
          />
          <div className="console-actions">
            <button type="button" className="console-run" onClick={() => void execute(sql)} disabled={run.status === 'running'}>
              {TEXT.run[lang]}
            </button>
            <button type="button" className="console-cancel" onClick={() => cancelConsole()} disabled={run.status !== 'running'}>
              {TEXT.cancel[lang]}
            </button>
            <span className="console-status" role="status" aria-live="polite" data-testid="console-status">
              {run.status === 'running' && fill(TEXT.running[lang], { s: seconds(lang, now - run.started) })}
              {run.status === 'done' && fill(TEXT.done[lang], { n: formatNumber(lang, run.result.rows.length), s: seconds(lang, run.result.ms) })}
              {run.status === 'cancelled' && TEXT.cancelled[lang]}
            </span>
          </div>
          {sqlLeftOut && (
            <p className="console-link-note notice" role="note" data-testid="console-link-note">
              {fill(TEXT.linkTooLong[lang], { n: formatNumber(lang, sql.length), max: formatNumber(lang, LINK_MAX) })}
            </p>
          )}

          {run.status === 'refused' && (
            <div role="alert" className="console-alert" data-testid="console-error" data-kind="refused">
              <strong>{TEXT.refused[lang]}.</strong> {run.message[lang]}
            </div>
          )}
          {run.status === 'error' && <SqlError lang={lang} error={run.error} sql={run.sql} />}
          {run.status === 'failed' && (
            <div data-testid="console-error" data-kind="load">
              <LoadFailure lang={lang} error={run.error} scope="console:" onRetry={() => void execute(run.sql)} />
            </div>
          )}
          {run.status === 'done' && <Result lang={lang} result={run.result} sql={run.sql} snapshotId={snap.status === 'ready' ? snap.snapshot.manifest.snapshot_id : ''} />}
        </div>

        <aside className="console-side">
          <section aria-labelledby="console-examples-heading">
            <h3 id="console-examples-heading">{TEXT.examples[lang]}</h3>
            <ul className="console-examples">
              {EXAMPLES.map((ex) => (
                <li key={ex.id}>
                  <button type="button" className="link" data-example={ex.id} disabled={run.status === 'running'} onClick={() => { setSql(ex.sql); void execute(ex.sql); }}>
                    {ex.title[lang]}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="console-tables-heading">
            <h3 id="console-tables-heading">{TEXT.tables[lang]}</h3>
            <p className="meta">{TEXT.tablesHint[lang]}</p>
            <p className="meta">{fill(TEXT.allowedFunctions[lang], { list: ALLOWED_TABLE_FUNCTIONS.join(', ') })}</p>
            <ul className="console-tables">
              {tables.map(([name, table]) => (
                <li key={name}>
                  <button type="button" className="link console-name" data-table={name} onClick={() => insert(name)}
                    aria-label={fill(TEXT.insert[lang], { name })}>{name}</button>
                  <span className="meta"> · {fill(TEXT.rows[lang], { n: formatNumber(lang, table.rows) })}</span>
                  <details>
                    <summary>{fill(TEXT.columns[lang], { n: table.columns.length })}</summary>
                    <p className="meta">{table.description[lang]}</p>
                    <ul className="console-columns">
                      {table.columns.map((c) => (
                        <li key={c.name}>
                          <button type="button" className="link console-name" onClick={() => insert(c.name)}
                            aria-label={fill(TEXT.insert[lang], { name: c.name })}>{c.name}</button>
                          {' '}<code className="console-type">{c.type}</code>
                          <span className="console-desc">{c.description[lang]}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}

/** DuckDB's error, and the line of the user's statement it points at with a caret under the place. */
function SqlError({ lang, error, sql }: { lang: Lang; error: ConsoleSqlError; sql: string }) {
  const at = error.index === null ? null : caretExcerpt(sql, error.index);
  return (
    <div role="alert" className="console-alert" data-testid="console-error" data-kind="error"
      data-line={at?.line} data-column={at?.column}>
      <strong>{TEXT.error[lang]}.</strong> <pre className="console-error-message">{error.message}</pre>
      {at && (
        <>
          <p className="console-error-where">{fill(TEXT.errorAt[lang], { line: at.line, column: at.column })}</p>
          <pre className="console-error-excerpt" data-testid="console-error-excerpt">{`${at.text}\n${at.caret}`}</pre>
        </>
      )}
    </div>
  );
}

function Result({ lang, result, sql, snapshotId }: { lang: Lang; result: ConsoleResult; sql: string; snapshotId: string }) {
  const download = useMemo(() => toDownload(result), [result]);
  const shown = useMemo(() => result.rows.slice(0, SHOWN), [result.rows]);
  const numeric = useMemo(() => result.columns.map((c) => /^(Int|Uint|Float|Decimal)/i.test(c.type)), [result.columns]);
  return (
    <section className="console-result" aria-label={TEXT.result[lang]} data-testid="console-result" data-rows={result.rows.length} data-capped={result.capped ?? 'no'}>
      {result.capped && (
        <p className="console-cap" role="note" data-testid="console-cap">
          {result.capped === 'bytes'
            ? fill(TEXT.cappedBytes[lang], { n: formatNumber(lang, result.rows.length), mb: formatNumber(lang, Math.round(BYTE_CAP / 1024 / 1024)) })
            : fill(TEXT.capped[lang], { cap: formatNumber(lang, ROW_CAP) })}
        </p>
      )}
      {result.rows.length > 0 && (
        <div className="console-downloads" data-slot="downloads" role="group" aria-label={TEXT.downloads[lang]}>
          <DownloadButtons lang={lang} source={{ id: 'sql-console', title: TEXT.downloadTitle }} columns={download.columns}
            rows={download.rows} sql={reproducingSql(sql, result.tables, snapshotId)}
            filtersText={consoleFilterText(result.capped, result.rows.length)} />
        </div>
      )}
      {result.rows.length === 0 ? <p className="meta">{TEXT.noRows[lang]}</p> : (
        <div className="console-table-wrap" tabIndex={0} role="region" aria-label={TEXT.result[lang]}>
          <table className="data-table console-table">
            <thead>
              <tr>{result.columns.map((c, j) => <th key={j} scope="col" className={numeric[j] ? 'num' : undefined} title={c.type}>{c.name}</th>)}</tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j} className={numeric[j] ? 'num' : undefined} data-value={v === null ? undefined : String(v)}>{cell(lang, v)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.rows.length > SHOWN && <p className="meta">{fill(TEXT.shown[lang], { shown: formatNumber(lang, SHOWN), n: formatNumber(lang, result.rows.length) })}</p>}
    </section>
  );
}
