import { z } from 'zod';
import { DomainError } from '../shared/domain/errors';
import { defaultRetention, expiryOf, type RetentionPolicy } from '../shared/domain/retention';
import { languageCodes } from '../shared/i18n/languages';
import { keys } from '../shared/store/keys';
import type { Store, TransactionStep } from '../shared/store/store';
import { ContactPerson, SurveyAnswers } from './questionnaire';

/** The version every survey and response recorded before versions were kept was made with. */
const firstQuestionnaireVersion = '2026-11-01';

export const SurveyRecord = z.object({
  surveyId: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  openParticipation: z.boolean(),
  privacyNoticeVersion: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Surveys repeat as waves: the wave before this one, and this one's number (1 for the first). */
  previousSurveyId: z.string().optional(),
  wave: z.number().int().positive().default(1),
  /** The questionnaire version the wave asks (surveys made before versions were recorded: the first). */
  questionnaireVersion: z.string().default(firstQuestionnaireVersion),
});
export type SurveyRecord = z.infer<typeof SurveyRecord>;

export const InvitationRecord = z.object({
  invitationId: z.string(),
  surveyId: z.string(),
  institutionName: z.string(),
  email: z.string(),
  emailHash: z.string(),
  language: z.enum(languageCodes),
  tokenHash: z.string(),
  createdAt: z.string(),
  lastSentAt: z.string(),
  reminderCount: z.number().int(),
  openedAt: z.string().optional(),
  submittedAt: z.string().optional(),
  revokedAt: z.string().optional(),
  /** The same institution's invitation in the wave before, when it was carried over from there. */
  previousInvitationId: z.string().optional(),
  /** When the address was erased on the person's request (Art. 17 GDPR); the counted invitation stays. */
  erasedAt: z.string().optional(),
  /** TTL (`surveyInvitation`); absent only on invitations written before every write set one. */
  expiresAt: z.number().int().optional(),
  version: z.number().int(),
});
export type InvitationRecord = z.infer<typeof InvitationRecord>;

export const TokenRecord = z.object({
  surveyId: z.string(),
  invitationId: z.string(),
  retiredAt: z.string().optional(),
});
export type TokenRecord = z.infer<typeof TokenRecord>;

export const DraftRecord = z.object({
  surveyId: z.string(),
  invitationId: z.string(),
  answers: SurveyAnswers,
  language: z.enum(languageCodes),
  savedAt: z.string(),
  submissionCount: z.number().int(),
  /** The draft version that was submitted last: a replayed submit of it returns that submission. */
  lastSubmittedVersion: z.number().int().optional(),
  /** TTL (`surveyDraft`); absent only on drafts written before every write set one. */
  expiresAt: z.number().int().optional(),
  version: z.number().int(),
});
export type DraftRecord = z.infer<typeof DraftRecord>;

export const ContactRecord = z.object({ contact: ContactPerson, savedAt: z.string() });

export const SubmissionRecord = z.object({
  surveyId: z.string(),
  invitationId: z.string(),
  number: z.number().int(),
  answers: SurveyAnswers,
  language: z.enum(languageCodes),
  submittedAt: z.string(),
  draftVersion: z.number().int(),
  privacyNoticeVersion: z.string(),
  channel: z.enum(['web', 'chat']),
  /** The questionnaire version this response answered. */
  questionnaireVersion: z.string().default(firstQuestionnaireVersion),
});
export type SubmissionRecord = z.infer<typeof SubmissionRecord>;

/** The contact person is kept for a while after the survey closes (questions, expert interviews). */
export function contactExpiry(closesAt: string, policy: RetentionPolicy = defaultRetention): number {
  return expiryOf('contactPerson', closesAt, policy);
}

/** What every write of an invitation or a draft carries: its end (see `retentionCategories`). */
type Expiring<T> = T & { expiresAt: number };

/** Store access for surveys, invitations and responses; every read is a Get or a Query. */
export class SurveyStore {
  constructor(readonly store: Store) {}

  createSurvey(survey: SurveyRecord): Promise<void> {
    return this.store.create({
      ...keys.survey(survey.surveyId),
      ...keys.surveyByTime(survey.createdAt, survey.surveyId),
      entity: 'Survey',
      ...survey,
    });
  }

