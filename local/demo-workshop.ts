import { randomUUID } from 'node:crypto';
import type { SurveyStore } from '../functions/survey/survey-store';
import { hashToken, newInvitationToken } from '../functions/survey/tokens';
import type { WorkshopStore } from '../functions/workshops/workshop-store';
import { register, type WorkshopDeps } from '../functions/workshops/workshops';

/** The demo workshop's page is /workshop/<demoWorkshopId>, the demo institution's link …/invitation#<token>. */
export const demoWorkshopId = '0d7f2c9e-5b1a-4c3e-9f40-6a2b8d1e7c55';
export const demoWorkshopToken = 'demo-workshop-invitation-2026';

/**
 * One workshop some weeks ahead, announced to the demo survey's institution (its own link, as if
 * mailed), with two invented registrations so that the staff list has something to show.
 */
export async function seedDemoWorkshop(workshops: WorkshopStore, surveys: SurveyStore, now: Date) {
  const day = 86_400_000;
  const startsAt = new Date(now.getTime() + 42 * day);
  startsAt.setUTCHours(13, 0, 0, 0);
  const workshop = {
    workshopId: demoWorkshopId,
    title: 'Workshop Integrationskonzeption: von den Ergebnissen zu Empfehlungen (Demo)',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
    place: 'Landratsamt Würzburg, Zeppelinstraße 15, 97074 Würzburg, Großer Sitzungssaal',
    programme: [
      '14:00 Begrüßung durch den Landrat',
      '14:15 Ergebnisse der Online-Umfrage und der Experteninterviews',
      '15:00 Arbeitsgruppen: Sprache, Arbeit, Bildung, Zusammenleben',
      '16:30 Pause',
      '16:45 Empfehlungen aus den Arbeitsgruppen',
      '17:45 Ausblick und Abschluss',
    ].join('\n'),
    capacity: 25,
    registrationClosesAt: new Date(startsAt.getTime() - 7 * day).toISOString(),
    createdAt: now.toISOString(),
    createdBy: 'demo-seed',
  };
  await workshops.createWorkshop(workshop);
  const survey = (await surveys.listSurveys()).find((candidate) => candidate.createdBy === 'demo-seed');
  const [invitation] = survey ? await surveys.listInvitations(survey.surveyId) : [];
  if (survey && invitation) {
    const invitee = {
      workshopId: demoWorkshopId,
      invitationId: invitation.invitationId,
      institutionName: invitation.institutionName,
      tokenHash: hashToken(demoWorkshopToken),
      createdAt: now.toISOString(),
      expiresAt: Math.floor(Date.parse(workshop.endsAt) / 1000) + 90 * 86_400,
    };
    await workshops.claimInvitee(invitee, undefined);
    await workshops.markInviteeMailed(invitee, now.toISOString());
    await workshops.setAnnouncement(demoWorkshopId, {
      surveyId: survey.surveyId,
      announcedAt: now.toISOString(),
      institutions: 1,
    });
  }
  const deps: WorkshopDeps = {
    workshops,
    surveys,
    mailer: { send: async () => ({ messageId: 'demo-seed' }) },
    now: () => now,
    newId: randomUUID,
    newToken: newInvitationToken,
    publicBaseUrl: 'http://localhost',
  };
  for (const person of [
    {
      name: 'Demo: Erika Beispiel',
      email: 'erika@demo.wegweiser.local',
      institution: 'Demo: Volkshochschule',
    },
    {
      name: 'Demo: Murat Yılmaz',
      email: 'murat@demo.wegweiser.local',
      institution: 'Demo: Jugendmigrationsdienst',
    },
  ]) {
    await register(deps, demoWorkshopId, { ...person, note: '', language: 'de' });
  }
}
