import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** public/data/index.json: which snapshots exist and which one the app opens. */
export interface SnapshotIndex {
  current: string;
  snapshots: Array<{ id: string; built_at: string; synthetic: boolean; reference_date: string }>;
}

const SNAPSHOT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A snapshot id is a safe folder name: lower-case letters, digits, '.', '_' and '-'. */
export function assertSnapshotId(id: string): void {
  if (!SNAPSHOT_ID.test(id)) throw new Error(`invalid snapshot id ${JSON.stringify(id)}: use a-z, 0-9, '.', '_', '-' (max 64)`);
}

/** A fresh staging folder beside the snapshots; nothing in it is visible to the app until commit. */
export function stagingDir(outDir: string, id: string): string {
  mkdirSync(outDir, { recursive: true });
  recoverInterruptedCommit(outDir, id);
  const dir = join(outDir, `.staging-${id}-${process.pid}-${Date.now()}`);
  mkdirSync(dir);
  return dir;
}

/**
 * Makes a staged snapshot current. Each step is a rename within one folder, so a crash leaves either the old
 * snapshot or the new one in place, never a mix; the index is replaced the same way, last.
 */
export function commitSnapshot(outDir: string, staging: string, entry: SnapshotIndex['snapshots'][number]): string {
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

/** If a previous commit stopped between its two renames, puts the retired snapshot back. */
function recoverInterruptedCommit(outDir: string, id: string): void {
  const target = join(outDir, id);
  const retired = readdirSync(outDir).filter((f) => f.startsWith(`${id}.retired-`)).sort();
  const last = retired.at(-1);
  if (!existsSync(target) && last) renameSync(join(outDir, last), target);
  for (const f of readdirSync(outDir).filter((f) => f.startsWith(`${id}.retired-`))) rmSync(join(outDir, f), { recursive: true, force: true });
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
