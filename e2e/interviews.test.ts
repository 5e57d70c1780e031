import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../content/messages/ar.json';
import de from '../content/messages/de.json';
import en from '../content/messages/en.json';
import fa from '../content/messages/fa.json';
import ru from '../content/messages/ru.json';
import tr from '../content/messages/tr.json';
import uk from '../content/messages/uk.json';
import { defaultCountyCalendar } from '../functions/interviews/slots';
import { closedReason } from '../functions/shared/domain/county-calendar';
import { formatMessage } from '../functions/shared/i18n/format';
import { directionOf, type Language, languages } from '../functions/shared/i18n/languages';
import { demoInterviewToken } from '../local/demo-interviews';
import { addDays, countyTimeZone, dayKeyOf, weekdayOf } from '../web/src/pages/interviews/zoned-time';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPageProblems,
  openPage,
  waitForLoaded,
} from './support/pages';
import { goToConsoleSection, openSignedIn } from './support/staff';
import { newInvitation, outbox, submitResponse, type TestInvitation } from './support/survey-invitations';

const messages = { de, en, ar, tr, uk, ru, fa };
const s = de.staffInterviews;
const b = en.interviewBooking;
/** Unique per run: the e2e stack is shared by every test file. */
const run = randomUUID().slice(0, 8);
const topic = `Sprachförderung im Landkreis ${run}`;
const contactName = `Erika Beispiel ${run}`;
const contactEmail = `erika-${run}@example.org`;
/** An interviewer of this run only, so no other test's booking can make them busy. */
const interviewerEmail = `interviewer-${run}@example.org`;

let invitation: TestInvitation;
/** Two weeks ahead, well past the round's cut-off, in the county's calendar. */
/** Two weeks ahead, or the next day after that the offices are open (slots skip holidays and closing days). */
function openDayFrom(day: string): string {
  return closedReason(day, defaultCountyCalendar) ? openDayFrom(addDays(day, 1)) : day;
}
const interviewDay = openDayFrom(addDays(dayKeyOf(Date.now(), countyTimeZone), 14));
let roundPath = '';
let bookingPath = '';

function slotsOfDay(page: Page) {
  return page.locator(`.week-view__day[data-day="${interviewDay}"] .week-slot`);
}

async function slotStates(page: Page): Promise<(string | null)[]> {
  const slots = slotsOfDay(page);
  await slots.first().waitFor();
  return Promise.all((await slots.all()).map((slot) => slot.getAttribute('data-state')));
}

async function openBooking(lang: Language, width = 1280): Promise<Page> {
  const page = await openPage(bookingPath, {
    lang,
    locale: lang === 'ar' ? 'ar' : 'en-GB',
    viewport: { width, height: 900 },
  });
  await waitForLoaded(page);
  return page;
}

beforeAll(async () => {
  // A submitted survey response whose institution agreed to an interview on two topics, in English.
  invitation = await newInvitation();
  await submitResponse(invitation.token, {
    institutionName: invitation.institutionName,
    interview: { willing: true, topics: ['language_courses', 'work_training'], topicsOther: '' },
    contact: { name: contactName, role: 'Leitung', email: contactEmail, phone: '09331 0000' },
    language: 'en',
  });
});

