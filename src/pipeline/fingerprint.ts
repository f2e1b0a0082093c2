import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './sql-files.ts';

/** Everything a snapshot is made from, apart from the raw files: code, SQL and reference data. */
const INPUT_FOLDERS = ['src/domain', 'src/pipeline', 'queries/pipeline', 'queries/app', 'data/reference', 'data/geo'];

/** A hash of the pipeline's code and reference data; a snapshot built by other code is stale. */
export function pipelineFingerprint(root = REPO_ROOT): string {
  const hash = createHash('sha256');
  for (const folder of INPUT_FOLDERS) {
    for (const file of listFiles(join(root, folder))) {
      hash.update(relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
