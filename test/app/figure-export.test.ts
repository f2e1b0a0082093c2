import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIGURES, FRAME, captionLines, embedSnippet, escapeXml, estimateWidth, exportFileName, figureSpec, frameLayout, frameSvg, stripProlog, subjectSource,
  wrapText, type ExportMeta,
} from '../../src/app/components/figure-export.ts';
import { indicatorById } from '../../src/domain/indicators.ts';

// The figure wrapper's pure parts: the exported image's frame (title, source, snapshot and date, synthetic notice, all
// XML-escaped), its sizes, file names, the embed snippet, and the registry of figure ids (unique, kebab-case, and each
// used exactly once by the views).

const CHART = '<?xml version="1.0" encoding="UTF-8"?><svg width="600" height="300" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"><rect width="600" height="300" fill="#eee"/><text x="10" y="20">Fisik &amp; psikis</text></svg>';
const META: ExportMeta = {
  title: 'Korban menurut jenis kekerasan',
  subtitle: 'Indonesia, 2024',
  source: 'Sumber: SIMFONI-PPA (KemenPPPA)',
  snapshot: 'Pantau Anak · Snapshot demo · tanggal acuan 31 Desember 2025',
  notice: 'DATA SINTETIS UNTUK DEMONSTRASI: angka dibangkitkan komputer.',
};

