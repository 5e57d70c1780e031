import { beforeAll, describe, expect, it } from 'vitest';
import { type BotActivity, say } from '../../../local/testing/bot-client';
import { useSignedInStack } from '../../../local/testing/local-stack';
import type { Language } from '../../shared/i18n/languages';
import { type MessageKey, type MessageParams, translate } from '../../shared/i18n/messages';
import { accessTokenHeaders, tokenOfLink } from '../../shared/links/token-links';
import { type ContactPerson, privacyNoticeVersion, type SurveyAnswers } from '../../survey/questionnaire';
import { emptyContact } from '../../survey/questionnaire-flow';
import { type SubmissionRecord, SurveyStore } from '../../survey/survey-store';
import { completeAnswers } from '../../survey/testing/fixtures';

const contact: ContactPerson = {
  name: 'Erika Beispiel',
  role: 'Leitung',
  email: 'erika@example.org',
  phone: '0931 123',
};

/** The response's content: ids, timestamps, the channel and the count of saves left out. */
function content(submission: SubmissionRecord | undefined) {
  if (!submission) return undefined;
  const { surveyId, invitationId, submittedAt, channel, draftVersion, ...rest } = submission;
  void [surveyId, invitationId, submittedAt, channel, draftVersion];
  return {
    ...rest,
    answers: {
      ...rest.answers,
      offerings: rest.answers.offerings.map(({ offeringId, ...offering }) => {
        void offeringId;
        return offering;
      }),
    },
  };
}

/** `completeAnswers()` with the free text consented to be quoted, as the chat's German run answers. */
function consentingToQuotes(): SurveyAnswers {
  const answers = completeAnswers();
  answers.privacy.quoteConsent = true;
  return answers;
}

