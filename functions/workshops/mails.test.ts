import { describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/languages';
import { workshopMail } from './mails';
import type { WorkshopRecord } from './workshop-store';

const workshop: WorkshopRecord = {
  workshopId: '0d7f2c9e-5b1a-4c3e-9f40-6a2b8d1e7c55',
  title: 'Workshop Integrationskonzeption',
  // 14:00 in Berlin in winter (UTC+1) and 14:00 in summer (UTC+2): the mail shows the wall clock.
  startsAt: '2027-03-10T13:00:00.000Z',
  endsAt: '2027-04-10T12:00:00.000Z',
  place: 'Landratsamt Würzburg',
  programme: '14:00 Begrüßung',
  capacity: 20,
  registrationClosesAt: '2027-03-01T22:59:00.000Z',
  createdAt: '2027-01-01T00:00:00.000Z',
  createdBy: 'staff-1',
};

describe('workshop letters', () => {
  it.each(['de', 'en', 'ar', 'tr', 'uk', 'ru', 'fa'] satisfies Language[])(
    'writes the announcement in %s with Berlin wall-clock times, Western digits and the Gregorian year',
    (language) => {
      const mail = workshopMail({
        kind: 'announcement',
        to: 'info@vhs.example',
        language,
        workshop,
        institution: 'VHS Ochsenfurt',
        link: 'https://wegweiser.example/workshop/x/invitation/token',
      });
      expect(mail.language).toBe(language);
      expect(mail.subject).toContain(workshop.title);
      expect(mail.text).toContain('VHS Ochsenfurt');
      expect(mail.text).toContain('https://wegweiser.example/workshop/x/invitation/token');
      expect(mail.text).toContain('14:00 Begrüßung');
      expect(mail.text).toMatch(/2027/);
      // start and end at 14:00 Berlin time (2:00 PM in 12-hour locales), and the programme's own 14:00
      expect(mail.text.match(/\b(14|2):00/g)?.length).toBeGreaterThanOrEqual(3);
      expect(mail.text).not.toMatch(/\b(13|15|1|3):00/);
      expect(mail.text).not.toMatch(/[٠-٩۰-۹]/);
      expect(mail.text).not.toMatch(/\{\w+\}/);
    },
  );

  it('names the person and links to their own registration when they move up', () => {
    const mail = workshopMail({
      kind: 'movedUp',
      to: 'erika@example.org',
      language: 'de',
      workshop,
      name: 'Erika Beispiel',
      link: 'https://wegweiser.example/workshop/registration/abc',
    });
    expect(mail.purpose).toBe('workshop-movedUp');
    expect(mail.text).toContain('Erika Beispiel');
    expect(mail.text).toContain('https://wegweiser.example/workshop/registration/abc');
    expect(mail.text).not.toContain('14:00 Begrüßung');
  });

  it.each(
    (['de', 'en', 'ar', 'tr', 'uk', 'ru', 'fa'] satisfies Language[]).flatMap((language) =>
      (['alreadyRegistered', 'alreadyWaiting'] as const).map((kind) => [language, kind] as const),
    ),
  )('tells an address in %s that it is %s, with its link again', (language, kind) => {
    const mail = workshopMail({
      kind,
      to: 'erika@example.org',
      language,
      workshop,
      name: 'Erika Beispiel',
      link: 'https://wegweiser.example/workshop/registration/abc',
    });
    expect(mail.purpose).toBe(`workshop-${kind}`);
    expect(mail.subject).toContain(workshop.title);
    expect(mail.text).toContain('Erika Beispiel');
    expect(mail.text).toContain('https://wegweiser.example/workshop/registration/abc');
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });
});
