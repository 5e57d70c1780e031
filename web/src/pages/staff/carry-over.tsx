import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { CarryOverResult } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import type { StaffApi } from './staff-api';

type Result = z.infer<typeof CarryOverResult>;

/**
 * The next wave's first step: invite the institutions of the wave before again (with their last answers
 * to start from). Repeating it invites only who is missing, so the button stays; the outcome is read out
 * in a live region while the focus stays on the button.
 */
export function CarryOver(props: {
  call: StaffApi;
  base: `/api/${string}`;
  previousWave: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();

  async function carryOver() {
    setBusy(true);
    setOutcome({ kind: 'success', text: t('evaluationWaves.carryingOver') });
    try {
      const result = await props.call<Result>(`${props.base}/invitations/carry-over`, { method: 'POST' });
      setOutcome({ kind: result.mailFailed > 0 ? 'error' : 'success', text: carriedOverText(result) });
      props.onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setOutcome(undefined);
      else setOutcome({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    } finally {
      setBusy(false);
    }
  }

  function carriedOverText(result: Result): string {
    const summary = t('evaluationWaves.carriedOver', {
      wave: props.previousWave,
      invited: result.invited,
      alreadyInvited: result.alreadyInvited,
      mailFailed: result.mailFailed,
    });
    return result.mailFailed > 0 ? `${summary} ${t('evaluationWaves.carryOverMailFailed')}` : summary;
  }

  return (
    <section class="console-block" aria-labelledby="carry-over-title">
      <h4 id="carry-over-title">{t('evaluationWaves.carryOverTitle')}</h4>
      <p id="carry-over-intro">{t('evaluationWaves.carryOverIntro')}</p>
      <button
        type="button"
        class="button button--secondary"
        aria-describedby="carry-over-intro"
        disabled={busy}
        onClick={() => void carryOver()}
        data-testid="carry-over"
      >
        {t('evaluationWaves.carryOver', { wave: props.previousWave })}
      </button>
      <p
        aria-live="polite"
        role="status"
        class={outcome ? `console-notice console-notice--${outcome.kind}` : 'console-notice'}
        data-testid="carry-over-outcome"
      >
        {outcome?.text ?? ''}
      </p>
    </section>
  );
}