/** A small XML check (no parser in the dependencies): balanced tags, quoted attributes, only known entities. */
function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? undefined : lt);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) errors.push(`bad entity in ${JSON.stringify(text.slice(0, 40))}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) { errors.push(`bad markup at ${lt}: ${xml.slice(lt, lt + 40)}`); break; }
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(m[3]!)) errors.push(`bad entity in attributes ${m[3]!.slice(0, 40)}`);
    if (m[1]) { if (stack.pop() !== m[2]) errors.push(`unbalanced </${m[2]}>`); } else if (!m[4]) stack.push(m[2]!);
    i = tag.lastIndex;
  }
  if (stack.length) errors.push(`unclosed ${stack.join(',')}`);
  return errors;
}
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));
const elements = (svg: string, name: string) => [...svg.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))].map((m) => m[1]!);
const attr = (attrs: string, name: string) => attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

describe('frameSvg', () => {
  it('wraps the chart with title, subtitle, source, snapshot, date and the synthetic notice', () => {
    const layout = frameLayout(META, 600, 300);
    const svg = frameSvg(layout, CHART, META);
    expect(wellFormed(svg)).toEqual([]);
    const all = texts(svg).join('\n');
    for (const part of [META.title, META.subtitle!, META.source, 'Snapshot demo', '31 Desember 2025', 'DATA SINTETIS']) expect(all).toContain(part);
    expect(svg).toContain(`<title>${META.title}</title>`);
    // The outer SVG has the layout's size; the chart's own SVG is nested once, without its XML declaration, at the body's size.
    const [outer, nested] = elements(svg, 'svg');
    expect(attr(outer!, 'width')).toBe(String(layout.width));
    expect(attr(outer!, 'height')).toBe(String(layout.height));
    expect(svg).not.toContain('<?xml');
    expect(elements(svg, 'svg')).toHaveLength(2);
    expect(attr(nested!, 'width')).toBe('600');
    expect(attr(nested!, 'height')).toBe('300');
    expect(all).toContain('Fisik & psikis');
  });

  it('escapes markup in every text', () => {
    const evil = '<img src=x onerror=1> & "quotes" \'apos\'';
    const meta: ExportMeta = { title: evil, subtitle: evil, source: evil, snapshot: evil, notice: evil };
    const svg = frameSvg(frameLayout(meta, 400, 200, [{ colour: '#fff"/><script>1</script>', label: evil }]), CHART, meta);
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img src=x onerror=1&gt;');
    expect(svg).toContain(`<title>${escapeXml(evil)}</title>`);
    // The texts read back as written.
    expect(texts(svg).join(' ')).toContain('<img');
  });

  it('leaves out the notice for real data', () => {
    const svg = frameSvg(frameLayout({ ...META, notice: null }, 600, 300), CHART, META);
    expect(texts(svg).join(' ')).not.toContain('DATA SINTETIS');
  });
});

describe('frameLayout', () => {
  it('sizes the image around the body: header above, footer below', () => {
    const layout = frameLayout(META, 600, 300);
    expect(layout.width).toBe(600 + 2 * FRAME.pad);
    expect(layout.body).toMatchObject({ x: FRAME.pad, width: 600, height: 300 });
    const title = layout.texts.find((t) => t.text === META.title)!;
    const notice = layout.texts.find((t) => t.text.startsWith('DATA SINTETIS'))!;
    expect(title.y).toBeLessThan(layout.body.y);
    expect(notice.y).toBeGreaterThan(layout.body.y + layout.body.height);
    expect(layout.height).toBeGreaterThan(notice.y);
    expect(Number.isInteger(layout.height)).toBe(true);
  });

  it('wraps long texts within the width and never narrower than the minimum', () => {
    const long = 'Persentase kabupaten/kota yang dievaluasi menurut kategori Kabupaten/Kota Layak Anak per provinsi dan tahun evaluasi'.repeat(2);
    const layout = frameLayout({ ...META, title: long }, 200, 100);
    expect(layout.width).toBe(FRAME.minWidth);
    const titleLines = layout.texts.filter((t) => t.size === FRAME.titleSize);
    expect(titleLines.length).toBeGreaterThan(2);
    for (const t of layout.texts) expect(t.x + estimateWidth(t.text, t.size, t.bold)).toBeLessThanOrEqual(layout.width - FRAME.pad + 0.01);
    // Lines follow each other and the body starts below the last title line.
    expect(titleLines.map((t) => t.y)).toEqual([...titleLines.map((t) => t.y)].sort((a, b) => a - b));
    expect(layout.body.y).toBeGreaterThan(titleLines[titleLines.length - 1]!.y);
  });

  it('places legend swatches in rows between the body and the footer', () => {
    const legend = Array.from({ length: 7 }, (_, i) => ({ colour: `#00${i}${i}00`, label: `${i * 10}–${i * 10 + 9} per 100.000 anak` }));
    const layout = frameLayout(META, 500, 300, [...legend, { colour: '#eee', label: 'disembunyikan', pattern: 'suppressed' as const }]);
    expect(layout.swatches).toHaveLength(8);
    expect(new Set(layout.swatches.map((s) => s.y)).size).toBeGreaterThan(1);
    for (const s of layout.swatches) {
      expect(s.y).toBeGreaterThan(layout.body.y + layout.body.height);
      expect(s.x + s.w).toBeLessThanOrEqual(layout.width);
    }
    expect(layout.swatches[7]!.pattern).toBe('suppressed');
    const svg = frameSvg(layout, CHART, META);
    expect(svg).toContain('url(#pa-hatch)');
  });
});

describe('source lines', () => {
  it('name the child population estimate only under figures that divide by it', () => {
    expect(subjectSource('violence', false, 'id')).toBe('SIMFONI-PPA (KemenPPPA)');
    expect(subjectSource('violence', true, 'en')).toContain('child population: estimate');
    expect(subjectSource('violence', true, 'id')).toContain('penduduk anak: estimasi');
    const flagged = FIGURES.filter((f) => f.childPopulation).map((f) => f.id);
    // A profile trend figure is named after its indicator: flagged exactly when the indicator divides by the population.
    const trends = FIGURES.filter((f) => f.id.startsWith('profile-trend-'));
    expect(trends.length).toBeGreaterThan(0);
    for (const f of trends) expect(f.childPopulation === true, f.id).toBe(indicatorById(f.id.slice('profile-trend-'.length))?.childPopulation === true);
    expect(flagged).toEqual(['profile-trend-violence-victim-rate']);
  });
});

