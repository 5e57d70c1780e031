import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { type FieldErrors, type FieldMessage, messageText } from './field-messages';

/** Puts the focus on the first control with an error (errors are keyed by control id); false if none. */
export function focusFirstError(errors: FieldErrors): boolean {
  const first = Object.keys(errors)[0];
  if (first) document.getElementById(first)?.focus();
  return first !== undefined;
}

/**
 * The form's controls. Each is labelled, tied to its hint and error by `aria-describedby`, marked
 * `aria-invalid` when wrong, and groups of choices are fieldsets with a legend. Errors and hints have
 * the ids `<id>-error` and `<id>-hint`.
 */

interface Described {
  id: string;
  hint?: string | undefined;
  error?: FieldMessage | undefined;
  /** Questions that may stay empty say so; all others are needed to submit. */
  optional?: boolean;
}

function describedBy(props: Described): string | undefined {
  return (
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

function OptionalMark(props: { optional?: boolean | undefined }) {
  const { t } = useI18n();
  return props.optional ? <span class="survey-optional"> ({t('surveyForm.optional')})</span> : null;
}

function HintAndError(props: Described) {
  const { t } = useI18n();
  return (
    <>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={`${props.id}-error`}>
          {messageText(props.error, t)}
        </p>
      )}
    </>
  );
}

export interface TextFieldProps extends Described {
  label: string;
  value: string;
  onInput(value: string): void;
  onBlur?(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'url';
  maxLength?: number | undefined;
  autoComplete?: string;
  multiline?: boolean;
  /** The language and direction of what is typed, when known (an offering's text language). */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}

export function TextField(props: TextFieldProps) {
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    maxLength: props.maxLength,
    'aria-describedby': describedBy(props),
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-required': props.optional ? undefined : ('true' as const),
    lang: props.lang,
    dir: props.dir ?? 'auto',
  };
  return (
    <div class="field survey-field">
      <label for={props.id}>
        {props.label}
        <OptionalMark optional={props.optional} />
      </label>
      <HintAndError {...props} />
      {props.multiline ? (
        <textarea
          {...common}
          rows={5}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onBlur={(event) => props.onBlur?.(event.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          // Preact types each input type apart; all four are plain text boxes here.
          type={(props.type ?? 'text') as 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          spellcheck={props.type === 'email' || props.type === 'url' ? false : undefined}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onBlur={(event) => props.onBlur?.(event.currentTarget.value)}
        />
      )}
    </div>
  );
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  /** A proper name or other text in its own language. */
  lang?: string;
}

interface GroupProps extends Described {
  legend: string;
  children: ComponentChildren;
  class?: string;
}

/** A fieldset: the legend is the question, hint and error follow it, then the choices. */
export function Group(props: GroupProps) {
  return (
    <fieldset
      id={props.id}
      class={`survey-group ${props.class ?? ''}`.trim()}
      aria-describedby={describedBy(props)}
    >
      <legend>
        {props.legend}
        <OptionalMark optional={props.optional} />
      </legend>
      <HintAndError {...props} />
      {props.children}
    </fieldset>
  );
}

export function ChoiceGroup<T extends string>(
  props: Described & {
    legend: string;
    options: readonly ChoiceOption<T>[];
    value: T | undefined;
    onChange(value: T): void;
    columns?: boolean;
  },
) {
  return (
    <Group {...props}>
      <div class={props.columns ? 'survey-options survey-options--columns' : 'survey-options'}>
        {props.options.map((option) => (
          <div class="survey-option" key={option.value}>
            <input
              type="radio"
              id={`${props.id}-${option.value}`}
              name={props.id}
              value={option.value}
              checked={props.value === option.value}
              aria-invalid={props.error ? 'true' : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <label for={`${props.id}-${option.value}`} lang={option.lang}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </Group>
  );
}

export function MultiChoiceGroup<T extends string>(
  props: Described & {
    legend: string;
    options: readonly ChoiceOption<T>[];
    values: readonly T[];
    onToggle(value: T, on: boolean): void;
    columns?: boolean;
  },
) {
  return (
    <Group {...props}>
      <div class={props.columns ? 'survey-options survey-options--columns' : 'survey-options'}>
        {props.options.map((option) => (
          <Checkbox
            key={option.value}
            id={`${props.id}-${option.value}`}
            label={option.label}
            lang={option.lang}
            checked={props.values.includes(option.value)}
            invalid={Boolean(props.error)}
            onChange={(on) => props.onToggle(option.value, on)}
          />
        ))}
      </div>
    </Group>
  );
}

export function Checkbox(props: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange(checked: boolean): void;
  invalid?: boolean;
  lang?: string | undefined;
  describedBy?: string | undefined;
}) {
  return (
    <div class="survey-option">
      <input
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.checked}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id} lang={props.lang}>
        {props.label}
      </label>
    </div>
  );
}

/** One checkbox that is a question of its own (consent), with its hint and error. */
export function ConsentField(
  props: Described & { label: string; checked: boolean; onChange(checked: boolean): void },
) {
  return (
    <div class="field survey-field survey-consent">
      <Checkbox
        id={props.id}
        label={
          <>
            {props.label}
            <OptionalMark optional={props.optional} />
          </>
        }
        checked={props.checked}
        invalid={Boolean(props.error)}
        describedBy={describedBy(props)}
        onChange={props.onChange}
      />
      <HintAndError {...props} />
    </div>
  );
}

export function SelectField<T extends string>(
  props: Described & {
    label: string;
    options: readonly ChoiceOption<T>[];
    value: T;
    onChange(value: T): void;
  },
) {
  return (
    <div class="field survey-field">
      <label for={props.id}>
        {props.label}
        <OptionalMark optional={props.optional} />
      </label>
      <HintAndError {...props} />
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value as T)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
