import { useEffect, useState } from 'react';
import { runQuery } from '../../db/runner.ts';
import type { Row } from '../../db/sql.ts';
import { sqlFile } from '../../db/query-files.ts';
import { useRetryEpoch } from '../retry.ts';

/** A query's state. `error` is the failure's message and `cause` what was thrown (components/LoadFailure shows it). */
export type QueryState =
  | { status: 'loading'; rows: Row[]; error: null; cause: null; ms: null }
  | { status: 'ready'; rows: Row[]; error: null; cause: null; ms: number }
  | { status: 'error'; rows: Row[]; error: string; cause: unknown; ms: null };

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
 * loading / ready / error states, and a stale result never replaces a newer one. Pass null to run nothing. A query
 * that failed runs again when a retry is asked for (retry.ts).
 */
export function useSqlText(sql: string | null, params: Params = {}): QueryState {
  const key = sql === null ? null : `${sql}\u0000${JSON.stringify(params)}`;
  const epoch = useRetryEpoch();
  // `epoch`: the retry epoch when the held result's run started.
  const [state, setState] = useState<{ key: string | null; result: QueryState; epoch: number }>(() => ({ key: null, result: LOADING, epoch }));
  const run = runEpoch(state, key, epoch);
  useEffect(() => {
    if (sql === null || key === null) return;
    let current = true;
    setState((s) => (s.key === key && s.result.status !== 'error' ? s
      : { key, result: { status: 'loading', rows: s.result.rows, error: null, cause: null, ms: null }, epoch }));
    runQuery(sql, params).then(
      (r) => { if (current) setState({ key, result: { status: 'ready', rows: r.rows, error: null, cause: null, ms: r.ms }, epoch }); },
      (e: unknown) => { if (current) setState({ key, result: { status: 'error', rows: [], error: e instanceof Error ? e.message : String(e), cause: e, ms: null }, epoch }); },
    );
    return () => { current = false; };
    // `key` captures sql and params by value; `run` changes only when a failed query is to run again.
  }, [key, run]); // eslint-disable-line react-hooks/exhaustive-deps
  return currentState(state, key);
}

/**
 * A query that waits for another's result (its year, say) and so never runs when that one failed: the other's
 * failure, shown where this query's result would be (else it would read as loading for ever), otherwise its own state.
 */
export function after(prerequisite: QueryState, q: QueryState): QueryState {
  return prerequisite.status === 'error' ? prerequisite : q;
}

/**
 * The retry epoch a query's run belongs to: a failed query runs again (a new value) when a retry was asked for after
 * its run started; any other query keeps its run, whatever the retries.
 */
export function runEpoch(held: { key: string | null; result: QueryState; epoch: number }, key: string | null, epoch: number): number {
  return held.key === key && held.result.status === 'error' && epoch !== held.epoch ? epoch : held.epoch;
}

/**
 * What a view sees of the last result held for query `key`. On the render where the query changes, that result is
 * another query's: it reads as loading at once (its rows kept), not one render later, so no view draws the old rows
 * as the new query's answer in between (the map explorer emptied and refilled its 552-row table that way).
 */
export function currentState(held: { key: string | null; result: QueryState }, key: string | null): QueryState {
  if (key === null || held.key === key || held.result.status === 'loading') return held.result;
  return { status: 'loading', rows: held.result.rows, error: null, cause: null, ms: null };
}

const LOADING: QueryState = { status: 'loading', rows: [], error: null, cause: null, ms: null };
