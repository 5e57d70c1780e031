import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type {
  InvitationList,
  InvitationView,
  ReminderResult,
  SurveyView,
} from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { type Loaded, LoadState, useLoad } from '../../load';
import { formatDate } from '../offerings/labels';
import { CarryOver } from './carry-over';
import { ConfirmDialog } from './confirm-dialog';
import { InvitationImport } from './invitation-import';
import { InvitationsTable } from './invitations-table';
import { InviteForm } from './invite-form';
import { type Issued, IssuedLink } from './issued-link';
import type { StaffApi } from './staff-api';

type Survey = z.infer<typeof SurveyView>;
type Invitation = z.infer<typeof InvitationView>;

type Pending = { action: 'revoke' | 'resend'; invitation: Invitation } | { action: 'remind'; count: number };

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** One survey: its dates, its invitations and everything staff do with them. */
export function SurveyDetail(props: { surveyId: string; call: StaffApi }) {
  const { t, language } = useI18n();
  const { call, surveyId } = props;
  const base = `/api/staff/surveys/${encodeURIComponent(surveyId)}` as const;
  const [survey, retrySurvey] = useLoad(surveyId, (signal) => call<Survey>(base, { signal }));
  const [invitations, setInvitations] = useState<Loaded<Invitation[]>>({ state: 'loading' });
  const latestLoad = useRef<AbortController | undefined>(undefined);
  // Reloading keeps the table on screen until the new list is in: no flicker, no focus lost in it.
  const reloadInvitations = useCallback(() => {
    latestLoad.current?.abort();
    const controller = new AbortController();
    latestLoad.current = controller;
    call<z.infer<typeof InvitationList>>(`${base}/invitations`, { signal: controller.signal }).then(
      (answer) => {
        if (!controller.signal.aborted) setInvitations({ state: 'ready', data: answer.invitations });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setInvitations({ state: 'failed', error });
      },
    );
  }, [call, base]);
  useEffect(() => {
    reloadInvitations();
    return () => latestLoad.current?.abort();
  }, [reloadInvitations]);
  const [issued, setIssued] = useState<{ issued: Issued; resent: boolean } | undefined>();
  const [pending, setPending] = useState<Pending | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeElement = useRef<HTMLParagraphElement>(null);

  /** Shows the outcome of an action and moves the focus there (the button that started it may be gone). */
  function announce(next: Notice) {
    setNotice(next);
    requestAnimationFrame(() => noticeElement.current?.focus());
  }

  async function confirm() {
    const action = pending;
    setPending(undefined);
    if (!action) return;
    setNotice(undefined);
    try {
      if (action.action === 'remind') {
        const result = await call<z.infer<typeof ReminderResult>>(`${base}/reminders`, { method: 'POST' });
        announce({ kind: 'success', text: t('staffSurvey.remindersSent', { count: result.reminded }) });
      } else if (action.action === 'revoke') {
        await call<Invitation>(`${base}/invitations/${action.invitation.invitationId}/revoke`, {
          method: 'POST',
        });
        announce({
          kind: 'success',
          text: t('staffSurvey.revoked', { institution: action.invitation.institutionName }),
        });
      } else {
        const result = await call<Issued>(`${base}/invitations/${action.invitation.invitationId}/resend`, {
          method: 'POST',
        });
        setIssued({ issued: result, resent: true });
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      announce({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    }
    reloadInvitations();
  }

  const open = (list: Invitation[]) =>
    list.filter((invitation) => invitation.state === 'not_opened' || invitation.state === 'in_progress')
      .length;

  return (
    <div class="survey-detail">
      <p>
        <a href="/staff/surveys" class="back-link">
          {t('staffSurvey.allSurveys')}
        </a>
      </p>
      <LoadState loaded={survey} retry={retrySurvey}>
        {(found) => (
          <>
            <h3 class="survey-detail__title">{found.title}</h3>
            <dl class="offering-facts">
              <div class="offering-facts__row">
                <dt>{t('staffSurvey.opensAt')}</dt>
                <dd>{formatDate(language, found.opensAt, 'dateTime')}</dd>
              </div>
              <div class="offering-facts__row">
                <dt>{t('staffSurvey.closesAt')}</dt>
                <dd>{formatDate(language, found.closesAt, 'dateTime')}</dd>
              </div>
              <div class="offering-facts__row">
                <dt>{t('staffSurvey.openParticipation')}</dt>
                <dd>{t(found.openParticipation ? 'staffSurvey.yes' : 'staffSurvey.no')}</dd>
              </div>
              <div class="offering-facts__row">
                <dt>{t('staffSurvey.privacyNoticeVersion')}</dt>
                <dd>{found.privacyNoticeVersion}</dd>
              </div>
              <div class="offering-facts__row">
                <dt>{t('evaluationWaves.wave')}</dt>
                <dd data-testid="survey-wave">{found.wave}</dd>
              </div>
              <div class="offering-facts__row">
                <dt>{t('evaluationWaves.questionnaireVersion')}</dt>
                <dd>{found.questionnaireVersion}</dd>
              </div>
              {found.previousSurveyId && (
                <div class="offering-facts__row">
                  <dt>{t('evaluationWaves.previousWave')}</dt>
                  <dd>
                    <a href={`/staff/surveys/${found.previousSurveyId}`}>
                      {t('evaluationWaves.waveNumber', { wave: found.wave - 1 })}
                    </a>{' '}
                    ·{' '}
                    <a href={`/staff/evaluation/${found.surveyId}?view=compare`}>
                      {t('evaluationWaves.compareLink')}
                    </a>
                  </dd>
                </div>
              )}
            </dl>
            {found.previousSurveyId && (
              <CarryOver call={call} base={base} previousWave={found.wave - 1} onDone={reloadInvitations} />
            )}
          </>
        )}
      </LoadState>

      <p
        ref={noticeElement}
        tabIndex={-1}
        role="status"
        class={notice ? `console-notice console-notice--${notice.kind}` : 'console-notice'}
        data-testid="survey-notice"
      >
        {notice?.text ?? ''}
      </p>
      {issued && (
        <IssuedLink issued={issued.issued} resent={issued.resent} onDismiss={() => setIssued(undefined)} />
      )}

      <section class="console-block" aria-labelledby="invitations-title">
        <h4 id="invitations-title">{t('staffSurvey.invitationsTitle')}</h4>
        <LoadState loaded={invitations} retry={reloadInvitations}>
          {(list) => (
            <>
              <div class="button-row">
                <button
                  type="button"
                  class="button button--secondary"
                  disabled={open(list) === 0}
                  onClick={() => setPending({ action: 'remind', count: open(list) })}
                >
                  {t('staffSurvey.remindAll')}
                </button>
                <span class="muted">{t('staffSurvey.notSubmittedCount', { count: open(list) })}</span>
              </div>
              <InvitationsTable
                invitations={list}
                onResend={(invitation) => setPending({ action: 'resend', invitation })}
                onRevoke={(invitation) => setPending({ action: 'revoke', invitation })}
              />
            </>
          )}
        </LoadState>
      </section>

      <InviteForm
        call={call}
        base={base}
        onInvited={(result) => {
          setNotice(undefined);
          setIssued({ issued: result, resent: false });
          reloadInvitations();
        }}
      />
      <InvitationImport call={call} base={base} onCreated={reloadInvitations} />

      <ConfirmDialog
        open={pending !== undefined}
        title={
          pending?.action === 'revoke'
            ? t('staffSurvey.revokeConfirmTitle')
            : pending?.action === 'resend'
              ? t('staffSurvey.resendConfirmTitle')
              : t('staffSurvey.remindConfirmTitle')
        }
        confirmLabel={
          pending?.action === 'revoke'
            ? t('staffSurvey.revokeConfirm')
            : pending?.action === 'resend'
              ? t('staffSurvey.resendConfirm')
              : t('staffSurvey.remindConfirm')
        }
        onConfirm={() => void confirm()}
        onCancel={() => setPending(undefined)}
      >
        <p>
          {pending?.action === 'remind'
            ? t('staffSurvey.remindConfirmText', { count: pending.count })
            : pending
              ? t(
                  pending.action === 'revoke'
                    ? 'staffSurvey.revokeConfirmText'
                    : 'staffSurvey.resendConfirmText',
                  {
                    institution: pending.invitation.institutionName,
                    email: pending.invitation.email,
                  },
                )
              : ''}
        </p>
      </ConfirmDialog>
    </div>
  );
}
