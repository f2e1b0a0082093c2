import { type Label, L } from '../../domain/label.ts';
import type { Lang, ViewId } from '../../state/url.ts';

// Pure helpers of the figure wrapper (Figure.tsx): the registry of figure ids, the layout of an exported image
// (header with the title, the chart or map, a legend, a footer with source, snapshot, date and the synthetic-data
// notice), the SVG of that frame (every text XML-escaped), file names and the embed snippet. No DOM here.

export type FigureKind = 'chart' | 'map';
export type FigureSubject = 'violence' | 'lksa' | 'kla';

export interface FigureSpec {
  /** Stable kebab-case id: used in `?embed=<id>` links and in file names. Never rename one that has shipped. */
  id: string;
  /** The page the figure is on (embed links open that view). */
  view: ViewId;
  kind: FigureKind;
  /** Whose data the figure shows (the default source line); null = the figure passes its own source. */
  subject: FigureSubject | null;
  /** It divides by the child population estimate (its source line names that source too). */
  childPopulation?: true;
}

/** Every figure of the app. A test checks that ids are unique and that each one is used exactly once in the views. */
export const FIGURES: readonly FigureSpec[] = [
  { id: 'map-explorer', view: 'map', kind: 'map', subject: null },
  { id: 'violence-type', view: 'violence', kind: 'chart', subject: 'violence' },
  { id: 'violence-sex-age', view: 'violence', kind: 'chart', subject: 'violence' },
  { id: 'violence-place', view: 'violence', kind: 'chart', subject: 'violence' },
  { id: 'violence-perpetrator', view: 'violence', kind: 'chart', subject: 'violence' },
  { id: 'violence-service', view: 'violence', kind: 'chart', subject: 'violence' },
  { id: 'violence-trend', view: 'violence', kind: 'chart', subject: 'violence' },
  { id: 'lksa-provinces', view: 'lksa', kind: 'chart', subject: 'lksa' },
  { id: 'lksa-institution-map', view: 'lksa', kind: 'map', subject: 'lksa' },
  { id: 'kla-categories', view: 'kla', kind: 'chart', subject: 'kla' },
  { id: 'kla-movements', view: 'kla', kind: 'chart', subject: 'kla' },
  { id: 'kla-clusters', view: 'kla', kind: 'chart', subject: 'kla' },
  { id: 'kla-clusters-province', view: 'kla', kind: 'chart', subject: 'kla' },
  { id: 'profile-trend-violence-victims', view: 'profile', kind: 'chart', subject: 'violence' },
  { id: 'profile-trend-violence-victim-rate', view: 'profile', kind: 'chart', subject: 'violence', childPopulation: true },
  { id: 'profile-trend-violence-sexual-share', view: 'profile', kind: 'chart', subject: 'violence' },
  { id: 'profile-kla-clusters', view: 'profile', kind: 'chart', subject: 'kla' },
  { id: 'profile-kla-counts', view: 'profile', kind: 'chart', subject: 'kla' },
];

export const figureSpec = (id: string): FigureSpec | undefined => FIGURES.find((f) => f.id === id);


