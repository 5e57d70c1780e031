import { randomUUID } from 'node:crypto';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Context } from 'aws-lambda';
import { routes } from '../routes';
import { runtimeConfig, StartupRefused } from '../shared/config/env';
import { countyCalendarOf } from '../shared/config/stage';
import { retentionPolicyOf } from '../shared/domain/retention';
import { featureLambda } from '../shared/http/feature-lambda';
import { type HttpEvent, type HttpResult, httpHandler, staffId } from '../shared/http/handler';
import { linkToken } from '../shared/http/link-token';
import { logger } from '../shared/log/logger';
import { defaultMailer } from '../shared/mail/default-mailer';
import { defaultStore } from '../shared/store/client';
import { SurveyStore } from '../survey/survey-store';
import { newInvitationToken } from '../survey/tokens';
import { book, cancel, expertView, reschedule } from './booking';
import { EventBridgeReminderScheduler } from './eventbridge-reminders';
import { InterviewStore } from './interview-store';
import {
  type ReminderOutcome,
  type ReminderScheduler,
  sendReminder,
  TableReminderScheduler,
} from './reminders';
import {
  calendar,
  createRound,
  createSlots,
  type InterviewDeps,
  interviewCandidates,
  interviewWithNotes,
  inviteExpert,
  inviteFromSurvey,
  markHeld,
  removeSlot,
  requireRound,
  roundView,
  writeNotes,
} from './rounds';
import { ReminderEvent } from './schemas';

/**
 * The function's own ARN, the target of its reminder schedules. A function cannot name itself in its
 * own environment (CloudFormation would see a cycle), so it takes it from the invocation.
 */
let ownArn = '';

function reminderScheduler(interviews: InterviewStore): ReminderScheduler {
  const config = runtimeConfig();
  const reminders = config.reminders;
  if (reminders?.kind === 'eventbridge') {
    return new EventBridgeReminderScheduler(new SchedulerClient({ region: config.region }), {
      scheduleGroup: reminders.scheduleGroup,
      roleArn: reminders.roleArn,
      targetArn: () => ownArn,
    });
  }
  if (config.stage === 'local') return new TableReminderScheduler(interviews);
  throw new StartupRefused(
    'interview reminders need WEGWEISER_REMINDER_SCHEDULER=eventbridge in a cloud stage',
  );
}

let shared: InterviewDeps | undefined;

function deps(): InterviewDeps {
  if (!shared) {
    const config = runtimeConfig();
    const interviews = new InterviewStore(defaultStore());
    shared = {
      interviews,
      surveys: new SurveyStore(defaultStore()),
      mailer: defaultMailer(),
      reminders: reminderScheduler(interviews),
      now: () => new Date(),
      newId: randomUUID,
      newToken: newInvitationToken,
      publicBaseUrl: config.publicBaseUrl,
      organizer: { name: config.county.authority, email: config.mailFrom },
      calendar: countyCalendarOf(config.county),
      retention: retentionPolicyOf(config.county.retention),
    };
  }
  return shared;
}

// Checked at start-up: a cloud function without its scheduler settings refuses to start.
deps();

const http = featureLambda('interviews', {
  createInterviewRound: httpHandler(routes.createInterviewRound, async ({ body }, context) =>
    createRound(deps(), body, staffId(context)),
  ),
  listInterviewRounds: httpHandler(routes.listInterviewRounds, async () => ({
    rounds: (await deps().interviews.listRounds()).map(roundView),
  })),
  getInterviewRound: httpHandler(routes.getInterviewRound, async ({ params }) =>
    roundView(await requireRound(deps(), params.roundId)),
  ),
  createInterviewSlots: httpHandler(routes.createInterviewSlots, async ({ params, body }) =>
    createSlots(deps(), params.roundId, body),
  ),
  removeInterviewSlot: httpHandler(routes.removeInterviewSlot, async ({ params }) => {
    await removeSlot(deps(), params.roundId, params.slotId);
    return {};
  }),
  interviewCalendar: httpHandler(routes.interviewCalendar, async ({ params, query }) =>
    calendar(deps(), params.roundId, { from: query.from, to: query.to }),
  ),
  inviteExpert: httpHandler(routes.inviteExpert, async ({ params, body }) =>
    inviteExpert(deps(), params.roundId, body),
  ),
  inviteExpertFromSurvey: httpHandler(routes.inviteExpertFromSurvey, async ({ params, body }) =>
    inviteFromSurvey(deps(), params.roundId, body),
  ),
  interviewCandidates: httpHandler(routes.interviewCandidates, async ({ params }) =>
    interviewCandidates(deps(), params.surveyId),
  ),
  getInterview: httpHandler(routes.getInterview, async ({ params }) =>
    interviewWithNotes(deps(), params.roundId, params.interviewId),
  ),
  markInterviewHeld: httpHandler(routes.markInterviewHeld, async ({ params }) =>
    markHeld(deps(), params.roundId, params.interviewId),
  ),
  writeInterviewNotes: httpHandler(routes.writeInterviewNotes, async ({ params, body }, context) =>
    writeNotes(deps(), params.roundId, params.interviewId, body, staffId(context)),
  ),
  expertInterview: httpHandler(routes.expertInterview, async (_input, context) =>
    expertView(deps(), linkToken(context)),
  ),
  bookInterview: httpHandler(routes.bookInterview, async ({ body }, context) =>
    book(deps(), linkToken(context), body),
  ),
  rescheduleInterview: httpHandler(routes.rescheduleInterview, async ({ body }, context) =>
    reschedule(deps(), linkToken(context), body),
  ),
  cancelInterview: httpHandler(routes.cancelInterview, async (_input, context) =>
    cancel(deps(), linkToken(context)),
  ),
});

/**
 * The interviews Lambda serves the HTTP routes and, from EventBridge Scheduler (or the local
 * scheduler), reminder events. A reminder event is not an HTTP request: it has no route key, and is
 * told apart by its `source`.
 */
export function handler(event: HttpEvent, context: Context): Promise<HttpResult>;
export function handler(event: ReminderEvent, context: Context): Promise<ReminderOutcome>;
export async function handler(
  event: HttpEvent | ReminderEvent,
  context: Context,
): Promise<HttpResult | ReminderOutcome> {
  // Without a version or alias qualifier: the invoke role may call the function itself, nothing else.
  if (context?.invokedFunctionArn) ownArn = context.invokedFunctionArn.split(':').slice(0, 7).join(':');
  if ('source' in event && event.source === 'wegweiser.interview-reminder') {
    const reminder = ReminderEvent.parse(event);
    const outcome = await sendReminder(deps(), reminder);
    logger.info('interview reminder event', { interviewId: reminder.interviewId, outcome });
    return outcome;
  }
  return http(event as HttpEvent, context);
}
