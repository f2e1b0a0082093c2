import type { Ref } from 'react';

/** What a map tooltip shows: a title line and further lines, all plain text. */
export interface TooltipContent {
  title: string;
  lines: string[];
}

/**
 * Fills and places a tooltip element with text only (textContent, never HTML): it is updated on every mouse move,
 * outside React. `content` null hides it. x, y are relative to the tooltip's positioned parent; the box flips to
 * stay inside a parent of the given size.
 */
export function showTooltip(el: HTMLElement, content: TooltipContent | null, x = 0, y = 0, bounds?: { width: number; height: number }): void {
  if (!content) {
    el.hidden = true;
    return;
  }
  const key = `${content.title}\u0000${content.lines.join('\u0000')}`;
  if (el.dataset.key !== key) {
    el.dataset.key = key;
    el.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = content.title;
    el.appendChild(title);
    for (const line of content.lines) {
      const div = document.createElement('div');
      div.textContent = line;
      el.appendChild(div);
    }
  }
  el.hidden = false;
  const offset = 14;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  let left = x + offset;
  let top = y + offset;
  if (bounds && left + w > bounds.width) left = Math.max(0, x - offset - w);
  if (bounds && top + h > bounds.height) top = Math.max(0, y - offset - h);
  el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

/** The tooltip box (hidden until showTooltip fills it). Decorative for assistive technology: the table carries the numbers. */
export function TooltipBox({ ref }: { ref?: Ref<HTMLDivElement> }) {
  return <div ref={ref} className="map-tooltip" aria-hidden="true" hidden />;
}
