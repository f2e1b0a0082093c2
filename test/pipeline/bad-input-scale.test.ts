import { afterAll, describe, expect, it } from 'vitest';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Duck } from '../../src/pipeline/duck.ts';
import { prepare, validateInputs } from '../../src/pipeline/stages.ts';
import { InputError, MAX_SHOWN_PER_FILE } from '../../src/pipeline/issues.ts';
import { copyValidRaw, REFERENCE_DATE, tempDir } from '../helpers.ts';

// A million bad rows: the same file/row/column list as ten (the report CSV holds every one), bounded memory, and a
// console report of the first issues and a count. (130,000 used to crash with "Maximum call stack size exceeded".)

const N = 1_000_000;
const scratch = tempDir('pantau-scale-');
afterAll(() => scratch.cleanup());

describe('a million bad rows', () => {
  it('are all listed in build-errors.csv by file, row and column; the message shows the first and a count', async () => {
    const raw = copyValidRaw(scratch.dir);
    const header = readFileSync(join(raw, 'kekerasan.csv'), 'utf8').split('\n')[0]!;
    const lines: string[] = [header];
    for (let i = 0; i < N; i++) lines.push(`K-${i},2024-01-01,32.73,P,99,fisik,rumah_tangga,orang_tua,tidak,`);
    writeFileSync(join(raw, 'kekerasan.csv'), lines.join('\n') + '\n');
    const report = join(raw, 'build-errors.csv');
    const duck = await Duck.open();
    const rssBefore = process.memoryUsage().rss;
    let error: unknown;
    try {
      await prepare(duck);
      await validateInputs(duck, { rawDir: raw, referenceDate: REFERENCE_DATE, errorReport: report }, scratch.dir);
    } catch (e) {
      error = e;
    } finally {
      duck.close();
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.total).toBe(N);
    expect(e.perFile.get('kekerasan.csv')).toBe(N);
    expect(e.issues).toHaveLength(MAX_SHOWN_PER_FILE);
    expect(e.issues[0]).toMatchObject({ file: 'kekerasan.csv', row: 2, column: 'usia', value: '99' });
    expect(e.message).toMatch(new RegExp(`and ${N - MAX_SHOWN_PER_FILE} more`));
    // JS holds the first issues only: far less than a million issue objects would take.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(600 * 2 ** 20);

    let count = 0;
    let expectedRow = 2;
    let ordered = true;
    for await (const line of createInterface({ input: createReadStream(report) })) {
      if (count++ === 0) { expect(line).toBe('"file","row","column","value","message"'); continue; }
      const m = /^"kekerasan\.csv","(\d+)","usia","99","di luar rentang 0\.\.17/.exec(line);
      if (!m || Number(m[1]) !== expectedRow++) ordered = false;
    }
    expect(count).toBe(N + 1);
    expect(ordered).toBe(true);
  }, 180_000);
});
