import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SurveyAnswers } from '../../../../functions/survey/questionnaire';
import type { Draft } from './answers';
import type { FieldErrors } from './field-messages';

export type FormatKind = 'email' | 'phone' | 'url';

/** What every section of the questionnaire needs: the draft, a way to change it, and the errors. */
export interface SurveyFormContext {
  draft: Draft;
  change(update: (draft: Draft) => Draft): void;
  /** Shorthand for a change of the answers only. */
  changeAnswers(update: (answers: SurveyAnswers) => SurveyAnswers): void;
  errors: FieldErrors;
  /** Checks a field's format when it is left (or, once it shows an error, while it is corrected). */
  checkFormat(id: string, kind: FormatKind, value: string): void;
}

export const FormContext = createContext<SurveyFormContext | undefined>(undefined);

export function useSurveyForm(): SurveyFormContext {
  const context = useContext(FormContext);
  if (!context) throw new Error('useSurveyForm needs the questionnaire form around it');
  return context;
}
