import { describe, expect, it } from 'vitest';
import { currentState, type QueryState } from '../../src/app/hooks/use-query.ts';

const ready: QueryState = { status: 'ready', rows: [{ a: 1 }], error: null, ms: 3 };
const failed: QueryState = { status: 'error', rows: [], error: 'boom', ms: null };

describe('currentState: a result is only shown as the answer of its own query', () => {
  it('shows the held result for its own key', () => {
    expect(currentState({ key: 'q1', result: ready }, 'q1')).toBe(ready);
    expect(currentState({ key: 'q1', result: failed }, 'q1')).toBe(failed);
  });

  it('reads as loading, with the last rows kept, on the render where the query changes', () => {
    expect(currentState({ key: 'q1', result: ready }, 'q2')).toEqual({ status: 'loading', rows: ready.rows, error: null, ms: null });
    expect(currentState({ key: 'q1', result: ready }, 'q2').rows).toBe(ready.rows);
    expect(currentState({ key: 'q1', result: failed }, 'q2')).toEqual({ status: 'loading', rows: [], error: null, ms: null });
  });

  it('keeps the last result when there is no query to run (null)', () => {
    expect(currentState({ key: 'q1', result: ready }, null)).toBe(ready);
  });
});
