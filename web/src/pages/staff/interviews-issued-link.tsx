import { useI18n } from '../../i18n';
import type { IssuedBooking } from './interviews-round';
import { ShownOnceLink } from './issued-link';

/** An expert's booking link, shown this once (it was also e-mailed). */
export function IssuedBookingLink(props: { issued: IssuedBooking; onDismiss: () => void }) {
  const { t } = useI18n();
  const { interview, link } = props.issued;
  return (
    <ShownOnceLink
      link={link}
      title={t('staffInterviews.linkIssuedTitle', {
        name: interview.expert.name,
        institution: interview.expert.institution,
      })}
      titleId="issued-booking-link-title"
      fieldId="issued-booking-link"
      fieldLabel={t('staffInterviews.bookingLink')}
      testId="issued-booking-link"
      onDismiss={props.onDismiss}
    >
      <p>{t('staffSurvey.linkShownOnce', { email: interview.expert.email })}</p>
    </ShownOnceLink>
  );
}
