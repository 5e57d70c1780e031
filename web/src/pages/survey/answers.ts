import type { Language } from '../../../../functions/shared/i18n/languages';
import {
  type ContactPerson,
  emptyOffering,
  type Offering,
  type SurveyAnswers,
} from '../../../../functions/survey/questionnaire';
import { applicableAnswers } from '../../../../functions/survey/questionnaire-flow';

/** The answers and the contact person as the form holds them: the contact is never null here. */
export interface Draft {
  answers: SurveyAnswers;
  contact: ContactPerson;
}

export function emptyContact(): ContactPerson {
  return { name: '', role: '', email: '', phone: '' };
}

/**
 * The answers with every question that does not apply emptied (`applies` in the questionnaire), so a
 * changed earlier answer never leaves a stale dependent one behind and `requireComplete` can pass.
 * The form runs every change through this; the chat uses the same function.
 */
export const withApplicableOnly = applicableAnswers;

type Section = Exclude<keyof SurveyAnswers, 'offerings'>;

/** One section's answers changed; dependent answers that no longer apply are emptied. */
export function patchSection<K extends Section>(
  answers: SurveyAnswers,
  section: K,
  patch: Partial<SurveyAnswers[K]>,
): SurveyAnswers {
  return withApplicableOnly({ ...answers, [section]: { ...answers[section], ...patch } });
}

export function patchOffering(
  answers: SurveyAnswers,
  offeringId: string,
  patch: Partial<Offering>,
): SurveyAnswers {
  return withApplicableOnly({
    ...answers,
    offerings: answers.offerings.map((offering) =>
      offering.offeringId === offeringId ? { ...offering, ...patch } : offering,
    ),
  });
}

export function addOffering(
  answers: SurveyAnswers,
  offeringId: string,
  textLanguage: Language,
): SurveyAnswers {
  return { ...answers, offerings: [...answers.offerings, emptyOffering(offeringId, textLanguage)] };
}

export function removeOffering(answers: SurveyAnswers, offeringId: string): SurveyAnswers {
  return {
    ...answers,
    offerings: answers.offerings.filter((offering) => offering.offeringId !== offeringId),
  };
}

/** Puts a removed offering back where it was. */
export function restoreOffering(answers: SurveyAnswers, offering: Offering, index: number): SurveyAnswers {
  const offerings = [...answers.offerings];
  offerings.splice(Math.min(index, offerings.length), 0, offering);
  return { ...answers, offerings };
}

/** Adds or removes one choice of a multiple choice, keeping the order of the option list. */
export function toggleChoice<T extends string>(
  options: readonly T[],
  chosen: readonly T[],
  value: T,
  on: boolean,
): T[] {
  const next = new Set(chosen);
  if (on) next.add(value);
  else next.delete(value);
  return options.filter((option) => next.has(option));
}

/** Every string trimmed, as the API stores it (its schemas trim), so drafts compare as the server sees them. */
export function trimmed<T>(value: T): T {
  if (typeof value === 'string') return value.trim() as T;
  if (Array.isArray(value)) return value.map((item) => trimmed(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, trimmed(item)]),
    ) as T;
  }
  return value;
}

/** Structural equality of JSON-like values (key order and `undefined` properties do not count). */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameContent(item, b[index]));
  }
  const left = Object.entries(a as Record<string, unknown>).filter(([, value]) => value !== undefined);
  const right = Object.entries(b as Record<string, unknown>).filter(([, value]) => value !== undefined);
  if (left.length !== right.length) return false;
  const other = b as Record<string, unknown>;
  return left.every(([key, value]) => sameContent(value, other[key]));
}

/** The same draft once both are trimmed as the API would store them. */
export function sameDraft(a: Draft, b: Draft): boolean {
  return sameContent(trimmed(a), trimmed(b));
}
