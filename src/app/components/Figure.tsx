import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore, pickState } from '../../state/store.ts';
import { encodeState, type Lang } from '../../state/url.ts';
import { formatDate } from '../format.ts';
import { useSnapshot } from '../hooks/use-snapshot.ts';
import {
  FIGURE_TEXT, FRAME, canvasFont, captionLines, embedSnippet, exportFileName, figureSpec, frameLayout, frameSvg, subjectSource,
  type ExportLegendItem, type ExportMeta, type FigureKind, type FrameLayout,
} from './figure-export.ts';
import './figure.css';

// One wrapper for every chart and map: a <figure> with its source line (snapshot, reference date, synthetic-data
// notice), a toolbar (PNG, SVG for charts, embed snippet), and the embed mode: inside an EmbedContext (App.tsx with
// `?embed=<id>`) only the figure with that id renders, portalled into #embed-root; every other figure renders nothing.

export interface EmbedState {
  /** The id of the one figure to show. */
  id: string;
  /** The container the figure portals into (null until mounted). */
  root: HTMLElement | null;
  /** Called by the matching figure once it is on screen. */
  onShown: () => void;
}

export const EmbedContext = createContext<EmbedState | null>(null);

export interface FigureProps {
  /** Stable kebab-case id from FIGURES (figure-export.ts). */
  id: string;
  /** The figure's title (on screen where `showTitle`, and always in exports and embeds). */
  title: string;
  /** A second line for exports and embeds (e.g. region and year). */
  subtitle?: string | null;
  /** Source names; default: the subject's source from the registry. */
  source?: string;
  lang: Lang;
  kind: FigureKind;
  /** Legend drawn into a map's PNG. */
  legend?: readonly ExportLegendItem[];
  /** false when the page already shows the title as a heading right above (it still shows in an embed). */
  showTitle?: boolean;
  className?: string;
  /** Extra data-* attributes for the <figure> (kept for existing selectors). */
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}

export function Figure(props: FigureProps) {
  const embed = useContext(EmbedContext);
  if (embed && embed.id !== props.id) return null; // embed mode, another figure: render nothing (no chart is created)
  if (embed) return embed.root ? createPortal(<FigureFrame {...props} embed={embed} />, embed.root) : null;
  return <FigureFrame {...props} embed={null} />;
}

