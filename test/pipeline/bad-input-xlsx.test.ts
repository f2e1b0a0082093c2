import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Duck } from '../../src/pipeline/duck.ts';
import { prepare } from '../../src/pipeline/stages.ts';
import type { InputIssue } from '../../src/pipeline/issues.ts';
import { inputIssuesAfter } from '../helpers.ts';

// What a spreadsheet hides or computes is never read silently: each case names the sheet row and column.

let duck: Duck;
beforeAll(async () => {
  duck = await Duck.open();
  await prepare(duck);
});
afterAll(() => duck.close());

/** Replaces lksa.csv of a valid copy by lksa.xlsx built from the same rows, after `change` edits the workbook. */
function issuesFor(change: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<InputIssue[]> {
  return inputIssuesAfter(duck, async (raw) => {
    const [header, ...rows] = readFileSync(join(raw, 'lksa.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('lksa');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r.map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
    change(wb, ws);
    await wb.xlsx.writeFile(join(raw, 'lksa.xlsx'));
    rmSync(join(raw, 'lksa.csv'));
  });
}

describe('XLSX input', () => {
  it('the same rows as a sheet are valid', async () => {
    expect(await issuesFor(() => undefined)).toEqual([]);
  });

  it('reads the first visible sheet: a hidden sheet in front of it is skipped', async () => {
    const issues = await issuesFor((wb, ws) => {
      // The first tab becomes a hidden notes sheet; the rows move to a visible second tab.
      const data = wb.addWorksheet('data');
      ws.eachRow((row) => { data.addRow((row.values as unknown[]).slice(1)); });
      for (let r = ws.rowCount; r >= 1; r--) ws.spliceRows(r, 1);
      ws.name = 'catatan';
      ws.addRow(['catatan internal, bukan data LKSA']);
      ws.state = 'hidden';
    });
    expect(issues).toEqual([]);
  });

  it('refuses hidden rows (a filter or "Hide"), naming each', async () => {
    const issues = await issuesFor((_wb, ws) => { ws.getRow(4).hidden = true; });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: 4, message: expect.stringMatching(/hidden row in sheet "lksa" \(e\.g\. by a filter\); unhide or delete it/) }));
  });

  it('refuses merged cells, naming the range and its row', async () => {
    const issues = await issuesFor((_wb, ws) => { ws.mergeCells('D5:D6'); });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: 5, message: expect.stringMatching(/merged cells D5:D6; unmerge and fill each cell/) }));
  });

  it('refuses a formula with no stored result, naming the cell', async () => {
    const issues = await issuesFor((_wb, ws) => { ws.getCell('H3').value = { formula: 'H2*2' } as ExcelJS.CellFormulaValue; });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: 3, column: 'jumlah_anak', message: expect.stringMatching(/a formula with no stored result/) }));
  });

  it('reads a formula by its stored result', async () => {
    expect(await issuesFor((_wb, ws) => { ws.getCell('H3').value = { formula: '5*5', result: 25 } as ExcelJS.CellFormulaValue; })).toEqual([]);
  });

  it('refuses an error value (#REF!), naming the cell', async () => {
    const issues = await issuesFor((_wb, ws) => { ws.getCell('I4').value = { error: '#REF!' } as ExcelJS.CellErrorValue; });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: 4, column: 'jumlah_pengasuh', message: expect.stringMatching(/the cell holds the error #REF!/) }));
  });

  it('refuses data to the right of the table, naming the row and column', async () => {
    const issues = await issuesFor((_wb, ws) => { ws.getCell('Q6').value = 'catatan: cek ulang'; });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: 6, column: 'Q', value: 'catatan: cek ulang', message: expect.stringMatching(/data to the right of the table \(column Q has no header\)/) }));
  });

  it('refuses a sheet with a header and no data rows', async () => {
    const issues = await issuesFor((_wb, ws) => { for (let r = ws.rowCount; r > 1; r--) ws.spliceRows(r, 1); });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: null, message: expect.stringMatching(/only a header row, no data rows/) }));
  });

  it('refuses a workbook whose every sheet is hidden', async () => {
    const issues = await issuesFor((_wb, ws) => { ws.state = 'hidden'; });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'lksa.xlsx', row: null, message: expect.stringMatching(/no visible worksheet/) }));
  });
});
