import { formatDateTime } from '../shared/i18n/format';
import type { Language } from '../shared/i18n/languages';
import { type MessageKey, translate } from '../shared/i18n/messages';
import type { MailMessage } from '../shared/mail/mailer';
import { letter } from '../survey/mails';
import { buildIcs, type CalendarPerson } from './ics';
import type { InterviewRecord, RoundRecord } from './interview-store';

export interface InterviewLetter {
  round: RoundRecord;
  interview: InterviewRecord;
  /** The booking link; known only while handling a request that came through it (only its hash is stored). */
  link?: string;
  publicBaseUrl: string;
  /** The sender, as the calendar invitation's organizer. */
  organizer: CalendarPerson;
  now: Date;
}

export function locationText(round: RoundRecord, language: Language): string {
  return round.location.kind === 'online'
    ? translate(language, 'interviewMail.locationOnline', { url: round.location.url })
    : round.location.address;
}

export function changeableUntil(round: RoundRecord, startsAt: string): string {
  return new Date(Date.parse(startsAt) - round.changeCutOffHours * 3_600_000).toISOString();
}

/** The UID stays the interview's for every message, so calendars update the entry they have. */
export function calendarUid(interviewId: string, host: string): string {
  return `interview-${interviewId}@${host}`;
}

function params(options: InterviewLetter, slot: { startsAt: string }) {
  const { round, interview, link } = options;
  const language = interview.expert.language;
  return {
    topic: round.topic,
    institution: interview.expert.institution,
    duration: round.durationMinutes,
    location: locationText(round, language),
    when: formatDateTime(slot.startsAt, language),
    changeableUntil: formatDateTime(changeableUntil(round, slot.startsAt), language),
    link: link ?? options.publicBaseUrl,
  };
}

/** The calendar file; the expert's copy links to the booking page, the interviewers' to the staff console. */
function calendarAttachment(
  options: InterviewLetter,
  method: 'REQUEST' | 'CANCEL',
  slot: { startsAt: string; endsAt: string },
  audience: { language: Language; link: string } = {
    language: options.interview.expert.language,
    link: options.link ?? options.publicBaseUrl,
  },
) {
  const { round, interview, organizer } = options;
  const { language, link } = audience;
  const ics = buildIcs({
    method,
    uid: calendarUid(interview.interviewId, new URL(options.publicBaseUrl).host),
    sequence: interview.sequence,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    stampedAt: options.now.toISOString(),
    summary: translate(language, 'interviewMail.calendarTitle', { topic: round.topic }),
    description: translate(language, 'interviewMail.calendarDescription', { link }),
    location: locationText(round, language),
    url: link,
    organizer,
    attendees: [
      { name: interview.expert.name, email: interview.expert.email },
      ...round.interviewers.map((interviewer) => ({ name: interviewer.name, email: interviewer.email })),
    ],
  });
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    contentBase64: Buffer.from(ics, 'utf8').toString('base64'),
  };
}

function interviewMail(
  options: InterviewLetter,
  purpose: string,
  texts: { subject: MessageKey; body: MessageKey },
  slot?: { startsAt: string; endsAt: string },
  method?: 'REQUEST' | 'CANCEL',
): MailMessage {
  const language = options.interview.expert.language;
  const values = slot
    ? params(options, slot)
    : {
        topic: options.round.topic,
        institution: options.interview.expert.institution,
        duration: options.round.durationMinutes,
        link: options.link ?? options.publicBaseUrl,
      };
  return {
    to: [options.interview.expert.email],
    language,
    purpose,
    subject: translate(language, texts.subject, values),
    text: letter(language, translate(language, texts.body, values)),
    ...(slot && method ? { attachments: [calendarAttachment(options, method, slot)] } : {}),
  };
}

export function invitationMail(options: InterviewLetter): MailMessage {
  return interviewMail(options, 'interview-invitation', {
    subject: 'interviewMail.invitationSubject',
    body: 'interviewMail.invitationBody',
  });
}

export function confirmationMail(options: InterviewLetter, slot: { startsAt: string; endsAt: string }) {
  return interviewMail(
    options,
    'interview-confirmation',
    { subject: 'interviewMail.confirmationSubject', body: 'interviewMail.confirmationBody' },
    slot,
    'REQUEST',
  );
}

export function rescheduleMail(options: InterviewLetter, slot: { startsAt: string; endsAt: string }) {
  return interviewMail(
    options,
    'interview-reschedule',
    { subject: 'interviewMail.rescheduleSubject', body: 'interviewMail.rescheduleBody' },
    slot,
    'REQUEST',
  );
}

export function cancellationMail(options: InterviewLetter, slot: { startsAt: string; endsAt: string }) {
  return interviewMail(
    options,
    'interview-cancellation',
    { subject: 'interviewMail.cancelSubject', body: 'interviewMail.cancelBody' },
    slot,
    'CANCEL',
  );
}

export function reminderMail(options: InterviewLetter, slot: { startsAt: string; endsAt: string }) {
  return interviewMail(
    options,
    'interview-reminder',
    {
      subject: 'interviewMail.reminderSubject',
      body: 'interviewMail.reminderBody',
    },
    slot,
  );
}

export type BookingChangeKind = 'booked' | 'rescheduled' | 'cancelled';

const staffTexts: Record<
  BookingChangeKind,
  { subject: MessageKey; body: MessageKey; method: 'REQUEST' | 'CANCEL' }
> = {
  booked: {
    subject: 'interviewMail.staffBookedSubject',
    body: 'interviewMail.staffBookedBody',
    method: 'REQUEST',
  },
  rescheduled: {
    subject: 'interviewMail.staffRescheduledSubject',
    body: 'interviewMail.staffRescheduledBody',
    method: 'REQUEST',
  },
  cancelled: {
    subject: 'interviewMail.staffCancelledSubject',
    body: 'interviewMail.staffCancelledBody',
    method: 'CANCEL',
  },
};

/**
 * The interviewers' copy, in German (the county's staff), with the same calendar entry (same UID and
 * SEQUENCE, so their calendars follow every change), linking to the staff console, not to the
 * expert's personal booking link.
 */
export function interviewerMail(
  options: InterviewLetter,
  kind: BookingChangeKind,
  slot: { startsAt: string; endsAt: string },
): MailMessage {
  const language: Language = 'de';
  const { round, interview } = options;
  const link = `${options.publicBaseUrl}/staff`;
  const texts = staffTexts[kind];
  const values = {
    expert: interview.expert.name,
    institution: interview.expert.institution,
    topic: round.topic,
    duration: round.durationMinutes,
    location: locationText(round, language),
    when: formatDateTime(slot.startsAt, language),
    link,
  };
  const comment = interview.comment
    ? `\n\n${translate(language, 'interviewMail.staffComment', { comment: interview.comment })}`
    : '';
  return {
    to: round.interviewers.map((interviewer) => interviewer.email),
    language,
    purpose: `interview-staff-${kind}`,
    subject: translate(language, texts.subject, values),
    text: letter(
      language,
      `${translate(language, texts.body, values)}${kind === 'cancelled' ? '' : comment}`,
    ),
    attachments: [calendarAttachment(options, texts.method, slot, { language, link })],
  };
}
