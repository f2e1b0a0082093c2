import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Unzip, UnzipInflate } from 'fflate';
import ExcelJS from 'exceljs';
import type { InputIssue } from './issues.ts';

// XLSX input: the first visible sheet, converted to a CSV with the sheet's row numbers in a leading __row column.
// What a spreadsheet hides or computes is never read silently: hidden rows, merged cells, formulas without a stored
// result, error values and data to the right of the table are issues naming the cell.

/** The structure of a workbook that the streaming cell reader does not expose. */
interface SheetLayout {
  /** Name of the first sheet, in tab order, that is not hidden. */
  sheet: string | null;
  hiddenSheets: string[];
  /** Sheet row numbers marked hidden (a filter or "Hide"), in order. */
  hiddenRows: number[];
  /** Merged ranges such as "A5:A7". */
  merges: string[];
}

/** Converts the first visible sheet of `xlsxPath` to `csvPath`; returns issues (empty when the sheet is clean). */
export async function xlsxToCsv(xlsxPath: string, csvPath: string, file: string): Promise<InputIssue[]> {
  const layout = await readLayout(xlsxPath);
  const issue = (message: string, row: number | null = null, column: string | null = null, value: string | null = null): InputIssue =>
    ({ file, row, column, value, message });
  if (layout.sheet === null) {
    return [issue('tidak ada lembar kerja yang terlihat / no visible worksheet')];
  }
  const issues: InputIssue[] = [];
  for (const r of layout.hiddenRows) {
    issues.push(issue(`baris tersembunyi di lembar "${layout.sheet}" (mis. oleh filter); tampilkan atau hapus / hidden row in sheet "${layout.sheet}" (e.g. by a filter); unhide or delete it`, r));
  }
  for (const m of layout.merges) {
    const row = Number(/\d+/.exec(m)?.[0] ?? NaN);
    issues.push(issue(`sel digabung ${m}; pisahkan dan isi tiap sel / merged cells ${m}; unmerge and fill each cell`, Number.isFinite(row) ? row : null));
  }

  const out = createWriteStream(csvPath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsxPath, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  let header: string[] = [];
  for await (const sheet of reader) {
    if ((sheet as unknown as { name?: string }).name !== layout.sheet) continue;
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1);
      if (row.number === 1) header = values.map((v) => cellText(v).text);
      const cells: string[] = [];
      for (let i = 0; i < Math.max(header.length, values.length); i++) {
        const c = cellText(values[i]);
        const column = header[i] || columnLetter(i);
        if (c.problem) issues.push(issue(c.problem, row.number, column, null));
        if (i >= header.length) {
          if (c.text !== '') issues.push(issue(`data di kanan tabel (kolom ${columnLetter(i)} tanpa judul) / data to the right of the table (column ${columnLetter(i)} has no header)`, row.number, columnLetter(i), c.text.slice(0, 100)));
          continue;
        }
        cells.push(c.text);
      }
      if (row.number > 1 && cells.every((c) => c === '')) continue;
      const line = [row.number === 1 ? '__row' : String(row.number), ...cells].map(csvQuote).join(',') + '\n';
      if (!out.write(line)) await once(out, 'drain');
    }
    break;
  }
  out.end();
  await once(out, 'finish');
  return issues;
}

/** "A".."Z", "AA"... for a 0-based column index. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellText(v: unknown): { text: string; problem?: string } {
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { text: '', problem: 'nilai sel bukan angka yang sah / the cell holds no valid number' };
    return { text: String(v) };
  }
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown; richText?: Array<{ text: string }> };
    if (o.richText) return { text: o.richText.map((t) => t.text).join('') };
    if (o.error !== undefined) return { text: '', problem: `sel berisi galat ${String(o.error)} / the cell holds the error ${String(o.error)}` };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      if (o.result === undefined) return { text: '', problem: 'rumus tanpa hasil tersimpan; buka dan simpan ulang di Excel, atau tempel sebagai nilai / a formula with no stored result; open and save the file in Excel, or paste values' };
      if (typeof o.result === 'number' && Number.isNaN(o.result)) return { text: '', problem: 'rumus menghasilkan galat / the formula\'s result is an error' };
      return cellText(o.result);
    }
    if (o.text !== undefined) return cellText(o.text);
    return { text: '' };
  }
  return { text: String(v) };
}

const csvQuote = (s: string) => `"${s.replace(/"/g, '""').replace(/\r?\n/g, ' ')}"`;

/** Reads workbook.xml, its relationships and the first visible sheet's XML for hidden rows and merged cells. */
async function readLayout(path: string): Promise<SheetLayout> {
  const texts = new Map<string, string>();
  const wanted = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  await unzipEach(path, (name) => wanted.has(name), (name, text) => texts.set(name, text));
  const workbook = texts.get('xl/workbook.xml') ?? '';
  const rels = texts.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)>/g)].map((m) => ({
    name: xmlDecode(attr(m[1]!, 'name') ?? ''), state: attr(m[1]!, 'state') ?? 'visible', rid: attr(m[1]!, 'r:id') ?? '',
  }));
  const first = sheets.find((s) => s.state === 'visible');
  const layout: SheetLayout = { sheet: first?.name ?? null, hiddenSheets: sheets.filter((s) => s.state !== 'visible').map((s) => s.name), hiddenRows: [], merges: [] };
  const sheetPath = first ? targets.get(first.rid) : undefined;
  if (!sheetPath) return layout;
  // The sheet's XML is streamed; tags cut by a chunk boundary are completed by the next chunk.
  let rest = '';
  await unzipEach(path, (name) => name === sheetPath, undefined, (chunk) => {
    const text = rest + chunk;
    const cut = text.lastIndexOf('<');
    const complete = cut === -1 ? text : text.slice(0, cut);
    rest = cut === -1 ? '' : text.slice(cut);
    for (const m of complete.matchAll(/<row\b([^>]*)>|<mergeCell\b([^>]*)>/g)) {
      if (m[1] !== undefined) {
        const hidden = attr(m[1], 'hidden');
        if (hidden === '1' || hidden === 'true') layout.hiddenRows.push(Number(attr(m[1], 'r')));
      } else {
        const ref = attr(m[2]!, 'ref');
        if (ref) layout.merges.push(ref);
      }
    }
  });
  return layout;
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
const xmlDecode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Streams the ZIP at `path` and decodes the entries that `want` accepts, whole (`onText`) or chunk by chunk (`onChunk`). */
async function unzipEach(path: string, want: (name: string) => boolean, onText?: (name: string, text: string) => void,
  onChunk?: (text: string) => void): Promise<void> {
  let failure: Error | null = null;
  const unzip = new Unzip((f) => {
    if (!want(f.name)) return;
    const decoder = new TextDecoder();
    let text = '';
    f.ondata = (err, data, final) => {
      if (err) { failure = err; return; }
      const s = decoder.decode(data, { stream: !final });
      if (onChunk) onChunk(s); else text += s;
      if (final && onText) onText(f.name, text);
    };
    f.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(path)) {
    unzip.push(chunk as Buffer);
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
}
