// The query coordinator, after the shape of uwdata/mosaic's QueryManager: every indicator request goes through one
// queue so that what is on screen runs before prefetches, a request a consumer has replaced is dropped before it
// runs, and a cached result is served at once without queueing. Engine-agnostic: `run` executes (the browser's
// runner, or DuckDB in Node); `cached` says whether `run` would answer from its cache.

/** What is on screen ('view') runs before what may be needed next ('prefetch'). */
export type Priority = 'view' | 'prefetch';

export interface RequestOptions {
  priority?: Priority;
  /**
   * A consumer's slot (e.g. "map"): a new request on the same channel drops the channel's request still waiting in the
   * queue (it rejects with SupersededError). A request already running finishes; its result is cached for later.
   */
  channel?: string;
}

/** The request was replaced on its channel before it ran. Consumers ignore it (a newer request is on its way). */
export class SupersededError extends Error {
  constructor(readonly channel: string) {
    super(`query on channel "${channel}" replaced by a newer one before it ran`);
    this.name = 'SupersededError';
  }
}

export interface CoordinatorDeps<T> {
  run: (sql: string, params: Record<string, unknown>) => Promise<T>;
  /** True when `run` would answer these from its cache: such requests skip the queue. */
  cached?: (sql: string, params: Record<string, unknown>) => boolean | Promise<boolean>;
  /** Requests running at once (default 1: DuckDB-WASM runs one query at a time anyway; 1 keeps priority meaningful). */
  concurrency?: number;
}

interface Pending<T> {
  sql: string;
  params: Record<string, unknown>;
  priority: Priority;
  channel: string | undefined;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export interface Coordinator<T> {
  request(sql: string, params: Record<string, unknown>, opts?: RequestOptions): Promise<T>;
  /** Requests waiting (not yet running), by priority. */
  waiting(): { view: number; prefetch: number };
}

export function createCoordinator<T>(deps: CoordinatorDeps<T>): Coordinator<T> {
  const limit = deps.concurrency ?? 1;
  const queues: Record<Priority, Array<Pending<T>>> = { view: [], prefetch: [] };
  let running = 0;

  const pump = () => {
    while (running < limit) {
      const next = queues.view.shift() ?? queues.prefetch.shift();
      if (!next) return;
      running++;
      deps.run(next.sql, next.params).then(next.resolve, next.reject).finally(() => {
        running--;
        pump();
      });
    }
  };

  const drop = (channel: string) => {
    for (const q of [queues.view, queues.prefetch]) {
      for (let i = q.length - 1; i >= 0; i--) {
        if (q[i]!.channel === channel) q.splice(i, 1)[0]!.reject(new SupersededError(channel));
      }
    }
  };

  return {
    async request(sql, params, opts = {}) {
      const channel = opts.channel;
      // Drop what waits on the channel first: a newer request replaces it even when the newer one is cached.
      if (channel !== undefined) drop(channel);
      if (deps.cached && (await deps.cached(sql, params))) return deps.run(sql, params);
      if (channel !== undefined) drop(channel); // another request may have come while the cache was asked
      return new Promise<T>((resolve, reject) => {
        queues[opts.priority ?? 'view'].push({ sql, params, priority: opts.priority ?? 'view', channel, resolve, reject });
        pump();
      });
    },
    waiting: () => ({ view: queues.view.length, prefetch: queues.prefetch.length }),
  };
}
