// Code loaded when first shown (each view, and parts such as the LKSA map), inside a boundary: code that did not
// arrive (the connection dropped) or that failed to render leaves the shell in place with the failure named and a
// retry (code-retry.ts), instead of an empty page.
import { Component, lazy, Suspense, useReducer, type ComponentType, type ReactNode } from 'react';
import type { Lang } from '../state/url.ts';
import { LoadFailure } from './components/LoadFailure.tsx';
import { reimport } from './code-retry.ts';
import { isCodeLoadError, RenderError } from './faults.ts';

interface BoundaryProps { lang: Lang; onRetry: (error: unknown) => Promise<void>; children: ReactNode }

/** Shows a failure of what is inside (its code did not load, or it threw while rendering) with a retry. */
class CodeBoundary extends Component<BoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { error: isCodeLoadError(error) ? error : new RenderError(error), failed: true };
  }
  retry = () => {
    const error = this.state.error;
    this.props.onRetry(error instanceof RenderError ? error.cause : error).then(
      () => this.setState({ error: null, failed: false }),
      (e: unknown) => this.setState({ error: e }), // still failing: the new failure shows
    );
  };
  override render() {
    if (!this.state.failed) return this.props.children;
    return <LoadFailure lang={this.props.lang} error={this.state.error} onRetry={this.retry} />;
  }
}

/**
 * React.lazy with a failure boundary of its own: the component renders `fallback` while its code loads, a LoadFailure
 * with a retry if it does not arrive, and the component once a retry has loaded it. Each lazily loaded module gets its
 * own boundary, so a failure names the module that failed (the retry imports that one again).
 */
export function lazyWithRetry<P extends { lang: Lang }>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P & { fallback?: ReactNode }> {
  let Loaded: ComponentType<P> = lazy(load);
  return function Retryable(props: P & { fallback?: ReactNode }) {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    const { fallback = null, ...rest } = props;
    const onRetry = async (error: unknown) => {
      // A render failure only renders again; code that did not arrive is imported again first.
      if (isCodeLoadError(error)) {
        const module = await reimport(load, error);
        Loaded = lazy(() => Promise.resolve(module));
      }
      rerender();
    };
    return (
      <CodeBoundary lang={props.lang} onRetry={onRetry}>
        <Suspense fallback={fallback}>
          <Loaded {...(rest as unknown as P)} />
        </Suspense>
      </CodeBoundary>
    );
  };
}
