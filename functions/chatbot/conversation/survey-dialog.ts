import { DomainError } from '../../shared/domain/errors';
import { fieldIssuesOf } from '../../shared/http/validation';
import { formatDateTime, formatDay, formatList } from '../../shared/i18n/format';
import { isLanguage, type Language } from '../../shared/i18n/languages';
import { type MessageKey, type MessageParams, translate } from '../../shared/i18n/messages';
import { answersAsText } from '../../survey/mails';
import { emptyOffering, placeIds, placeName, requireComplete } from '../../survey/questionnaire';
import {
  answerAt,
  completeUrl,
  emptyContact,
  isAnswered,
  type OfferingQuestion,
  type OptionList,
  offeringQuestions,
  optionKey,
  optionLists,
  questionsAfterOfferings,
  questionsBeforeOfferings,
  type ResponseDraft,
  type ResponseQuestion,
  type SectionId,
  schemaOf,
  withApplicableOnly,
  withValue,
} from '../../survey/questionnaire-flow';
import { loadResponse, type RespondingDeps, saveDraft, submitResponse } from '../../survey/responding';
import { TokenParams } from '../../survey/schemas';
import type { Action, Incoming, Reply } from './converse';
import { requestedLanguage } from './language';
import type { ConversationState } from './state';
import type { SurveyDialogState } from './survey-dialog-state';
import { placesNamed } from './survey-places';

/**
 * The survey by chat: an institution answers the same questionnaire as in the web form
 * (`questionnaire-flow.ts`), into the same response record, through the same use cases
 * (`responding.ts`). Every answer is saved at once with the version it is based on; the conversation
 * keeps only where it is.
 */
export interface SurveyDialogDeps extends RespondingDeps {
  newId(): string;
  publicBaseUrl: string;
}

type Step =
  | { key: string; kind: 'question'; question: ResponseQuestion }
  | { key: string; kind: 'offering'; question: OfferingQuestion; offeringId: string; number: number }
  | { key: 'offerings.add'; kind: 'addOffering' };

const privacyField = 'answers.privacy.accepted';
const maxOfferings = 30;

/**
 * The chat's order: the privacy notice before the first answer, then the form's order. The consent to
 * quote stays where the form has it, after the free-text answers it is about.
 */
function stepsOf(draft: ResponseDraft): Step[] {
  const [privacy] = questionsAfterOfferings.filter((question) => question.field === privacyField);
  const question = (q: ResponseQuestion): Step => ({ key: q.field, kind: 'question', question: q });
  return [
    ...(privacy ? [question(privacy)] : []),
    ...questionsBeforeOfferings.map(question),
    ...draft.answers.offerings.flatMap((offering, index) =>
      offeringQuestions.map(
        (q): Step => ({
          key: `offerings.${offering.offeringId}.${q.field}`,
          kind: 'offering',
          question: q,
          offeringId: offering.offeringId,
          number: index + 1,
        }),
      ),
    ),
    { key: 'offerings.add', kind: 'addOffering' },
    ...questionsAfterOfferings.filter((q) => q.field !== privacyField).map(question),
  ];
}

function offeringOf(draft: ResponseDraft, offeringId: string) {
  return draft.answers.offerings.find((offering) => offering.offeringId === offeringId);
}

function stepValue(draft: ResponseDraft, step: Step): unknown {
  if (step.kind === 'question') return answerAt(draft, step.question.field);
  if (step.kind === 'offering') return offeringOf(draft, step.offeringId)?.[step.question.field];
  return undefined;
}

function stepApplies(draft: ResponseDraft, step: Step): boolean {
  if (step.kind === 'question') return step.question.applies?.(draft.answers) ?? true;
  if (step.kind === 'offering') {
    const offering = offeringOf(draft, step.offeringId);
    return offering !== undefined && (step.question.applies?.(offering) ?? true);
  }
  return draft.answers.offerings.length < maxOfferings;
}

function answered(draft: ResponseDraft, step: Step): boolean {
  if (step.kind === 'addOffering') return false;
  if (step.kind === 'question' && step.question.kind === 'consent') return draft.answers.privacy.accepted;
  // Publishing is off until agreed: "no" looks like never asked, so it is asked again on a fresh walk,
  // like any other optional question left empty.
  if (step.kind === 'offering' && step.question.kind === 'yesNo') return stepValue(draft, step) === true;
  return isAnswered(stepValue(draft, step));
}

