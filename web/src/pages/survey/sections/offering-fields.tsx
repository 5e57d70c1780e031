import { directionOf, languageCodes } from '../../../../../functions/shared/i18n/languages';
import { applies, type Offering } from '../../../../../functions/survey/questionnaire';
import { useI18n } from '../../../i18n';
import { patchOffering, toggleChoice } from '../answers';
import { fieldIds } from '../field-paths';
import { ChoiceGroup, ConsentField, MultiChoiceGroup, SelectField, TextField } from '../fields';
import { useSurveyForm } from '../form-context';
import { choiceOptions, optionGroups, optionLabel } from '../labels';
import { maxLengths } from '../limits';
import { PlaceChooser } from '../place-chooser';
import { completeUrl } from '../validation';

/** One offering of the repeatable group; its controls are named by the offering's id. */
export function OfferingFields(props: { offering: Offering; number: number; onRemove(): void }) {
  const { t } = useI18n();
  const { changeAnswers, errors, checkFormat } = useSurveyForm();
  const { offering } = props;
  const set = (patch: Partial<Offering>) =>
    changeAnswers((answers) => patchOffering(answers, offering.offeringId, patch));
  const id = (field: keyof Offering) => fieldIds.offering(offering.offeringId, field);
  const headingId = `offering-${offering.offeringId}-heading`;
  const textLanguage = offering.textLanguage;
  const textDir = directionOf(textLanguage);
  return (
    <section class="survey-offering" aria-labelledby={headingId}>
      <div class="survey-offering__head">
        <h3 id={headingId}>
          {t('surveyForm.offerings.heading', { number: props.number })}
          {offering.title.trim() && (
            <>
              {': '}
              <span lang={textLanguage} dir={textDir}>
                {offering.title}
              </span>
            </>
          )}
        </h3>
        <button
          type="button"
          class="button button--secondary survey-offering__remove"
          onClick={props.onRemove}
        >
          {t('surveyForm.offerings.remove', { number: props.number })}
        </button>
      </div>
      <SelectField
        id={id('textLanguage')}
        label={t('questionnaire.offering.textLanguage.label')}
        hint={t('questionnaire.offering.textLanguage.hint')}
        options={languageCodes.map((code) => ({
          value: code,
          label: optionLabel(t, 'offeredLanguages', code),
        }))}
        value={textLanguage}
        onChange={(value) => set({ textLanguage: value })}
      />
      <TextField
        id={id('title')}
        label={t('questionnaire.offering.title.label')}
        value={offering.title}
        maxLength={maxLengths.offering.title}
        lang={textLanguage}
        dir={textDir}
        error={errors[id('title')]}
        onInput={(title) => set({ title })}
      />
      <TextField
        id={id('description')}
        label={t('questionnaire.offering.description.label')}
        hint={t('questionnaire.offering.description.hint')}
        value={offering.description}
        maxLength={maxLengths.offering.description}
        multiline
        lang={textLanguage}
        dir={textDir}
        error={errors[id('description')]}
        onInput={(description) => set({ description })}
      />
      <ChoiceGroup
        id={id('category')}
        legend={t('questionnaire.offering.category.label')}
        options={choiceOptions(t, 'offeringCategories')}
        value={offering.category}
        error={errors[id('category')]}
        columns
        onChange={(category) => set({ category })}
      />
      <MultiChoiceGroup
        id={id('targetGroups')}
        legend={t('questionnaire.offering.targetGroups.label')}
        options={choiceOptions(t, 'targetGroups')}
        values={offering.targetGroups}
        error={errors[id('targetGroups')]}
        columns
        onToggle={(value, on) =>
          set({ targetGroups: toggleChoice(optionGroups.targetGroups, offering.targetGroups, value, on) })
        }
      />
      <MultiChoiceGroup
        id={id('languages')}
        legend={t('questionnaire.offering.languages.label')}
        options={choiceOptions(t, 'offeredLanguages')}
        values={offering.languages}
        error={errors[id('languages')]}
        columns
        onToggle={(value, on) =>
          set({ languages: toggleChoice(optionGroups.offeredLanguages, offering.languages, value, on) })
        }
      />
      <PlaceChooser
        id={id('places')}
        legend={t('questionnaire.offering.places.label')}
        values={offering.places}
        error={errors[id('places')]}
        onChange={(places) => set({ places })}
      />
      <TextField
        id={id('address')}
        label={t('questionnaire.offering.address.label')}
        hint={t('questionnaire.offering.address.hint')}
        value={offering.address}
        maxLength={maxLengths.offering.address}
        autoComplete="off"
        optional
        error={errors[id('address')]}
        onInput={(address) => set({ address })}
      />
      <TextField
        id={id('schedule')}
        label={t('questionnaire.offering.schedule.label')}
        hint={t('questionnaire.offering.schedule.hint')}
        value={offering.schedule}
        maxLength={maxLengths.offering.schedule}
        optional
        error={errors[id('schedule')]}
        onInput={(schedule) => set({ schedule })}
      />
      <ChoiceGroup
        id={id('cost')}
        legend={t('questionnaire.offering.cost.label')}
        options={choiceOptions(t, 'costKinds')}
        value={offering.cost}
        error={errors[id('cost')]}
        onChange={(cost) => set({ cost })}
      />
      {applies.costNote(offering) && (
        <TextField
          id={id('costNote')}
          label={t('questionnaire.offering.costNote.label')}
          hint={t('questionnaire.offering.costNote.hint')}
          value={offering.costNote}
          maxLength={maxLengths.offering.costNote}
          optional
          error={errors[id('costNote')]}
          onInput={(costNote) => set({ costNote })}
        />
      )}
      <TextField
        id={id('registration')}
        label={t('questionnaire.offering.registration.label')}
        hint={t('questionnaire.offering.registration.hint')}
        value={offering.registration}
        maxLength={maxLengths.offering.registration}
        optional
        error={errors[id('registration')]}
        onInput={(registration) => set({ registration })}
      />
      <TextField
        id={id('officeContact')}
        label={t('questionnaire.offering.officeContact.label')}
        hint={t('questionnaire.offering.officeContact.hint')}
        value={offering.officeContact}
        maxLength={maxLengths.offering.officeContact}
        optional
        error={errors[id('officeContact')]}
        onInput={(officeContact) => set({ officeContact })}
      />
      <TextField
        id={id('url')}
        type="url"
        label={t('questionnaire.offering.url.label')}
        hint={t('questionnaire.offering.url.hint')}
        value={offering.url}
        maxLength={maxLengths.offering.url}
        dir="ltr"
        optional
        error={errors[id('url')]}
        onInput={(url) => {
          set({ url });
          if (errors[id('url')]) checkFormat(id('url'), 'url', url);
        }}
        onBlur={(typed) => {
          const url = completeUrl(typed);
          if (url !== typed) set({ url });
          checkFormat(id('url'), 'url', url);
        }}
      />
      <ConsentField
        id={id('publish')}
        label={t('questionnaire.offering.publish.label')}
        hint={t('questionnaire.offering.publish.hint')}
        checked={offering.publish}
        optional
        onChange={(publish) => set({ publish })}
      />
    </section>
  );
}