  getSurvey(surveyId: string): Promise<SurveyRecord | undefined> {
    return this.store.get(keys.survey(surveyId), SurveyRecord);
  }

  async listSurveys(): Promise<SurveyRecord[]> {
    const surveys: SurveyRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(SurveyRecord, {
        index: 'gsi1',
        partition: keys.surveysPartition(),
        newestFirst: true,
        ...(cursor ? { cursor } : {}),
      });
      surveys.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return surveys;
  }

  /**
   * A new invitation with its token and the guard against inviting the same address twice, together;
   * with a draft to start from when answers are carried over from the wave before.
   */
  createInvitation(
    invitation: Expiring<Omit<InvitationRecord, 'version'>>,
    startingDraft?: Expiring<Omit<DraftRecord, 'version'>>,
  ): Promise<void> {
    const draftStep: TransactionStep[] = startingDraft
      ? [
          {
            kind: 'create',
            item: {
              ...keys.responseDraft(invitation.invitationId),
              entity: 'ResponseDraft',
              ...startingDraft,
            },
          },
        ]
      : [];
    return this.store.transact([
      ...draftStep,
      {
        kind: 'create',
        item: {
          ...keys.invitation(invitation.surveyId, invitation.invitationId),
          entity: 'Invitation',
          ...invitation,
        },
      },
      {
        kind: 'create',
        item: {
          ...keys.invitationEmailGuard(invitation.surveyId, invitation.emailHash),
          entity: 'InviteeGuard',
          invitationId: invitation.invitationId,
          expiresAt: invitation.expiresAt,
        },
      },
      {
        kind: 'create',
        item: {
          ...keys.invitationToken(invitation.tokenHash),
          entity: 'InvitationToken',
          surveyId: invitation.surveyId,
          invitationId: invitation.invitationId,
          expiresAt: invitation.expiresAt,
        },
      },
    ]);
  }

  getInvitation(surveyId: string, invitationId: string): Promise<InvitationRecord | undefined> {
    return this.store.get(keys.invitation(surveyId, invitationId), InvitationRecord);
  }

  async listInvitations(surveyId: string): Promise<InvitationRecord[]> {
    const invitations: InvitationRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query(InvitationRecord, {
        partition: keys.surveyPartition(surveyId),
        beginsWith: keys.invitationPrefix(),
        ...(cursor ? { cursor } : {}),
      });
      invitations.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return invitations;
  }

  async isInvited(surveyId: string, emailHash: string): Promise<boolean> {
    const guard = await this.store.get(keys.invitationEmailGuard(surveyId, emailHash), z.object({}));
    return guard !== undefined;
  }

  getToken(tokenHash: string): Promise<TokenRecord | undefined> {
    return this.store.get(keys.invitationToken(tokenHash), TokenRecord);
  }

  /** A new link: the new token is created and the old one retired in one transaction. */
  replaceToken(invitation: InvitationRecord, newTokenHash: string, now: string): Promise<void> {
    return this.store.transact([
      {
        kind: 'putVersioned',
        item: {
          ...keys.invitation(invitation.surveyId, invitation.invitationId),
          entity: 'Invitation',
          ...withoutVersion(invitation),
          tokenHash: newTokenHash,
          lastSentAt: now,
        },
        expectedVersion: invitation.version,
      },
      {
        kind: 'create',
        item: {
          ...keys.invitationToken(newTokenHash),
          entity: 'InvitationToken',
          surveyId: invitation.surveyId,
          invitationId: invitation.invitationId,
          ...(invitation.expiresAt !== undefined ? { expiresAt: invitation.expiresAt } : {}),
        },
      },
      {
        kind: 'update',
        key: keys.invitationToken(invitation.tokenHash),
        set: { retiredAt: now },
        mustExist: true,
      },
    ]);
  }

  updateInvitation(invitation: InvitationRecord, changes: Partial<InvitationRecord>): Promise<number> {
    return this.store.putVersioned(
      {
        ...keys.invitation(invitation.surveyId, invitation.invitationId),
        entity: 'Invitation',
        ...withoutVersion(invitation),
        ...withoutVersion(changes),
      },
      invitation.version,
    );
  }

