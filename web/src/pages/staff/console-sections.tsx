import type { ComponentType } from 'preact';
import type { z } from 'zod';
import { type StaffGroup, staffGroupNames } from '../../../../functions/shared/http/route';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import type { StaffMember as StaffMemberSchema } from '../../../../functions/staff/schemas';
import { useI18n } from '../../i18n';
import { EvaluationSection } from '../evaluation/evaluation-section';
import { SteeringSection } from '../steering/steering-section';
import { AuditSection } from './audit-section';
import { InterviewsSection } from './interviews-section';
import { KnowledgeGapsSection } from './knowledge-gaps';
import { KnowledgeMilestonesSection } from './knowledge-milestones';
import { KnowledgeSection } from './knowledge-section';
import { PeopleSection } from './people-section';
import { ReviewSection } from './review-section';
import { SurveysSection } from './surveys-section';
import { WorkshopsSection } from './workshops-section';

export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** What a console section receives: who is signed in and the token for its API calls. */
export interface ConsoleSectionProps {
  member: StaffMember;
  token: string;
  /** The path segment after the section's own, if any (`/staff/surveys/<surveyId>` → the survey's id). */
  item?: string | undefined;
  /** For a 401 from the API: the session ended, the console asks to sign in again. */
  onExpired: () => void;
}

export interface ConsoleSection {
  /** The path segment after `/staff/`; the empty string is the console's start (`/staff`). */
  slug: string;
  title: MessageKey;
  /**
   * The groups whose members see the section (the API checks again); staff and admins when not given.
   * A steering member without the `staff` group sees the overview and the steering section only.
   */
  groups?: readonly StaffGroup[];
  component: ComponentType<ConsoleSectionProps>;
}

function OverviewSection() {
  const { t } = useI18n();
  return <p>{t('staff.overviewText')}</p>;
}

/**
 * The console's sections, in navigation order. A feature adds its part of the console by appending
 * an entry here (invitations, interviews, evaluation, …).
 */
export const consoleSections: ConsoleSection[] = [
  { slug: '', title: 'staff.overviewTitle', groups: staffGroupNames, component: OverviewSection },
  { slug: 'surveys', title: 'staffSurvey.sectionTitle', component: SurveysSection },
  { slug: 'review', title: 'review.sectionTitle', component: ReviewSection },
  { slug: 'interviews', title: 'staffInterviews.sectionTitle', component: InterviewsSection },
  { slug: 'workshops', title: 'workshopStaff.sectionTitle', component: WorkshopsSection },
  { slug: 'knowledge', title: 'staffKnowledge.sectionTitle', component: KnowledgeSection },
  { slug: 'milestones', title: 'staffMilestones.sectionTitle', component: KnowledgeMilestonesSection },
  { slug: 'gaps', title: 'staffGaps.sectionTitle', component: KnowledgeGapsSection },
  { slug: 'evaluation', title: 'evaluationPage.sectionTitle', component: EvaluationSection },
  { slug: 'steering', title: 'steering.sectionTitle', groups: staffGroupNames, component: SteeringSection },
  { slug: 'audit', title: 'rolesAudit.sectionTitle', groups: ['admin'], component: AuditSection },
  { slug: 'people', title: 'peopleData.sectionTitle', groups: ['admin'], component: PeopleSection },
];

export function sectionPath(section: ConsoleSection): string {
  return section.slug ? `/staff/${section.slug}` : '/staff';
}

/** The section a path belongs to, its detail pages included (`/staff/surveys/<id>` → surveys). */
export function isCurrentSection(section: ConsoleSection, pathname: string): boolean {
  const path = sectionPath(section);
  return section.slug ? pathname === path || pathname.startsWith(`${path}/`) : pathname === path;
}

const staffAndAdmins: readonly StaffGroup[] = ['staff', 'admin'];

export function visibleSections(member: StaffMember): ConsoleSection[] {
  return consoleSections.filter((section) =>
    (section.groups ?? staffAndAdmins).some((group) => member.groups.includes(group)),
  );
}