/** Texts of the figure toolbar, the embed and the shell's copy-link button. */
export const FIGURE_TEXT = {
  png: L('PNG', 'PNG'),
  svg: L('SVG', 'SVG'),
  pngHelp: L('Unduh gambar PNG (judul, sumber dan tanggal tercantum)', 'Download a PNG image (with title, source and date)'),
  svgHelp: L('Unduh gambar SVG (judul, sumber dan tanggal tercantum)', 'Download an SVG image (with title, source and date)'),
  embed: L('Sematkan', 'Embed'),
  toolbar: L('Unduh dan sematkan', 'Download and embed'),
  embedCode: L('Kode sematan (iframe)', 'Embed code (iframe)'),
  copyCode: L('Salin kode', 'Copy code'),
  codeCopied: L('Kode disalin', 'Code copied'),
  copyFailed: L('Tidak dapat menyalin: pilih teks lalu salin manual.', 'Could not copy: select the text and copy it yourself.'),
  exportFailed: L('Ekspor gagal', 'Export failed'),
  exporting: L('Menyiapkan gambar…', 'Preparing the image…'),
  notReady: L('gambar belum dimuat (untuk peta: arahkan kursor ke peta atau tekan tombolnya dulu)', 'the figure has not loaded yet (for a map: point at it or press its button first)'),
  copyLink: L('Salin tautan', 'Copy link'),
  linkCopied: L('Tautan disalin', 'Link copied'),
  linkWithoutSql: L(
    'Tautan ini tanpa pernyataan SQL: terlalu panjang untuk sebuah tautan. Bagikan teksnya atau query.sql dari unduhan hasil.',
    'This link leaves out the SQL statement: it is too long for a link. Share its text, or the query.sql of a result download.'),
  linkCopiedWithoutSql: L(
    'Tautan disalin tanpa pernyataan SQL: terlalu panjang untuk sebuah tautan. Bagikan teksnya atau query.sql dari unduhan hasil.',
    'Link copied without the SQL statement: it is too long for a link. Share its text, or the query.sql of a result download.'),
  linkField: L('Tautan halaman ini', 'Link to this page'),
  sources: L('Sumber', 'Source'),
  snapshot: L('Snapshot', 'Snapshot'),
  referenceDate: L('tanggal acuan', 'reference date'),
  synthetic: L('DATA SINTETIS', 'SYNTHETIC DATA'),
  openInApp: L('Lihat di Pantau Anak', 'Open in Pantau Anak'),
  newWindow: L('(jendela baru)', '(new window)'),
  unknownFigure: L('Gambar "{id}" tidak ditemukan. Tautan sematan ini mungkin sudah usang.', 'Figure "{id}" was not found. This embed link may be out of date.'),
  embedLoading: L('Memuat gambar…', 'Loading the figure…'),
} as const satisfies Record<string, Label>;

/** The default source line of a subject's figures (the data behind them, and the denominators where used). */
export const SUBJECT_SOURCE: Record<FigureSubject, Label> = {
  violence: L('SIMFONI-PPA (KemenPPPA)', 'SIMFONI-PPA (KemenPPPA)'),
  lksa: L('Data LKSA (Kemensos)', 'LKSA data (Ministry of Social Affairs)'),
  kla: L('Evaluasi Kabupaten/Kota Layak Anak (KemenPPPA)', 'Child-Friendly Regency/City evaluation (KemenPPPA)'),
};

/** Named under a figure only where it divides by it (rates per 100,000 children). */
export const CHILD_POPULATION_SOURCE = L(
  'penduduk anak: estimasi dari penduduk Dukcapil Desember 2024 x proporsi usia 0-17 SP2020 (BPS)',
  'child population: estimate from Dukcapil December 2024 population x the SP2020 share aged 0-17 (BPS)',
);

/** The source line of a figure of a subject: the subject's data, and the child population where it divides by it. */
export function subjectSource(subject: FigureSubject, childPopulation: boolean, lang: Lang): string {
  return childPopulation ? `${SUBJECT_SOURCE[subject][lang]}; ${CHILD_POPULATION_SOURCE[lang]}` : SUBJECT_SOURCE[subject][lang];
}

// ---- Text ----

/** Escapes text for XML (element content and attribute values). */
export function escapeXml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * An estimate of a text's width in a sans-serif font, generous enough for wide fallbacks (DejaVu Sans on Linux), so
 * wrapped lines never overflow the image.
 */
export function estimateWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if (/[il.,:;'|!()[\]]/.test(ch)) units += 0.32;
    else if (ch === ' ') units += 0.33;
    else if (/[mwMW@%]/.test(ch)) units += 0.98;
    else if (/[A-Z0-9]/.test(ch)) units += 0.73;
    else units += 0.62;
  }
  return units * size * (bold ? 1.14 : 1);
}

