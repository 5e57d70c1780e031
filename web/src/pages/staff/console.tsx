import { useEffect } from 'preact/hooks';
import { ApiError, api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { PageHeading } from '../../page';
import { useLocation } from '../../router';
import { isCurrentSection, type StaffMember, sectionPath, visibleSections } from './console-sections';
import type { StaffSession } from './session';

function Account(props: { member: StaffMember; onSignOut: () => void }) {
  const { t } = useI18n();
  const { member } = props;
  return (
    <div class="account">
      <dl class="account__facts">
        <div>
          <dt class="visually-hidden">{t('staff.emailLabel')}</dt>
          <dd data-testid="staff-email">{t('staff.signedInAs', { email: member.email ?? member.sub })}</dd>
        </div>
        <div>
          <dt>{t('staff.role')}</dt>
          <dd data-testid="staff-role">
            {[
              ...(member.isAdmin
                ? [t('staff.roleAdmin')]
                : member.groups.includes('staff')
                  ? [t('staff.roleStaff')]
                  : []),
              ...(member.groups.includes('steering') ? [t('steering.memberRole')] : []),
            ].join(', ')}
          </dd>
        </div>
      </dl>
      <button type="button" class="button button--secondary" onClick={props.onSignOut}>
        {t('staff.signOut')}
      </button>
    </div>
  );
}

/** The console's frame: who is signed in, the sections' navigation and the chosen section. */
export function Console(props: {
  session: StaffSession;
  slug: string;
  /** The path segment after the section's (`/staff/surveys/<surveyId>`), for sections with details. */
  item?: string | undefined;
  onSignOut: () => void;
  onExpired: () => void;
}) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { session, onExpired } = props;
  const [me, retry] = useLoad(session.token, (signal) =>
    api<StaffMember>('/api/staff/me', { token: session.token, signal }),
  );
  useEffect(() => {
    if (me.state === 'failed' && me.error instanceof ApiError && me.error.status === 401) onExpired();
  }, [me, onExpired]);

  const sections = me.state === 'ready' ? visibleSections(me.data) : [];
  const section = sections.find((candidate) => candidate.slug === props.slug);
  const sectionTitle = section ? t(section.title) : t('app.notFoundTitle');

  return (
    <div class="page page--wide console">
      <div class="console__head">
        <PageHeading documentTitle={`${sectionTitle} – ${t('staff.consoleTitle')}`}>
          {t('staff.consoleTitle')}
        </PageHeading>
        {me.state === 'ready' && <Account member={me.data} onSignOut={props.onSignOut} />}
      </div>
      <LoadState loaded={me} retry={retry}>
        {(member) => (
          <div class="console__body">
            <nav class="console__nav" aria-label={t('staff.consoleNavigation')}>
              <ul>
                {sections.map((candidate) => (
                  <li key={candidate.slug}>
                    <a
                      href={sectionPath(candidate)}
                      aria-current={isCurrentSection(candidate, pathname) ? 'page' : undefined}
                    >
                      {t(candidate.title)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <section class="console__section" aria-labelledby="console-section-title">
              <h2 id="console-section-title">{sectionTitle}</h2>
              {section ? (
                <section.component
                  member={member}
                  token={session.token}
                  item={props.item}
                  onExpired={onExpired}
                />
              ) : (
                <p>{t('app.notFoundText')}</p>
              )}
            </section>
          </div>
        )}
      </LoadState>
    </div>
  );
}
