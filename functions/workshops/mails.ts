import { formatDateTime } from '../shared/i18n/format';
import type { Language } from '../shared/i18n/languages';
import { type MessageKey, translate } from '../shared/i18n/messages';
import type { MailMessage } from '../shared/mail/mailer';
import { letter } from '../survey/mails';
import type { WorkshopRecord } from './workshop-store';

type LetterKind =
  | 'announcement'
  | 'registered'
  | 'waiting'
  | 'alreadyRegistered'
  | 'alreadyWaiting'
  | 'movedUp'
  | 'cancelled';

/** A workshop letter in the recipient's language; dates in Berlin time and the Gregorian calendar. */
export function workshopMail(options: {
  kind: LetterKind;
  to: string;
  language: Language;
  workshop: WorkshopRecord;
  link?: string;
  name?: string;
  institution?: string;
}): MailMessage {
  const { language, workshop } = options;
  const params = {
    title: workshop.title,
    startsAt: formatDateTime(workshop.startsAt, language),
    endsAt: formatDateTime(workshop.endsAt, language),
    place: workshop.place,
    deadline: formatDateTime(workshop.registrationClosesAt, language),
    link: options.link ?? '',
    name: options.name ?? '',
    institution: options.institution ?? '',
  };
  const body = translate(language, `workshopMail.${options.kind}Body` as MessageKey, params);
  const programme =
    options.kind === 'announcement' && workshop.programme
      ? `\n\n${translate(language, 'workshopMail.programmeHeading')}\n${workshop.programme}`
      : '';
  return {
    to: [options.to],
    language,
    purpose: `workshop-${options.kind}`,
    subject: translate(language, `workshopMail.${options.kind}Subject` as MessageKey, params),
    text: letter(language, `${body}${programme}`),
  };
}