/** Breaks a text into lines no wider than maxWidth (a word longer than a line is cut). */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (estimateWidth(next, size, bold) <= maxWidth) { line = next; continue; }
    if (line) lines.push(line);
    let rest = word;
    while (estimateWidth(rest, size, bold) > maxWidth && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && estimateWidth(rest.slice(0, n), size, bold) > maxWidth) n -= 1;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

// ---- The frame of an exported image ----

export interface ExportMeta {
  title: string;
  /** A second header line (e.g. region and year), optional. */
  subtitle?: string | null;
  /** "Sumber: …" */
  source: string;
  /** "Pantau Anak · Snapshot demo · tanggal acuan 31 Desember 2025" */
  snapshot: string;
  /** The synthetic-data notice, or null for real data. */
  notice: string | null;
}

export interface ExportLegendItem {
  colour: string;
  label: string;
  /** Withheld regions are hatched, missing ones white with an outline. */
  pattern?: 'suppressed' | 'missing';
}

export interface FrameText { x: number; y: number; text: string; size: number; bold: boolean; fill: string }
export interface FrameSwatch { x: number; y: number; w: number; h: number; fill: string; pattern?: 'suppressed' | 'missing' }

export interface FrameLayout {
  width: number;
  height: number;
  /** Where the chart or map goes. */
  body: { x: number; y: number; width: number; height: number };
  texts: FrameText[];
  swatches: FrameSwatch[];
  /** Lines between header, body and footer. */
  rules: Array<{ y: number }>;
}

export const FRAME = {
  pad: 16,
  titleSize: 17,
  subtitleSize: 13,
  textSize: 11.5,
  lineHeight: 1.35,
  colours: { text: '#1c2430', muted: '#4a5563', notice: '#7a2e00', rule: '#dde1e6', background: '#ffffff' },
  minWidth: 360,
} as const;

