// The browser's table loader: tables of the current snapshot, decoded in a Web Worker and inserted into the page's
// DuckDB engine.
import { decodeParquet } from './decoder.ts';
import { openEngine } from './engine.ts';
import { createTableLoader } from './loader.ts';
import { resetProgress, setTable } from './progress.ts';
import { currentSnapshot, onSnapshot } from './snapshot.ts';

export { TableLoadError } from './loader.ts';

const loader = createTableLoader({
  engine: openEngine,
  snapshot: currentSnapshot,
  onProgress: setTable,
  decode: decodeParquet,
});

let lastBase: string | null = null;
onSnapshot((s) => {
  // Another snapshot: its tables load afresh (replacing the old ones on first use), so their progress restarts.
  if (lastBase !== null && lastBase !== s.base) resetProgress();
  lastBase = s.base;
});

/**
 * Loads each named table of the current snapshot that is not loaded yet: in parallel, each once even when asked
 * concurrently, with progress in the progress store. Rejects with a TableLoadError naming the table and the file
 * (several failures: an AggregateError listing them); other tables and later queries are unaffected, and a failed
 * table is tried again on the next call.
 */
export function ensureTables(names: string[]): Promise<void> {
  return loader.ensureTables(names);
}

/** The tables loaded and queryable now. */
export const loadedTables = (): string[] => loader.loaded();
