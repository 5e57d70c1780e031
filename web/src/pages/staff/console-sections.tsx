import type { ComponentType } from 'preact';
import type { z } from 'zod';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import type { StaffMember as StaffMemberSchema } from '../../../../functions/staff/schemas';
import { useI18n } from '../../i18n';

export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** What a console section receives: who is signed in and the token for its API calls. */
export interface ConsoleSectionProps {
  member: StaffMember;
  token: string;
}

export interface ConsoleSection {
  /** The path segment after `/staff/`; the empty string is the console's start (`/staff`). */
  slug: string;
  title: MessageKey;
  /** Shown only to members of the `admin` group (the API checks again). */
  adminOnly?: boolean;
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
  { slug: '', title: 'staff.overviewTitle', component: OverviewSection },
];

export function sectionPath(section: ConsoleSection): string {
  return section.slug ? `/staff/${section.slug}` : '/staff';
}

export function visibleSections(member: StaffMember): ConsoleSection[] {
  return consoleSections.filter((section) => !section.adminOnly || member.isAdmin);
}
