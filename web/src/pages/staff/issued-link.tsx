import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { IssuedInvitation } from '../../../../functions/survey/schemas';
import { useI18n } from '../../i18n';

export type Issued = z.infer<typeof IssuedInvitation>;

/**
 * A link shown this once (only its hash is stored) with a button to copy it. It takes the focus when
 * it appears, so the member hears it and can copy it right away.
 */
export function ShownOnceLink(props: {
  link: string;
  title: string;
  titleId: string;
  fieldId: string;
  fieldLabel: string;
  testId: string;
  onDismiss: () => void;
  /** What the member should know about the link, between the title and the field. */
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const { link } = props;
  const panel = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();

  useEffect(() => {
    // A new link (another invitation) is announced again, with nothing copied yet.
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
    <section class="issued-link" ref={panel} tabIndex={-1} aria-labelledby={props.titleId}>
      <h4 id={props.titleId}>{props.title}</h4>
      {props.children}
      <div class="field">
        <label for={props.fieldId}>{props.fieldLabel}</label>
        <input
          id={props.fieldId}
          ref={field}
          type="text"
          readOnly
          value={link}
          data-testid={props.testId}
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

/** A new survey invitation link, shown this once. */
export function IssuedLink(props: { issued: Issued; resent: boolean; onDismiss: () => void }) {
  const { t } = useI18n();
  const { invitation, link } = props.issued;
  return (
    <ShownOnceLink
      link={link}
      title={t(props.resent ? 'staffSurvey.linkResentTitle' : 'staffSurvey.linkIssuedTitle', {
        institution: invitation.institutionName,
      })}
      titleId="issued-link-title"
      fieldId="issued-link-value"
      fieldLabel={t('staffSurvey.linkLabel')}
      testId="issued-link"
      onDismiss={props.onDismiss}
    >
      <p>{t('staffSurvey.linkShownOnce', { email: invitation.email })}</p>
      {props.resent && <p>{t('staffSurvey.oldLinkRetired')}</p>}
    </ShownOnceLink>
  );
}
