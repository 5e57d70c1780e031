import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { IssuedBooking } from './interviews-round';

/**
 * An expert's booking link, shown this once (only its hash is stored; it was also e-mailed), with a
 * button to copy it. It takes the focus when it appears, so the member hears it and can copy it.
 */
export function IssuedBookingLink(props: { issued: IssuedBooking; onDismiss: () => void }) {
  const { t } = useI18n();
  const { interview, link } = props.issued;
  const panel = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();

  useEffect(() => {
    // A new link (another invitation) is announced again, with nothing copied yet.
    if (link) setCopied(undefined);
    panel.current?.focus();
  }, [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard access: the link is selected for copying by hand.
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <section class="issued-link" ref={panel} tabIndex={-1} aria-labelledby="issued-booking-link-title">
      <h4 id="issued-booking-link-title">
        {t('staffInterviews.linkIssuedTitle', {
          name: interview.expert.name,
          institution: interview.expert.institution,
        })}
      </h4>
      <p>{t('staffSurvey.linkShownOnce', { email: interview.expert.email })}</p>
      <div class="field">
        <label for="issued-booking-link">{t('staffInterviews.bookingLink')}</label>
        <input
          id="issued-booking-link"
          ref={field}
          type="text"
          readOnly
          value={link}
          data-testid="issued-booking-link"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copy()}>
          {t('staffSurvey.copyLink')}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onDismiss}>
          {t('staffSurvey.dismissLink')}
        </button>
      </div>
      <p role="status" class="issued-link__copied">
        {copied === 'yes'
          ? t('staffSurvey.linkCopied')
          : copied === 'failed'
            ? t('staffSurvey.copyFailed')
            : ''}
      </p>
    </section>
  );
}
