import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { failureText } from './api';
import { useI18n } from './i18n';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: unknown };

/**
 * Runs `load` when `key` changes (and on `reload`), dropping answers that arrive after the page moved
 * on. `key` undefined means "nothing to load yet".
 */
export function useLoad<T>(
  key: string | undefined,
  load: (signal: AbortSignal) => Promise<T>,
): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Dependencies on purpose: `load` is a fresh closure each render; `key` names what it loads.
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return [result, reload];
}

/** The loading notice, the failure with a retry button, or the loaded content. */
export function LoadState<T>(props: {
  loaded: Loaded<T>;
  retry: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { loaded } = props;
  if (loaded.state === 'ready') return <>{props.children(loaded.data)}</>;
  if (loaded.state === 'loading') {
    return (
      <p class="notice" role="status" data-loading>
        {t('app.loading')}
      </p>
    );
  }
  return (
    <div class="notice notice--error" role="alert">
      <p>{failureText(loaded.error, t('app.loadFailed'))}</p>
      <button type="button" class="button button--secondary" onClick={props.retry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
