// Where chart snapshots live and how two renderings are compared; shared by snapshots.test.ts and gallery.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SNAPSHOT_DIR = fileURLToPath(new URL('./snapshots/', import.meta.url));
/** The committed snapshot of a case. */
export const snapshotPath = (name: string): string => join(SNAPSHOT_DIR, `${name}.svg`);
/** The rendering that differed from the snapshot (git-ignored), written by a failing test. */
export const actualPath = (name: string): string => join(SNAPSHOT_DIR, `${name}-actual.svg`);
/** A path as a message shows it: relative to the working folder (the repository when run by npm). */
export const shown = (path: string): string => relative(process.cwd(), path);
export const isActualFile = (file: string): boolean => file.endsWith('-actual.svg');

export const UPDATE_COMMAND = 'npm run test:charts:update';

/** Line endings aside (a checkout may turn LF into CRLF), two SVGs must be the same text. */
const canonical = (svg: string): string => svg.replace(/\r\n/g, '\n');
export const sameSvg = (a: string, b: string): boolean => canonical(a) === canonical(b);

/** The committed snapshot, or null when there is none. */
export const readSnapshot = (name: string): string | null => (existsSync(snapshotPath(name)) ? readFileSync(snapshotPath(name), 'utf8') : null);
