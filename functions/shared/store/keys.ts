/**
 * Every key of the single table, built in one place. `pk`/`sk` address an item; `gsi1`/`gsi2` serve
 * the listed access patterns. No request path scans: every list is a Query on one of these.
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

export interface IndexKeys {
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

const part = (value: string) => value.replaceAll('#', '%23');

export const keys = {
  /** Results of retried writes, keyed by scope (route or use case) and the client's idempotency key. */
  idempotencyRecord: (scope: string, key: string): ItemKey => ({
    pk: `IDEMPOTENCY#${part(scope)}#${part(key)}`,
    sk: 'RECORD',
  }),

  /** A message in the dev outbox (local stage only); newest first through gsi1. */
  outboxMessage: (messageId: string): ItemKey & IndexKeys => ({
    pk: `OUTBOX#${part(messageId)}`,
    sk: 'MESSAGE',
  }),
  outboxByTime: (sentAtIso: string, messageId: string): IndexKeys => ({
    gsi1pk: 'OUTBOX',
    gsi1sk: `${sentAtIso}#${part(messageId)}`,
  }),
  outboxPartition: () => 'OUTBOX',

  /** A development sign-in account (local stage only; the cloud uses Cognito). */
  devUser: (email: string): ItemKey => ({ pk: `DEVUSER#${part(email.toLowerCase())}`, sk: 'ACCOUNT' }),

  /** A survey; all surveys newest first through gsi1. */
  survey: (surveyId: string): ItemKey => ({ pk: `SURVEY#${part(surveyId)}`, sk: 'SURVEY' }),
  surveyByTime: (createdAt: string, surveyId: string): IndexKeys => ({
    gsi1pk: 'SURVEYS',
    gsi1sk: `${createdAt}#${part(surveyId)}`,
  }),
  surveysPartition: () => 'SURVEYS',

  /** An invitation lives in its survey's partition, so one Query lists a survey's invitations. */
  invitation: (surveyId: string, invitationId: string): ItemKey => ({
    pk: `SURVEY#${part(surveyId)}`,
    sk: `INVITATION#${part(invitationId)}`,
  }),
  invitationPrefix: () => 'INVITATION#',
  surveyPartition: (surveyId: string) => `SURVEY#${part(surveyId)}`,
  /** Guards against inviting the same address twice to one survey (the address itself is not in the key). */
  invitationEmailGuard: (surveyId: string, emailHash: string): ItemKey => ({
    pk: `SURVEY#${part(surveyId)}`,
    sk: `INVITEE#${emailHash}`,
  }),
  /** Looks an invitation up by the hash of its link's token; retired tokens stay, marked, for a clear answer. */
  invitationToken: (tokenHash: string): ItemKey => ({ pk: `INVTOKEN#${tokenHash}`, sk: 'TOKEN' }),

  /** A response: the draft, the contact person and every submitted version share one partition. */
  responseDraft: (invitationId: string): ItemKey => ({ pk: `RESPONSE#${part(invitationId)}`, sk: 'DRAFT' }),
  responseContact: (invitationId: string): ItemKey => ({
    pk: `RESPONSE#${part(invitationId)}`,
    sk: 'CONTACT',
  }),
  responseSubmission: (invitationId: string, number: number): ItemKey => ({
    pk: `RESPONSE#${part(invitationId)}`,
    sk: `SUBMISSION#${String(number).padStart(4, '0')}`,
  }),
  responsePartition: (invitationId: string) => `RESPONSE#${part(invitationId)}`,
  submissionPrefix: () => 'SUBMISSION#',
  /** Submissions of a survey, newest last, for the evaluation. */
  submissionBySurvey: (surveyId: string, submittedAt: string, invitationId: string): IndexKeys => ({
    gsi1pk: `SUBMISSIONS#${part(surveyId)}`,
    gsi1sk: `${submittedAt}#${part(invitationId)}`,
  }),

  /** Staff's short texts per section of a survey's evaluation report (`version` for optimistic locking). */
  reportTexts: (surveyId: string): ItemKey => ({ pk: `SURVEY#${part(surveyId)}`, sk: 'REPORT_TEXTS' }),
  /**
   * A published evaluation report, a dated snapshot; gsi1 lists every publication newest first (the
   * public concept page), gsi2 those of one survey (the staff preview).
   */
  evaluationPublication: (publicationId: string): ItemKey => ({
    pk: `EVALPUB#${part(publicationId)}`,
    sk: 'PUBLICATION',
  }),
  evaluationPublicationIndexes: (
    surveyId: string,
    publishedAt: string,
    publicationId: string,
  ): IndexKeys => ({
    gsi1pk: 'EVALPUBS',
    gsi1sk: `${publishedAt}#${part(publicationId)}`,
    gsi2pk: `EVALPUBS#${part(surveyId)}`,
    gsi2sk: `${publishedAt}#${part(publicationId)}`,
  }),
  evaluationPublicationsPartition: () => 'EVALPUBS',
  evaluationPublicationsOfSurvey: (surveyId: string) => `EVALPUBS#${part(surveyId)}`,

  /** An offering reported in the survey; gsi1 lists them by review status (queue, directory). */
  offering: (offeringId: string): ItemKey => ({ pk: `OFFERING#${part(offeringId)}`, sk: 'OFFERING' }),
  offeringByStatus: (status: string, updatedAt: string, offeringId: string): IndexKeys => ({
    gsi1pk: `OFFERINGS#${status}`,
    gsi1sk: `${updatedAt}#${part(offeringId)}`,
  }),
  offeringsWithStatus: (status: string) => `OFFERINGS#${status}`,
  /** The offerings one institution reported, through gsi2. */
  offeringByInvitation: (invitationId: string, offeringId: string): IndexKeys => ({
    gsi2pk: `INVITATION_OFFERINGS#${part(invitationId)}`,
    gsi2sk: part(offeringId),
  }),
  offeringsOfInvitation: (invitationId: string) => `INVITATION_OFFERINGS#${part(invitationId)}`,

  /** A workshop; all workshops newest first through gsi1. */
  workshop: (workshopId: string): ItemKey => ({ pk: `WORKSHOP#${part(workshopId)}`, sk: 'WORKSHOP' }),
  workshopByTime: (createdAt: string, workshopId: string): IndexKeys => ({
    gsi1pk: 'WORKSHOPS',
    gsi1sk: `${createdAt}#${part(workshopId)}`,
  }),
  workshopsPartition: () => 'WORKSHOPS',
  workshopPartition: (workshopId: string) => `WORKSHOP#${part(workshopId)}`,
  /** Places taken, people waiting and the ticket sequence: every registration changes it conditionally. */
  workshopCounter: (workshopId: string): ItemKey => ({ pk: `WORKSHOP#${part(workshopId)}`, sk: 'COUNTER' }),
  /** One registration per address and workshop (the address itself is not in the key). */
  workshopRegistration: (workshopId: string, emailHash: string): ItemKey => ({
    pk: `WORKSHOP#${part(workshopId)}`,
    sk: `REGISTRATION#${emailHash}`,
  }),
  workshopRegistrationPrefix: () => 'REGISTRATION#',
  /** The waiting list in order of registration, through gsi1; set only while a registration waits. */
  workshopWaiting: (workshopId: string, ticket: number): IndexKeys => ({
    gsi1pk: `WORKSHOP_WAITING#${part(workshopId)}`,
    gsi1sk: String(ticket).padStart(8, '0'),
  }),
  workshopWaitingPartition: (workshopId: string) => `WORKSHOP_WAITING#${part(workshopId)}`,
  /** Finds a registration by the hash of the token in the person's own link. */
  workshopRegistrationToken: (tokenHash: string): ItemKey => ({ pk: `WSREGTOKEN#${tokenHash}`, sk: 'TOKEN' }),
  /** An institution the workshop was announced to, with the hash of its registration link's token. */
  workshopInvitee: (workshopId: string, invitationId: string): ItemKey => ({
    pk: `WORKSHOP#${part(workshopId)}`,
    sk: `INVITEE#${part(invitationId)}`,
  }),
  workshopInviteePrefix: () => 'INVITEE#',
  workshopInviteeToken: (tokenHash: string): ItemKey => ({ pk: `WSINVTOKEN#${tokenHash}`, sk: 'TOKEN' }),
  /** A survey's submissions (gsi1 partition of `submissionBySurvey`). */
  submissionsOfSurvey: (surveyId: string) => `SUBMISSIONS#${part(surveyId)}`,

  /** Bot Framework state (conversation, user), stored through the chatbot's Storage binding. */
  botState: (storageKey: string): ItemKey => ({ pk: `BOTSTATE#${part(storageKey)}`, sk: 'STATE' }),
  /**
   * One claim per activity (processing with a lease, then done; deleted when the turn failed), so a
   * channel's re-send is answered once and a retry after a failed turn is answered at all.
   */
  botActivity: (conversationId: string, activityId: string): ItemKey => ({
    pk: `BOTACTIVITY#${part(conversationId)}#${part(activityId)}`,
    sk: 'HANDLED',
  }),

  /**
   * Staff edits of the chatbot's knowledge base (one item per entry and language), its milestones and
   * one revision item, all in one partition: the bot re-reads the revision item and, only when it
   * changed, the partition (one Query).
   */
  knowledgeEntryOverride: (entryId: string, language: string): ItemKey => ({
    pk: 'KNOWLEDGE',
    sk: `ENTRY#${part(entryId)}#${part(language)}`,
  }),
  knowledgeMilestone: (milestoneId: string): ItemKey => ({
    pk: 'KNOWLEDGE',
    sk: `MILESTONE#${part(milestoneId)}`,
  }),
  knowledgeRevision: (): ItemKey => ({ pk: 'KNOWLEDGE', sk: 'REVISION' }),
  knowledgePartition: () => 'KNOWLEDGE',
  knowledgeEntryPrefix: () => 'ENTRY#',
  knowledgeMilestonePrefix: () => 'MILESTONE#',

  /** Helpful / not helpful counts of the bot's answers per subject (entry id or `offerings`), day and language. */
  answerFeedback: (subject: string, day: string, language: string): ItemKey => ({
    pk: 'FEEDBACK',
    sk: `${part(subject)}#${day}#${part(language)}`,
  }),
  answerFeedbackPartition: () => 'FEEDBACK',
  /** A question the bot could not answer, redacted, for staff review; newest first by its time-sortable id. */
  unansweredQuestion: (questionId: string): ItemKey => ({
    pk: 'UNANSWERED',
    sk: `QUESTION#${part(questionId)}`,
  }),
  unansweredPartition: () => 'UNANSWERED',
  unansweredPrefix: () => 'QUESTION#',

  /** An interview round; all rounds newest first through gsi1. Its slots and interviews share its partition. */
  interviewRound: (roundId: string): ItemKey => ({ pk: `IVROUND#${part(roundId)}`, sk: 'ROUND' }),
  interviewRoundByTime: (createdAt: string, roundId: string): IndexKeys => ({
    gsi1pk: 'IVROUNDS',
    gsi1sk: `${createdAt}#${part(roundId)}`,
  }),
  interviewRoundsPartition: () => 'IVROUNDS',
  interviewRoundPartition: (roundId: string) => `IVROUND#${part(roundId)}`,
  /** A slot, keyed by its compact UTC start, so a round's slots sort by time and exist once per start. */
  interviewSlot: (roundId: string, slotId: string): ItemKey => ({
    pk: `IVROUND#${part(roundId)}`,
    sk: `SLOT#${part(slotId)}`,
  }),
  interviewSlotPrefix: () => 'SLOT#',
  /** An interview: the invited expert, the state and the booked slot. */
  interview: (roundId: string, interviewId: string): ItemKey => ({
    pk: `IVROUND#${part(roundId)}`,
    sk: `INTERVIEW#${part(interviewId)}`,
  }),
  interviewPrefix: () => 'INTERVIEW#',
  /** Notes and findings of an interview, kept apart so they outlive the expert's contact data. */
  interviewNotes: (roundId: string, interviewId: string): ItemKey => ({
    pk: `IVROUND#${part(roundId)}`,
    sk: `NOTES#${part(interviewId)}`,
  }),
  /** A round's notes, all in one Query (the evaluation's findings). */
  interviewNotesPrefix: () => 'NOTES#',
  /** One per survey response and round (same transaction as the invitation); gsi1 lists a survey's. */
  interviewSource: (roundId: string, responseInvitationId: string): ItemKey => ({
    pk: `IVROUND#${part(roundId)}`,
    sk: `SOURCE#${part(responseInvitationId)}`,
  }),
  interviewSourceBySurvey: (surveyId: string, responseInvitationId: string, roundId: string): IndexKeys => ({
    gsi1pk: `IVSOURCES#${part(surveyId)}`,
    gsi1sk: `${part(responseInvitationId)}#${part(roundId)}`,
  }),
  interviewSourcesOfSurvey: (surveyId: string) => `IVSOURCES#${part(surveyId)}`,
  /** The gsi1 sort-key prefix of one response's sources (the rounds it was invited to). */
  interviewSourcesOfResponsePrefix: (responseInvitationId: string) => `${part(responseInvitationId)}#`,
  /** Finds the interview behind a booking link by the hash of its token. */
  interviewToken: (tokenHash: string): ItemKey => ({ pk: `IVTOKEN#${tokenHash}`, sk: 'TOKEN' }),
  /**
   * One item per interviewer and quarter hour they are booked, across all rounds: created with
   * attribute_not_exists in the booking's transaction, so nobody is booked twice at overlapping times.
   */
  interviewerLock: (interviewerHash: string, unitStart: string): ItemKey => ({
    pk: `IVLOCK#${interviewerHash}#${part(unitStart)}`,
    sk: 'LOCK',
  }),
  /** A reminder due at a time (local scheduler): gsi1 lists due reminders by time, no Scan. */
  interviewReminderDue: (interviewId: string): ItemKey => ({
    pk: `IVREMINDER#${part(interviewId)}`,
    sk: 'DUE',
  }),
  interviewReminderByDueTime: (dueAt: string, interviewId: string): IndexKeys => ({
    gsi1pk: 'IVREMINDERS_DUE',
    gsi1sk: `${dueAt}#${part(interviewId)}`,
  }),
  interviewRemindersDuePartition: () => 'IVREMINDERS_DUE',
  /** Claimed with a conditional write before a reminder is sent: each booked start is reminded once. */
  interviewReminderSent: (interviewId: string, startsAt: string): ItemKey => ({
    pk: `IVREMINDER#${part(interviewId)}`,
    sk: `SENT#${part(startsAt)}`,
  }),

  /**
   * The steering committee's priorities and measures and the history of every change, in one
   * partition: a county has a few dozen of each, so one Query per list stays small, and a change and
   * its history item are written in one transaction.
   */
  steeringPartition: () => 'STEERING',
  steeringPriority: (priorityId: string): ItemKey => ({
    pk: 'STEERING',
    sk: `PRIORITY#${part(priorityId)}`,
  }),
  steeringPriorityPrefix: () => 'PRIORITY#',
  steeringMeasure: (measureId: string): ItemKey => ({ pk: 'STEERING', sk: `MEASURE#${part(measureId)}` }),
  steeringMeasurePrefix: () => 'MEASURE#',
  /** `changedAt` (ISO, sorts by time) and a change id, so one item's history is one Query in order. */
  steeringChange: (entity: string, entityId: string, changedAt: string, changeId: string): ItemKey => ({
    pk: 'STEERING',
    sk: `CHANGE#${part(entity)}#${part(entityId)}#${changedAt}#${part(changeId)}`,
  }),
  steeringChangePrefix: (entity: string, entityId: string) => `CHANGE#${part(entity)}#${part(entityId)}#`,

  /**
   * The audit trail of staff actions on personal data: one partition per month (a county's staff write
   * a few hundred records a month), newest first by `at`; gsi1 lists one staff member's records, gsi2
   * the records about one id (an interview, a survey, a workshop), both across months.
   */
  auditRecord: (at: string, recordId: string): ItemKey => ({
    pk: `AUDIT#${at.slice(0, 7)}`,
    sk: `${at}#${part(recordId)}`,
  }),
  auditMonthPartition: (month: string) => `AUDIT#${month}`,
  auditByStaff: (staffId: string, at: string, recordId: string): IndexKeys => ({
    gsi1pk: `AUDITBY#${part(staffId)}`,
    gsi1sk: `${at}#${part(recordId)}`,
  }),
  auditByStaffPartition: (staffId: string) => `AUDITBY#${part(staffId)}`,
  auditBySubject: (subjectId: string, at: string, recordId: string): IndexKeys => ({
    gsi2pk: `AUDITOF#${part(subjectId)}`,
    gsi2sk: `${at}#${part(recordId)}`,
  }),
  auditBySubjectPartition: (subjectId: string) => `AUDITOF#${part(subjectId)}`,
  /**
   * A rate limit's counter for one window: the subject (an address, an e-mail address, a token, a
   * conversation) only as a keyed hash; the window's start in the key, so each window counts afresh.
   */
  rateWindow: (limitClass: string, subjectHash: string, windowStart: number): ItemKey => ({
    pk: `RATE#${part(limitClass)}#${part(subjectHash)}`,
    sk: `WINDOW#${windowStart}`,
  }),
  /** The day's random salt of the rate limits' hashes; it expires, and with it any way back to a subject. */
  rateLimitSalt: (utcDay: string): ItemKey => ({ pk: `RATESALT#${part(utcDay)}`, sk: 'SALT' }),
  /**
   * The evaluation's aggregates, kept current from the table's stream: one partition per survey with
   * the counters (`AGGREGATE`), what was last applied per response (`RESPONSE#`) and the response's
   * quotable texts (`QUOTE#`, one Query for the dashboard's quotes).
   */
  evaluationAggregate: (surveyId: string): ItemKey => ({ pk: `EVALAGG#${part(surveyId)}`, sk: 'AGGREGATE' }),
  evaluationResponseState: (surveyId: string, invitationId: string): ItemKey => ({
    pk: `EVALAGG#${part(surveyId)}`,
    sk: `RESPONSE#${part(invitationId)}`,
  }),
  evaluationQuote: (surveyId: string, invitationId: string): ItemKey => ({
    pk: `EVALAGG#${part(surveyId)}`,
    sk: `QUOTE#${part(invitationId)}`,
  }),
  evaluationAggregatePartition: (surveyId: string) => `EVALAGG#${part(surveyId)}`,
  evaluationQuotePrefix: () => 'QUOTE#',

  /** Marks a demo record as seeded, so a re-seed never overwrites what a user changed. */
  seedMarker: (seedId: string): ItemKey => ({ pk: `SEED#${part(seedId)}`, sk: 'MARKER' }),
} as const;