function required(draft: ResponseDraft, step: Step): boolean {
  if (step.kind === 'addOffering') return draft.answers.offerings.length === 0;
  return step.question.required;
}

/**
 * The first question after `afterKey` that applies and is still open. Without a place to start from (a
 * response begun in the form or another chat), what was passed over there is not asked again: only
 * required questions, and "any offerings?" while there are none.
 */
function nextStep(draft: ResponseDraft, afterKey: string | undefined): Step | undefined {
  const steps = stepsOf(draft);
  const from = afterKey === undefined ? -1 : steps.findIndex((step) => step.key === afterKey);
  return steps
    .slice(from + 1)
    .find(
      (step) => stepApplies(draft, step) && !answered(draft, step) && (from !== -1 || required(draft, step)),
    );
}

/** Where to go on: the question at the cursor if still open, else the next open one after it. */
function resumeStep(draft: ResponseDraft, cursor: string | undefined): Step | undefined {
  const steps = stepsOf(draft);
  const atCursor = steps.find((step) => step.key === cursor);
  if (atCursor && stepApplies(draft, atCursor) && !answered(draft, atCursor)) return atCursor;
  return nextStep(draft, atCursor ? cursor : undefined);
}

function stepSection(step: Step | undefined): SectionId | undefined {
  if (!step) return undefined;
  return step.kind === 'question' ? step.question.section : 'offerings';
}

// Texts.

function t(language: Language, key: MessageKey, params?: MessageParams): string {
  return translate(language, key, params);
}

function normalized(text: string): string {
  return text
    .replace(/^✓\s*/u, '')
    .replace(/[!?.]+$/u, '')
    .trim()
    .toLocaleLowerCase();
}

function phrases(language: Language, key: MessageKey): string[] {
  return [...new Set([language, 'de', 'en'] as Language[])].flatMap((code) =>
    t(code, key)
      .split(',')
      .map((word) => word.trim().toLocaleLowerCase())
      .filter(Boolean),
  );
}

/**
 * The invitation code from the code itself or the whole link: today's (`https://…/survey?lang=de#<code>`)
 * or an older one (`https://…/survey/<code>`).
 */
