import { createReadStream, lstatSync, openSync, readSync, closeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

// What a raw file is before it is read as a table: a regular file, not empty, not another format under a .csv or
// .xlsx name, UTF-8 text with LF or CRLF line ends. Each problem is one sentence; the file's bytes are never echoed.

/** A file-level problem (null when the file is fine), with the line it was found on where there is one. */
export interface FileProblem { message: string; row: number | null }

const problem = (message: string, row: number | null = null): FileProblem => ({ message, row });

/** Checks what the path is (not a symlink, a regular file, not empty) and what its first bytes say it is. */
export function checkFileKind(path: string, kind: 'csv' | 'xlsx'): FileProblem | null {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) {
    return problem('berkas adalah tautan simbolik (symlink); salin berkas aslinya ke folder ini / the file is a symbolic link; copy the real file into this folder');
  }
  if (!st.isFile()) return problem('bukan berkas biasa (folder atau perangkat) / not a regular file (a folder or a device)');
  if (st.size === 0) return problem('berkas kosong atau tanpa baris judul / empty file or no header row');
  const head = Buffer.alloc(Math.min(st.size, 65536));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const format = sniffFormat(head);
  if (kind === 'xlsx') {
    if (format === 'zip') return null;
    if (format === 'ole2') return problem('berkas Excel 97-2003 (.xls) yang dinamai .xlsx; simpan sebagai "Excel Workbook (.xlsx)" / an Excel 97-2003 (.xls) file named .xlsx; save it as "Excel Workbook (.xlsx)"');
    return problem(`bukan berkas XLSX (bukan arsip ZIP${format === 'text' ? '; mungkin CSV yang dinamai .xlsx' : ''}) / not an XLSX file (not a ZIP archive${format === 'text' ? '; perhaps a CSV named .xlsx' : ''})`);
  }
  switch (format) {
    case 'zip': return problem('berkas ZIP (mungkin XLSX) yang dinamai .csv; simpan sebagai "CSV UTF-8" atau beri nama .xlsx / a ZIP file (perhaps an XLSX) named .csv; save it as "CSV UTF-8" or name it .xlsx');
    case 'ole2': return problem('berkas Excel 97-2003 (.xls) yang dinamai .csv; simpan sebagai "CSV UTF-8" / an Excel 97-2003 (.xls) file named .csv; save it as "CSV UTF-8"');
    case 'image': return problem('berkas gambar yang dinamai .csv / an image file named .csv');
    case 'pdf': return problem('berkas PDF yang dinamai .csv / a PDF file named .csv');
    case 'utf16': return problem('teks UTF-16 ("Unicode Text"); simpan sebagai "CSV UTF-8" / UTF-16 ("Unicode Text") encoding; save it as "CSV UTF-8"');
    case 'binary': return problem('bukan berkas teks (ada byte biner) / not a text file (binary bytes)');
    default: return null;
  }
}

type Format = 'zip' | 'ole2' | 'image' | 'pdf' | 'utf16' | 'binary' | 'text';

function sniffFormat(b: Buffer): Format {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)
    || starts(0x42, 0x4d) && b.length > 26 && b.indexOf(0) > 0 || starts(0x52, 0x49, 0x46, 0x46) && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'utf16';
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  const zeros = b.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
  if (zeros > 0) return zeros * 4 >= b.length ? 'utf16' : 'binary';
  return 'text';
}

/** What one streaming pass over a CSV's bytes finds. */
export interface CsvScan {
  /** The header line (BOM and line end removed). */
  firstLine: string;
  delimiter: string;
  /** A line holding data after the header exists. */
  hasData: boolean;
  /** The first blank line that is followed by more data (the CSV reader would skip it and shift row numbers). */
  blankLine: number | null;
  problem: FileProblem | null;
}

/**
 * One streaming pass over the bytes: the header line and delimiter (comma, semicolon as Excel writes it in
 * Indonesian locales, or tab), line ends (CR-only is refused), UTF-8 validity (the line of the first invalid byte:
 * Latin-1 / Windows-1252 exports), whether any data line follows the header, and the first blank line.
 */
