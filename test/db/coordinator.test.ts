import { describe, expect, it } from 'vitest';
import { createCoordinator, SupersededError } from '../../src/db/coordinator.ts';

// The query coordinator: on-screen requests before prefetches, a channel's waiting request replaced by a newer one,
// cached answers served without queueing.

/** A fake engine: each run waits until released, and records the order in which runs started. */
function fakeEngine(cachedSql: ReadonlySet<string> = new Set()) {
  const started: string[] = [];
  const waiting = new Map<string, () => void>();
  const run = (sql: string) => {
    started.push(sql);
    return new Promise<string>((resolve) => waiting.set(sql, () => resolve(`rows of ${sql}`)));
  };
  const release = async (sql: string) => {
    const r = waiting.get(sql);
    if (!r) throw new Error(`${sql} is not running`);
    waiting.delete(sql);
    r();
    await new Promise((res) => setTimeout(res, 0));
  };
  return { started, run, release, cached: (sql: string) => cachedSql.has(sql) };
}

const tick = () => new Promise((res) => setTimeout(res, 0));

describe('query coordinator', () => {
  it('runs one query at a time, what is on screen before prefetches', async () => {
    const e = fakeEngine();
    const c = createCoordinator<string>({ run: e.run });
    const first = c.request('a', {}, { priority: 'prefetch' });
    await tick();
    const later = c.request('b', {}, { priority: 'prefetch' });
    const urgent = c.request('c', {}, { priority: 'view' });
    await tick();
    expect(e.started).toEqual(['a']);
    expect(c.waiting()).toEqual({ view: 1, prefetch: 1 });
    await e.release('a');
    expect(e.started).toEqual(['a', 'c']);
    await e.release('c');
    await e.release('b');
    expect(await Promise.all([first, later, urgent])).toEqual(['rows of a', 'rows of b', 'rows of c']);
  });

  it('drops a request still waiting on a channel when a newer one comes on that channel', async () => {
    const e = fakeEngine();
    const c = createCoordinator<string>({ run: e.run });
    const busy = c.request('busy', {});
    await tick();
    const old = c.request('old', {}, { channel: 'map' });
    const other = c.request('other', {}, { channel: 'profile' });
    await tick();
    const fresh = c.request('new', {}, { channel: 'map' });
    await expect(old).rejects.toBeInstanceOf(SupersededError);
    await e.release('busy');
    await e.release('other');
    await e.release('new');
    expect(e.started).toEqual(['busy', 'other', 'new']);
    expect(await fresh).toBe('rows of new');
    expect(await other).toBe('rows of other');
    expect(await busy).toBe('rows of busy');
  });

  it('lets a running request finish when it is replaced (its result is cached for later)', async () => {
    const e = fakeEngine();
    const c = createCoordinator<string>({ run: e.run });
    const running = c.request('a', {}, { channel: 'map' });
    await tick();
    const next = c.request('b', {}, { channel: 'map' });
    await e.release('a');
    await e.release('b');
    expect(await running).toBe('rows of a');
    expect(await next).toBe('rows of b');
  });

  it('serves a cached answer at once, without waiting behind running queries', async () => {
    const e = fakeEngine(new Set(['hit']));
    const c = createCoordinator<string>({ run: (sql) => (sql === 'hit' ? Promise.resolve('cached rows') : e.run(sql)), cached: e.cached });
    const slow = c.request('slow', {});
    await tick();
    expect(await c.request('hit', {})).toBe('cached rows');
    expect(c.waiting()).toEqual({ view: 0, prefetch: 0 });
    await e.release('slow');
    await slow;
  });

  it('passes a failure to its caller and goes on with the queue', async () => {
    let n = 0;
    const c = createCoordinator<string>({ run: async (sql) => { n++; if (sql === 'bad') throw new Error('boom'); return sql; } });
    await expect(c.request('bad', {})).rejects.toThrow('boom');
    expect(await c.request('good', {})).toBe('good');
    expect(n).toBe(2);
  });
});
