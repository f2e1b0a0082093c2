import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (two levels above src/pipeline). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The text of queries/<name>.sql; `name` may contain a folder ("pipeline/clean_violence"). */
export function readQuery(name: string): string {
  return readFileSync(join(REPO_ROOT, 'queries', `${name}.sql`), 'utf8');
}
