import { routes } from '../routes';
import { DomainError } from '../shared/domain/errors';
import { featureLambda } from '../shared/http/feature-lambda';
import { httpHandler } from '../shared/http/handler';

// Contract first: the use cases follow in the next commits.
const pending = async (): Promise<never> => {
  throw new DomainError('invalid_state', 'not implemented yet');
};

export const handler = featureLambda('interviews', {
  createInterviewRound: httpHandler(routes.createInterviewRound, pending),
  listInterviewRounds: httpHandler(routes.listInterviewRounds, pending),
  getInterviewRound: httpHandler(routes.getInterviewRound, pending),
  createInterviewSlots: httpHandler(routes.createInterviewSlots, pending),
  removeInterviewSlot: httpHandler(routes.removeInterviewSlot, pending),
  interviewCalendar: httpHandler(routes.interviewCalendar, pending),
  inviteExpert: httpHandler(routes.inviteExpert, pending),
  inviteExpertFromSurvey: httpHandler(routes.inviteExpertFromSurvey, pending),
  interviewCandidates: httpHandler(routes.interviewCandidates, pending),
  getInterview: httpHandler(routes.getInterview, pending),
  markInterviewHeld: httpHandler(routes.markInterviewHeld, pending),
  writeInterviewNotes: httpHandler(routes.writeInterviewNotes, pending),
  expertInterview: httpHandler(routes.expertInterview, pending),
  bookInterview: httpHandler(routes.bookInterview, pending),
  rescheduleInterview: httpHandler(routes.rescheduleInterview, pending),
  cancelInterview: httpHandler(routes.cancelInterview, pending),
});
