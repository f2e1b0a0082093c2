import { describe, expect, it } from 'vitest';
import { describeFault, describeFaults, isCodeLoadError, RenderError } from '../../src/app/faults.ts';
import { failedCodeUrl, withRetry } from '../../src/app/code-retry.ts';
import { EngineStartError, TableLoadError, type EngineFault, type TableFault } from '../../src/db/load-errors.ts';
import { SnapshotLoadError } from '../../src/db/snapshot.ts';

// Every load failure is described once, in Bahasa Indonesia and English, with a key that is the same wherever the
// same failure shows (the page names it once), and the technical words kept apart for a report.

const table = (code: TableFault, name = 'kla', status?: number) =>
  new TableLoadError(name, `${name}.parquet`, `./data/demo/${name}.parquet`, 'reason', status, undefined, code);

describe('describeFault', () => {
  it('names the engine\'s failure by its cause, in both languages, under one key', () => {
    const faults: EngineFault[] = ['worker-missing', 'wasm-missing', 'wasm-type', 'wasm-invalid', 'stalled', 'unknown'];
    const messages = faults.map((f) => describeFault(new EngineStartError(f, 'detail')));
    for (const m of messages) {
      expect(m.key).toBe('engine');
      expect(m.message.id).toMatch(/^Mesin kueri tidak dapat dimulai/);
      expect(m.message.en).toMatch(/^The query engine could not start/);
      expect(m.detail).toContain('detail');
    }
    expect(new Set(messages.map((m) => m.message.id)).size).toBe(faults.length);
    expect(describeFault(new EngineStartError('wasm-type', '')).message.id).toContain('application/wasm');
    expect(describeFault(new EngineStartError('stalled', '')).message.en).toContain('20 seconds');
  });

  it('names a table\'s failure with the table, keyed by the table', () => {
    expect(describeFault(table('not-found')).message).toEqual({ id: 'Tabel kla tidak ditemukan di server (berkasnya hilang).', en: 'Table kla was not found on the server (its file is missing).' });
    expect(describeFault(table('network')).message.id).toBe('Tabel kla tidak dapat diunduh: koneksi terputus.');
    expect(describeFault(table('stalled')).message).toEqual({ id: 'Unduhan tabel kla macet: tidak ada data selama 10 detik.', en: 'The download of table kla stalled: no data for 10 seconds.' });
    expect(describeFault(table('http', 'kla', 403)).message.en).toBe('The server refused to send table kla (HTTP 403).');
    expect(describeFault(table('corrupt')).message.id).toContain('rusak');
    expect(describeFault(table('insert')).message.en).toContain('query engine');
    expect(describeFault(table('unknown-table')).message.en).toBe('Table kla is not in this snapshot.');
    expect(describeFault(table('network')).key).toBe('table:kla');
    expect(describeFault(table('network', 'lksa')).key).toBe('table:lksa');
    expect(describeFault(table('network')).detail).toBe('table kla (./data/demo/kla.parquet): reason');
  });

  it('names the snapshot, code that did not arrive, a render failure and anything else', () => {
    expect(describeFault(new SnapshotLoadError('./data/index.json', 'network', 'could not be fetched')).message.id).toBe('Data snapshot tidak dapat dibuka: koneksi terputus.');
    expect(describeFault(new SnapshotLoadError('./data/demo/manifest.json', 'not-found', 'HTTP 404')).key).toBe('snapshot');
    const chunk = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:5173/assets/KlaView-BLM5cwRO.js');
    expect(describeFault(chunk)).toMatchObject({ kind: 'code', message: { en: 'This part of the app could not be loaded: the connection dropped before its code arrived.' } });
    expect(describeFault(new RenderError(new Error('boom')))).toMatchObject({ kind: 'other', message: { id: 'Halaman ini gagal ditampilkan karena kesalahan aplikasi.' } });
    expect(describeFault(new Error('Binder Error: x'))).toMatchObject({ kind: 'other', detail: 'Binder Error: x' });
  });

  it('gives each distinct failure of an AggregateError once', () => {
    const all = describeFaults(new AggregateError([table('network', 'kla'), table('stalled', 'lksa'), table('network', 'kla')], 'several'));
    expect(all.map((f) => f.key)).toEqual(['table:kla', 'table:lksa']);
    expect(describeFaults(new EngineStartError('wasm-missing', 'x')).map((f) => f.key)).toEqual(['engine']);
  });
});

describe('code that did not arrive', () => {
  it('is recognised in Chromium\'s, Firefox\'s, Safari\'s and Vite\'s words', () => {
    for (const m of ['Failed to fetch dynamically imported module: http://x/a.js', 'error loading dynamically imported module: http://x/a.js',
      'Importing a module script failed.', 'Unable to preload CSS for ./assets/KlaView-x.css']) expect(isCodeLoadError(new TypeError(m)), m).toBe(true);
    expect(isCodeLoadError(new Error('Failed to fetch'))).toBe(false);
  });

  it('names the failed file: the module or the stylesheet', () => {
    expect(failedCodeUrl(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4000/assets/KlaView-BLM5cwRO.js')))
      .toEqual({ url: 'http://127.0.0.1:4000/assets/KlaView-BLM5cwRO.js', kind: 'script' });
    expect(failedCodeUrl(new TypeError('error loading dynamically imported module: http://h/assets/x.js'))).toEqual({ url: 'http://h/assets/x.js', kind: 'script' });
    expect(failedCodeUrl(new Error('Unable to preload CSS for ./assets/LksaView-CoWRG0J-.css'))).toEqual({ url: './assets/LksaView-CoWRG0J-.css', kind: 'style' });
    expect(failedCodeUrl(new TypeError('Importing a module script failed.'))).toBeNull();
  });

  it('imports again under a URL the browser has not failed on', () => {
    expect(withRetry('http://h/assets/KlaView-x.js', 1)).toBe('http://h/assets/KlaView-x.js?retry=1');
    expect(withRetry('http://h/assets/KlaView-x.js?retry=1', 2)).toBe('http://h/assets/KlaView-x.js?retry=2');
    expect(withRetry('./assets/a.js', 3, 'http://h/app/index.html')).toBe('http://h/app/assets/a.js?retry=3');
  });
});
