// Loading a page's code again after the connection dropped before it arrived. The browser remembers a module that
// failed to load for as long as the page lives (import() of the same URL fails again at once), so a retry imports the
// failed file under a new URL (`?retry=<n>`) and reloads stylesheets that did not load. When that is not enough (a
// file the failed one imports also failed, and only its URL is fixed) and the server answers again, the page is
// reloaded: its URL holds the view and every choice, so the same view opens.

/** The code file a failure names: a script (the dynamically imported module) or a stylesheet Vite preloads. */
export function failedCodeUrl(e: unknown): { url: string; kind: 'script' | 'style' } | null {
  const m = e instanceof Error ? e.message : String(e);
  const script = /(?:Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed)[:.]?\s*(\S+)/i.exec(m);
  if (script && /^(https?:|\.{0,2}\/)/.test(script[1]!)) return { url: script[1]!, kind: 'script' };
  const style = /Unable to preload CSS for (\S+)/i.exec(m);
  if (style) return { url: style[1]!, kind: 'style' };
  return null;
}

/** `url` (absolute, or relative to `base`) with a retry counter in its query: a URL the browser has not failed on. */
export function withRetry(url: string, attempt: number, base = globalThis.location?.href): string {
  const u = new URL(url, base);
  u.searchParams.set('retry', String(attempt));
  return u.href;
}

/** Stylesheets of the page that did not load (no sheet), loaded again. */
async function restoreStylesheets(): Promise<void> {
  const broken = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((l) => l.sheet === null && l.href);
  await Promise.all(broken.map((old) => new Promise<void>((resolve) => {
    const link = old.cloneNode() as HTMLLinkElement;
    link.addEventListener('load', () => { old.remove(); resolve(); });
    link.addEventListener('error', () => { link.remove(); resolve(); });
    old.after(link);
  })));
}

/** Does the server answer now (any status)? */
async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

let attempts = 0;

/**
 * A module whose code failed to load (`error`), loaded again: `load` is its own import, `valid` tells the module
 * from another file's (default: it has a default export, as a view has). Rejects with the new failure while the
 * server cannot be reached; reloads the page when only a fresh page can load it.
 */
export async function reimport<M extends object>(load: () => Promise<M>, error: unknown, valid: (m: M) => boolean = (m) => 'default' in m): Promise<M> {
  await restoreStylesheets();
  const failed = failedCodeUrl(error);
  let latest: unknown = error;
  try {
    if (failed?.kind === 'script') {
      const m = (await import(/* @vite-ignore */ withRetry(failed.url, ++attempts))) as M;
      if (m && valid(m)) return m;
    } else {
      // A stylesheet failed before the script was asked for: the view's own import can run again.
      return await load();
    }
  } catch (e) {
    latest = e;
  }
  if (await reachable(failed?.url ?? window.location.href)) {
    window.location.reload();
    return new Promise<M>(() => undefined); // the page is going away
  }
  throw latest;
}
