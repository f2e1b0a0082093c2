// The chart gallery (npm run charts:gallery): one self-contained HTML page, .tmp/chart-gallery.html (git-ignored),
// with every case's committed snapshot and, where a fresh rendering differs, the two side by side. A development aid
// only: it runs in Node and is no part of the app or its bundle. The page loads nothing (its CSP allows data: images).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CASES, type ChartCase } from './cases.ts';
import { HEIGHT, WIDTH, renderSvg } from './render.ts';
import { UPDATE_COMMAND, readSnapshot, sameSvg, shown, snapshotPath } from './snapshot-files.ts';

const OUT_DIR = fileURLToPath(new URL('../../.tmp/', import.meta.url));
const OUT = `${OUT_DIR}chart-gallery.html`;

type Status = 'same' | 'differs' | 'new';
interface Entry { c: ChartCase; status: Status; committed: string | null; fresh: string }

const escape = (s: string): string => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
const img = (svg: string, alt: string, c: ChartCase): string =>
  `<img alt="${escape(alt)}" width="${c.width ?? WIDTH}" height="${c.height ?? HEIGHT}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;
const figure = (svg: string, caption: string, c: ChartCase): string =>
  `<figure>${img(svg, `${c.name}: ${caption}`, c)}<figcaption>${escape(caption)}</figcaption></figure>`;

const STATUS_TEXT: Record<Status, string> = {
  same: 'same as the snapshot',
  differs: `differs from the snapshot (if intended: ${UPDATE_COMMAND})`,
  new: `no snapshot yet (${UPDATE_COMMAND} writes it)`,
};

function section(e: Entry): string {
  const body = e.status === 'same'
    ? figure(e.fresh, 'snapshot', e.c)
    : e.status === 'differs'
      ? figure(e.committed!, 'committed snapshot', e.c) + figure(e.fresh, 'fresh rendering', e.c)
      : figure(e.fresh, 'fresh rendering', e.c);
  return `<section id="${e.c.name}" class="${e.status}"><h2>${escape(e.c.name)}</h2>` +
    `<p>${escape(STATUS_TEXT[e.status])}: <code>${escape(shown(snapshotPath(e.c.name)))}</code></p><div class="pair">${body}</div></section>`;
}

function page(entries: readonly Entry[]): string {
  const changed = entries.filter((e) => e.status !== 'same');
  const list = changed.length === 0
    ? '<p>Every chart is the same as its snapshot.</p>'
    : `<p>${changed.length} of ${entries.length} charts differ or are new:</p><ul>${changed.map((e) => `<li><a href="#${e.c.name}">${escape(e.c.name)}</a> (${e.status})</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Pantau Anak: chart snapshots</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1c2430; }
section { border-top: 1px solid #ccd; padding: .5rem 0 1rem; }
section.differs h2, section.new h2 { color: #b3261e; }
.pair { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; } img { border: 1px solid #dde; background: #fff; display: block; }
figcaption { color: #4a5563; font-size: 12px; } code { font-size: 12px; }
</style></head><body>
<h1>Chart snapshots (${entries.length} cases)</h1>
${list}
${entries.map(section).join('\n')}
</body></html>
`;
}

const entries: Entry[] = CASES.map((c) => {
  const fresh = renderSvg(c.option(), c);
  const committed = readSnapshot(c.name);
  const status: Status = committed === null ? 'new' : sameSvg(committed, fresh) ? 'same' : 'differs';
  return { c, status, committed, fresh };
});
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(OUT, page(entries));
const changed = entries.filter((e) => e.status !== 'same').length;
console.log(`${shown(OUT)}: ${entries.length} charts, ${changed} differ or are new.`);
