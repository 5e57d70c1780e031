import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import { ReconfirmationRequest, type ReconfirmationResult } from '../../../../functions/offerings/schemas';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import type { StaffApi } from './staff-api';

const daysId = 'reconfirm-days';

/**
 * "Bestätigung anfragen": institutions whose approved offerings were not confirmed for the given number
 * of days get an e-mail with a new link; the answer says how many were asked.
 */
export function ReconfirmationForm(props: { call: StaffApi }) {
  const { t } = useI18n();
  const [days, setDays] = useState('180');
  const [invalid, setInvalid] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const resultRef = useRef<HTMLParagraphElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = ReconfirmationRequest.safeParse({ olderThanDays: Number(days.trim() || Number.NaN) });
    setInvalid(!parsed.success);
    if (!parsed.success) {
      document.getElementById(daysId)?.focus();
      return;
    }
    setSending(true);
    try {
      const answer = await props.call<z.infer<typeof ReconfirmationResult>>(
        '/api/staff/offerings/reconfirmation',
        {
          method: 'POST',
          body: parsed.data,
        },
      );
      setResult({ kind: 'success', text: t('review.reconfirmDone', answer) });
    } catch (error) {
      setResult({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    } finally {
      setSending(false);
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  return (
    <section class="reconfirmation" aria-labelledby="reconfirm-title">
      <h2 id="reconfirm-title">{t('review.reconfirmTitle')}</h2>
      <p id="reconfirm-intro">{t('review.reconfirmIntro')}</p>
      <form class="form" noValidate onSubmit={submit} aria-describedby="reconfirm-intro">
        <div class="field">
          <label for={daysId}>{t('review.reconfirmDays')}</label>
          {invalid && (
            <p class="field__error" id={`${daysId}-error`}>
              {t('review.reconfirmDaysInvalid')}
            </p>
          )}
          <input
            id={daysId}
            name="olderThanDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            value={days}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? `${daysId}-error` : undefined}
            onInput={(event) => setDays(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button" disabled={sending}>
          {t('review.reconfirmSubmit')}
        </button>
      </form>
      <p
        ref={resultRef}
        tabIndex={-1}
        role="status"
        class={result ? `console-notice console-notice--${result.kind}` : 'console-notice'}
        data-testid="reconfirm-result"
      >
        {result?.text ?? ''}
      </p>
    </section>
  );
}
