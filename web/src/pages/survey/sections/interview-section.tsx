import { applies, type SurveyAnswers } from '../../../../../functions/survey/questionnaire';
import { useI18n } from '../../../i18n';
import { patchSection, toggleChoice } from '../answers';
import { fieldIds } from '../field-paths';
import { ChoiceGroup, MultiChoiceGroup, TextField } from '../fields';
import { useSurveyForm } from '../form-context';
import { choiceOptions, optionGroups } from '../labels';
import { maxLengths } from '../limits';
import { Section } from './section';

/** Willingness to an expert interview; its topics only when willing. */
export function InterviewSection() {
  const { t } = useI18n();
  const { draft, changeAnswers, errors } = useSurveyForm();
  const { answers } = draft;
  const interview = answers.interview;
  const set = (patch: Partial<SurveyAnswers['interview']>) =>
    changeAnswers((current) => patchSection(current, 'interview', patch));
  const id = fieldIds.interview;
  const willing = interview.willing === undefined ? undefined : interview.willing ? 'yes' : 'no';
  return (
    <Section
      id="survey-interview"
      title={t('questionnaire.interview.title')}
      intro={t('questionnaire.interview.intro')}
    >
      <ChoiceGroup
        id={id('willing')}
        legend={t('questionnaire.interview.willing.label')}
        options={[
          { value: 'yes', label: t('questionnaire.interview.willing.yes') },
          { value: 'no', label: t('questionnaire.interview.willing.no') },
        ]}
        value={willing}
        error={errors[id('willing')]}
        onChange={(value) => set({ willing: value === 'yes' })}
      />
      {applies.interviewTopics(answers) && (
        <>
          <MultiChoiceGroup
            id={id('topics')}
            legend={t('questionnaire.interview.topics.label')}
            options={choiceOptions(t, 'offeringCategories')}
            values={interview.topics}
            optional
            error={errors[id('topics')]}
            columns
            onToggle={(value, on) =>
              set({ topics: toggleChoice(optionGroups.offeringCategories, interview.topics, value, on) })
            }
          />
          <TextField
            id={id('topicsOther')}
            label={t('questionnaire.interview.topicsOther.label')}
            value={interview.topicsOther}
            maxLength={maxLengths.interview.topicsOther}
            multiline
            optional
            error={errors[id('topicsOther')]}
            onInput={(topicsOther) => set({ topicsOther })}
          />
        </>
      )}
    </Section>
  );
}
