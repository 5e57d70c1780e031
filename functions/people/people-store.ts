import { z } from 'zod';
import { type InterviewRecord, InterviewStore } from '../interviews/interview-store';
import { OutboxMessage } from '../shared/mail/outbox-mailer';
import { keys } from '../shared/store/keys';
import type { Store } from '../shared/store/store';
import { type InvitationRecord, SurveyStore } from '../survey/survey-store';
import { hashEmail } from '../survey/tokens';
import { WorkshopStore } from '../workshops/workshop-store';
import type { PeopleStorePort } from './people';

/**
 * The channels a conversation can come from (botbuilder's channel ids). The bot's state key is
 * `<channel>/conversations/<conversation id>`, so a conversation is found by at most this many Gets.
 */
export const chatChannels = ['webchat', 'directline', 'msteams', 'emulator', 'test'] as const;

const BotStateItem = z.object({ document: z.string(), expiresAt: z.number().int().optional() });

const UnansweredItem = z.object({
  questionId: z.string(),
  text: z.string(),
  language: z.string(),
  receivedAt: z.string(),
  closest: z.array(z.string()),
  reviewed: z.boolean(),
  expiresAt: z.number().int(),
});

const SourceItem = z.object({
  roundId: z.string(),
  responseInvitationId: z.string(),
  interviewId: z.string(),
});

/** Every read a Get or a Query on one partition; the outbox and the question log are small and end. */
export class PeopleStore implements PeopleStorePort {
  readonly surveys: SurveyStore;
  readonly interviews: InterviewStore;
  readonly workshops: WorkshopStore;

  constructor(readonly store: Store) {
    this.surveys = new SurveyStore(store);
    this.interviews = new InterviewStore(store);
    this.workshops = new WorkshopStore(store);
  }

  invitation(surveyId: string, invitationId: string) {
    return this.surveys.getInvitation(surveyId, invitationId);
  }

  contact(invitationId: string) {
    return this.surveys.getContact(invitationId);
  }

  draft(invitationId: string) {
    return this.surveys.getDraft(invitationId);
  }

  submissions(invitationId: string) {
    return this.surveys.listSubmissions(invitationId);
  }

  /** The interviews a survey response was invited to: copies of its contact person (gsi1, one Query). */
  async interviewsFromResponse(surveyId: string, invitationId: string): Promise<InterviewRecord[]> {
    const sources = await this.store.queryAll(SourceItem, {
      index: 'gsi1',
      partition: keys.interviewSourcesOfSurvey(surveyId),
      beginsWith: keys.interviewSourcesOfResponsePrefix(invitationId),
    });
    const found = await Promise.all(
      sources.map((source) => this.interviews.getInterview(source.roundId, source.interviewId)),
    );
    return found.filter((interview): interview is InterviewRecord => interview !== undefined);
  }

  /**
   * Removes the contact person, the draft, the address's guard and the link; the invitation stays,
   * without its address, because the response rate counts it (and a submission belongs to it).
   */
  async eraseContactPerson(invitation: InvitationRecord, erasedAt: string): Promise<{ deleted: number }> {
    const hadContact = (await this.surveys.getContact(invitation.invitationId)) !== undefined;
    const hadDraft = (await this.surveys.getDraft(invitation.invitationId)) !== undefined;
    await this.store.transact([
      { kind: 'delete', key: keys.responseContact(invitation.invitationId) },
      { kind: 'delete', key: keys.responseDraft(invitation.invitationId) },
      { kind: 'delete', key: keys.invitationToken(invitation.tokenHash) },
      ...(invitation.emailHash
        ? [
            {
              kind: 'delete' as const,
              key: keys.invitationEmailGuard(invitation.surveyId, invitation.emailHash),
            },
          ]
        : []),
      {
        kind: 'update',
        key: keys.invitation(invitation.surveyId, invitation.invitationId),
        set: {
          email: '',
          emailHash: '',
          tokenHash: '',
          erasedAt: invitation.erasedAt ?? erasedAt,
          revokedAt: invitation.revokedAt ?? erasedAt,
        },
        mustExist: true,
      },
    ]);
    return { deleted: Number(hadContact) + Number(hadDraft) };
  }

  interview(roundId: string, interviewId: string) {
    return this.interviews.getInterview(roundId, interviewId);
  }

  notes(roundId: string, interviewId: string) {
    return this.interviews.getNotes(roundId, interviewId);
  }

  round(roundId: string) {
    return this.interviews.getRound(roundId);
  }

  slot(roundId: string, slotId: string) {
    return this.interviews.getSlot(roundId, slotId);
  }

  /** The booking link's token and a pending reminder go; the interview item is replaced by the caller. */
  async forgetInterviewLinks(interview: InterviewRecord): Promise<void> {
    await this.store.delete(keys.interviewToken(interview.tokenHash));
    await this.interviews.deleteReminderDue(interview.interviewId);
  }

  registration(workshopId: string, email: string) {
    return this.workshops.getRegistration(workshopId, hashEmail(email));
  }

  /** The registration and every link to it (their hashes are listed on the registration). */
  async deleteRegistration(workshopId: string, email: string): Promise<void> {
    const registration = await this.workshops.getRegistration(workshopId, hashEmail(email));
    if (registration) await this.workshops.eraseRegistration(registration);
  }

  async conversationStates(conversationId: string) {
    const found = await Promise.all(
      chatChannels.map(async (channel) => {
        const storageKey = `${channel}/conversations/${conversationId}`;
        const item = await this.store.get(keys.botState(storageKey), BotStateItem);
        return item ? [{ storageKey, ...item }] : [];
      }),
    );
    return found.flat();
  }

  async deleteConversationState(storageKey: string): Promise<void> {
    await this.store.delete(keys.botState(storageKey));
  }

  /**
   * The local stage's outbox (it ends after 30 days): mails to any of the addresses, and mails to
   * others that name the person (an interviewer's booking notice names the expert, also in its calendar file).
   */
  async mailsMentioning(terms: string[]): Promise<OutboxMessage[]> {
    const wanted = terms.map((term) => term.trim().toLowerCase()).filter((term) => term.length >= 3);
    if (wanted.length === 0) return [];
    const mails = await this.store.queryAll(OutboxMessage, {
      index: 'gsi1',
      partition: keys.outboxPartition(),
    });
    return mails.filter((mail) => {
      const text = [
        ...mail.to,
        mail.subject,
        mail.text,
        ...mail.attachments.map((attachment) =>
          Buffer.from(attachment.contentBase64, 'base64').toString('utf8'),
        ),
      ]
        .join('\n')
        .toLowerCase();
      return wanted.some((term) => text.includes(term));
    });
  }

  deleteMail(messageId: string): Promise<void> {
    return this.store.delete(keys.outboxMessage(messageId));
  }

  /**
   * Unanswered questions (redacted, without any link to who asked; they end after 90 days) whose text
   * still names the person or their address: the redaction may have missed a name.
   */
  async questionsMentioning(terms: string[]) {
    const wanted = terms.map((term) => term.trim().toLowerCase()).filter((term) => term.length >= 3);
    if (wanted.length === 0) return [];
    const questions = await this.store.queryAll(UnansweredItem, {
      partition: keys.unansweredPartition(),
      beginsWith: keys.unansweredPrefix(),
    });
    return questions.filter((question) => wanted.some((term) => question.text.toLowerCase().includes(term)));
  }

  deleteQuestion(questionId: string): Promise<void> {
    return this.store.delete(keys.unansweredQuestion(questionId));
  }
}