function FigureFrame({ id, title, subtitle, source, lang, kind, legend, showTitle = true, className, data, children, embed }: FigureProps & { embed: EmbedState | null }) {
  const snap = useSnapshot();
  const manifest = snap.status === 'ready' ? snap.snapshot.manifest : null;
  const figureRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [snippet, setSnippet] = useState<string | null>(null);
  const panelId = useId();
  // The page's state as a query string, for the embed's link to the full view (the URL is the store).
  const search = useStore((s) => encodeState({ ...pickState(s), embed: null }));
  const spec = figureSpec(id);

  const onShown = embed?.onShown;
  useEffect(() => { onShown?.(); }, [onShown]);

  const sourceText = source ?? (spec?.subject ? subjectSource(spec.subject, spec.childPopulation === true, lang) : manifest?.sources.map((s) => s.name).join('; ') ?? '');
  const snapshotId = manifest?.snapshot_id ?? '';
  const lines = manifest ? captionLines(lang, sourceText, snapshotId, formatDate(lang, manifest.reference_date)) : null;
  const synthetic = manifest?.synthetic === true;
  const notice = synthetic ? (manifest?.synthetic_notice?.[lang] ?? FIGURE_TEXT.synthetic[lang]) : null;

  const exportAs = useCallback(async (ext: 'png' | 'svg') => {
    const body = bodyRef.current;
    if (!body || !lines) return;
    setBusy(true);
    setMessage(FIGURE_TEXT.exporting[lang]);
    try {
      const meta: ExportMeta = { title, subtitle: subtitle ?? null, source: lines.source, snapshot: lines.snapshot, notice };
      const blob = kind === 'map' ? await mapPng(body, meta, legend ?? []) : await chartExport(body, meta, ext);
      download(blob, exportFileName(id, snapshotId, ext));
      setMessage('');
    } catch (e) {
      const reason = e instanceof NotReady ? FIGURE_TEXT.notReady[lang] : e instanceof Error ? e.message : String(e);
      setMessage(`${FIGURE_TEXT.exportFailed[lang]}: ${reason}`);
    } finally {
      setBusy(false);
    }
  }, [lines, lang, title, subtitle, notice, kind, legend, id, snapshotId]);

  const toggleEmbed = () => {
    if (snippet !== null) { setSnippet(null); return; }
    const fig = figureRef.current;
    const width = Math.min(1200, Math.max(320, fig?.offsetWidth ?? 800));
    const height = Math.max(240, (fig?.offsetHeight ?? 400) + 40);
    const src = `${window.location.origin}${window.location.pathname}${encodeState({ ...pickState(useStore.getState()), embed: id, sql: '' })}`; // a console query has no place in an embed
    setSnippet(embedSnippet({ src, title: `${title} – Pantau Anak`, width, height }));
    setMessage('');
  };

  const copySnippet = async () => {
    if (snippet === null) return;
    const ok = await copyText(snippet, snippetRef.current);
    setMessage(ok ? FIGURE_TEXT.codeCopied[lang] : FIGURE_TEXT.copyFailed[lang]);
  };

  const titleVisible = showTitle || embed !== null;
  const Heading = embed ? 'h1' : 'div';
  return (
    <figure ref={figureRef} className={`export-figure${className ? ` ${className}` : ''}${embed ? ' export-figure-embedded' : ''}`}
      data-figure-id={id} data-figure-kind={kind} aria-label={title} {...data}>
      {titleVisible && <Heading className="export-figure-title">{title}</Heading>}
      {embed && subtitle && <p className="export-figure-subtitle">{subtitle}</p>}
      <div ref={bodyRef} className="export-figure-body">{children}</div>
      <figcaption className="export-figure-caption">
        {lines && <>{lines.source} · {lines.snapshot}</>}
        {synthetic && <> · <strong className="export-figure-synthetic">{FIGURE_TEXT.synthetic[lang]}</strong></>}
      </figcaption>
      <div className="export-figure-tools" role="group" aria-label={`${FIGURE_TEXT.toolbar[lang]}: ${title}`}>
        <button type="button" title={FIGURE_TEXT.pngHelp[lang]} disabled={busy || !lines} data-export="png" onClick={() => void exportAs('png')}>
          {FIGURE_TEXT.png[lang]}
        </button>
        {kind === 'chart' && (
          <button type="button" title={FIGURE_TEXT.svgHelp[lang]} disabled={busy || !lines} data-export="svg" onClick={() => void exportAs('svg')}>
            {FIGURE_TEXT.svg[lang]}
          </button>
        )}
        {!embed && (
          <button type="button" aria-expanded={snippet !== null} aria-controls={panelId} data-export="embed" onClick={toggleEmbed}>
            {FIGURE_TEXT.embed[lang]}
          </button>
        )}
        {embed && (
          <a className="export-figure-open" href={`${window.location.pathname}${search}`} target="_blank" rel="noopener">
            {FIGURE_TEXT.openInApp[lang]} <span className="export-sr-only">{FIGURE_TEXT.newWindow[lang]}</span>
          </a>
        )}
        <span className="export-figure-status" aria-live="polite">{message}</span>
      </div>
      {!embed && (
        <div id={panelId} className="export-figure-embed" hidden={snippet === null}>
          {snippet !== null && (
            <>
              <label>
                {FIGURE_TEXT.embedCode[lang]}
                <textarea ref={snippetRef} readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button type="button" onClick={() => void copySnippet()}>{FIGURE_TEXT.copyCode[lang]}</button>
            </>
          )}
        </div>
      )}
    </figure>
  );
}