  /** Sets attributes without a version check, for marks that only ever move forward (opened, reminded). */
  markInvitation(
    invitation: InvitationRecord,
    marks: Partial<Pick<InvitationRecord, 'openedAt' | 'reminderCount'>>,
  ) {
    return this.store.update(keys.invitation(invitation.surveyId, invitation.invitationId), marks, {
      mustExist: true,
    });
  }

  getDraft(invitationId: string): Promise<DraftRecord | undefined> {
    return this.store.get(keys.responseDraft(invitationId), DraftRecord);
  }

  async getContact(invitationId: string): Promise<ContactPerson | undefined> {
    return (await this.store.get(keys.responseContact(invitationId), ContactRecord))?.contact;
  }

  eraseContact(invitationId: string): Promise<void> {
    return this.store.delete(keys.responseContact(invitationId));
  }

  /**
   * Saves a draft and its contact person together. `expectedVersion` 0 means "no draft yet"; a stale
   * version fails with `version_conflict` and nothing is written.
   */
  async saveDraft(
    draft: Expiring<Omit<DraftRecord, 'version'>>,
    contact: ContactPerson,
    expectedVersion: number,
    contactExpiresAt: number,
  ): Promise<number> {
    const draftItem = { ...keys.responseDraft(draft.invitationId), entity: 'ResponseDraft', ...draft };
    const hasContact = Object.values(contact).some((value) => value !== '');
    const contactStep: TransactionStep = hasContact
      ? {
          kind: 'put',
          item: {
            ...keys.responseContact(draft.invitationId),
            entity: 'ContactPerson',
            contact,
            savedAt: draft.savedAt,
            expiresAt: contactExpiresAt,
          },
        }
      : { kind: 'delete', key: keys.responseContact(draft.invitationId) };
    if (expectedVersion === 0) {
      try {
        await this.store.transact([{ kind: 'create', item: draftItem }, contactStep]);
      } catch (error) {
        // Someone created the draft first: for this writer that is a stale version, not a duplicate.
        if (error instanceof DomainError && error.code === 'conflict') {
          throw new DomainError('version_conflict', 'draft exists');
        }
        throw error;
      }
      return 1;
    }
    await this.store.transact([{ kind: 'putVersioned', item: draftItem, expectedVersion }, contactStep]);
    return expectedVersion + 1;
  }

  /**
   * Records a submitted version: the draft's counter, the kept submission and the invitation, together.
   * The draft's version moves on by one, which the respondent's copy takes from the answer.
   */
  submit(draft: DraftRecord, submission: SubmissionRecord, invitation: InvitationRecord): Promise<void> {
    return this.store.transact([
      {
        kind: 'putVersioned',
        item: {
          ...keys.responseDraft(draft.invitationId),
          entity: 'ResponseDraft',
          ...withoutVersion(draft),
          submissionCount: submission.number,
          lastSubmittedVersion: draft.version,
        },
        expectedVersion: draft.version,
      },
      {
        kind: 'create',
        item: {
          ...keys.responseSubmission(submission.invitationId, submission.number),
          ...keys.submissionBySurvey(submission.surveyId, submission.submittedAt, submission.invitationId),
          entity: 'ResponseSubmission',
          ...submission,
        },
      },
      {
        kind: 'update',
        key: keys.invitation(invitation.surveyId, invitation.invitationId),
        set: { submittedAt: submission.submittedAt },
        mustExist: true,
      },
    ]);
  }

  /** The latest submitted version of each response of a survey (one Query on the submissions index). */
  async latestSubmissions(surveyId: string): Promise<Map<string, SubmissionRecord>> {
    const latest = new Map<string, SubmissionRecord>();
    const versions = await this.store.queryAll(SubmissionRecord, {
      index: 'gsi1',
      partition: keys.submissionsOfSurvey(surveyId),
    });
    for (const version of versions) {
      const known = latest.get(version.invitationId);
      if (!known || version.number > known.number) latest.set(version.invitationId, version);
    }
    return latest;
  }

  async listSubmissions(invitationId: string): Promise<SubmissionRecord[]> {
    const page = await this.store.query(SubmissionRecord, {
      partition: keys.responsePartition(invitationId),
      beginsWith: keys.submissionPrefix(),
    });
    return page.items;
  }
}

function withoutVersion<T extends { version?: number }>(record: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = record;
  return rest;
}
