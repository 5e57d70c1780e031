import { randomUUID } from 'node:crypto';
import type { OfferingStore } from '../functions/offerings/offering-store';
import { contentDigest } from '../functions/offerings/publishing';
import { expiryOf } from '../functions/shared/domain/retention';
import {
  emptyOffering,
  type Offering,
  privacyNoticeVersion,
  questionnaireVersion,
} from '../functions/survey/questionnaire';
import type { SurveyStore } from '../functions/survey/survey-store';
import { hashEmail, hashToken } from '../functions/survey/tokens';

/** The demo invitation's link works locally at /survey#demo-invitation-token-2026. */
export const demoInvitationToken = 'demo-invitation-token-2026';

export async function seedDemoSurvey(surveys: SurveyStore, now: Date): Promise<string> {
  const surveyId = randomUUID();
  const year = now.getUTCFullYear();
  const closesAt = new Date(Date.UTC(year + 1, 11, 31, 22, 59)).toISOString();
  await surveys.createSurvey({
    surveyId,
    title: `Bestandsaufnahme Integrationsangebote ${year + 1} (Demo)`,
    opensAt: now.toISOString(),
    closesAt,
    openParticipation: false,
    privacyNoticeVersion,
    wave: 1,
    questionnaireVersion,
    createdAt: now.toISOString(),
    createdBy: 'demo-seed',
  });
  await surveys.createInvitation({
    invitationId: randomUUID(),
    surveyId,
    institutionName: 'Demo-Einrichtung Volkshochschule',
    email: 'vhs@demo.wegweiser.local',
    emailHash: hashEmail('vhs@demo.wegweiser.local'),
    language: 'de',
    tokenHash: hashToken(demoInvitationToken),
    createdAt: now.toISOString(),
    lastSentAt: now.toISOString(),
    reminderCount: 0,
    expiresAt: expiryOf('surveyInvitation', closesAt),
  });
  return surveyId;
}

type DemoOffering = Partial<Offering> &
  Pick<Offering, 'title' | 'description' | 'category' | 'places'> & { institution: string };

/** Invented examples (marked "Demo") so that the directory and the chatbot have something to find. */
const demoOfferings: DemoOffering[] = [
  {
    institution: 'Demo: Volkshochschule',
    title: 'Deutschkurs am Vormittag mit Kinderbetreuung',
    description:
      'Integrationskurs Deutsch (A1 bis B1) für Eltern; während des Kurses werden die Kinder betreut.',
    category: 'language_courses',
    targetGroups: ['adults', 'women', 'families'],
    languages: ['de', 'ar', 'tr'],
    places: ['ochsenfurt'],
    schedule: 'Montag bis Donnerstag, 9 bis 12 Uhr',
    cost: 'free',
  },
  {
    institution: 'Demo: Migrationsberatung',
    title: 'Migrationsberatung für Erwachsene',
    description: 'Beratung zu Aufenthalt, Sprache, Arbeit, Wohnen und Familie. Termine nach Vereinbarung.',
    category: 'counselling',
    targetGroups: ['adults', 'refugees', 'families'],
    languages: ['de', 'ar', 'ru', 'uk', 'fa'],
    places: ['wuerzburg-city', 'whole-county'],
    schedule: 'Dienstag und Donnerstag, 13 bis 16 Uhr',
    cost: 'free',
  },
  {
    institution: 'Demo: Jugendzentrum',
    title: 'Hausaufgabenhilfe und Lerntreff',
    description: 'Ehrenamtliche helfen Schülerinnen und Schülern bei Hausaufgaben und beim Deutschlernen.',
    category: 'children_youth',
    targetGroups: ['children', 'young_people'],
    languages: ['de', 'en', 'tr'],
    places: ['hoechberg'],
    schedule: 'Mittwoch, 14 bis 16 Uhr',
    cost: 'free',
  },
  {
    institution: 'Demo: Frauentreff',
    title: 'Interkulturelles Frauencafé',
    description:
      'Treffpunkt für Frauen aus aller Welt: Deutsch sprechen, Kontakte knüpfen, gemeinsam Ausflüge planen.',
    category: 'women',
    targetGroups: ['women'],
    languages: ['de', 'ar', 'fa', 'uk'],
    places: ['veitshoechheim'],
    schedule: 'Jeden zweiten Freitag, 15 bis 17 Uhr',
    cost: 'free',
  },
  {
    institution: 'Demo: Ehrenamtsnetzwerk',
    title: 'Sprach- und Alltagspatenschaften',
    description:
      'Ehrenamtliche Patinnen und Paten begleiten Neuzugewanderte bei Behördengängen und im Alltag.',
    category: 'volunteering_mentoring',
    targetGroups: ['everyone'],
    languages: ['de', 'en', 'ru'],
    places: ['whole-county'],
    schedule: 'nach Absprache',
    cost: 'free',
  },
  {
    institution: 'Demo: Bildungsberatung',
    title: 'Beratung zur Anerkennung ausländischer Berufsabschlüsse',
    description:
      'Wir prüfen mit Ihnen, wie Ihr Abschluss in Deutschland anerkannt werden kann, und begleiten den Antrag.',
    category: 'work_training',
    targetGroups: ['adults', 'skilled_workers'],
    languages: ['de', 'en', 'ar', 'tr', 'uk', 'ru'],
    places: ['online', 'wuerzburg-city'],
    schedule: 'Videoberatung nach Terminvereinbarung',
    cost: 'free',
  },
];

export async function seedDemoOfferings(
  offerings: OfferingStore,
  surveyId: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const demo of demoOfferings) {
    const { institution, ...fields } = demo;
    const offering: Offering = { ...emptyOffering(randomUUID(), 'de'), ...fields, publish: true };
    const { publish: _publish, ...content } = offering;
    await offerings.create({
      ...content,
      category: demo.category ?? 'other',
      cost: offering.cost ?? 'free',
      surveyId,
      invitationId: 'demo-seed',
      institutionName: institution,
      status: 'approved',
      reportedAt: at,
      updatedAt: at,
      lastConfirmedAt: at,
      contentDigest: contentDigest(offering),
    });
  }
}
