import { ApiReferencePage } from './pages/api-reference/api-reference-page';
import { ChatPage } from './pages/chat/chat-page';
import { ConceptPage } from './pages/concept/concept-page';
import { EvaluationReportPage } from './pages/concept/evaluation-report-page';
import { OutboxPage } from './pages/dev/outbox-page';
import { HomePage } from './pages/home/home-page';
import { InterviewPage } from './pages/interviews/interview-page';
import { AccessibilityPage } from './pages/legal/accessibility-page';
import { ImprintPage } from './pages/legal/imprint-page';
import { PrivacyPage } from './pages/legal/privacy-page';
import { OfferingPage } from './pages/offerings/offering-page';
import { OfferingsPage } from './pages/offerings/offerings-page';
import { StaffCallbackPage } from './pages/staff/callback-page';
import { StaffPage } from './pages/staff/staff-page';
import { ConceptStatusPage } from './pages/steering/status-page';
import { SurveyPage } from './pages/survey/survey-form-page';
import { SurveyJoinPage } from './pages/survey/survey-join-page';
import { WorkshopRegistrationPage } from './pages/workshops/registration-page';
import { WorkshopInvitationPage, WorkshopPage } from './pages/workshops/workshop-page';
import type { RouteDefinition } from './router';

/**
 * The pages of the site, first match wins; every other path shows the not-found page. A feature adds
 * its page here (and, if it belongs in the main navigation, a link in layout.tsx).
 */
export const pageRoutes: readonly RouteDefinition[] = [
  { pattern: '/', page: HomePage },
  { pattern: '/imprint', page: ImprintPage },
  { pattern: '/privacy', page: PrivacyPage },
  { pattern: '/accessibility', page: AccessibilityPage },
  // Link pages: the token is in the fragment (`/survey#<token>`), never in the path (see token-links.ts).
  { pattern: '/survey', page: SurveyPage },
  { pattern: '/survey/join/:surveyId', page: SurveyJoinPage },
  { pattern: '/interview', page: InterviewPage },
  { pattern: '/staff/callback', page: StaffCallbackPage },
  { pattern: '/staff', page: StaffPage },
  { pattern: '/staff/:section', page: StaffPage },
  { pattern: '/staff/:section/:item', page: StaffPage },
  { pattern: '/chat', page: ChatPage },
  { pattern: '/concept', page: ConceptPage },
  { pattern: '/concept/status', page: ConceptStatusPage },
  { pattern: '/concept/evaluations/:publicationId', page: EvaluationReportPage },
  { pattern: '/offerings', page: OfferingsPage },
  { pattern: '/offerings/:offeringId', page: OfferingPage },
  { pattern: '/workshop/registration', page: WorkshopRegistrationPage },
  { pattern: '/workshop/:workshopId', page: WorkshopPage },
  { pattern: '/workshop/:workshopId/invitation', page: WorkshopInvitationPage },
  { pattern: '/dev/outbox', page: OutboxPage },
  { pattern: '/api-reference', page: ApiReferencePage },
];
