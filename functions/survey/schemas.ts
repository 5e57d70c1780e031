import { z } from 'zod';
import { languageCodes } from '../shared/i18n/languages';
import { ContactPerson, SurveyAnswers } from './questionnaire';

export const SurveyIdParams = z.strictObject({ surveyId: z.uuid() });
export const InvitationParams = z.strictObject({ surveyId: z.uuid(), invitationId: z.uuid() });
/** The invitation token from the link: 128+ random bits, base64url; only its hash is stored. */
export const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/) });

export const invitationStates = ['not_opened', 'in_progress', 'submitted', 'revoked'] as const;

export const CreateSurveyRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    openParticipation: z.boolean().default(false),
    /** The wave this survey repeats: the new one is the next wave of the same survey. */
    previousSurveyId: z.uuid().optional(),
  })
  .refine((survey) => Date.parse(survey.closesAt) > Date.parse(survey.opensAt), {
    path: ['closesAt'],
    params: { reason: 'closes_before_opening' },
  });

export const SurveyView = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  openParticipation: z.boolean(),
  privacyNoticeVersion: z.string(),
  createdAt: z.string(),
  /** 1 for a first survey; the wave before is `previousSurveyId`. */
  wave: z.number().int().positive(),
  previousSurveyId: z.uuid().optional(),
  questionnaireVersion: z.string(),
});
export type SurveyView = z.infer<typeof SurveyView>;

export const SurveyList = z.object({ surveys: z.array(SurveyView) });

export const CreateInvitationRequest = z.strictObject({
  institutionName: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  language: z.enum(languageCodes).default('de'),
});

export const InvitationView = z.object({
  invitationId: z.uuid(),
  surveyId: z.uuid(),
  institutionName: z.string(),
  email: z.string(),
  language: z.enum(languageCodes),
  state: z.enum(invitationStates),
  createdAt: z.string(),
  lastSentAt: z.string(),
  reminderCount: z.number().int(),
  submittedAt: z.string().optional(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationList = z.object({ invitations: z.array(InvitationView) });

/** A new link is shown once, to staff who created or re-sent it; it is also e-mailed. */
export const IssuedInvitation = z.object({ invitation: InvitationView, link: z.url() });

export const ImportInvitationsRequest = z.strictObject({
  /** CSV with the columns institution, email and optionally language (header row required). */
  csv: z.string().min(1).max(200_000),
  dryRun: z.boolean(),
});

export const ImportPreview = z.object({
  rows: z.array(
    z.object({
      line: z.number().int(),
      institutionName: z.string(),
      email: z.string(),
      language: z.string(),
      problem: z
        .enum(['missing_institution', 'invalid_email', 'unknown_language', 'duplicate', 'already_invited'])
        .optional(),
    }),
  ),
  created: z.number().int(),
});

export const ReminderResult = z.object({ reminded: z.number().int() });

/** Carrying the wave before's institutions over: who was invited now, and who had been already. */
export const CarryOverResult = z.object({
  fromSurveyId: z.uuid(),
  invited: z.number().int().nonnegative(),
  alreadyInvited: z.number().int().nonnegative(),
  /** Invited, but the e-mail failed: staff re-send these links from the list. */
  mailFailed: z.number().int().nonnegative(),
});

export const RespondentView = z.object({
  survey: z.object({ title: z.string(), opensAt: z.string(), closesAt: z.string(), closed: z.boolean() }),
  invitation: z.object({
    institutionName: z.string(),
    state: z.enum(invitationStates),
    language: z.enum(languageCodes),
  }),
  answers: SurveyAnswers,
  contact: ContactPerson.nullable(),
  version: z.number().int(),
  savedAt: z.string().optional(),
  submissions: z.array(z.object({ number: z.number().int(), submittedAt: z.string() })),
  privacyNoticeVersion: z.string(),
});
export type RespondentView = z.infer<typeof RespondentView>;

export const SaveDraftRequest = z.strictObject({
  answers: SurveyAnswers,
  contact: ContactPerson,
  /** The version the respondent's copy is based on; a stale one gets 409 and nothing is overwritten. */
  version: z.number().int().min(0).max(1_000_000),
  /** The interface language the respondent is using. */
  language: z.enum(languageCodes),
});

export const SavedDraft = z.object({ version: z.number().int(), savedAt: z.string() });

export const SubmitRequest = z.strictObject({ version: z.number().int().min(1).max(1_000_000) });

export const Submitted = z.object({
  submissionNumber: z.number().int(),
  submittedAt: z.string(),
  /** The draft's version after submitting, for the next save. */
  version: z.number().int(),
});

/** Open participation: an institution without an invitation asks for a link, which is e-mailed to it. */
export const ParticipationRequest = z.strictObject({
  institutionName: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  language: z.enum(languageCodes).default('de'),
});

export const ParticipationAccepted = z.object({ status: z.literal('link_sent') });
