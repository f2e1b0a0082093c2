// Writes .br and .gz beside every compressible file of dist/, for hosts that serve pre-compressed files
// (nginx gzip_static/brotli_static, sirv, many CDNs). Parquet is already ZSTD inside and is left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../src/pipeline/sql-files.ts';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|wasm|svg|topojson|txt)$/;
const dist = resolve(REPO_ROOT, process.argv[2] ?? 'dist');

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

let raw = 0;
let br = 0;
const started = performance.now();
for (const file of walk(dist).filter((f) => COMPRESSIBLE.test(f))) {
  const bytes = readFileSync(file);
  // Quality 11 on the 33 MB engine takes minutes for ~3% fewer bytes; 9 is the usual static-site setting.
  const quality = bytes.length > 1 << 20 ? 9 : 11;
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  writeFileSync(`${file}.br`, b);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  raw += bytes.length;
  br += b.length;
}
console.log(`compress-dist: ${(raw / 2 ** 20).toFixed(1)} MB -> ${(br / 2 ** 20).toFixed(1)} MB brotli in ${((performance.now() - started) / 1000).toFixed(1)} s`);
