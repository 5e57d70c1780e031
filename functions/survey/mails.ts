import { formatDateTime, formatList } from '../shared/i18n/format';
import type { Language } from '../shared/i18n/languages';
import { type MessageKey, translate } from '../shared/i18n/messages';
import type { MailMessage } from '../shared/mail/mailer';
import { type ContactPerson, placeName, type SurveyAnswers } from './questionnaire';

export function letter(language: Language, body: string): string {
  return [
    translate(language, 'mail.greeting'),
    '',
    body,
    '',
    translate(language, 'mail.signature'),
    '',
    `-- ${translate(language, 'mail.automatedNotice')}`,
  ].join('\n');
}

interface SurveyLetter {
  to: string;
  language: Language;
  surveyTitle: string;
  institutionName: string;
  closesAt: string;
}

/** A survey letter: subject and body from the content files, with the survey's common placeholders. */
function surveyLetter(
  options: SurveyLetter,
  purpose: string,
  texts: { subject: MessageKey; body: MessageKey },
  extra: Record<string, string> = {},
): MailMessage {
  const { language } = options;
  const params = {
    title: options.surveyTitle,
    institution: options.institutionName,
    closesAt: formatDateTime(options.closesAt, language),
    ...extra,
  };
  return {
    to: [options.to],
    language,
    purpose,
    subject: translate(language, texts.subject, params),
    text: letter(language, translate(language, texts.body, params)),
  };
}

export function invitationMail(options: SurveyLetter & { link: string }): MailMessage {
  return surveyLetter(
    options,
    'survey-invitation',
    { subject: 'surveyMail.invitationSubject', body: 'surveyMail.invitationBody' },
    { link: options.link },
  );
}

export function reminderMail(options: SurveyLetter): MailMessage {
  return surveyLetter(options, 'survey-reminder', {
    subject: 'surveyMail.reminderSubject',
    body: 'surveyMail.reminderBody',
  });
}

/** An option's label from the questionnaire texts, or its id where a label is missing. */
function option(language: Language, group: string, id: string | undefined): string {
  if (id === undefined) return translate(language, 'surveyMail.none');
  const key = `questionnaire.${group}.${id}` as MessageKey;
  const label = translate(language, key);
  return label === key ? id : label;
}

function places(language: Language, ids: string[]): string {
  return formatList(
    ids.map((id) =>
      id === 'whole-county'
        ? translate(language, 'surveyMail.placeWholeCounty')
        : id === 'online'
          ? translate(language, 'surveyMail.placeOnline')
          : (placeName(id) ?? id),
    ),
    language,
  );
}

/**
 * The answers as plain text for the confirmation e-mail. Plain text cannot become markup; what the
 * respondent wrote is quoted as written.
 */
export function answersAsText(
  language: Language,
  answers: SurveyAnswers,
  contact: ContactPerson | undefined,
): string {
  const t = (key: MessageKey) => translate(language, key);
  const list = (group: string, ids: string[]) =>
    ids.length
      ? formatList(
          ids.map((id) => option(language, group, id)),
          language,
        )
      : t('surveyMail.none');
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? t('surveyMail.none') : value ? t('surveyMail.yes') : t('surveyMail.no');
  const line = (label: MessageKey, value: string) => `  ${t(label)}: ${value || t('surveyMail.none')}`;
  const lines: string[] = [
    `${t('surveyMail.sectionInstitution')}`,
    line('surveyMail.fieldName', answers.institution.name),
    line('surveyMail.fieldSector', option(language, 'sectors', answers.institution.sector)),
    line('surveyMail.fieldType', option(language, 'institutionTypes', answers.institution.type)),
    line('surveyMail.fieldPlaces', places(language, answers.institution.places)),
    '',
    `${t('surveyMail.sectionContact')}`,
    line('surveyMail.fieldName', contact?.name ?? ''),
    line('surveyMail.fieldRole', contact?.role ?? ''),
    line('surveyMail.fieldEmail', contact?.email ?? ''),
    line('surveyMail.fieldPhone', contact?.phone ?? ''),
    '',
    `${t('surveyMail.sectionOfferings')}`,
  ];
  answers.offerings.forEach((offering, index) => {
    lines.push(
      `  ${index + 1}. ${offering.title}`,
      line('surveyMail.fieldDescription', offering.description),
      line('surveyMail.fieldCategory', option(language, 'offeringCategories', offering.category)),
      line('surveyMail.fieldTargetGroups', list('targetGroups', offering.targetGroups)),
      line('surveyMail.fieldLanguages', list('offeredLanguages', offering.languages)),
      line('surveyMail.fieldPlaces', places(language, offering.places)),
      line('surveyMail.fieldSchedule', offering.schedule),
      line(
        'surveyMail.fieldCost',
        `${option(language, 'costKinds', offering.cost)} ${offering.costNote}`.trim(),
      ),
      line('surveyMail.fieldRegistration', offering.registration),
      line('surveyMail.fieldOfficeContact', offering.officeContact),
      line('surveyMail.fieldUrl', offering.url),
      line('surveyMail.fieldPublish', yesNo(offering.publish)),
    );
  });
  if (answers.offerings.length === 0) lines.push(`  ${t('surveyMail.none')}`);
  lines.push(
    '',
    `${t('surveyMail.sectionOpening')}`,
    line('surveyMail.fieldStatus', option(language, 'openingStatuses', answers.opening.status)),
    line(
      'surveyMail.fieldSteps',
      [list('openingSteps', answers.opening.steps), answers.opening.stepsOther].filter(Boolean).join('; '),
    ),
    line('surveyMail.fieldObstacles', answers.opening.obstacles),
    '',
    `${t('surveyMail.sectionNeeds')}`,
    line(
      'surveyMail.fieldNeeds',
      [list('needCategories', answers.needs.categories), answers.needs.description]
        .filter(Boolean)
        .join('; '),
    ),
    line('surveyMail.fieldMostHelpful', answers.needs.mostHelpful),
    '',
    `${t('surveyMail.sectionInterview')}`,
    line('surveyMail.fieldWilling', yesNo(answers.interview.willing)),
    line(
      'surveyMail.fieldTopics',
      [list('offeringCategories', answers.interview.topics), answers.interview.topicsOther]
        .filter(Boolean)
        .join('; '),
    ),
    '',
    `${t('questionnaire.privacy.title')}`,
    // Not answered is not consented: free text is only quoted with a yes.
    line('questionnaire.privacy.quoteConsent.summary', yesNo(answers.privacy.quoteConsent === true)),
  );
  return lines.join('\n');
}

export function confirmationMail(options: {
  to: string;
  language: Language;
  surveyTitle: string;
  submittedAt: string;
  closesAt: string;
  number: number;
  answers: SurveyAnswers;
  contact: ContactPerson | undefined;
}): MailMessage {
  const { language } = options;
  const params = {
    title: options.surveyTitle,
    institution: options.answers.institution.name,
    submittedAt: formatDateTime(options.submittedAt, language),
    closesAt: formatDateTime(options.closesAt, language),
    number: options.number,
  };
  const body = `${translate(language, 'surveyMail.confirmationBody', params)}\n\n${answersAsText(language, options.answers, options.contact)}`;
  return {
    to: [options.to],
    language,
    purpose: 'survey-confirmation',
    subject: translate(language, 'surveyMail.confirmationSubject', params),
    text: letter(language, body),
  };
}
