import { describe, expect, it } from 'vitest';
import { languageCodes } from '../shared/i18n/languages';
import type { InterviewRecord, RoundRecord } from './interview-store';
import { cancellationMail, confirmationMail, interviewerMail, invitationMail, reminderMail } from './mails';

const round: RoundRecord = {
  roundId: '0b6f3c52-0a43-4d1e-9a8e-6a3f1b0c9d11',
  topic: 'Sprachkurse',
  interviewers: [{ email: 'anna@lra.example', name: 'Anna Berger' }],
  durationMinutes: 60,
  location: { kind: 'online', url: 'https://meet.example/abc' },
  questionGuide: '',
  changeCutOffHours: 24,
  reminderLeadHours: 24,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'staff-1',
};
const slot = { startsAt: '2026-03-31T07:00:00.000Z', endsAt: '2026-03-31T08:00:00.000Z' };

function interview(language: InterviewRecord['expert']['language']): InterviewRecord {
  return {
    interviewId: '7d2e8f10-5c4b-4a39-8e21-3f6a9b0c1d22',
    roundId: round.roundId,
    state: 'booked',
    expert: { name: 'Dr. Lena Vogt', email: 'lena@example.org', institution: 'Caritas', language },
    topics: [],
    source: { kind: 'manual' },
    tokenHash: 'x',
    slot: { slotId: '20260331T070000Z', ...slot },
    comment: 'Bitte mit Beamer',
    invitedAt: '2026-03-01T10:00:00.000Z',
    bookedAt: '2026-03-02T10:00:00.000Z',
    sequence: 0,
    version: 2,
    expiresAt: 0,
  };
}

const letter = (language: InterviewRecord['expert']['language']) => ({
  round,
  interview: interview(language),
  link: 'https://wegweiser.example/interview/secret-token-abcdefghijkl',
  publicBaseUrl: 'https://wegweiser.example',
  organizer: { name: 'Landratsamt Würzburg', email: 'wegweiser@example.org' },
  now: new Date('2026-03-02T10:00:00.000Z'),
});

describe('interview e-mails', () => {
  it.each(languageCodes)('are written in %s, with every placeholder filled', (language) => {
    for (const message of [
      invitationMail(letter(language)),
      confirmationMail(letter(language), slot),
      cancellationMail(letter(language), slot),
      reminderMail(letter(language), slot),
    ]) {
      expect(message.language).toBe(language);
      expect(`${message.subject}\n${message.text}`).not.toMatch(/\{\w+\}/);
    }
  });

  it.each(['fa', 'ar'] as const)(
    'give dates in the Gregorian calendar with Latin digits in %s',
    (language) => {
      const message = confirmationMail(letter(language), slot);
      expect(message.subject).toContain('2026');
      // 09:00 Berlin summer time, right after the change on 29 March.
      expect(message.text).toMatch(/\b0?9:00\b/);
    },
  );

  it('attach a calendar invitation to confirmations and a cancellation to cancellations', () => {
    const decode = (message: ReturnType<typeof confirmationMail>) =>
      Buffer.from(message.attachments?.[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    expect(decode(confirmationMail(letter('en'), slot))).toContain('METHOD:REQUEST');
    expect(decode(cancellationMail(letter('en'), slot))).toContain('METHOD:CANCEL');
    expect(reminderMail(letter('en'), slot).attachments).toBeUndefined();
  });

  it('send the interviewers a German copy without the expert’s personal link', () => {
    const message = interviewerMail(letter('uk'), 'booked', slot);
    expect(message).toMatchObject({
      to: ['anna@lra.example'],
      language: 'de',
      purpose: 'interview-staff-booked',
    });
    expect(message.text).toContain('Bitte mit Beamer');
    const ics = Buffer.from(message.attachments?.[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    expect(`${message.text}${ics}`).not.toContain('secret-token');
  });
});
