import { hatchSvg } from '../../domain/palettes.ts';

// A choropleth legend: one swatch per class or category, then "withheld" (hatched) and "no data" (white, outlined),
// each of the latter explained in a sentence. Text only.

export interface LegendItem {
  kind: 'value' | 'suppressed' | 'missing';
  color: string;
  label: string;
  /** Regions in the item (shown when given). */
  count?: number;
}

interface Props {
  title: string;
  items: readonly LegendItem[];
  /** Sentences under the list (e.g. what withheld and no data mean, how classes are made). */
  notes?: readonly string[];
  /** Formats a count ("12 wilayah"). */
  countLabel?: (n: number) => string;
}

const hatchUrl = `url("data:image/svg+xml,${encodeURIComponent(hatchSvg())}")`;

export function Legend({ title, items, notes = [], countLabel }: Props) {
  return (
    <section className="legend-box" aria-label={title}>
      <h3 className="legend-title">{title}</h3>
      <ul className="legend-list">
        {items.map((item, i) => (
          <li key={`${item.kind}-${i}`} className={`legend-item legend-${item.kind}`}>
            <span
              className={`legend-swatch legend-swatch-${item.kind}`}
              aria-hidden="true"
              style={item.kind === 'suppressed' ? { backgroundImage: hatchUrl } : { background: item.color }}
            />
            <span className="legend-label">{item.label}</span>
            {item.count !== undefined && countLabel && <span className="legend-count">{countLabel(item.count)}</span>}
          </li>
        ))}
      </ul>
      {notes.map((n) => <p key={n} className="legend-note">{n}</p>)}
    </section>
  );
}
