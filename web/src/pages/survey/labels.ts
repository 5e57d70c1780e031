import type { Language } from '../../../../functions/shared/i18n/languages';
import type { MessageKey, MessageParams } from '../../../../functions/shared/i18n/messages';
import { optionGroups, placeName } from '../../../../functions/survey/questionnaire';
import type { ChoiceOption } from './fields';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export { optionGroups };

type OptionGroups = typeof optionGroups;
export type OptionGroup = keyof OptionGroups;
export type OptionId<G extends OptionGroup> = OptionGroups[G][number];
type OptionKey<G extends OptionGroup> = `questionnaire.${G}.${OptionId<G>}`;

// Compiles only while every option of every list has its text in de.json.
type MissingOptionText = Exclude<{ [G in OptionGroup]: OptionKey<G> }[OptionGroup], MessageKey>;
export const everyOptionHasText: [MissingOptionText] extends [never] ? true : MissingOptionText = true;

export function optionLabel<G extends OptionGroup>(t: Translate, group: G, id: OptionId<G>): string {
  return t(`questionnaire.${group}.${id}` as MessageKey);
}

export function choiceOptions<G extends OptionGroup>(t: Translate, group: G): ChoiceOption<OptionId<G>>[] {
  return (optionGroups[group] as readonly OptionId<G>[]).map((value) => ({
    value,
    label: optionLabel(t, group, value),
  }));
}

/** A place as shown: municipalities and the city by their proper name (marked German), areas translated. */
export function placeLabel(t: Translate, id: string): { label: string; lang?: Language } {
  const name = placeName(id);
  if (name) return { label: name, lang: 'de' };
  return { label: t(`questionnaire.places.${id}` as MessageKey) };
}
