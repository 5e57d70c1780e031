import type { SurveyAnswers } from '../../../../../functions/survey/questionnaire';
import { useI18n } from '../../../i18n';
import { patchSection, toggleChoice } from '../answers';
import { fieldIds } from '../field-paths';
import { MultiChoiceGroup, TextField } from '../fields';
import { useSurveyForm } from '../form-context';
import { choiceOptions, optionGroups } from '../labels';
import { maxLengths } from '../limits';
import { Section } from './section';

/** Needs and gaps: where something is missing, and what would help most (all optional). */
export function NeedsSection() {
  const { t } = useI18n();
  const { draft, changeAnswers, errors } = useSurveyForm();
  const needs = draft.answers.needs;
  const set = (patch: Partial<SurveyAnswers['needs']>) =>
    changeAnswers((current) => patchSection(current, 'needs', patch));
  const id = fieldIds.needs;
  return (
    <Section id="survey-needs" title={t('questionnaire.needs.title')} intro={t('questionnaire.needs.intro')}>
      <MultiChoiceGroup
        id={id('categories')}
        legend={t('questionnaire.needs.categories.label')}
        options={choiceOptions(t, 'needCategories')}
        values={needs.categories}
        optional
        error={errors[id('categories')]}
        columns
        onToggle={(value, on) =>
          set({ categories: toggleChoice(optionGroups.needCategories, needs.categories, value, on) })
        }
      />
      <TextField
        id={id('description')}
        label={t('questionnaire.needs.description.label')}
        hint={t('questionnaire.needs.description.hint')}
        value={needs.description}
        maxLength={maxLengths.needs.description}
        multiline
        optional
        error={errors[id('description')]}
        onInput={(description) => set({ description })}
      />
      <TextField
        id={id('mostHelpful')}
        label={t('questionnaire.needs.mostHelpful.label')}
        value={needs.mostHelpful}
        maxLength={maxLengths.needs.mostHelpful}
        multiline
        optional
        error={errors[id('mostHelpful')]}
        onInput={(mostHelpful) => set({ mostHelpful })}
      />
    </Section>
  );
}
