import { applies } from '../../../../../functions/survey/questionnaire';
import { useI18n } from '../../../i18n';
import { patchSection } from '../answers';
import { fieldIds } from '../field-paths';
import { ChoiceGroup, TextField } from '../fields';
import { useSurveyForm } from '../form-context';
import { choiceOptions } from '../labels';
import { maxLengths } from '../limits';
import { PlaceChooser } from '../place-chooser';
import { Section } from './section';

export function InstitutionSection() {
  const { t } = useI18n();
  const { draft, changeAnswers, errors } = useSurveyForm();
  const { answers } = draft;
  const institution = answers.institution;
  const set = (patch: Partial<typeof institution>) =>
    changeAnswers((current) => patchSection(current, 'institution', patch));
  const id = fieldIds.institution;
  return (
    <Section
      id="survey-institution"
      title={t('questionnaire.institution.title')}
      intro={t('questionnaire.institution.intro')}
    >
      <TextField
        id={id('name')}
        label={t('questionnaire.institution.name.label')}
        value={institution.name}
        maxLength={maxLengths.institution.name}
        autoComplete="organization"
        error={errors[id('name')]}
        onInput={(name) => set({ name })}
      />
      <ChoiceGroup
        id={id('sector')}
        legend={t('questionnaire.institution.sector.label')}
        hint={t('questionnaire.institution.sector.hint')}
        options={choiceOptions(t, 'sectors')}
        value={institution.sector}
        error={errors[id('sector')]}
        columns
        onChange={(sector) => set({ sector })}
      />
      {applies.sectorOther(answers) && (
        <TextField
          id={id('sectorOther')}
          label={t('questionnaire.institution.sectorOther.label')}
          value={institution.sectorOther}
          maxLength={maxLengths.institution.sectorOther}
          error={errors[id('sectorOther')]}
          onInput={(sectorOther) => set({ sectorOther })}
        />
      )}
      <ChoiceGroup
        id={id('type')}
        legend={t('questionnaire.institution.type.label')}
        options={choiceOptions(t, 'institutionTypes')}
        value={institution.type}
        error={errors[id('type')]}
        columns
        onChange={(type) => set({ type })}
      />
      {applies.typeOther(answers) && (
        <TextField
          id={id('typeOther')}
          label={t('questionnaire.institution.typeOther.label')}
          value={institution.typeOther}
          maxLength={maxLengths.institution.typeOther}
          error={errors[id('typeOther')]}
          onInput={(typeOther) => set({ typeOther })}
        />
      )}
      <PlaceChooser
        id={id('places')}
        legend={t('questionnaire.institution.places.label')}
        hint={t('questionnaire.institution.places.hint')}
        values={institution.places}
        error={errors[id('places')]}
        onChange={(places) => set({ places })}
      />
    </Section>
  );
}