/** Positions of everything in an exported image around a body of the given size (in CSS pixels). */
export function frameLayout(meta: ExportMeta, bodyWidth: number, bodyHeight: number, legend: readonly ExportLegendItem[] = []): FrameLayout {
  const { pad, titleSize, subtitleSize, textSize, lineHeight, colours } = FRAME;
  const width = Math.max(FRAME.minWidth, Math.round(bodyWidth) + 2 * pad);
  const inner = width - 2 * pad;
  const texts: FrameText[] = [];
  const swatches: FrameSwatch[] = [];
  const rules: Array<{ y: number }> = [];
  let y = pad;
  const put = (text: string, size: number, bold: boolean, fill: string) => {
    for (const line of wrapText(text, inner, size, bold)) {
      y += size * lineHeight;
      texts.push({ x: pad, y: y - size * (lineHeight - 1) - 1, text: line, size, bold, fill });
    }
  };
  put(meta.title, titleSize, true, colours.text);
  if (meta.subtitle) put(meta.subtitle, subtitleSize, false, colours.muted);
  y += pad / 2;
  rules.push({ y });
  y += pad / 2;
  const body = { x: pad + (inner - Math.round(bodyWidth)) / 2, y, width: Math.round(bodyWidth), height: Math.round(bodyHeight) };
  y += body.height + pad / 2;

  if (legend.length > 0) {
    const sw = 14; const sh = 10; const gap = 6; const itemGap = 16;
    const rowHeight = textSize * lineHeight + 4;
    let x = pad;
    y += 2;
    for (const item of legend) {
      const w = sw + gap + estimateWidth(item.label, textSize);
      if (x > pad && x + w > pad + inner) { x = pad; y += rowHeight; }
      swatches.push({ x, y: y + 2, w: sw, h: sh, fill: item.colour, ...(item.pattern ? { pattern: item.pattern } : {}) });
      texts.push({ x: x + sw + gap, y: y + textSize, text: item.label, size: textSize, bold: false, fill: colours.text });
      x += w + itemGap;
    }
    y += rowHeight;
  }

  rules.push({ y });
  y += pad / 4;
  put(meta.source, textSize, false, colours.muted);
  put(meta.snapshot, textSize, false, colours.muted);
  if (meta.notice) put(meta.notice, textSize, true, colours.notice);
  y += pad;
  return { width, height: Math.ceil(y), body, texts, swatches, rules };
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/** The CSS font of a frame text, for canvas drawing. */
export const canvasFont = (t: Pick<FrameText, 'size' | 'bold'>): string => `${t.bold ? '600 ' : ''}${t.size}px ${FONT}`;

/** The chart's own SVG without an XML declaration or doctype, ready to nest. */
export function stripProlog(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/i, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
}

/**
 * The exported SVG: the layout's texts (escaped), rules and legend swatches around the chart's own SVG, which is nested
 * as it is (ECharts' SVG output escapes its own texts).
 */
export function frameSvg(layout: FrameLayout, bodySvg: string, meta: Pick<ExportMeta, 'title'>): string {
  const { colours } = FRAME;
  const n = (v: number) => String(Math.round(v * 100) / 100);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(FONT)}">`);
  parts.push(`<title>${escapeXml(meta.title)}</title>`);
  parts.push('<defs><pattern id="pa-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f0f0f0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="1.5"/></pattern></defs>');
  parts.push(`<rect width="100%" height="100%" fill="${colours.background}"/>`);
  for (const r of layout.rules) parts.push(`<line x1="${FRAME.pad}" x2="${layout.width - FRAME.pad}" y1="${n(r.y)}" y2="${n(r.y)}" stroke="${colours.rule}" stroke-width="1"/>`);
  for (const t of layout.texts) {
    parts.push(`<text x="${n(t.x)}" y="${n(t.y)}" font-size="${t.size}"${t.bold ? ' font-weight="600"' : ''} fill="${t.fill}">${escapeXml(t.text)}</text>`);
  }
  for (const s of layout.swatches) {
    const fill = s.pattern === 'suppressed' ? 'url(#pa-hatch)' : escapeXml(s.fill);
    parts.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${s.w}" height="${s.h}" fill="${fill}" stroke="#8a96a3" stroke-width="1"/>`);
  }
  const b = layout.body;
  parts.push(`<g transform="translate(${n(b.x)} ${n(b.y)})">${nestable(bodySvg, b.width, b.height)}</g>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** Gives the nested SVG an explicit size (ECharts writes one already; a serialised DOM SVG may not). */
function nestable(svg: string, width: number, height: number): string {
  const body = stripProlog(svg);
  return body.replace(/^<svg\b([^>]*)>/i, (_m, attrs: string) => {
    let a = attrs.replace(/\s(width|height|x|y)="[^"]*"/g, '');
    a = ` width="${width}" height="${height}"${a}`;
    return `<svg${a}>`;
  });
}

// ---- Names, links, snippets ----

/** `pantau-anak_<id>_<snapshot>.<ext>`, with anything unusual in the parts replaced. */
export function exportFileName(id: string, snapshot: string, ext: 'png' | 'svg'): string {
  const safe = (s: string) => s.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
  return `pantau-anak_${safe(id)}_${safe(snapshot)}.${ext}`;
}

/** The iframe snippet that embeds a figure; title and URL escaped for an HTML attribute. */
export function embedSnippet({ src, title, width, height }: { src: string; title: string; width: number; height: number }): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="${Math.round(width)}" height="${Math.round(height)}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

/** The footer lines of a figure: the source line and the snapshot line. */
export function captionLines(lang: Lang, source: string, snapshotId: string, referenceDate: string): { source: string; snapshot: string } {
  return {
    source: `${FIGURE_TEXT.sources[lang]}: ${source}`,
    snapshot: `Pantau Anak · ${FIGURE_TEXT.snapshot[lang]} ${snapshotId} · ${FIGURE_TEXT.referenceDate[lang]} ${referenceDate}`,
  };
}
