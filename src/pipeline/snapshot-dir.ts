import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './issues.ts';
import { processAlive, withSnapshotLock } from './snapshot-lock.ts';

/** public/data/index.json: which snapshots exist and which one the app opens. */
export interface SnapshotIndex {
  current: string;
  snapshots: Array<{ id: string; built_at: string; synthetic: boolean; reference_date: string }>;
}

const SNAPSHOT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * Names a snapshot folder may not take: the files the site serves beside the snapshots in data/ (index.json and its
 * .br/.gz copies), and the build's own working names (staging folders, retired snapshots, temporary files, the lock).
 */
const RESERVED_ID = /^index\.|\.(json|br|gz|tmp|lock)$|\.retired-|\.tmp-|^staging\b/;

/** A snapshot id is a safe folder name: lower-case letters, digits, '.', '_' and '-', and no reserved name. */
export function assertSnapshotId(id: string): void {
  if (!SNAPSHOT_ID.test(id)) {
    throw new UsageError(`invalid snapshot id ${JSON.stringify(id)}: use a-z, 0-9, '.', '_', '-', starting with a letter or digit (max 64)`);
  }
  if (RESERVED_ID.test(id)) {
    throw new UsageError(`snapshot id ${JSON.stringify(id)} is reserved (index.json, its .br/.gz copies and the build's working names `
      + `.staging-*, *.retired-*, *.tmp-*, *.json, *.lock); choose another, e.g. simfoni-2025`);
  }
}

/** A working entry of a snapshots folder (staging, retired, temporary, the lock): never served, never copied to dist/. */
export function isWorkingEntry(name: string): boolean {
  return name.startsWith('.') || /\.retired-\d+$|\.tmp-\d+$/.test(name);
}

/**
 * Removes what killed builds left in the snapshots folder: staging folders and temporary files whose process is gone
 * (or that are older than a week). A live build's staging folder is left alone.
 */
export function removeStaleWork(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(outDir)) {
    const m = /^\.staging-.+-(\d+)-(\d+)$/.exec(name) ?? /\.tmp-(\d+)$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    if (processAlive(pid) && Date.now() - statSync(join(outDir, name)).mtimeMs < 7 * 86_400_000) continue;
    rmSync(join(outDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A fresh staging folder beside the snapshots; nothing in it is visible to the app until commit. */
export function stagingDir(outDir: string, id: string): string {
  mkdirSync(outDir, { recursive: true });
  removeStaleWork(outDir);
  withSnapshotLock(outDir, () => recoverInterruptedCommits(outDir));
  const dir = join(outDir, `.staging-${id}-${process.pid}-${Date.now()}`);
  mkdirSync(dir);
  return dir;
}

/**
 * Makes a staged snapshot current, holding the folder's lock: two builds committing at once both land in index.json.
 */
export function commitSnapshot(outDir: string, staging: string, entry: SnapshotIndex['snapshots'][number]): string {
  return withSnapshotLock(outDir, () => commitUnlocked(outDir, staging, entry));
}

/**
 * Each step is a rename within one folder, so a crash leaves either the old snapshot or the new one in place, never a
 * mix; the index is replaced the same way, last (it re-reads the index under the lock, so no other commit is lost).
 */
function commitUnlocked(outDir: string, staging: string, entry: SnapshotIndex['snapshots'][number]): string {
  const target = join(outDir, entry.id);
  const retired = `${target}.retired-${process.pid}`;
  if (existsSync(target)) renameSync(target, retired);
  renameSync(staging, target);
  rmSync(retired, { recursive: true, force: true });
  const index = readIndex(outDir);
  const snapshots = [...(index?.snapshots ?? []).filter((s) => s.id !== entry.id && existsSync(join(outDir, s.id))), entry]
    .sort((a, b) => a.id.localeCompare(b.id));
  writeAtomically(join(outDir, 'index.json'), JSON.stringify({ current: entry.id, snapshots } satisfies SnapshotIndex, null, 2) + '\n');
  return target;
}

/**
 * If a commit stopped between its two renames, puts the retired snapshot back; removes retired snapshots left by
 * completed commits. Runs under the lock, when no commit is under way, so every retired folder is left over.
 */
function recoverInterruptedCommits(outDir: string): void {
  const retired = readdirSync(outDir).filter((f) => /\.retired-\d+$/.test(f)).sort();
  for (const f of retired) {
    const target = join(outDir, f.replace(/\.retired-\d+$/, ''));
    if (!existsSync(target)) renameSync(join(outDir, f), target);
    else rmSync(join(outDir, f), { recursive: true, force: true });
  }
}

/** Removes a staging folder after a failed build. */
export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

export function readIndex(outDir: string): SnapshotIndex | undefined {
  const path = join(outDir, 'index.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as SnapshotIndex;
}

/** Writes a file through a temporary name and a rename. */
export function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
