import { describe, expect, it } from 'vitest';
import { after, currentState, runEpoch, type QueryState } from '../../src/app/hooks/use-query.ts';

const ready: QueryState = { status: 'ready', rows: [{ a: 1 }], error: null, cause: null, ms: 3 };
const failed: QueryState = { status: 'error', rows: [], error: 'boom', cause: new Error('boom'), ms: null };
const loading: QueryState = { status: 'loading', rows: [], error: null, cause: null, ms: null };

describe('currentState: a result is only shown as the answer of its own query', () => {
  it('shows the held result for its own key', () => {
    expect(currentState({ key: 'q1', result: ready }, 'q1')).toBe(ready);
    expect(currentState({ key: 'q1', result: failed }, 'q1')).toBe(failed);
  });

  it('reads as loading, with the last rows kept, on the render where the query changes', () => {
    expect(currentState({ key: 'q1', result: ready }, 'q2')).toEqual({ status: 'loading', rows: ready.rows, error: null, cause: null, ms: null });
    expect(currentState({ key: 'q1', result: ready }, 'q2').rows).toBe(ready.rows);
    expect(currentState({ key: 'q1', result: failed }, 'q2')).toEqual({ status: 'loading', rows: [], error: null, cause: null, ms: null });
  });

  it('keeps the last result when there is no query to run (null)', () => {
    expect(currentState({ key: 'q1', result: ready }, null)).toBe(ready);
  });
});

describe('runEpoch: "try again" reruns failed queries only, once per retry', () => {
  it('reruns a failed query when a retry comes after its run', () => {
    expect(runEpoch({ key: 'q1', result: failed, epoch: 0 }, 'q1', 1)).toBe(1);
    expect(runEpoch({ key: 'q1', result: failed, epoch: 3 }, 'q1', 7)).toBe(7);
  });
  it('does not rerun a query that failed in the current epoch (no loop), or one that is loading or succeeded', () => {
    expect(runEpoch({ key: 'q1', result: failed, epoch: 1 }, 'q1', 1)).toBe(1);
    expect(runEpoch({ key: 'q1', result: loading, epoch: 0 }, 'q1', 1)).toBe(0);
    expect(runEpoch({ key: 'q1', result: ready, epoch: 0 }, 'q1', 5)).toBe(0);
  });
  it('leaves a failure of another query alone (the query changed: its own effect runs)', () => {
    expect(runEpoch({ key: 'q1', result: failed, epoch: 0 }, 'q2', 2)).toBe(0);
  });
});

describe('after: a query waiting for a failed one shows that failure instead of loading for ever', () => {
  it('takes the prerequisite\'s failure, otherwise its own state', () => {
    expect(after(failed, loading)).toBe(failed);
    expect(after(failed, ready)).toBe(failed);
    expect(after(ready, loading)).toBe(loading);
    expect(after(loading, loading)).toBe(loading);
  });
});
