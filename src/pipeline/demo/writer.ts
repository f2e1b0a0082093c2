import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes a CSV file under a temporary name in the target folder and renames it into place on `commit()`,
 * so a crash or an error never leaves a half-written file under the real name. Each line is encoded into a
 * 4 MB buffer at once (so the line strings die young and cost the garbage collector little) and full buffers
 * are written out; memory stays bounded however many rows are written.
 */
export class AtomicCsvWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  private full: Buffer[] = [];
  private lines = 0;

  private constructor(private readonly fh: FileHandle, private readonly tmpPath: string, readonly path: string) {}

  static async create(path: string, header: readonly string[]): Promise<AtomicCsvWriter> {
    const tmpPath = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    const fh = await open(tmpPath, 'w');
    const w = new AtomicCsvWriter(fh, tmpPath, path);
    w.append(header.join(','));
    return w;
  }

  /** Number of data lines written so far (the header excluded). */
  get rows(): number {
    return this.lines;
  }

  /** Adds one data line (fields already CSV-safe and joined, no line break) and writes out full buffers. */
  async line(text: string): Promise<void> {
    this.push(text);
    await this.maybeFlush();
  }

  /** Adds a line without awaiting; call `maybeFlush()` now and then (for tight loops). */
  push(text: string): void {
    this.append(text);
    this.lines++;
  }

  private append(text: string): void {
    const worst = text.length * 3 + 1;
    if (this.pos + worst > this.buf.length) {
      if (this.pos > 0) this.full.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, worst));
      this.pos = 0;
    }
    this.pos += this.buf.write(text, this.pos, 'utf8');
    this.buf[this.pos++] = 10;
  }

  async maybeFlush(): Promise<void> {
    if (this.full.length === 0) return;
    const buffers = this.full;
    this.full = [];
    for (const b of buffers) await this.fh.write(b);
  }

  async commit(): Promise<void> {
    await this.maybeFlush();
    if (this.pos > 0) await this.fh.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
    await this.fh.close();
    await rename(this.tmpPath, this.path);
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.tmpPath, { force: true });
  }
}

/** Runs `fill` on a new writer; commits on success, removes the temporary file on failure. */
export async function writeCsvAtomically(
  path: string, header: readonly string[], fill: (w: AtomicCsvWriter) => Promise<void>,
): Promise<number> {
  const w = await AtomicCsvWriter.create(path, header);
  try {
    await fill(w);
    await w.commit();
  } catch (e) {
    await w.abort();
    throw e;
  }
  return w.rows;
}
