import { applies, type SurveyAnswers } from '../../../../../functions/survey/questionnaire';
import { useI18n } from '../../../i18n';
import { patchSection, toggleChoice } from '../answers';
import { fieldIds } from '../field-paths';
import { ChoiceGroup, MultiChoiceGroup, TextField } from '../fields';
import { useSurveyForm } from '../form-context';
import { choiceOptions, optionGroups } from '../labels';
import { maxLengths } from '../limits';
import { Section } from './section';

/** Intercultural opening: the status; the steps only unless it was not considered; obstacles. */
export function OpeningSection() {
  const { t } = useI18n();
  const { draft, changeAnswers, errors } = useSurveyForm();
  const { answers } = draft;
  const opening = answers.opening;
  const set = (patch: Partial<SurveyAnswers['opening']>) =>
    changeAnswers((current) => patchSection(current, 'opening', patch));
  const id = fieldIds.opening;
  return (
    <Section
      id="survey-opening"
      title={t('questionnaire.opening.title')}
      intro={t('questionnaire.opening.intro')}
    >
      <ChoiceGroup
        id={id('status')}
        legend={t('questionnaire.opening.status.label')}
        options={choiceOptions(t, 'openingStatuses')}
        value={opening.status}
        error={errors[id('status')]}
        onChange={(status) => set({ status })}
      />
      {applies.openingSteps(answers) && (
        <MultiChoiceGroup
          id={id('steps')}
          legend={t('questionnaire.opening.steps.label')}
          options={choiceOptions(t, 'openingSteps')}
          values={opening.steps}
          error={errors[id('steps')]}
          onToggle={(value, on) =>
            set({ steps: toggleChoice(optionGroups.openingSteps, opening.steps, value, on) })
          }
        />
      )}
      {applies.openingStepsOther(answers) && (
        <TextField
          id={id('stepsOther')}
          label={t('questionnaire.opening.stepsOther.label')}
          value={opening.stepsOther}
          maxLength={maxLengths.opening.stepsOther}
          error={errors[id('stepsOther')]}
          onInput={(stepsOther) => set({ stepsOther })}
        />
      )}
      <TextField
        id={id('obstacles')}
        label={t('questionnaire.opening.obstacles.label')}
        value={opening.obstacles}
        maxLength={maxLengths.opening.obstacles}
        multiline
        optional
        error={errors[id('obstacles')]}
        onInput={(obstacles) => set({ obstacles })}
      />
    </Section>
  );
}
