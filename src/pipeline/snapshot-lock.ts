import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BuildError } from './issues.ts';

/** The lock file in a snapshots folder; a name no snapshot id can take (ids never start with '.'). */
export const LOCK_FILE = '.build.lock';

interface LockOwner { pid: number; host: string; since: string }

/** True while a process with this id exists on this machine (EPERM: it exists, owned by another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `fn` holding the snapshots folder's lock, so that two builds committing at once both land in index.json.
 * The lock is a file created exclusively (O_EXCL) holding the owner's pid; a lock whose process is gone (a killed
 * build) is taken over. Waits up to `timeoutMs` for a live owner, then says who holds it.
 */
export function withSnapshotLock<T>(outDir: string, fn: () => T, timeoutMs = 120_000): T {
  const path = join(outDir, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(path);
      // Stale: its build was killed (or died before writing its pid, seconds ago).
      if (owner ? owner.host === hostname() && !processAlive(owner.pid) : ageMs(path) > 5_000) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new BuildError(`${path}: another build (pid ${owner?.pid ?? '?'} on ${owner?.host ?? '?'}, since ${owner?.since ?? '?'}) is committing a snapshot; `
          + 'wait for it, or delete this file if no build is running');
      }
      sleep(25);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies LockOwner));
    } finally {
      closeSync(fd);
    }
    try {
      return fn();
    } finally {
      rmSync(path, { force: true });
    }
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null; // being written, or already gone: try again
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