describe('the survey by chat, through the Bot Framework endpoint', () => {
  const stack = useSignedInStack();
  let surveyId: string;

  beforeAll(async () => {
    const created = await fetch(`${stack.url}/api/staff/surveys`, {
      method: 'POST',
      headers: stack.staff,
      body: JSON.stringify({
        title: 'Bestandsaufnahme',
        opensAt: '2026-01-01T00:00:00+01:00',
        closesAt: '2099-01-01T00:00:00+01:00',
        openParticipation: false,
      }),
    });
    surveyId = ((await created.json()) as { surveyId: string }).surveyId;
  });

  async function invite(email: string, language: Language = 'de') {
    const response = await fetch(`${stack.url}/api/staff/surveys/${surveyId}/invitations`, {
      method: 'POST',
      headers: stack.staff,
      body: JSON.stringify({ institutionName: 'VHS Ochsenfurt', email, language }),
    });
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { link: string; invitation: { invitationId: string } };
    const token = tokenOfLink(issued.link);
    return { link: issued.link, token, invitationId: issued.invitation.invitationId };
  }

  /** One person in one conversation; answers by typing or by pressing a button of the last replies. */
  function chat(conversation: string, language: Language) {
    let last: BotActivity[] = [];
    const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
    async function send(text: string, value?: Record<string, string>) {
      last = await say(stack.url, conversation, { text, ...(value ? { value } : {}) });
      return last;
    }

    return {
      t,
      send,
      get last() {
        return last;
      },
      get lastText() {
        return last.map((activity) => activity.text ?? '').join('\n---\n');
      },
      /** Presses the button with this title (an option's label, "Done", "Yes"). */
      async press(title: string) {
        const actions = last.flatMap((activity) => activity.suggestedActions?.actions ?? []);
        const action = actions.find((candidate) => candidate.title === title);
        if (!action)
          throw new Error(
            `no button "${title}" among ${actions.map((candidate) => candidate.title).join(' | ')}`,
          );
        return send(action.title, action.value);
      },
      option(group: string, id: string) {
        return this.press(t(`questionnaire.${group}.${id}` as MessageKey));
      },
    };
  }
  type Chat = ReturnType<typeof chat>;

  /**
   * The answers of `completeAnswers()` and `contact`, given question by question, with the consent to
   * quote the free text, asked last, answered yes or no.
   */
  async function answerEverything(user: Chat, quoteConsent: boolean) {
    const { t } = user;
    await user.press(t('bot.survey.accept'));
    expect(user.lastText).toContain(t('questionnaire.institution.name.label'));
    await user.send('Volkshochschule Ochsenfurt');
    await user.option('sectors', 'education');
    await user.option('institutionTypes', 'adult_education');
    await user.send('Ochsenfurt');
    expect(user.lastText).toContain(t('bot.survey.chosen', { choices: 'Ochsenfurt' }));
    await user.press(t('bot.survey.done'));
    expect(user.lastText).toContain(t('questionnaire.contact.retention'));
    await user.send(contact.name);
    await user.send(contact.role);
    await user.send('erika@example');
    // An invalid answer: the same schema as the form's, its reason in the user's language, asked again.
    expect(user.lastText).toContain(t('validation.invalid_format_email'));
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.contact.email.label'));
    await user.send(contact.email);
    await user.send(contact.phone);
    expect(user.lastText).toContain(t('bot.survey.addOffering'));
    for (const [title, publish] of [
      ['Deutschkurs am Abend', true],
      ['Interner Sprachtreff', false],
    ] as const) {
      await user.press(t('bot.survey.yes'));
      await user.option('offeredLanguages', 'de');
      await user.send(title);
      await user.send('Deutsch für Erwachsene, A1 bis B1');
      await user.option('offeringCategories', 'language_courses');
      await user.option('targetGroups', 'adults');
      await user.press(t('bot.survey.done'));
      await user.option('offeredLanguages', 'de');
      await user.option('offeredLanguages', 'ar');
      await user.press(t('bot.survey.done'));
      await user.send('Ochsenfurt');
      await user.press(t('bot.survey.done'));
      await user.press(t('bot.survey.skip'));
      await user.press(t('bot.survey.skip'));
      await user.option('costKinds', 'free');
      // Free of charge: the note on costs does not apply and is not asked.
      expect(user.lastText).toContain(t('questionnaire.offering.registration.label'));
      await user.press(t('bot.survey.skip'));
      await user.press(t('bot.survey.skip'));
      await user.press(t('bot.survey.skip'));
      await user.press(t(publish ? 'bot.survey.yes' : 'bot.survey.no'));
      expect(user.lastText).toContain(t('bot.survey.addAnotherOffering'));
    }
    await user.press(t('bot.survey.no'));
    await user.option('openingStatuses', 'started');
    await user.option('openingSteps', 'staff_training');
    await user.press(t('bot.survey.done'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.done'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.yes'));
    await user.option('offeringCategories', 'language_courses');
    await user.press(t('bot.survey.done'));
    await user.press(t('bot.survey.skip'));
    // After the free-text answers: may they be quoted? An optional yes or no, with what is published.
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.privacy.quoteConsent.label'));
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.privacy.quoteConsent.hint'));
    await user.press(t(quoteConsent ? 'bot.survey.yes' : 'bot.survey.no'));
    expect(user.lastText).toContain(t('bot.survey.summary'));
    expect(user.lastText).toContain(
      `${t('questionnaire.privacy.quoteConsent.summary')}: ${t(quoteConsent ? 'surveyMail.yes' : 'surveyMail.no')}`,
    );
  }

  async function outbox() {
    const response = await fetch(`${stack.url}/api/dev/outbox?limit=50`);
    return ((await response.json()) as { messages: { to: string[]; purpose: string; language: string }[] })
      .messages;
  }

  it('takes an institution through the whole survey in German, equal to the same answers given in the form', async () => {
    const byChat = await invite('chat@vhs.example');
    const user = chat('survey-de', 'de');
    await user.send('Guten Tag');
    await user.send('Umfrage');
    expect(user.lastText).toContain(user.t('bot.survey.askCode'));
    await user.send(byChat.link);
    expect(user.lastText).toContain(user.t('questionnaire.privacy.notice'));
    await answerEverything(user, true);
    await user.press(user.t('bot.survey.submit'));
    expect(user.lastText).toContain('Fassung 1');
    // Submitted: the code is forgotten, so the survey starts over by asking for it.
    await user.send('Umfrage');
    expect(user.lastText).toContain(user.t('bot.survey.askCode'));

    const byForm = await invite('form@vhs.example');
    const json = { 'content-type': 'application/json' };
    await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(byForm.token) });
    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { ...json, ...accessTokenHeaders(byForm.token) },
      body: JSON.stringify({ answers: consentingToQuotes(), contact, version: 0, language: 'de' }),
    });
    expect(saved.status).toBe(200);
    const submitted = await fetch(`${stack.url}/api/survey/submit`, {
      method: 'POST',
      headers: { ...json, ...accessTokenHeaders(byForm.token) },
      body: JSON.stringify({ version: 1 }),
    });
    expect(submitted.status).toBe(200);

    const surveys = new SurveyStore(stack.store);
    const [chatSubmission] = await surveys.listSubmissions(byChat.invitationId);
    const [formSubmission] = await surveys.listSubmissions(byForm.invitationId);
    expect(chatSubmission?.channel).toBe('chat');
    expect(formSubmission?.channel).toBe('web');
    expect(chatSubmission?.answers.privacy.quoteConsent).toBe(true);
    expect(content(chatSubmission)).toEqual(content(formSubmission));
    expect(await surveys.getContact(byChat.invitationId)).toEqual(
      await surveys.getContact(byForm.invitationId),
    );
    const mails = await outbox();
    expect(
      mails.filter((mail) => mail.purpose === 'survey-confirmation' && mail.to.includes(contact.email)),
    ).toHaveLength(2);
  });

  it.each([
    ['uk', 'Українська'],
    ['ar', 'العربية'],
  ] as const)(
    'takes an institution through the survey in %s, from the menu, and mails the confirmation in it',
    async (language, choice) => {
      const invited = await invite(`${language}@vhs.example`, language);
      const user = chat(`survey-${language}`, language);
      await user.send(choice);
      await user.press(user.t('bot.menuSurvey'));
      expect(user.lastText).toContain(user.t('bot.survey.askCode'));
      // The code alone works as well as the whole link.
      await user.send(invited.token);
      expect(user.last.every((activity) => activity.locale === language)).toBe(true);
      expect(user.lastText).toContain(user.t('questionnaire.privacy.notice'));
      await answerEverything(user, false);
      await user.press(user.t('bot.survey.submit'));
      expect(user.lastText).toContain(
        user.t('bot.survey.submitted', { number: 1, closesAt: '' }).slice(0, 20),
      );
      const [submission] = await new SurveyStore(stack.store).listSubmissions(invited.invitationId);
      expect(submission?.language).toBe(language);
      expect(submission?.channel).toBe('chat');
      // Declined: recorded as no, and the privacy notice's acceptance stays as it was.
      expect(submission?.answers.privacy).toEqual({
        accepted: true,
        noticeVersion: privacyNoticeVersion,
        quoteConsent: false,
      });
      expect(submission?.answers.offerings.map((offering) => offering.title)).toEqual([
        'Deutschkurs am Abend',
        'Interner Sprachtreff',
      ]);
      const mails = await outbox();
      expect(
        mails.some(
          (mail) =>
            mail.purpose === 'survey-confirmation' &&
            mail.language === language &&
            mail.to.includes(contact.email),
        ),
      ).toBe(true);
    },
  );

  it('pauses, resumes in the web form and back in chat at the first open question, and reports a save made elsewhere', async () => {
    const invited = await invite('pause@vhs.example');
    const user = chat('survey-pause', 'de');
    const { t } = user;
    await user.send('Hallo');
    await user.send('Umfrage');
    await user.send(invited.link);
    await user.press(t('bot.survey.accept'));
    await user.press(t('bot.survey.keep', { value: 'VHS Ochsenfurt' }));
    // Typing a button's title answers like pressing it (channels without buttons).
    await user.send(t('questionnaire.sectors.education'));
    await user.send('später');
    expect(user.lastText).toContain(t('bot.survey.paused'));
    // While paused, the conversation is the ordinary bot again.
    await user.send('Hilfe');
    expect(user.lastText).toContain(t('bot.menuPrompt'));

    // The web form opens the same record and goes on from there.
    const json = { 'content-type': 'application/json' };
    const opened = (await (
      await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(invited.token) })
    ).json()) as {
      answers: SurveyAnswers;
      contact: ContactPerson | null;
      version: number;
    };
    expect(opened.answers.institution.sector).toBe('education');
    expect(opened.answers.privacy).toEqual({ accepted: true, noticeVersion: privacyNoticeVersion });
    const put = (answers: SurveyAnswers, version: number) =>
      fetch(`${stack.url}/api/survey/draft`, {
        method: 'PUT',
        headers: { ...json, ...accessTokenHeaders(invited.token) },
        body: JSON.stringify({ answers, contact: opened.contact ?? emptyContact(), version, language: 'de' }),
      });
    const web = structuredClone(opened.answers);
    web.institution.type = 'school';
    expect((await put(web, opened.version)).status).toBe(200);

    await user.send('Umfrage');
    expect(user.lastText).toContain(t('bot.survey.resumed'));
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.institution.places.label'));

    // Saved in the form while the chat waits for an answer: the chat does not overwrite it.
    web.institution.places = ['aub'];
    expect((await put(web, opened.version + 1)).status).toBe(200);
    await user.send('Ochsenfurt');
    expect(user.lastText).toContain(t('bot.survey.changedElsewhere'));
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.contact.name.label'));
    const after = (await (
      await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(invited.token) })
    ).json()) as {
      answers: SurveyAnswers;
    };
    expect(after.answers.institution.places).toEqual(['aub']);

    // Cancelling forgets the code: "Umfrage" now asks for it again.
    await user.send('abbrechen');
    expect(user.lastText).toContain(t('bot.survey.cancelled'));
    await user.send('Umfrage');
    expect(user.lastText).toContain(t('bot.survey.askCode'));
  });

  it('continues a response begun in the form at its first open required question, and asks for what went missing before the submit', async () => {
    const invited = await invite('begun@vhs.example');
    const begun = completeAnswers();
    begun.opening = { steps: [], stepsOther: '', obstacles: '' };
    await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(invited.token) });
    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...accessTokenHeaders(invited.token) },
      body: JSON.stringify({ answers: begun, contact, version: 0, language: 'de' }),
    });
    expect(saved.status).toBe(200);
    const user = chat('survey-begun', 'de');
    const { t } = user;
    await user.send('Hallo');
    await user.send('Umfrage');
    await user.send(invited.link);
    // Optional questions left empty in the form are not asked again; the first open required one is.
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.opening.status.label'));
    await user.option('openingStatuses', 'started');
    await user.option('openingSteps', 'staff_training');
    await user.press(t('bot.survey.done'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.done'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.skip'));
    await user.press(t('bot.survey.no'));
    expect(user.lastText).toContain(t('bot.survey.summary'));

    // The contact person erased in the form meanwhile: the submit asks for the missing answers only.
    expect(
      (
        await fetch(`${stack.url}/api/survey/contact`, {
          method: 'DELETE',
          headers: accessTokenHeaders(invited.token),
        })
      ).status,
    ).toBe(204);
    await user.press(t('bot.survey.submit'));
    expect(user.lastText).toContain(t('bot.survey.missing'));
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.contact.name.label'));
    await user.send(contact.name);
    expect(user.last.at(-1)?.text).toContain(t('questionnaire.contact.email.label'));
    await user.send(contact.email);
    expect(user.lastText).toContain(t('bot.survey.summary'));
    await user.press(t('bot.survey.submit'));
    expect(user.lastText).toContain('Fassung 1');
    const [submission] = await new SurveyStore(stack.store).listSubmissions(invited.invitationId);
    expect(submission?.answers.opening).toEqual({
      status: 'started',
      steps: ['staff_training'],
      stepsOther: '',
      obstacles: '',
    });
  });

  it('keeps a consent to quote given in the form when the privacy notice is accepted in the chat', async () => {
    const invited = await invite('quote@vhs.example');
    const begun = completeAnswers();
    begun.privacy = { accepted: false, quoteConsent: true };
    await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(invited.token) });
    const saved = await fetch(`${stack.url}/api/survey/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...accessTokenHeaders(invited.token) },
      body: JSON.stringify({ answers: begun, contact, version: 0, language: 'de' }),
    });
    expect(saved.status).toBe(200);
    const user = chat('survey-quote', 'de');
    await user.send('Hallo');
    await user.send('Umfrage');
    await user.send(invited.link);
    expect(user.lastText).toContain(user.t('questionnaire.privacy.notice'));

    await user.press(user.t('bot.survey.accept'));

    // Saved with the notice's version, and the consent given in the form still a yes.
    const after = (await (
      await fetch(`${stack.url}/api/survey`, { headers: accessTokenHeaders(invited.token) })
    ).json()) as {
      answers: SurveyAnswers;
    };
    expect(after.answers.privacy).toEqual({
      accepted: true,
      noticeVersion: privacyNoticeVersion,
      quoteConsent: true,
    });
  });

  it('refuses a wrong code and asks again, accepts the right one, and switches language when asked', async () => {
    const invited = await invite('wrong@vhs.example');
    const user = chat('survey-wrong', 'de');
    await user.send('Hallo');
    await user.send('Umfrage');
    await user.send('1234');
    expect(user.lastText).toContain(user.t('bot.survey.codeInvalid'));
    await user.send(`${stack.url}/survey/${'x'.repeat(24)}`);
    expect(user.lastText).toContain(user.t('bot.survey.codeUnknown'));
    await user.send(invited.link);
    expect(user.lastText).toContain(user.t('questionnaire.privacy.accepted.label'));
    // Asked for another language where no button or text answer fits, it switches and asks again.
    await user.send('English please');
    expect(user.lastText).toContain(translate('en', 'bot.languageChanged'));
    expect(user.last.at(-1)?.text).toBe(translate('en', 'questionnaire.privacy.accepted.label'));
    expect(user.last.at(-1)?.locale).toBe('en');
  });
});
