import { afterAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSnapshot, type BuildOptions } from '../../src/pipeline/build.ts';
import { commitSnapshot, isWorkingEntry, readIndex } from '../../src/pipeline/snapshot-dir.ts';
import { LOCK_FILE, processAlive } from '../../src/pipeline/snapshot-lock.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { copyValidRaw, REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Builds that run at once, and builds that were killed: the snapshots folder's lock, stale working folders.

const run = promisify(execFile);
const CHILD = join(REPO_ROOT, 'test', 'pipeline', 'scripts', 'commit-many.ts');
const child = (...args: string[]) => run(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO_ROOT });
const scratch = tempDir('pantau-lock-');
afterAll(() => scratch.cleanup());
const options = (outDir: string, over: Partial<BuildOptions> = {}): BuildOptions =>
  ({ rawDir: VALID_RAW, outDir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true, ...over });

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => p.on('exit', r));
  expect(processAlive(p.pid!)).toBe(false);
  return p.pid!;
}

describe('two builds at once', () => {
  it('both land in index.json when two processes commit 40 snapshots each into one folder', async () => {
    const out = join(scratch.dir, 'many');
    mkdirSync(out);
    await Promise.all([child('commit', out, 'a', '40'), child('commit', out, 'b', '40')]);
    const ids = readIndex(out)!.snapshots.map((s) => s.id);
    expect(ids).toHaveLength(80);
    expect(readdirSync(out).filter((f) => f.startsWith('.')).sort()).toEqual([]);
  }, 120_000);

  it('two full builds started together both become snapshots', async () => {
    const out = join(scratch.dir, 'two');
    const script = `import { buildSnapshot } from ${JSON.stringify(join(REPO_ROOT, 'src/pipeline/build.ts'))};
      await buildSnapshot({ rawDir: ${JSON.stringify(VALID_RAW)}, outDir: ${JSON.stringify(out)}, snapshotId: process.argv[1], k: 5, referenceDate: '${REFERENCE_DATE}', synthetic: true });`;
    const build = (id: string) => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, id], { cwd: REPO_ROOT });
    await Promise.all([build('one'), build('two')]);
    const index = readIndex(out)!;
    expect(index.snapshots.map((s) => s.id).sort()).toEqual(['one', 'two']);
    expect(existsSync(join(out, 'one', 'manifest.json')) && existsSync(join(out, 'two', 'manifest.json'))).toBe(true);
  }, 120_000);

  it('a commit waits while another process holds the lock', async () => {
    const out = join(scratch.dir, 'wait');
    mkdirSync(out);
    const holder = spawn(process.execPath, ['--import', 'tsx', CHILD, 'hold', out, '1500'], { cwd: REPO_ROOT });
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve(); }));
    const staging = join(out, '.staging-x-1-1');
    mkdirSync(staging);
    const t0 = performance.now();
    commitSnapshot(out, staging, { id: 'x', built_at: 'now', synthetic: true, reference_date: REFERENCE_DATE });
    expect(performance.now() - t0).toBeGreaterThan(500);
    await new Promise((r) => holder.on('exit', r));
    expect(readIndex(out)!.current).toBe('x');
  }, 60_000);

  it('takes over a lock left by a killed build', async () => {
    const out = join(scratch.dir, 'stale-lock');
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: (await import('node:os')).hostname(), since: '2020-01-01' }));
    const staging = join(out, '.staging-y-1-1');
    mkdirSync(staging);
    commitSnapshot(out, staging, { id: 'y', built_at: 'now', synthetic: true, reference_date: REFERENCE_DATE });
    expect(readIndex(out)!.current).toBe('y');
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });
});

describe('what a killed build leaves behind', () => {
  it('its staging folder is removed by the next build; a live build\'s is kept', async () => {
    const out = join(scratch.dir, 'killed');
    mkdirSync(out, { recursive: true });
    const dead = join(out, `.staging-fixture-${await deadPid()}-1700000000000`);
    const live = join(out, `.staging-other-${process.ppid}-1700000000000`);
    for (const d of [dead, live]) {
      mkdirSync(d);
      writeFileSync(join(d, 'kekerasan.parquet'), 'half-written');
    }
    await buildSnapshot(options(out));
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([live.split('/').at(-1), 'fixture', 'index.json'].sort());
  }, 60_000);

  it('working entries are recognised, so the site build leaves them out of dist/', () => {
    for (const n of ['.staging-demo-123-1700000000000', '.build.lock', 'demo.retired-4567', 'index.json.tmp-99']) expect(isWorkingEntry(n)).toBe(true);
    for (const n of ['demo', 'simfoni-2025', 'index.json', 'snapshot-2025-12-31']) expect(isWorkingEntry(n)).toBe(false);
  });

  it('a stale build-errors.csv is removed after a successful build', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const raw = copyValidRaw(dir);
      const report = join(raw, 'build-errors.csv');
      writeFileSync(report, '"file","row","column","value","message"\n"kla.csv","2","nilai_total","x","old problem"\n');
      await buildSnapshot(options(join(dir, 'out'), { rawDir: raw, errorReport: report }));
      expect(existsSync(report)).toBe(false);
      expect(readFileSync(join(raw, 'kla.csv'), 'utf8')).toMatch(/^tahun,/);
    } finally {
      cleanup();
    }
  }, 60_000);
});
