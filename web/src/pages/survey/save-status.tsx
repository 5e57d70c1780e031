import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { SaveStatus } from './draft-sync';
import { formatTime } from './format';

function useBusy(): [boolean, (action: () => Promise<unknown>) => () => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}

/**
 * A version conflict stops autosave until the respondent chooses: reload the newer answers, or keep
 * this page's. Shown at the top of the form, where it takes the focus.
 */
export function ConflictNotice(props: { onReload(): Promise<void>; onKeepMine(): Promise<boolean> }) {
  const { t } = useI18n();
  const [busy, run] = useBusy();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div class="survey-conflict notice notice--warning" role="alert" aria-labelledby="survey-conflict-title">
      <h2 id="survey-conflict-title" tabIndex={-1} ref={heading}>
        {t('surveyForm.conflict.title')}
      </h2>
      <p>{t('surveyForm.conflict.text')}</p>
      <p>{t('surveyForm.conflict.reloadHint')}</p>
      <div class="survey-actions">
        <button type="button" class="button" disabled={busy} onClick={run(props.onReload)}>
          {t('surveyForm.conflict.reload')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          aria-describedby="survey-keep-mine-hint"
          onClick={run(props.onKeepMine)}
        >
          {t('surveyForm.conflict.keepMine')}
        </button>
      </div>
      <p class="muted" id="survey-keep-mine-hint">
        {t('surveyForm.conflict.keepMineHint')}
      </p>
    </div>
  );
}

/** The autosave status line at the bottom of the screen, announced politely (`aria-live`). */
export function SaveStatusBar(props: { status: SaveStatus; onRetry(): void; onReload(): Promise<void> }) {
  const { t, language } = useI18n();
  const { status } = props;
  const [busy, run] = useBusy();

  let text: string;
  switch (status.kind) {
    case 'idle':
      text = t('surveyForm.save.idle');
      break;
    case 'saving':
      text = t('surveyForm.save.saving');
      break;
    case 'saved':
      text = t(status.partly ? 'surveyForm.save.savedPartly' : 'surveyForm.save.saved', {
        time: formatTime(status.at, language),
      });
      break;
    case 'failed':
      text = t('surveyForm.save.failed', {
        reason:
          status.reason === 'offline'
            ? t('surveyForm.save.offline')
            : status.reason === 'server'
              ? t('surveyForm.save.serverError')
              : (status.detail ?? t('surveyForm.errors.general')),
      });
      break;
    case 'conflict':
      text = t('surveyForm.save.conflict');
      break;
    case 'closed':
      text = t('surveyForm.save.closed');
      break;
  }

  return (
    <div class="survey-bar">
      <p class="survey-bar__status" id="survey-save-status" aria-live="polite" data-status={status.kind}>
        {text}
      </p>
      {status.kind === 'failed' && status.reason !== 'refused' && (
        <button type="button" class="button button--secondary survey-bar__action" onClick={props.onRetry}>
          {t('surveyForm.save.retryNow')}
        </button>
      )}
      {status.kind === 'conflict' && (
        <button type="button" class="button survey-bar__action" disabled={busy} onClick={run(props.onReload)}>
          {t('surveyForm.conflict.reload')}
        </button>
      )}
    </div>
  );
}
