import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, type CalendarEvent, escapeText, foldLine } from './ics';
import { planSlots } from './slots';

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    method: 'REQUEST',
    uid: 'interview-4f1c@wegweiser.example',
    sequence: 0,
    startsAt: '2026-03-24T08:00:00.000Z',
    endsAt: '2026-03-24T09:00:00.000Z',
    stampedAt: '2026-03-01T10:00:00.000Z',
    summary: 'Experteninterview: Sprachkurse, Beratung; Arbeit',
    description: 'Zeile eins\nZeile zwei mit Backslash \\ und Komma, Semikolon;',
    location: 'Landratsamt Würzburg, Zeppelinstraße 15',
    url: 'https://wegweiser.example/interview/abc',
    organizer: { name: 'Landratsamt Würzburg', email: 'wegweiser@example.org' },
    attendees: [{ name: 'Expertin "Eins"', email: 'expert@example.org' }],
    ...overrides,
  };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('iCalendar invitations', () => {
  it('parses back with the same UID, SEQUENCE, METHOD and text', () => {
    const { calendar, vevent, event: parsed } = parse(buildIcs(event({ sequence: 3 })));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed.uid).toBe('interview-4f1c@wegweiser.example');
    expect(parsed.sequence).toBe(3);
    expect(parsed.summary).toBe('Experteninterview: Sprachkurse, Beratung; Arbeit');
    expect(parsed.description).toBe('Zeile eins\nZeile zwei mit Backslash \\ und Komma, Semikolon;');
    expect(parsed.location).toBe('Landratsamt Würzburg, Zeppelinstraße 15');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstProperty('organizer')?.getFirstValue())).toBe(
      'mailto:wegweiser@example.org',
    );
  });

  it('keeps 09:00 Berlin on both sides of the spring daylight-saving change', () => {
    const slots = planSlots(
      {
        kind: 'recurring',
        weekdays: [2],
        fromDate: '2026-03-24',
        untilDate: '2026-03-31',
        dayStart: '09:00',
        dayEnd: '10:00',
        timeZone: 'Europe/Berlin',
      },
      60,
    ).slots;
    expect(slots).toHaveLength(2);
    for (const slot of slots) {
      const { event: parsed } = parse(buildIcs(event({ startsAt: slot.startsAt, endsAt: slot.endsAt })));
      // UTC in the file, and the same instant when read back.
      expect(parsed.startDate.zone?.tzid).toBe('UTC');
      expect(parsed.startDate.toJSDate().toISOString()).toBe(slot.startsAt);
      expect(parsed.endDate.toJSDate().toISOString()).toBe(slot.endsAt);
      const berlinTime = new Intl.DateTimeFormat('de', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      });
      expect(berlinTime.format(parsed.startDate.toJSDate())).toBe('09:00');
    }
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
  });

  it('cancels with METHOD:CANCEL, the same UID, a higher SEQUENCE and STATUS:CANCELLED', () => {
    const { calendar, vevent, event: parsed } = parse(buildIcs(event({ method: 'CANCEL', sequence: 2 })));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(parsed.uid).toBe('interview-4f1c@wegweiser.example');
    expect(parsed.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('ends every line with CRLF and folds lines at 75 octets without splitting a character', () => {
    const long = `${'Ü'.repeat(100)} Bürgerbeteiligung in Ochsenfurt und Umgebung, Wohnen und Arbeit`;
    const ics = buildIcs(event({ description: long }));
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(ics).event.description).toBe(long);
  });

  it('folds exactly at 75 octets and escapes TEXT values', () => {
    const folded = foldLine(`DESCRIPTION:${'a'.repeat(100)}`).split('\r\n');
    expect(Buffer.byteLength(folded[0] ?? '')).toBe(75);
    expect(folded[1]?.startsWith(' ')).toBe(true);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});
