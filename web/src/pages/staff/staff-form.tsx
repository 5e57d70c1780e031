import { useState } from 'preact/hooks';
import { type Language, languages } from '../../../../functions/shared/i18n/languages';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { fieldProblem } from './staff-api';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** The same rough check as the API's, so a mistyped address is caught before the request. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/**
 * What the console's create and invite forms share: their values, the text fields' errors tied to
 * the inputs (ids `<idPrefix>-<field>` and `<idPrefix>-<field>-error`), the form's error after a failed
 * request, the busy flag and the request's idempotency key. `textFields` are in the form's order, so
 * the first wrong one gets the focus.
 */
export function useStaffForm<Field extends string, Values extends Record<Field, string>>(options: {
  idPrefix: string;
  formErrorId: string;
  textFields: readonly Field[];
  initial: Values;
}) {
  const { t } = useI18n();
  const { idPrefix, formErrorId, textFields } = options;
  const [values, setValues] = useState(options.initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();

  /** Shows what the form's own checks found; true if nothing, else the first wrong field has the focus. */
  function accept(found: FieldErrors<Field>): boolean {
    setErrors(found);
    setFormError(undefined);
    const first = textFields.find((field) => found[field]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    return !first;
  }

  /**
   * Sends the form's request with its idempotency key. On failure (but a 401, which ends the session)
   * the API's reasons are shown at their fields and its detail as the form's error, and undefined is returned.
   */
  async function send<T>(request: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    try {
      const result = await request(idempotency.current());
      idempotency.settled();
      return result;
    } catch (error) {
      idempotency.settled(error);
      if (error instanceof ApiError && error.status === 401) return undefined;
      setErrors(
        Object.fromEntries(
          textFields.map((field) => [field, fieldProblem(error, field)]),
        ) as FieldErrors<Field>,
      );
      setFormError(failureText(error, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById(formErrorId)?.focus());
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  /** A text field's id, name, value and input handler, its error (and a hint, if given) as its description. */
  const inputProps = (field: Field, hintId?: string) => ({
    id: `${idPrefix}-${field}`,
    name: field,
    value: values[field],
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby':
      [hintId ?? '', errors[field] ? `${idPrefix}-${field}-error` : ''].filter(Boolean).join(' ') ||
      undefined,
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });

  const fieldError = (field: Field) =>
    errors[field] && (
      <p class="field__error" id={`${idPrefix}-${field}-error`}>
        {errors[field]}
      </p>
    );

  const formErrorNotice = () =>
    formError && (
      <p class="form__error" id={formErrorId} role="alert" tabIndex={-1}>
        {formError}
      </p>
    );

  return { values, setValues, busy, accept, send, inputProps, fieldError, formErrorNotice };
}

/** The language an invitation is written in, each named in itself. */
export function LanguageSelect(props: {
  id: string;
  name?: string;
  describedBy?: string;
  value: Language;
  onChange: (language: Language) => void;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      aria-describedby={props.describedBy}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value as Language)}
    >
      {languages.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.endonym}
        </option>
      ))}
    </select>
  );
}