describe('text helpers', () => {
  it('escapes XML', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml(null)).toBe('');
  });
  it('wraps words and cuts overlong words', () => {
    expect(wrapText('satu dua tiga', 1000, 12)).toEqual(['satu dua tiga']);
    const lines = wrapText('a'.repeat(100), 60, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('a'.repeat(100));
    expect(wrapText('', 100, 12)).toEqual([]);
  });
  it('strips an XML declaration and doctype', () => {
    expect(stripProlog('<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg/>')).toBe('<svg/>');
  });
  it('builds the caption lines', () => {
    expect(captionLines('id', 'SIMFONI-PPA', 'demo', '31 Desember 2025')).toEqual({
      source: 'Sumber: SIMFONI-PPA', snapshot: 'Pantau Anak · Snapshot demo · tanggal acuan 31 Desember 2025',
    });
    expect(captionLines('en', 'X', 'demo', '31 December 2025').snapshot).toContain('reference date 31 December 2025');
  });
});

describe('file names and embed snippet', () => {
  it('names files pantau-anak_<id>_<snapshot>.<ext>', () => {
    expect(exportFileName('violence-type', 'demo', 'png')).toBe('pantau-anak_violence-type_demo.png');
    expect(exportFileName('map-explorer', 'simfoni 2025/../x', 'svg')).toBe('pantau-anak_map-explorer_simfoni-2025-x.svg');
  });
  it('escapes the iframe attributes', () => {
    const s = embedSnippet({ src: 'https://example.org/?v=violence&embed=violence-type', title: 'A "quoted" <b>title</b>', width: 800.4, height: 500 });
    expect(s).toBe('<iframe src="https://example.org/?v=violence&amp;embed=violence-type" title="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;" width="800" height="500" loading="lazy" style="border:0;max-width:100%"></iframe>');
  });
});

// ---- The registry ----

const ROOT = join(__dirname, '..', '..');
const VIEWS_DIR = join(ROOT, 'src', 'app', 'views');
const OWN_VIEWS = ['profile', 'violence', 'lksa', 'kla', 'map'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

/** Figure ids written in the views: `<Figure id=…kind=…>` (the wrapper, not the pages' key-figure boxes) and `<ChartSection id=…>`. */
function usedIds(): string[] {
  const ids: string[] = [];
  for (const view of OWN_VIEWS) {
    for (const file of sources(join(VIEWS_DIR, view))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/<(Figure|ChartSection)\b/g)) {
        const rest = text.slice(m.index + m[0].length);
        const tag = rest.slice(0, rest.search(/</) === -1 ? undefined : rest.search(/</));
        if (m[1] === 'Figure' && !/\bkind=/.test(tag)) continue; // a page's own key-figure component
        const id = tag.match(/\bid=(?:"([^"]+)"|\{`([^`]+)`\}|\{(\w+)\})/);
        expect(id, `${file}: a figure without a literal id`).toBeTruthy();
        if (id![3]) continue; // ChartSection passing its own id prop through
        if (id![1]) ids.push(id![1]);
        else {
          // A template id: profile-trend-${id} for each trend indicator.
          const prefix = id![2]!.replace(/\$\{\w+\}$/, '');
          const trend = readFileSync(join(VIEWS_DIR, 'profile', 'Indicators.tsx'), 'utf8').match(/TREND_IDS = \[([^\]]+)\]/)![1]!;
          for (const t of trend.matchAll(/'([^']+)'/g)) ids.push(`${prefix}${t[1]}`);
        }
      }
    }
  }
  return ids;
}

describe('figure registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = FIGURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(figureSpec('violence-type')?.view).toBe('violence');
    expect(figureSpec('nope')).toBeUndefined();
  });

  it('matches the figures the views render, each id once', () => {
    const used = usedIds();
    expect(used.length).toBeGreaterThan(10);
    expect([...used].sort()).toEqual(FIGURES.map((f) => f.id).sort());
  });
});
