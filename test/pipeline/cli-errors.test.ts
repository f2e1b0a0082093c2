import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { describeFailure } from '../../src/pipeline/cli/failure.ts';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { UsageError } from '../../src/pipeline/issues.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Every error of `npm run build:data` is a sentence naming what to fix, never a stack trace.

const scratch = tempDir('pantau-cli-');
afterAll(() => scratch.cleanup());
const out = join(scratch.dir, 'out');

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/pipeline/cli/build-data.ts'), '--out', out, ...args], { cwd: REPO_ROOT });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

const oneSentence = (stderr: string) => {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.trim().split('\n')).toHaveLength(1);
};

describe('build-data command-line errors', () => {
  it.each([
    ['a missing folder', ['--raw', '/nonexistent/folder'], /^build-data: folder not found: \/nonexistent\/folder \(--raw\); give the folder that holds kekerasan, lksa and kla\.$/],
    ['an impossible reference date', ['--raw', VALID_RAW, '--reference-date', '2025-02-30'], /invalid reference date "2025-02-30" \(--reference-date\); write a real date as YYYY-MM-DD/],
    ['a reference date in another form', ['--raw', VALID_RAW, '--reference-date', '31/12/2025'], /invalid reference date "31\/12\/2025"/],
    ['k below 2', ['--raw', VALID_RAW, '--k', '1'], /invalid --k "1"; give a whole number of at least 2/],
    ['the snapshot id index.json (it would replace the index)', ['--raw', VALID_RAW, '--snapshot-id', 'index.json'], /snapshot id "index\.json" is reserved/],
    ['a snapshot id starting with a dot', ['--raw', VALID_RAW, '--snapshot-id', '.staging-x'], /invalid snapshot id "\.staging-x": use a-z, 0-9, '\.', '_', '-', starting with a letter or digit/],
    ['a snapshot id like a retired folder', ['--raw', VALID_RAW, '--snapshot-id', 'demo.retired-123'], /snapshot id "demo\.retired-123" is reserved/],
    ['a snapshot id like a compressed copy of the index', ['--raw', VALID_RAW, '--snapshot-id', 'index.json.br'], /snapshot id "index\.json\.br" is reserved/],
    ['a snapshot id with capitals and spaces', ['--raw', VALID_RAW, '--snapshot-id', 'SIMFONI 2025'], /invalid snapshot id "SIMFONI 2025"/],
  ])('%s', async (_name, args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toMatch(message);
    oneSentence(r.stderr);
    // Nothing was written.
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);

  it('refuses a reserved id in the build itself, before anything is written', async () => {
    await expect(buildSnapshot({ rawDir: VALID_RAW, outDir: out, snapshotId: 'index.json', k: 5, referenceDate: REFERENCE_DATE, synthetic: true }))
      .rejects.toBeInstanceOf(UsageError);
    expect(existsSync(join(out, 'index.json'))).toBe(false);
  });

  it('says a full disk in a sentence, whether Node or DuckDB ran out of space', () => {
    const node = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const duck = new Error('IO Error: Could not write file "/tmp/pantau-build-x/spill/duckdb_temp_block-4611686018427388032.block": No space left on device\n  at ...');
    for (const e of [node, duck]) {
      const f = describeFailure(e, { outDir: '/srv/public/data' });
      expect(f.code).toBe(4);
      expect(f.text).toMatch(/^build-data: FAILED: the disk is full \(no space left on device\); free space for \/srv\/public\/data and the temporary folder .*The previous snapshot is untouched\.$/);
      oneSentence(f.text);
    }
  });

  it('says that DuckDB ran out of its memory budget, and how to give it more', () => {
    const f = describeFailure(new Error('Out of Memory Error: failed to allocate data of size 16.0 MiB (940.8 MiB/953.6 MiB used)\n\nPossible solutions:\n* ...'), { outDir: '/o' });
    expect(f.text).toMatch(/^build-data: FAILED: DuckDB ran out of its memory budget \(.+\) in a step that cannot spill to disk; run again with more, e\.g\. PANTAU_MEMORY_LIMIT=4GB/);
    oneSentence(f.text);
  });

  it('says any other failure in one line, the stack only with PANTAU_DEBUG=1', () => {
    const f = describeFailure(new TypeError('Cannot read properties of undefined (reading \'x\')\n    at foo (bar.ts:1:1)'), { outDir: '/o' });
    expect(f.text).toMatch(/^build-data: FAILED: Cannot read properties of undefined \(reading 'x'\)\. The previous snapshot is untouched\. \(PANTAU_DEBUG=1 shows the details\.\)$/);
    oneSentence(f.text);
  });
});
