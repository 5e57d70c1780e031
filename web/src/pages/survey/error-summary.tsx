import { useEffect, useRef } from 'preact/hooks';
import type { SurveyAnswers } from '../../../../functions/survey/questionnaire';
import { useI18n } from '../../i18n';
import { fieldLabel } from './field-labels';
import { type FieldErrors, messageText } from './field-messages';
import { orderedErrors } from './validation';

/** Moves focus to a control (the first choice of a group), scrolled into the middle of the screen. */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches('input, select, textarea, button')
    ? element
    : (element.querySelector<HTMLElement>('input:checked, input, select, textarea, button') ?? element);
  target.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'center' });
}

/**
 * The list of what keeps the answers from being submitted, at the top of the form: it takes the focus
 * when it appears, and each entry links to its field.
 */
export function ErrorSummary(props: { errors: FieldErrors; answers: SurveyAnswers; focusKey: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const entries = orderedErrors(props.errors, props.answers);
  // Dependencies on purpose: a new submit attempt (focusKey) brings the summary into focus again.
  useEffect(() => {
    if (props.focusKey > 0) {
      ref.current?.focus();
      ref.current?.scrollIntoView({ block: 'start' });
    }
  }, [props.focusKey]);
  if (entries.length === 0) return null;
  return (
    <section class="survey-errors" tabIndex={-1} ref={ref} aria-labelledby="survey-errors-title">
      <h2 id="survey-errors-title">{t('surveyForm.errorSummaryTitle')}</h2>
      <ul>
        {entries.map(([id, message]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(id);
              }}
            >
              {fieldLabel(t, id, props.answers)}: {messageText(message, t)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
