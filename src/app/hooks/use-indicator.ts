import { useEffect, useMemo, useState } from 'react';
import { indicatorSource, SupersededError, type IndicatorFilter, type IndicatorResult, type Priority } from '../../db/runner.ts';
import type { Indicator } from '../../domain/indicators.ts';
import { useRetryEpoch } from '../retry.ts';

/**
 * An indicator request's state. `result` is the answer to the current request when `status` is 'ready'; while a new
 * request loads it is the last answer this consumer received (`stale` = true), so a view can keep drawing the last
 * numbers, marked busy, and must read what they are (indicator, year, level) from `result`, never from its own state.
 */
export interface IndicatorState {
  status: 'loading' | 'ready' | 'error';
  result: IndicatorResult | null;
  stale: boolean;
  error: string | null;
  cause: unknown;
}

export interface IndicatorOptions {
  /** 'view' (default) runs before 'prefetch'. */
  priority?: Priority;
  /** Skip the request (nothing to show yet). */
  skip?: boolean;
}

interface Held { key: string; result: IndicatorResult | null; error: unknown; epoch: number }

const keyOf = (indicator: Indicator, filter: IndicatorFilter) =>
  `${indicator.id}|${JSON.stringify([filter.year ?? 'all', filter.level ?? null, filter.province ?? null])}`;

let channels = 0;

/**
 * The one way a view gets an indicator's rows: through src/db's indicator path (family SQL, filters pushed into SQL,
 * the coordinator's queue and cache, rows converted once). Each call site is one channel: a request it replaces before
 * that one ran is dropped. A failed request runs again when a retry is asked for (retry.ts).
 */
export function useIndicator(indicator: Indicator, filter: IndicatorFilter = {}, opts: IndicatorOptions = {}): IndicatorState {
  return useIndicators([indicator], filter, opts)[0]!;
}

/** useIndicator for several indicators with one filter (the report's key figures); states in the order given. */
export function useIndicators(indicators: readonly Indicator[], filter: IndicatorFilter = {}, opts: IndicatorOptions = {}): IndicatorState[] {
  const [channel] = useState(() => `use-indicator-${++channels}`);
  const epoch = useRetryEpoch();
  const keys = indicators.map((i) => keyOf(i, filter));
  const joined = keys.join('\n');
  // Per slot (position in `indicators`): the last settled answer, and the request it answers.
  const [held, setHeld] = useState<Array<Held | null>>(() => indicators.map(() => null));

  useEffect(() => {
    if (opts.skip) return;
    let live = true;
    indicators.forEach((indicator, slot) => {
      const key = keys[slot]!;
      const h = held[slot];
      if (h && h.key === key && (h.error === null || h.epoch === epoch)) return; // answered (or failed in this epoch)
      indicatorSource.rows(indicator, filter, { priority: opts.priority ?? 'view', channel: `${channel}:${slot}` }).then(
        (result) => { if (live) setHeld((all) => replace(all, slot, { key, result, error: null, epoch })); },
        (e: unknown) => {
          if (!live || e instanceof SupersededError) return;
          setHeld((all) => replace(all, slot, { key, result: all[slot]?.result ?? null, error: e, epoch }));
        },
      );
    });
    return () => { live = false; };
    // `joined` captures the indicators and the filter by value; `epoch` re-runs failed requests after a retry.
  }, [joined, epoch, opts.skip, opts.priority]); // eslint-disable-line react-hooks/exhaustive-deps

  return useMemo(() => keys.map((key, slot): IndicatorState => {
    const h = held[slot];
    if (h && h.key === key) {
      if (h.error !== null) return { status: 'error', result: null, stale: false, error: h.error instanceof Error ? h.error.message : String(h.error), cause: h.error };
      return { status: 'ready', result: h.result, stale: false, error: null, cause: null };
    }
    return { status: 'loading', result: h?.result ?? null, stale: h?.result != null, error: null, cause: null };
  }), [joined, held]); // eslint-disable-line react-hooks/exhaustive-deps
}

function replace<T>(all: readonly T[], slot: number, value: T): T[] {
  const next = all.slice();
  next[slot] = value;
  return next;
}

