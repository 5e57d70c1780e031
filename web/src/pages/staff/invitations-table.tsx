import type { z } from 'zod';
import { languages } from '../../../../functions/shared/i18n/languages';
import type { InvitationView, invitationStates } from '../../../../functions/survey/schemas';
import { useI18n } from '../../i18n';
import { formatDate } from '../offerings/labels';
import { ScrollRegion } from './scroll-region';

type Invitation = z.infer<typeof InvitationView>;
type InvitationState = (typeof invitationStates)[number];

/** A sign per state, so the state never depends on colour alone (the text says it too). */
const stateMarks: Record<InvitationState, string> = {
  not_opened: '○',
  in_progress: '◐',
  submitted: '✓',
  revoked: '✕',
};

export function StateBadge(props: { state: InvitationState }) {
  const { t } = useI18n();
  return (
    <span class={`state-badge state-badge--${props.state}`} data-state={props.state}>
      <span class="state-badge__mark" aria-hidden="true">
        {stateMarks[props.state]}
      </span>
      {t(`staffSurvey.states.${props.state}`)}
    </span>
  );
}

export function LanguageName(props: { code: string }) {
  const language = languages.find((candidate) => candidate.code === props.code);
  if (!language) return <>{props.code}</>;
  return (
    <span lang={language.code} dir={language.dir}>
      {language.endonym}
    </span>
  );
}

/** Every invitation of a survey with its state; resending and revoking ask first (see SurveyDetail). */
export function InvitationsTable(props: {
  invitations: Invitation[];
  onResend: (invitation: Invitation) => void;
  onRevoke: (invitation: Invitation) => void;
}) {
  const { t, language } = useI18n();
  if (props.invitations.length === 0) return <p class="notice">{t('staffSurvey.noInvitations')}</p>;
  return (
    <ScrollRegion labelledBy="invitations-caption">
      <table class="data-table" data-testid="invitations-table">
        <caption id="invitations-caption">
          {t('staffSurvey.invitationsCaption', { count: props.invitations.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('staffSurvey.institutionColumn')}</th>
            <th scope="col">{t('staffSurvey.state')}</th>
            <th scope="col">{t('staffSurvey.invitedAt')}</th>
            <th scope="col">{t('staffSurvey.lastSentAt')}</th>
            <th scope="col">{t('staffSurvey.reminders')}</th>
            <th scope="col">{t('staffSurvey.submittedAt')}</th>
            <th scope="col">{t('staffSurvey.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.invitations.map((invitation) => (
            <tr key={invitation.invitationId} data-invitation={invitation.invitationId}>
              <th scope="row" id={`invitation-${invitation.invitationId}`}>
                {invitation.institutionName}
                <span class="data-table__detail data-table__email">{invitation.email}</span>
                <span class="data-table__detail">
                  <span class="visually-hidden">{t('staffSurvey.language')}: </span>
                  <LanguageName code={invitation.language} />
                </span>
              </th>
              <td>
                <StateBadge state={invitation.state} />
              </td>
              <td>{formatDate(language, invitation.createdAt, 'compact')}</td>
              <td>{formatDate(language, invitation.lastSentAt, 'compact')}</td>
              <td data-column="reminders">{invitation.reminderCount}</td>
              <td>
                {invitation.submittedAt ? formatDate(language, invitation.submittedAt, 'compact') : '–'}
              </td>
              <td>
                {invitation.state === 'revoked' ? (
                  '–'
                ) : (
                  <div class="table-actions">
                    <button
                      type="button"
                      class="button button--small button--secondary"
                      aria-describedby={`invitation-${invitation.invitationId}`}
                      onClick={() => props.onResend(invitation)}
                    >
                      {t('staffSurvey.resend')}
                    </button>
                    <button
                      type="button"
                      class="button button--small button--danger"
                      aria-describedby={`invitation-${invitation.invitationId}`}
                      onClick={() => props.onRevoke(invitation)}
                    >
                      {t('staffSurvey.revoke')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
