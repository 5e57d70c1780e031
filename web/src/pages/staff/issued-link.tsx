import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { IssuedInvitation } from '../../../../functions/survey/schemas';
import { useI18n } from '../../i18n';

export type Issued = z.infer<typeof IssuedInvitation>;

/**
 * A new invitation link, shown this once (only its hash is stored) with a button to copy it. It takes
 * the focus when it appears, so the member hears it and can copy it right away.
 */
export function IssuedLink(props: { issued: Issued; resent: boolean; onDismiss: () => void }) {
  const { t } = useI18n();
  const { invitation, link } = props.issued;
  const panel = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();

  useEffect(() => {
    setCopied(undefined);
    panel.current?.focus();
  }, [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard access (permissions, an old browser): the link is selected for copying by hand.
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <section class="issued-link" ref={panel} tabIndex={-1} aria-labelledby="issued-link-title">
      <h4 id="issued-link-title">
        {t(props.resent ? 'staffSurvey.linkResentTitle' : 'staffSurvey.linkIssuedTitle', {
          institution: invitation.institutionName,
        })}
      </h4>
      <p>{t('staffSurvey.linkShownOnce', { email: invitation.email })}</p>
      {props.resent && <p>{t('staffSurvey.oldLinkRetired')}</p>}
      <div class="field">
        <label for="issued-link-value">{t('staffSurvey.linkLabel')}</label>
        <input
          id="issued-link-value"
          ref={field}
          type="text"
          readOnly
          value={link}
          data-testid="issued-link"
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