export async function scanCsv(path: string): Promise<CsvScan> {
  let head: Buffer | null = null;
  let line = 1; // the line the next byte belongs to
  let lineHasContent = false;
  let pendingBlank: number | null = null;
  let blankLine: number | null = null;
  let hasData = false;
  let carry: Buffer = Buffer.alloc(0); // the bytes of a UTF-8 character cut by the chunk boundary
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    if (head === null) {
      head = buf.subarray(0, 65536);
      const crOnly = crOnlyLineEnds(head);
      if (crOnly) return { firstLine: '', delimiter: ',', hasData: false, blankLine: null, problem: crOnly };
    }
    const bad = invalidUtf8Offset(carry, buf);
    if (bad !== null) {
      const before = countNewlines(buf, 0, Math.max(0, bad));
      return { firstLine: '', delimiter: ',', hasData, blankLine, problem: problem(
        'bukan teks UTF-8 (mungkin Latin-1/Windows-1252, "CSV" biasa dari Excel); simpan sebagai "CSV UTF-8" / not UTF-8 text (probably Latin-1 / Windows-1252, Excel\'s plain "CSV"); save it as "CSV UTF-8"',
        line + before) };
    }
    carry = utf8Tail(buf);
    let start = 0;
    while (start <= buf.length) {
      const nl = buf.indexOf(10, start);
      const end = nl === -1 ? buf.length : nl;
      for (let i = start; i < end && !lineHasContent; i++) {
        const b = buf[i];
        if (b !== 13 && b !== 32 && b !== 9) lineHasContent = true;
      }
      if (nl === -1) break;
      if (line > 1 && lineHasContent) {
        hasData = true;
        if (pendingBlank !== null && blankLine === null) blankLine = pendingBlank;
      }
      if (!lineHasContent && line > 1) pendingBlank ??= line;
      line++;
      lineHasContent = false;
      start = nl + 1;
    }
  }
  if (line > 1 && lineHasContent) {
    hasData = true;
    if (pendingBlank !== null && blankLine === null) blankLine = pendingBlank;
  }
  if (carry.length > 0) {
    return { firstLine: '', delimiter: ',', hasData, blankLine, problem: problem('berkas berakhir di tengah karakter UTF-8 / the file ends inside a UTF-8 character', line) };
  }
  const text = (head ?? Buffer.alloc(0)).toString('utf8');
  const firstLine = (text.split('\n')[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (firstLine.trim() === '') return { firstLine, delimiter: ',', hasData, blankLine, problem: problem('berkas kosong atau tanpa baris judul / empty file or no header row') };
  const delimiter = [',', ';', '\t'].find((d) => firstLine.includes(d)) ?? ',';
  if (!hasData) return { firstLine, delimiter, hasData, blankLine, problem: problem('hanya baris judul, tidak ada baris data; ekspor yang kosong tidak menggantikan snapshot / only a header row, no data rows; an empty export never replaces a snapshot') };
  return { firstLine, delimiter, hasData, blankLine, problem: null };
}

/** Line ends of CR alone (classic Mac OS "CSV (Macintosh)"): the reader would see one endless line. */
function crOnlyLineEnds(head: Buffer): FileProblem | null {
  const cr = head.indexOf(13);
  if (cr === -1) return null;
  if (head[cr + 1] === 10 || cr + 1 >= head.length) return null;
  return problem('baris diakhiri CR saja (format Mac lama); simpan sebagai "CSV UTF-8" / lines end in CR only (old Mac format); save it as "CSV UTF-8"', 1);
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** The trailing bytes of an unfinished UTF-8 character at the end of `buf` (0-3 bytes). */
function utf8Tail(buf: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.subarray(buf.length - back) : Buffer.alloc(0);
  }
  return Buffer.alloc(0);
}

/**
 * null when `carry + buf` minus the unfinished character at its end is valid UTF-8; otherwise the offset in `buf`
 * of the first invalid byte (negative when the fault is in the carried bytes). Fast path: the native check.
 */
function invalidUtf8Offset(carry: Buffer, buf: Buffer): number | null {
  const tail = utf8Tail(buf).length;
  const whole = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, buf.length - tail)]) : buf.subarray(0, buf.length - tail);
  if (isUtf8(whole)) return null;
  // Slow path, on failure only: walk to the first invalid sequence.
  const d = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = whole.length;
  // Binary search on prefixes cut at character starts: the longest valid prefix ends at the first invalid byte.
  while (hi - lo > 4) {
    let mid = (lo + hi) >> 1;
    while (mid > lo && (whole[mid]! & 0xc0) === 0x80) mid--;
    try {
      d.decode(whole.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo - carry.length;
}