export function invitationCodeIn(text: string): string | undefined {
  const trimmed = text.trim();
  const candidate =
    /\/survey(?:\?[^#\s]*)?#([^/?#\s]+)/.exec(trimmed)?.[1] ??
    /\/survey\/([^/?#\s]+)/.exec(trimmed)?.[1] ??
    trimmed;
  return TokenParams.shape.token.safeParse(candidate).success ? candidate : undefined;
}

/**
 * "Umfrage", "survey", "Einladungscode", or an invitation link or code pasted into the chat. A code
 * alone starts the survey too, so that it is never kept as an unanswered question.
 */
export function startsSurvey(text: string, language: Language): boolean {
  if (/\/survey(?:\/|(?:\?[^#\s]*)?#)[A-Za-z0-9_-]{22,64}/.test(text)) return true;
  const code = invitationCodeIn(text);
  if (code && /\d/.test(code) && /[A-Za-z]/.test(code)) return true;
  return phrases(language, 'bot.triggersSurvey').includes(normalized(text));
}

const button = (title: string, value: Record<string, string>): Action => ({ title, value });

/** A section's title and introduction; the contact person's says why it is asked and how long kept. */
function sectionIntro(language: Language, section: SectionId): Reply[] {
  if (section === 'privacy') return [];
  const lines: string[] = [t(language, `questionnaire.${section}.title` as MessageKey)];
  if (section === 'contact') {
    lines.push(
      `${t(language, 'questionnaire.contact.personalData')}: ${t(language, 'questionnaire.contact.why')}`,
      t(language, 'questionnaire.contact.retention'),
    );
  } else lines.push(t(language, `questionnaire.${section}.intro` as MessageKey));
  return [{ text: lines.join('\n\n'), language }];
}

function optionListOf(question: ResponseQuestion | OfferingQuestion): OptionList {
  if (!question.options) throw new Error(`${question.field} has no option list`);
  return question.options;
}

function optionButtons(language: Language, list: OptionList, chosen: readonly string[] = []) {
  return optionLists[list].map((id) =>
    button(`${chosen.includes(id) ? '✓ ' : ''}${t(language, optionKey(list, id))}`, {
      survey: 'option',
      option: id,
    }),
  );
}

function placeLabel(language: Language, id: string): string {
  if (id === 'whole-county' || id === 'online')
    return t(language, `questionnaire.places.${id}` as MessageKey);
  return placeName(id) ?? id;
}

/** The replies that ask one question: its label and hint, the choices as buttons. */
function ask(
  language: Language,
  draft: ResponseDraft,
  step: Step,
  context: { previous: string | undefined; privacyNoticeVersion: string; publicBaseUrl: string },
): Reply[] {
  const replies: Reply[] = [];
  const steps = stepsOf(draft);
  const previous = steps.find((candidate) => candidate.key === context.previous);
  const section = stepSection(step);
  if (section && section !== stepSection(previous) && (step.kind !== 'offering' || !previous))
    replies.push(...sectionIntro(language, section));
  if (step.kind === 'addOffering') {
    replies.push({
      text: t(
        language,
        draft.answers.offerings.length === 0 ? 'bot.survey.addOffering' : 'bot.survey.addAnotherOffering',
      ),
      language,
      actions: [
        button(t(language, 'bot.survey.yes'), { survey: 'yes' }),
        button(t(language, 'bot.survey.no'), { survey: 'no' }),
      ],
    });
    return replies;
  }
  const question = step.question;
  const value = stepValue(draft, step);
  const heading =
    step.kind === 'offering'
      ? `${t(language, 'surveyForm.offerings.heading', { number: step.number })}: `
      : '';
  const lines = [`${heading}${t(language, question.label)}`];
  // The form's hint on places speaks of its search field; the chat says how to name places instead.
  if (question.hint && question.kind !== 'places') lines.push(t(language, question.hint));
  let actions: Action[] = [];
  switch (question.kind) {
    case 'consent':
      return [
        ...replies,
        {
          text: [
            t(language, 'questionnaire.privacy.title'),
            t(language, 'questionnaire.privacy.notice'),
            t(language, 'questionnaire.privacy.version', {
              version: formatDay(context.privacyNoticeVersion, language),
            }),
            `${t(language, 'questionnaire.privacy.fullNotice')}: ${context.publicBaseUrl}/privacy`,
          ].join('\n\n'),
          language,
        },
        {
          text: t(language, 'questionnaire.privacy.accepted.label'),
          language,
          actions: [
            button(t(language, 'bot.survey.accept'), { survey: 'yes' }),
            button(t(language, 'bot.survey.decline'), { survey: 'no' }),
          ],
        },
      ];
    case 'text':
      if (typeof value === 'string' && value !== '')
        actions.push(
          button(t(language, 'bot.survey.keep', { value: value.slice(0, 40) }), { survey: 'keep' }),
        );
      if (!question.required) actions.push(button(t(language, 'bot.survey.skip'), { survey: 'skip' }));
      break;
    case 'choice':
      actions = optionButtons(language, optionListOf(question));
      break;
    case 'yesNo':
      actions = [
        button(t(language, 'bot.survey.yes'), { survey: 'yes' }),
        button(t(language, 'bot.survey.no'), { survey: 'no' }),
      ];
      break;
    case 'choices': {
      const chosen = (value as string[] | undefined) ?? [];
      lines.push(t(language, 'bot.survey.chooseSeveral'));
      if (chosen.length)
        lines.push(
          t(language, 'bot.survey.chosen', {
            choices: formatList(
              chosen.map((id) => t(language, optionKey(optionListOf(question), id))),
              language,
            ),
          }),
        );
      actions = optionButtons(language, optionListOf(question), chosen);
      if (chosen.length || !question.required)
        actions.push(button(t(language, 'bot.survey.done'), { survey: 'done' }));
      break;
    }
    case 'places': {
      const chosen = (value as string[] | undefined) ?? [];
      lines.push(t(language, 'bot.survey.placesHowTo'));
      if (chosen.length)
        lines.push(
          t(language, 'bot.survey.chosen', {
            choices: formatList(
              chosen.map((id) => placeLabel(language, id)),
              language,
            ),
          }),
        );
      actions = ['whole-county', 'wuerzburg-city', 'online'].map((id) =>
        button(`${chosen.includes(id) ? '✓ ' : ''}${placeLabel(language, id)}`, {
          survey: 'option',
          option: id,
        }),
      );
      if (chosen.length) actions.push(button(t(language, 'bot.survey.done'), { survey: 'done' }));
      break;
    }
  }
  replies.push({ text: lines.join('\n'), language, ...(actions.length ? { actions } : {}) });
  return replies;
}

function summary(language: Language, draft: ResponseDraft): Reply[] {
  return [
    {
      text: `${t(language, 'bot.survey.summary')}\n\n${answersAsText(language, draft.answers, draft.contact)}`,
      language,
    },
    { text: t(language, 'bot.survey.changeInForm'), language },
    {
      text: t(language, 'bot.survey.confirmSubmit'),
      language,
      actions: [
        button(t(language, 'bot.survey.submit'), { survey: 'submit' }),
        button(t(language, 'bot.survey.pauseButton'), { survey: 'pause' }),
      ],
    },
  ];
}

/** The step's buttons, so that typing a button's title works like pressing it (text-only channels). */
function pressed(replies: Reply[], incoming: Incoming): Record<string, string> | undefined {
  const value = incoming.value as Record<string, unknown> | undefined;
  if (value && typeof value.survey === 'string') {
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  }
  const text = normalized(incoming.text);
  if (!text) return undefined;
  const actions = replies.flatMap((reply) => reply.actions ?? []);
  return actions.find((action) => normalized(action.title) === text)?.value;
}

// Answers.

type Outcome =
  | { kind: 'set'; value: unknown; advance: boolean }
  | { kind: 'advance' }
  | { kind: 'invalid'; message: string };

function reasonFor(language: Language, field: string, issues: Parameters<typeof fieldIssuesOf>[0]): string {
  const name = field.split('.').at(-1);
  if (name === 'email') return t(language, 'validation.invalid_format_email');
  if (name === 'url') return t(language, 'validation.invalid_format_url');
  if (name === 'phone') return t(language, 'surveyForm.errors.phone');
  const [issue] = fieldIssuesOf(issues, '');
  const key = `validation.${issue?.code ?? 'invalid'}` as MessageKey;
  const text = t(language, key, issue?.params);
  return text === key ? t(language, 'validation.invalid') : text;
}

function toggled(list: readonly string[], chosen: readonly string[], id: string): string[] {
  const next = new Set(chosen);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return list.filter((option) => next.has(option));
}

function interpret(
  language: Language,
  step: Exclude<Step, { kind: 'addOffering' }>,
  value: unknown,
  press: Record<string, string> | undefined,
  text: string,
): Outcome {
  const question = step.question;
  switch (question.kind) {
    case 'text': {
      if (press?.survey === 'keep' && isAnswered(value)) return { kind: 'advance' };
      if (press?.survey === 'skip' && !question.required) return { kind: 'set', value: '', advance: true };
      const typed = question.field === 'url' ? completeUrl(text) : text;
      const parsed = schemaOf(question.field, step.kind === 'offering').safeParse(typed);
      if (!parsed.success)
        return { kind: 'invalid', message: reasonFor(language, question.field, parsed.error.issues) };
      if (question.required && parsed.data === '')
        return { kind: 'invalid', message: t(language, 'validation.required') };
      return { kind: 'set', value: parsed.data, advance: true };
    }
    case 'choice': {
      const options: readonly string[] = optionLists[optionListOf(question)];
      if (press?.survey === 'option' && press.option && options.includes(press.option))
        return { kind: 'set', value: press.option, advance: true };
      return { kind: 'invalid', message: t(language, 'surveyForm.errors.chooseOne') };
    }
    case 'yesNo':
    case 'consent':
      if (press?.survey === 'yes' || press?.survey === 'no')
        return { kind: 'set', value: press.survey === 'yes', advance: true };
      return { kind: 'invalid', message: t(language, 'surveyForm.errors.chooseOne') };
    case 'choices': {
      const options: readonly string[] = optionLists[optionListOf(question)];
      const chosen = (value as string[] | undefined) ?? [];
      if (press?.survey === 'done') {
        if (question.required && chosen.length === 0)
          return { kind: 'invalid', message: t(language, 'surveyForm.errors.chooseAtLeastOne') };
        return { kind: 'advance' };
      }
      if (press?.survey === 'option' && press.option && options.includes(press.option))
        return { kind: 'set', value: toggled(options, chosen, press.option), advance: false };
      return { kind: 'invalid', message: t(language, 'surveyForm.errors.chooseAtLeastOne') };
    }
    case 'places': {
      const chosen = (value as string[] | undefined) ?? [];
      if (press?.survey === 'done') {
        if (chosen.length === 0)
          return { kind: 'invalid', message: t(language, 'surveyForm.errors.chooseAtLeastOne') };
        return { kind: 'advance' };
      }
      if (press?.survey === 'option' && press.option && placeIds.includes(press.option))
        return { kind: 'set', value: toggled(placeIds, chosen, press.option), advance: false };
      const named = placesNamed(text);
      if (named.unknown.length > 0)
        return {
          kind: 'invalid',
          message: t(language, 'bot.survey.placesUnknown', { names: formatList(named.unknown, language) }),
        };
      if (named.ids.length === 0)
        return { kind: 'invalid', message: t(language, 'surveyForm.errors.chooseAtLeastOne') };
      const all = new Set([...chosen, ...named.ids]);
      return { kind: 'set', value: placeIds.filter((id) => all.has(id)), advance: false };
    }
  }
}

function applyValue(draft: ResponseDraft, step: Step, value: unknown, noticeVersion: string): ResponseDraft {
  if (step.kind === 'question' && step.question.kind === 'consent') {
    // The rest of the privacy part (the consent to quote) is kept as answered.
    const { quoteConsent } = draft.answers.privacy;
    return withValue(draft, 'answers.privacy', {
      ...(value === true ? { accepted: true, noticeVersion } : { accepted: false }),
      ...(quoteConsent === undefined ? {} : { quoteConsent }),
    });
  }
  if (step.kind === 'question') return withApplicableOnly(withValue(draft, step.question.field, value));
  if (step.kind === 'offering') {
    const offerings = draft.answers.offerings.map((offering) =>
      offering.offeringId === step.offeringId ? { ...offering, [step.question.field]: value } : offering,
    );
    return withApplicableOnly({ ...draft, answers: { ...draft.answers, offerings } });
  }
  return draft;
}

// The dialog.

interface Loaded {
  draft: ResponseDraft;
  version: number;
  privacyNoticeVersion: string;
  survey: { title: string; opensAt: string; closesAt: string; closed: boolean };
  institutionName: string;
}

/** A response that cannot be answered (unknown or retired code, closed survey): what to say. */
function refusal(language: Language, error: unknown): Reply | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const key: MessageKey | undefined = {
    not_found: 'bot.survey.codeUnknown' as const,
    gone: 'bot.survey.codeGone' as const,
    closed: 'bot.survey.closed' as const,
  }[error.code as string];
  return key ? { text: t(language, key), language } : undefined;
}

async function load(deps: SurveyDialogDeps, token: string): Promise<Loaded> {
  const response = await loadResponse(deps, token);
  return {
    draft: { answers: response.answers, contact: response.contact ?? emptyContact() },
    version: response.version,
    privacyNoticeVersion: response.privacyNoticeVersion,
    survey: response.survey,
    institutionName: response.invitation.institutionName,
  };
}

class SurveyConversation {
  readonly replies: Reply[] = [];
  constructor(
    readonly deps: SurveyDialogDeps,
    readonly state: ConversationState,
    public language: Language,
  ) {}

  /** "English please", "Türkçe": a request for another language, where no button or text answer fits. */
  switchLanguage(text: string): boolean {
    const requested = requestedLanguage(text);
    if (!requested) return false;
    this.language = requested;
    this.state.language = requested;
    this.state.languageChosen = true;
    this.say('bot.languageChanged');
    return true;
  }

  say(key: MessageKey, params?: MessageParams, actions?: Action[]): void {
    this.replies.push({
      text: t(this.language, key, params),
      language: this.language,
      ...(actions ? { actions } : {}),
    });
  }

  end(): void {
    delete this.state.survey;
  }

  dialog(): SurveyDialogState {
    if (!this.state.survey) throw new Error('no survey dialog');
    return this.state.survey;
  }

  /** Asks `step`, or shows the summary when every question is answered. */
  go(loaded: Loaded, step: Step | undefined, previous: string | undefined): void {
    const dialog = this.dialog();
    if (!step) {
      this.toSummary(loaded);
      return;
    }
    dialog.step = step.key;
    this.replies.push(
      ...ask(this.language, loaded.draft, step, {
        previous,
        privacyNoticeVersion: loaded.privacyNoticeVersion,
        publicBaseUrl: this.deps.publicBaseUrl,
      }),
    );
  }

  /** Before the summary: the same completeness check as the form and the server. */
  toSummary(loaded: Loaded): void {
    const dialog = this.dialog();
    const missing = requireComplete(loaded.draft.answers, loaded.draft.contact).find(
      (answer) => answer.code === 'required',
    );
    if (missing) {
      const step = stepForField(loaded.draft, missing.field);
      if (step) {
        this.say('bot.survey.missing');
        dialog.step = step.key;
        dialog.fixing = true;
        this.replies.push(
          ...ask(this.language, loaded.draft, step, {
            previous: undefined,
            privacyNoticeVersion: loaded.privacyNoticeVersion,
            publicBaseUrl: this.deps.publicBaseUrl,
          }),
        );
        return;
      }
    }
    dialog.step = 'summary';
    delete dialog.fixing;
    this.replies.push(...summary(this.language, loaded.draft));
  }

  /** A code was given: open the response and start at its first open question. */
  async open(token: string): Promise<void> {
    let loaded: Loaded;
    try {
      loaded = await load(this.deps, token);
    } catch (error) {
      const reply = refusal(this.language, error);
      if (!reply) throw error;
      this.replies.push(reply);
      if (error instanceof DomainError && error.code === 'not_found') {
        this.state.survey = { step: 'code', version: 0, paused: false };
      } else this.end();
      return;
    }
    if (this.endedBecauseClosed(loaded)) return;
    if (this.deps.now().getTime() < Date.parse(loaded.survey.opensAt)) {
      this.say('bot.survey.notOpenYet', { opensAt: formatDateTime(loaded.survey.opensAt, this.language) });
      this.end();
      return;
    }
    this.state.survey = { token, version: loaded.version, step: 'code', paused: false };
    this.say('bot.survey.started', { institution: loaded.institutionName, title: loaded.survey.title });
    this.go(loaded, resumeStep(loaded.draft, undefined), undefined);
  }

  /** The response behind the link, or undefined once the person was told why it cannot go on. */
  private async loadOpen(token: string): Promise<Loaded | undefined> {
    let loaded: Loaded;
    try {
      loaded = await load(this.deps, token);
    } catch (error) {
      this.refuse(error);
      return undefined;
    }
    return this.endedBecauseClosed(loaded) ? undefined : loaded;
  }

  private endedBecauseClosed(loaded: Loaded): boolean {
    if (!loaded.survey.closed) return false;
    this.say('bot.survey.closed');
    this.end();
    return true;
  }

  /** Says why the response cannot go on (revoked, gone, …) and ends; an error with no such reason is thrown on. */
  private refuse(error: unknown): void {
    const reply = refusal(this.language, error);
    if (!reply) throw error;
    this.replies.push(reply);
    this.end();
  }

  /** Back after a pause, in chat: reload (the web form may have saved since) and ask the first open question. */
  async resume(greeting: MessageKey = 'bot.survey.resumed'): Promise<void> {
    const dialog = this.dialog();
    if (!dialog.token) return this.askCode();
    const loaded = await this.loadOpen(dialog.token);
    if (!loaded) return;
    dialog.paused = false;
    dialog.version = loaded.version;
    this.say(greeting);
    this.go(loaded, dialog.step === 'summary' ? undefined : resumeStep(loaded.draft, dialog.step), undefined);
  }

  askCode(): void {
    this.state.survey = { step: 'code', version: 0, paused: false };
    this.say('bot.survey.askCode', undefined, [
      button(t(this.language, 'bot.survey.cancel'), { survey: 'cancel' }),
    ]);
  }

  pause(): void {
    const dialog = this.dialog();
    if (!dialog.token) {
      this.cancel();
      return;
    }
    dialog.paused = true;
    this.say('bot.survey.paused');
  }

  cancel(): void {
    this.end();
    this.say('bot.survey.cancelled');
  }

  /** One answer to the question being asked. */
  async answer(incoming: Incoming): Promise<void> {
    const dialog = this.dialog();
    const token = dialog.token;
    if (!token) {
      const code = invitationCodeIn(incoming.text);
      if (code) await this.open(code);
      else if (this.switchLanguage(incoming.text)) this.askCode();
      else
        this.say('bot.survey.codeInvalid', undefined, [
          button(t(this.language, 'bot.survey.cancel'), { survey: 'cancel' }),
        ]);
      return;
    }
    const loaded = await this.loadOpen(token);
    if (!loaded) return;
    // Saved elsewhere since (the web form, another chat): the answer was given to an older state.
    if (loaded.version !== dialog.version) {
      this.changedElsewhere(loaded);
      return;
    }
    if (dialog.step === 'summary') {
      await this.confirm(loaded, incoming);
      return;
    }
    const step = stepsOf(loaded.draft).find((candidate) => candidate.key === dialog.step);
    if (!step) {
      this.go(loaded, resumeStep(loaded.draft, dialog.step), undefined);
      return;
    }
    const shown = ask(this.language, loaded.draft, step, {
      previous: step.key,
      privacyNoticeVersion: loaded.privacyNoticeVersion,
      publicBaseUrl: this.deps.publicBaseUrl,
    });
    const press = pressed(shown, incoming);
    const expectsText = step.kind !== 'addOffering' && step.question.kind === 'text';
    if (!press && !expectsText && this.switchLanguage(incoming.text)) {
      this.go(loaded, step, undefined);
      return;
    }
    if (step.kind === 'addOffering') {
      await this.addOffering(loaded, press);
      return;
    }
    const outcome = interpret(
      this.language,
      step,
      stepValue(loaded.draft, step),
      press,
      incoming.text.trim(),
    );
    if (outcome.kind === 'invalid') {
      this.replies.push({
        text: t(this.language, 'bot.survey.invalidAnswer', { reason: outcome.message }),
        language: this.language,
      });
      this.replies.push(...shown);
      return;
    }
    if (
      step.kind === 'question' &&
      step.question.kind === 'consent' &&
      outcome.kind === 'set' &&
      outcome.value !== true
    ) {
      this.say('bot.survey.privacyDeclined');
      this.end();
      return;
    }
    let draft = loaded.draft;
    if (outcome.kind === 'set') {
      draft = applyValue(loaded.draft, step, outcome.value, loaded.privacyNoticeVersion);
      if (!(await this.save(draft))) return;
    }
    const next = { ...loaded, draft };
    if (outcome.kind === 'set' && !outcome.advance) {
      this.go(
        next,
        stepsOf(draft).find((candidate) => candidate.key === step.key),
        step.key,
      );
      return;
    }
    // A response never saved before: its name was only suggested from the invitation, so confirm it.
    if (step.kind === 'question' && step.question.kind === 'consent' && loaded.version === 0) {
      this.go(
        next,
        stepsOf(draft).find((candidate) => candidate.key === 'answers.institution.name'),
        step.key,
      );
      return;
    }
    // Answering what the summary found missing: back to the summary, not through the rest again.
    if (this.dialog().fixing) this.toSummary(next);
    else this.go(next, nextStep(draft, step.key), step.key);
  }

  async addOffering(loaded: Loaded, press: Record<string, string> | undefined): Promise<void> {
    if (press?.survey === 'no') {
      this.go(loaded, nextStep(loaded.draft, 'offerings.add'), 'offerings.add');
      return;
    }
    if (press?.survey !== 'yes') {
      this.replies.push({
        text: t(this.language, 'bot.survey.invalidAnswer', {
          reason: t(this.language, 'surveyForm.errors.chooseOne'),
        }),
        language: this.language,
      });
      this.go(
        loaded,
        stepsOf(loaded.draft).find((step) => step.key === 'offerings.add'),
        'offerings.add',
      );
      return;
    }
    const offering = emptyOffering(this.deps.newId(), this.language);
    const draft = {
      ...loaded.draft,
      answers: { ...loaded.draft.answers, offerings: [...loaded.draft.answers.offerings, offering] },
    };
    if (!(await this.save(draft))) return;
    // The text language has a default (the chat's language), so it is asked explicitly here.
    this.go(
      { ...loaded, draft },
      stepsOf(draft).find((step) => step.key === `offerings.${offering.offeringId}.textLanguage`),
      'offerings.add',
    );
  }

  /** Saves with the version this conversation saw; another device's save in between is not overwritten. */
  async save(draft: ResponseDraft): Promise<boolean> {
    const dialog = this.dialog();
    try {
      const saved = await saveDraft(this.deps, dialog.token ?? '', {
        answers: draft.answers,
        contact: draft.contact,
        version: dialog.version,
        language: this.language,
      });
      dialog.version = saved.version;
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'version_conflict') {
        this.changedElsewhere(await load(this.deps, dialog.token ?? ''));
        return false;
      }
      this.refuse(error);
      return false;
    }
  }

  changedElsewhere(latest: Loaded): void {
    const dialog = this.dialog();
    dialog.version = latest.version;
    this.say('bot.survey.changedElsewhere');
    this.go(latest, dialog.step === 'summary' ? undefined : resumeStep(latest.draft, dialog.step), undefined);
  }

  async confirm(loaded: Loaded, incoming: Incoming): Promise<void> {
    const dialog = this.dialog();
    const press = pressed(summary(this.language, loaded.draft), incoming);
    if (!press && this.switchLanguage(incoming.text)) {
      this.toSummary(loaded);
      return;
    }
    if (press?.survey !== 'submit') {
      this.toSummary(loaded);
      return;
    }
    try {
      const submitted = await submitResponse(
        this.deps,
        dialog.token ?? '',
        { version: dialog.version },
        'chat',
      );
      this.end();
      this.say('bot.survey.submitted', {
        number: submitted.submissionNumber,
        closesAt: formatDateTime(loaded.survey.closesAt, this.language),
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'version_conflict') {
        this.changedElsewhere(await load(this.deps, dialog.token ?? ''));
        return;
      }
      if (error instanceof DomainError && error.code === 'validation') {
        this.toSummary(loaded);
        return;
      }
      this.refuse(error);
    }
  }
}

function stepForField(draft: ResponseDraft, field: string): Step | undefined {
  const steps = stepsOf(draft);
  const offering = /^answers\.offerings\.(\d+)\.(\w+)$/.exec(field);
  if (offering) {
    const id = draft.answers.offerings[Number(offering[1])]?.offeringId;
    return steps.find((step) => step.key === `offerings.${id}.${offering[2]}`);
  }
  // The notice's version is set by accepting the notice.
  if (field === 'answers.privacy.noticeVersion') return steps.find((step) => step.key === privacyField);
  return steps.find((step) => step.key === field);
}

/** Starts (or resumes) the survey dialog from the menu, a trigger word or a pasted invitation link. */
export async function startSurveyDialog(
  deps: SurveyDialogDeps,
  state: ConversationState,
  language: Language,
  text: string,
): Promise<Reply[]> {
  const conversation = new SurveyConversation(deps, state, language);
  const code = invitationCodeIn(text);
  if (code) await conversation.open(code);
  else if (state.survey?.token) await conversation.resume();
  else conversation.askCode();
  return conversation.replies;
}

/** A turn while the survey dialog is active: pause, cancel, a language button, or an answer. */
export async function surveyDialogTurn(
  deps: SurveyDialogDeps,
  state: ConversationState,
  incoming: Incoming,
): Promise<{ replies: Reply[]; state: ConversationState }> {
  const next: ConversationState = { ...state, ...(state.survey ? { survey: { ...state.survey } } : {}) };
  const value = (incoming.value ?? {}) as Record<string, unknown>;
  const chosen = isLanguage(value.lang) ? value.lang : undefined;
  if (chosen) {
    next.language = chosen;
    next.languageChosen = true;
  }
  const language: Language = next.language ?? 'de';
  const conversation = new SurveyConversation(deps, next, language);
  const words = normalized(incoming.text);
  if (
    value.survey === 'cancel' ||
    (!value.survey && words && phrases(language, 'bot.survey.triggersCancel').includes(words))
  )
    conversation.cancel();
  else if (
    value.survey === 'pause' ||
    (!value.survey && words && phrases(language, 'bot.survey.triggersPause').includes(words))
  )
    conversation.pause();
  else if (chosen) {
    if (next.survey?.token) await conversation.resume('bot.languageChanged');
    else {
      conversation.say('bot.languageChanged');
      conversation.askCode();
    }
  } else await conversation.answer(incoming);
  return { replies: conversation.replies, state: next };
}