describe('expert interviews: staff plan, the expert books and cancels by link', () => {
  it('creates a round, publishes slots with a preview, and invites from a survey response', async () => {
    const page = await openSignedIn('/staff');
    await goToConsoleSection(page, s.sectionTitle, s.createTitle);

    await page.getByRole('button', { name: s.create }).click();
    expect(await page.locator('#round-topic-error').textContent()).toBe(de.validation.required);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('round-topic');

    await page.getByLabel(s.topic, { exact: true }).fill(topic);
    const surveyOption = page.locator('#round-survey option', { hasText: invitation.surveyTitle });
    await page.getByLabel(s.survey).selectOption((await surveyOption.getAttribute('value')) ?? '');
    await page.getByLabel(s.interviewerName.replace('{number}', '1')).fill('Anna Admin');
    await page.getByLabel(s.interviewerEmail.replace('{number}', '1')).fill(interviewerEmail);
    await page.getByLabel(s.duration, { exact: true }).selectOption('60');
    await page.getByLabel(s.address).fill('Landratsamt Würzburg, Zeppelinstraße 15, Raum 101');
    await page.getByLabel(s.questionGuide).fill('1. Welche Angebote fehlen?\n2. Was wünschen Sie sich?');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: s.create }).click();

    await page.getByTestId('round-topic').waitFor();
    expect(await page.getByTestId('round-topic').textContent()).toBe(topic);
    roundPath = new URL(page.url()).pathname;
    expect(roundPath).toMatch(/^\/staff\/interviews\/[0-9a-f-]{36}$/);

    // Slots: the weekday of the interview day, 9–12 Berlin time, three 60-minute slots, previewed first.
    const weekday = weekdayOf(interviewDay);
    await page.locator(`#slots-weekday-${weekday}`).check();
    await page.getByLabel(s.fromDate, { exact: true }).fill(interviewDay);
    await page.getByLabel(s.untilDate, { exact: true }).fill(interviewDay);
    await page.getByLabel(s.dayStart, { exact: true }).fill('09:00');
    await page.getByLabel(s.dayEnd, { exact: true }).fill('12:00');
    const preview = page.getByTestId('slots-preview');
    await preview.getByText(formatMessage('de', s.previewCount, { count: 3 })).waitFor();
    expect(await preview.textContent()).toMatch(/09:00.*10:00.*11:00/);
    await page.getByRole('button', { name: s.publish }).click();
    await page.getByText(s.slotsPublished.replace('{created}', '3').replace('{existing}', '0')).waitFor();
    expect(await slotStates(page)).toEqual(['free', 'free', 'free']);

    // A single slot in the afternoon, published and withdrawn again.
    await page.getByLabel(s.slotsSingle).check();
    await page.getByLabel(s.date, { exact: true }).fill(interviewDay);
    await page.getByLabel(s.start, { exact: true }).fill('14:15');
    await preview.getByText(formatMessage('de', s.previewCount, { count: 1 })).waitFor();
    await page.getByRole('button', { name: s.publish }).click();
    await page.getByText(s.slotsPublished.replace('{created}', '1').replace('{existing}', '0')).waitFor();
    await page.waitForFunction(
      (day) => document.querySelectorAll(`.week-view__day[data-day="${day}"] .week-slot`).length === 4,
      interviewDay,
    );
    expect(await slotStates(page)).toEqual(['free', 'free', 'free', 'free']);
    await slotsOfDay(page)
      .nth(3)
      .getByRole('button', { name: new RegExp(s.withdraw, 'i') })
      .click();
    await page.getByTestId('round-notice').getByText(/14:15/).waitFor();
    await page.waitForFunction(
      (day) => document.querySelectorAll(`.week-view__day[data-day="${day}"] .week-slot`).length === 3,
      interviewDay,
    );

    // One click from the survey response: its topics come along, the link is shown once.
    const candidates = page.getByTestId('candidates-table');
    const row = candidates.locator('tbody tr', { hasText: invitation.institutionName });
    await row.waitFor();
    expect(await row.textContent()).toContain(de.questionnaire.offeringCategories.language_courses);
    await row
      .getByRole('button', { name: s.inviteCandidate.replace('{institution}', invitation.institutionName) })
      .click();
    const link = await page.getByTestId('issued-booking-link').inputValue();
    expect(link).toMatch(/\/interview\?lang=en#[A-Za-z0-9_-]{22,64}$/);
    bookingPath = `${new URL(link).pathname}${new URL(link).hash}`;
    await page.waitForFunction(() => document.activeElement?.classList.contains('issued-link'));
    await row.getByText(s.alreadyInvited).waitFor();

    await page.getByRole('button', { name: s.listView }).click();
    const listed = page.getByTestId('interviews-table').locator('tbody tr', { hasText: contactName });
    expect(await listed.locator('[data-state]').getAttribute('data-state')).toBe('invited');
    expect(await listed.textContent()).toContain(de.questionnaire.offeringCategories.work_training);
    await expectNoAxeViolations(page);
    expectNoPageProblems(page);

    // The invitation went out by e-mail too, with the same link.
    const mail = (await outbox()).find((message) => message.to.includes(contactEmail));
    expect(mail?.text).toContain(link);
  });

  it('lets the expert book in English, and the staff calendar shows the booking', async () => {
    const page = await openBooking('en');
    expect(await page.locator('h1').textContent()).toBe(b.title);
    expect(await page.getByTestId('interview-topic').textContent()).toBe(topic);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expectNoAxeViolations(page);

    // Keyboard only: nothing chosen is refused, then a time is chosen and booked.
    await page.getByRole('button', { name: b.bookSubmit }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(b.chooseTimeFirst).waitFor();
    await expectNoAxeViolations(page);
    const times = page.locator('#slot-picker input[type="radio"]');
    expect(await times.count()).toBe(3);
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'slot');
    await page.keyboard.press('Space');
    expect(await times.first().isChecked()).toBe(true);
    await page.getByLabel(b.comment).fill('I will bring a colleague from our language school.');
    await page.getByRole('button', { name: b.bookSubmit }).focus();
    await page.keyboard.press('Enter');

    const notice = page.getByTestId('booking-notice');
    await notice.getByText(/Your interview is booked/).waitFor();
    expect(await notice.textContent()).toContain('calendar invitation');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'booking-notice',
    );
    expect(await page.getByTestId('booked-time').textContent()).toMatch(/9:00|09:00/);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/interviews-expert-booked.png', fullPage: true });

    // Another time zone moves the times shown and keeps the county's time beside them.
    await page.getByLabel(b.timeZone).selectOption('Asia/Tokyo');
    expect(await page.getByTestId('booked-time').textContent()).toContain(b.inCountyTime.split('{time}')[0]);
    expect(await page.getByTestId('booked-time').textContent()).toMatch(/17:00|5:00/);
    expectNoPageProblems(page);

    const confirmation = (await outbox()).find(
      (message) =>
        message.to.includes(contactEmail) &&
        message.attachments.some((file) => file.filename.endsWith('.ics')),
    );
    expect(confirmation, 'a confirmation with a calendar invitation').toBeDefined();

    const staffPage = await openSignedIn(roundPath);
    expect(await slotStates(staffPage)).toEqual(['booked', 'free', 'free']);
    await staffPage.screenshot({ path: '/tmp/interviews-staff-round.png', fullPage: true });

    // The console's round page reflows at 320 px too: one row per day, tables in their own scroll area.
    const narrow = await openSignedIn(roundPath, { width: 320 });
    expect(await slotStates(narrow)).toEqual(['booked', 'free', 'free']);
    await expectNoHorizontalScroll(narrow);
    await expectNoAxeViolations(narrow);
    await narrow.screenshot({ path: '/tmp/interviews-staff-round-320.png', fullPage: true });
    expect(await slotsOfDay(staffPage).first().textContent()).toContain(contactName);
    expect(await slotsOfDay(staffPage).first().textContent()).toContain(s.states.booked);
  });

  it('shows the expert page right-to-left in Arabic at 320 px without WCAG violations', async () => {
    const page = await openBooking('ar', 320);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe(ar.interviewBooking.title);
    // Dates in the Gregorian calendar with Latin digits, as in the e-mail and the calendar invitation.
    const booked = (await page.getByTestId('booked-time').textContent()) ?? '';
    expect(booked).toContain(interviewDay.slice(0, 4));
    expect(booked).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/interviews-expert-ar-320.png', fullPage: true });
    expectNoPageProblems(page);
  });

  it('lets the expert cancel, and the slot is free again in the staff calendar', async () => {
    const page = await openBooking('en');
    await page.getByRole('button', { name: b.cancel, exact: true }).click();
    await page.waitForFunction((label) => document.activeElement?.textContent === label, b.cancelConfirm);
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('booking-notice');
    await notice.getByText(/Your interview is cancelled/).waitFor();
    // The three times are offered again.
    await page.locator('#slot-picker').waitFor();
    expect(await page.locator('#slot-picker input[type="radio"]').count()).toBe(3);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/interviews-expert-choose.png', fullPage: true });
    expectNoPageProblems(page);

    const staffPage = await openSignedIn(roundPath);
    expect(await slotStates(staffPage)).toEqual(['free', 'free', 'free']);
    await staffPage.getByRole('button', { name: s.listView }).click();
    const listed = staffPage.getByTestId('interviews-table').locator('tbody tr', { hasText: contactName });
    expect(await listed.locator('[data-state]').getAttribute('data-state')).toBe('cancelled');
    expectNoPageProblems(staffPage);
  });

  it('moves a booking to another time in one step, and staff mark it held and write it up with findings', async () => {
    const page = await openBooking('en');
    await page.locator('#slot-picker input[type="radio"]').first().check();
    await page.getByRole('button', { name: b.bookSubmit }).click();
    await page
      .getByTestId('booking-notice')
      .getByText(/Your interview is booked/)
      .waitFor();

    await page.getByRole('button', { name: b.reschedule }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'booking-title');
    const times = page.locator('#slot-picker input[type="radio"]');
    // The booked 9:00 is not offered again; 10:00 and 11:00 are.
    expect(await times.count()).toBe(2);
    await times.first().check();
    await page.getByRole('button', { name: b.rescheduleSubmit }).click();
    await page
      .getByTestId('booking-notice')
      .getByText(/moved to/)
      .waitFor();
    expect(await page.getByTestId('booked-time').textContent()).toMatch(/10:00/);
    await expectNoAxeViolations(page);

    const staffPage = await openSignedIn(roundPath);
    expect(await slotStates(staffPage)).toEqual(['free', 'rescheduled', 'free']);
    await slotsOfDay(staffPage).nth(1).getByRole('link').click();
    await staffPage.getByRole('heading', { name: s.interviewWith.replace('{name}', contactName) }).waitFor();
    await waitForLoaded(staffPage);
    expect(await staffPage.getByTestId('interview-state').textContent()).toBe(s.states.rescheduled);
    await staffPage.getByRole('button', { name: s.markHeld }).click();
    await staffPage.getByTestId('interview-notice').getByText(s.markedHeld).waitFor();
    await staffPage.getByLabel(s.notes, { exact: true }).waitFor();

    await staffPage.getByLabel(s.notes, { exact: true }).fill('Wartelisten für Integrationskurse sind lang.');
    await staffPage.getByRole('button', { name: s.addFinding }).click();
    await staffPage.waitForFunction(() => document.activeElement?.id === 'finding-0-kind');
    await staffPage.locator('#finding-0-kind').selectOption('need');
    await staffPage.locator('#finding-0-text').fill('Mehr Kursplätze für Integrationskurse am Nachmittag.');
    await staffPage.locator('#finding-0-topic-language_courses').check();
    await staffPage.getByLabel(s.writtenUp).check();
    await expectNoAxeViolations(staffPage);
    await staffPage.getByRole('button', { name: s.saveNotes }).click();
    await staffPage.getByTestId('interview-notice').getByText(s.notesSavedWrittenUp).waitFor();
    await staffPage.getByTestId('interview-state').getByText(s.states.written_up).waitFor();
    expect(await staffPage.locator('#finding-0-text').inputValue()).toBe(
      'Mehr Kursplätze für Integrationskurse am Nachmittag.',
    );
    expect(await staffPage.locator('#finding-0-kind').inputValue()).toBe('need');
    expectNoPageProblems(staffPage);

    // Without ?lang= in the link, a German browser still gets the invitation's language (English).
    const after = await openPage(bookingPath, { locale: 'de-DE' });
    await after.getByText(b.held).waitFor();
    expect(await after.locator('html').getAttribute('lang')).toBe('en');
  });

  it.each(languages.map((language) => language.code))(
    'shows the seeded demo link in %s: its direction, its texts, Gregorian dates with Latin digits',
    async (lang) => {
      const page = await openPage(`/interview#${demoInterviewToken}`, {
        lang,
        viewport: { width: 320, height: 800 },
      });
      await waitForLoaded(page);
      expect(await page.locator('html').getAttribute('dir')).toBe(directionOf(lang));
      expect(await page.locator('#page-heading').textContent()).toBe(messages[lang].interviewBooking.title);
      const times =
        (await page.locator('.slot-picker, [data-testid="booked-time"]').first().textContent()) ?? '';
      expect(times).toMatch(/20\d\d/);
      expect(times).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
      await expectNoHorizontalScroll(page);
      if (lang === 'fa' || lang === 'de') await expectNoAxeViolations(page);
      expectNoPageProblems(page);
    },
  );
});
