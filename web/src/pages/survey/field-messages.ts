import type { MessageKey, MessageParams } from '../../../../functions/shared/i18n/messages';
import type { MissingAnswer } from '../../../../functions/survey/questionnaire';

/**
 * What the form says next to a field. Messages the form finds itself are kept as keys, so they follow
 * a change of language; the API's reasons arrive already translated and are kept as text.
 */
export type FieldMessage = { key: MessageKey; params?: MessageParams } | { text: string };

/** Field errors by the id of the control (see field-paths.ts). */
export type FieldErrors = Record<string, FieldMessage>;

const singleChoices = new Set(['sector', 'type', 'category', 'cost', 'status', 'willing', 'textLanguage']);
const multipleChoices = new Set(['places', 'targetGroups', 'languages', 'steps', 'categories', 'topics']);

function lastSegment(field: string): string {
  return field.split('.').at(-1) ?? field;
}

/** The message for a question left unanswered, worded for the kind of question it is. */
export function requiredMessage(field: string): FieldMessage {
  const name = lastSegment(field);
  if (field.startsWith('answers.privacy.')) return { key: 'surveyForm.errors.privacy' };
  if (singleChoices.has(name)) return { key: 'surveyForm.errors.chooseOne' };
  if (multipleChoices.has(name)) return { key: 'surveyForm.errors.chooseAtLeastOne' };
  return { key: 'validation.required' };
}

export function missingAnswerMessage(missing: MissingAnswer): FieldMessage {
  return missing.code === 'required'
    ? requiredMessage(missing.field)
    : { key: 'surveyForm.errors.notApplicable' };
}

/** Fields with a format of their own: what to say when the format is wrong. */
export function formatMessage(field: string): FieldMessage | undefined {
  switch (lastSegment(field)) {
    case 'email':
      return { key: 'validation.invalid_format_email' };
    case 'url':
      return { key: 'validation.invalid_format_url' };
    case 'phone':
      return { key: 'surveyForm.errors.phone' };
    default:
      return undefined;
  }
}

/** The shape of a zod issue this form needs (zod's own type is a wide union). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  maximum?: number | bigint;
}

export function schemaIssueMessage(field: string, issue: SchemaIssue): FieldMessage {
  if (issue.code === 'too_big' && issue.maximum !== undefined) {
    const maximum = Number(issue.maximum);
    return issue.origin === 'array'
      ? { key: 'validation.too_many', params: { maximum } }
      : { key: 'validation.too_long', params: { maximum } };
  }
  return formatMessage(field) ?? { key: 'validation.invalid' };
}

/** An issue from the API's 400 answer: the form's own wording where it has one, else the API's reason. */
export function problemIssueMessage(issue: { field: string; code: string; reason: string }): FieldMessage {
  if (issue.code === 'required') return requiredMessage(issue.field);
  if (issue.code === 'not_applicable') return { key: 'surveyForm.errors.notApplicable' };
  return { text: issue.reason };
}

export function messageText(
  message: FieldMessage,
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  return 'text' in message ? message.text : t(message.key, message.params);
}

/**
 * A short public form checked against the API's own schema: the first issue of each field becomes the
 * message next to its control (`fieldIds`), "required" while the field is empty, else its format's message.
 */
export function shortFormErrors<Field extends string>(
  issues: readonly SchemaIssue[],
  values: Readonly<Record<Field, unknown>>,
  fieldIds: Readonly<Partial<Record<Field, string>>>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0]) as Field;
    const id = fieldIds[field];
    if (!id || errors[id]) continue;
    const value = values[field];
    const empty = typeof value !== 'string' || value.trim() === '';
    errors[id] = (!empty && formatMessage(field)) || { key: 'validation.required' };
  }
  return errors;
}
