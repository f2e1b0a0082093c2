import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './sql-files.ts';

export const BOUNDARY_ATTRIBUTION = 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan.';

/**
 * Ships the boundaries to public/geo as TopoJSON (about half the bytes of GeoJSON; decoded in the browser by
 * topojson-client), with their licence and attribution.
 */
export function publishBoundaries(publicDir = join(REPO_ROOT, 'public')): void {
  const geo = join(publicDir, 'geo');
  mkdirSync(geo, { recursive: true });
  const src = join(REPO_ROOT, 'data', 'geo');
  copyFileSync(join(src, 'idn_provinsi_38.topojson'), join(geo, 'provinces.topojson'));
  copyFileSync(join(src, 'idn_kabkota_514.topojson'), join(geo, 'regencies.topojson'));
  copyFileSync(join(src, 'LICENSE-cahyadsn-wilayah_boundaries.txt'), join(geo, 'LICENSE-boundaries.txt'));
  writeFileSync(join(geo, 'attribution.json'), JSON.stringify({
    attribution: BOUNDARY_ATTRIBUTION,
    source: 'https://github.com/cahyadsn/wilayah_boundaries',
    licence: 'MIT',
    files: { 'provinces.topojson': { object: 'provinsi', features: 38 }, 'regencies.topojson': { object: 'kabkota', features: 514 } },
    note: 'Generalised shapes; seven areas in Papua (about 2,000 km2) belong to no kab/kota polygon.',
  }, null, 2) + '\n');
}
