import {
  ContactPerson,
  emptyAnswers,
  emptyOffering,
  Offering,
  requireComplete,
  SurveyAnswers,
} from '../../../../functions/survey/questionnaire';
import { type Draft, emptyContact, trimmed } from './answers';
import {
  type FieldErrors,
  type FieldMessage,
  formatMessage,
  missingAnswerMessage,
  problemIssueMessage,
  schemaIssueMessage,
} from './field-messages';
import { fieldDomId, fieldOrder } from './field-paths';

/** Errors not tied to one control (the API named a field the form does not show). */
export const generalErrorId = 'survey-form-general';

/**
 * Everything that keeps a draft from being submitted, with the same schema and `requireComplete` the
 * API uses: first wrong formats (an e-mail address, a web address), then missing answers.
 */
export function validateForSubmit(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string | readonly PropertyKey[], message: FieldMessage) => {
    const id = fieldDomId(path, draft.answers) ?? generalErrorId;
    errors[id] ??= message;
  };
  const answers = SurveyAnswers.safeParse(draft.answers);
  const contact = ContactPerson.safeParse(draft.contact);
  for (const issue of answers.error?.issues ?? []) {
    const path = ['answers', ...issue.path];
    add(path, schemaIssueMessage(path.join('.'), issue));
  }
  for (const issue of contact.error?.issues ?? []) {
    const path = ['contact', ...issue.path];
    add(path, schemaIssueMessage(path.join('.'), issue));
  }
  const checked = requireComplete(
    answers.success ? answers.data : trimmed(draft.answers),
    contact.success ? contact.data : trimmed(draft.contact),
  );
  for (const missing of checked) add(missing.field, missingAnswerMessage(missing));
  return errors;
}

const formatSchemas = {
  email: ContactPerson.shape.email,
  phone: ContactPerson.shape.phone,
  url: Offering.shape.url,
} as const;

/** The format check of one field when it is left (e-mail, phone, web address); undefined when fine. */
export function formatError(kind: keyof typeof formatSchemas, value: string): FieldMessage | undefined {
  return formatSchemas[kind].safeParse(value).success ? undefined : formatMessage(kind);
}

/** Web addresses are often typed without their scheme; `www.example.de` means `https://www.example.de`. */
export function completeUrl(value: string): string {
  const trimmedValue = value.trim();
  if (trimmedValue === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmedValue)) return trimmedValue;
  return /^[^\s/]+\.[^\s/]+/.test(trimmedValue) ? `https://${trimmedValue}` : trimmedValue;
}

/** The API's field errors of a refused submission, by control id. */
export function problemErrors(
  issues: readonly { field: string; code: string; reason: string }[],
  answers: SurveyAnswers,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const id = fieldDomId(issue.field, answers) ?? generalErrorId;
    errors[id] ??= problemIssueMessage(issue);
  }
  return errors;
}

/** The errors in the order of the page, for the error summary. */
export function orderedErrors(errors: FieldErrors, answers: SurveyAnswers): [string, FieldMessage][] {
  const order = fieldOrder(answers);
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}

function setAt(target: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[String(key)] as Record<string, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[String(last)] = value;
}

/** The value a field had in the last saved copy, matching offerings by id, or the empty answer. */
function lastSavedValue(
  root: 'answers' | 'contact',
  path: readonly PropertyKey[],
  draft: Draft,
  saved: Draft,
) {
  if (root === 'contact') {
    const field = String(path[0]) as keyof Draft['contact'];
    return saved.contact[field] ?? emptyContact()[field];
  }
  const [section, second, third] = path.map(String);
  if (section === 'offerings') {
    const offeringId = draft.answers.offerings[Number(second)]?.offeringId;
    const field = third as keyof Offering;
    const before = saved.answers.offerings.find((offering) => offering.offeringId === offeringId);
    return (before ?? emptyOffering('00000000-0000-4000-8000-000000000000', 'de'))[field];
  }
  const empty = emptyAnswers() as unknown as Record<string, Record<string, unknown>>;
  const before = saved.answers as unknown as Record<string, Record<string, unknown>>;
  return before[section ?? '']?.[second ?? ''] ?? empty[section ?? '']?.[second ?? ''];
}

/**
 * What autosave may send: the draft, except that a field whose value the API would refuse (an e-mail
 * address still being typed) keeps its last saved value, so the rest is still saved. `invalid` names
 * the fields held back; undefined means the draft cannot be saved as it is.
 */
export function savableDraft(draft: Draft, saved: Draft): { draft: Draft; invalid: string[] } | undefined {
  const copy = structuredClone(draft);
  const invalid: string[] = [];
  const answerIssues = SurveyAnswers.safeParse(draft.answers).error?.issues ?? [];
  const contactIssues = ContactPerson.safeParse(draft.contact).error?.issues ?? [];
  for (const [root, issues] of [
    ['answers', answerIssues],
    ['contact', contactIssues],
  ] as const) {
    for (const issue of issues) {
      const depth = root === 'contact' ? 1 : issue.path[0] === 'offerings' ? 3 : 2;
      if (issue.path.length < depth) return undefined;
      const fieldPath = issue.path.slice(0, depth);
      const target = root === 'answers' ? copy.answers : copy.contact;
      setAt(
        target as unknown as Record<string, unknown>,
        fieldPath,
        lastSavedValue(root, fieldPath, draft, saved),
      );
      const id = fieldDomId([root, ...fieldPath], draft.answers);
      if (id && !invalid.includes(id)) invalid.push(id);
    }
  }
  if (!SurveyAnswers.safeParse(copy.answers).success || !ContactPerson.safeParse(copy.contact).success) {
    return undefined;
  }
  return { draft: copy, invalid };
}
