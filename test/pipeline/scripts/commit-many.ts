// Child process for snapshot-lock.test.ts: commits `count` tiny snapshots named <prefix>-<i> into <outDir>, or (mode
// hold) takes the folder's lock, says "locked" and keeps it for <ms> milliseconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitSnapshot } from '../../../src/pipeline/snapshot-dir.ts';
import { withSnapshotLock } from '../../../src/pipeline/snapshot-lock.ts';

const [mode, outDir, a, b] = process.argv.slice(2) as [string, string, string, string];
if (mode === 'hold') {
  withSnapshotLock(outDir, () => {
    process.stdout.write('locked\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(a));
  });
} else {
  for (let i = 0; i < Number(b); i++) {
    const id = `${a}-${i}`;
    const staging = join(outDir, `.staging-${id}-${process.pid}-${i}`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'manifest.json'), '{}');
    commitSnapshot(outDir, staging, { id, built_at: new Date().toISOString(), synthetic: true, reference_date: '2025-12-31' });
  }
}
