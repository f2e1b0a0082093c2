import { useEffect, useState } from 'react';
import { runQuery } from '../../db/runner.ts';
import type { Row } from '../../db/sql.ts';
import { sqlFile } from '../queries.ts';

export type QueryState =
  | { status: 'loading'; rows: Row[]; error: null; ms: null }
  | { status: 'ready'; rows: Row[]; error: null; ms: number }
  | { status: 'error'; rows: Row[]; error: string; ms: null };

export type Params = Record<string, string | number | boolean | null>;

/**
 * Runs queries/app/<name>.sql with bound params (`transform` may rewrite the file's SQL first). Pass null to run
 * nothing.
 */
export function useQuery(name: string | null, params: Params = {}, transform?: (sql: string) => string): QueryState {
  return useSqlText(name === null ? null : (transform ?? ((s: string) => s))(sqlFile(name)), params);
}

/**
 * Runs SQL text built by a page (the data page's filtered queries) with bound params; every view gets the same
 * loading / ready / error states, and a stale result never replaces a newer one. Pass null to run nothing.
 */
export function useSqlText(sql: string | null, params: Params = {}): QueryState {
  const key = sql === null ? null : `${sql}\u0000${JSON.stringify(params)}`;
  const [state, setState] = useState<{ key: string | null; result: QueryState }>({ key: null, result: LOADING });
  useEffect(() => {
    if (sql === null || key === null) return;
    let current = true;
    setState((s) => (s.key === key ? s : { key, result: { status: 'loading', rows: s.result.rows, error: null, ms: null } }));
    runQuery(sql, params).then(
      (r) => { if (current) setState({ key, result: { status: 'ready', rows: r.rows, error: null, ms: r.ms } }); },
      (e: unknown) => { if (current) setState({ key, result: { status: 'error', rows: [], error: e instanceof Error ? e.message : String(e), ms: null } }); },
    );
    return () => { current = false; };
    // `key` captures sql and params by value.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return currentState(state, key);
}

/**
 * What a view sees of the last result held for query `key`. On the render where the query changes, that result is
 * another query's: it reads as loading at once (its rows kept), not one render later, so no view draws the old rows
 * as the new query's answer in between (the map explorer emptied and refilled its 552-row table that way).
 */
export function currentState(held: { key: string | null; result: QueryState }, key: string | null): QueryState {
  if (key === null || held.key === key || held.result.status === 'loading') return held.result;
  return { status: 'loading', rows: held.result.rows, error: null, ms: null };
}

const LOADING: QueryState = { status: 'loading', rows: [], error: null, ms: null };