/** The chart or map is not on screen yet (a map before MapLibre has loaded). */
class NotReady extends Error {}

// ---- Clipboard and download ----

/** Copies text with the Clipboard API; without it (or refused), selects the field and tries the legacy copy command. */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the field
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- Charts: the chart's own SVG in a frame; PNG = that SVG rasterised at 2x ----

async function chartExport(body: HTMLElement, meta: ExportMeta, ext: 'png' | 'svg'): Promise<Blob> {
  const { svg, width, height } = await chartSvg(body);
  const layout = frameLayout(meta, width, height);
  const framed = frameSvg(layout, svg, meta);
  if (ext === 'svg') return new Blob([framed], { type: 'image/svg+xml;charset=utf-8' });
  return svgToPng(framed, layout.width, layout.height, 2);
}

async function chartSvg(body: HTMLElement): Promise<{ svg: string; width: number; height: number }> {
  const el = body.querySelector<HTMLElement>('.chart');
  if (!el) throw new NotReady('no chart');
  const { echarts } = await import('./echarts-setup.ts');
  const instance = echarts.getInstanceByDom(el);
  if (instance) return { svg: instance.renderToSVGString(), width: instance.getWidth(), height: instance.getHeight() };
  const svgEl = el.querySelector('svg');
  if (!svgEl) throw new NotReady('no chart');
  return { svg: new XMLSerializer().serializeToString(svgEl), width: el.clientWidth, height: el.clientHeight };
}

async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.fillStyle = FRAME.colours.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

// ---- Maps: the MapLibre canvas (drawn with preserveDrawingBuffer) in the same frame, drawn on a new canvas ----

async function mapPng(body: HTMLElement, meta: ExportMeta, legend: readonly ExportLegendItem[]): Promise<Blob> {
  const source = body.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas') ?? body.querySelector<HTMLCanvasElement>('canvas');
  if (!source || source.width === 0 || source.clientWidth === 0) throw new NotReady('map not loaded');
  const layout = frameLayout(meta, source.clientWidth, source.clientHeight, legend);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * scale;
  canvas.height = layout.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.scale(scale, scale);
  drawFrame(ctx, layout);
  const b = layout.body;
  ctx.drawImage(source, b.x, b.y, b.width, b.height);
  ctx.strokeStyle = FRAME.colours.rule;
  ctx.lineWidth = 1;
  ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.width - 1, b.height - 1);
  return canvasBlob(canvas);
}

function drawFrame(ctx: CanvasRenderingContext2D, layout: FrameLayout): void {
  ctx.fillStyle = FRAME.colours.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.strokeStyle = FRAME.colours.rule;
  ctx.lineWidth = 1;
  for (const r of layout.rules) {
    ctx.beginPath();
    ctx.moveTo(FRAME.pad, r.y + 0.5);
    ctx.lineTo(layout.width - FRAME.pad, r.y + 0.5);
    ctx.stroke();
  }
  ctx.textBaseline = 'alphabetic';
  for (const t of layout.texts) {
    ctx.font = canvasFont(t);
    ctx.fillStyle = t.fill;
    ctx.fillText(t.text, t.x, t.y);
  }
  for (const s of layout.swatches) {
    ctx.fillStyle = s.pattern === 'suppressed' ? '#f0f0f0' : s.fill;
    ctx.fillRect(s.x, s.y, s.w, s.h);
    if (s.pattern === 'suppressed') {
      ctx.save();
      ctx.beginPath();
      ctx.rect(s.x, s.y, s.w, s.h);
      ctx.clip();
      ctx.strokeStyle = '#555555';
      ctx.lineWidth = 1.2;
      for (let x = -s.h; x < s.w; x += 4) {
        ctx.beginPath();
        ctx.moveTo(s.x + x, s.y + s.h);
        ctx.lineTo(s.x + x + s.h, s.y);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.strokeStyle = '#8a96a3';
    ctx.strokeRect(s.x + 0.5, s.y + 0.5, s.w - 1, s.h - 1);
  }
}
