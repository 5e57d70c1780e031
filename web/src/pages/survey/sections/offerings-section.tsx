import { useRef, useState } from 'preact/hooks';
import type { Offering } from '../../../../../functions/survey/questionnaire';
import { useI18n } from '../../../i18n';
import { addOffering, removeOffering, restoreOffering } from '../answers';
import { messageText } from '../field-messages';
import { fieldIds } from '../field-paths';
import { useSurveyForm } from '../form-context';
import { maxOfferings } from '../limits';
import { OfferingFields } from './offering-fields';
import { Section } from './section';

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The repeatable group of offerings: add, fill in, remove (with undo). */
export function OfferingsSection() {
  const { t, language } = useI18n();
  const { draft, changeAnswers, errors } = useSurveyForm();
  const [removed, setRemoved] = useState<{ offering: Offering; index: number } | undefined>();
  const noticeRef = useRef<HTMLDivElement>(null);
  const { offerings } = draft.answers;
  const groupError = errors[fieldIds.offerings];

  function add() {
    const offeringId = crypto.randomUUID();
    setRemoved(undefined);
    changeAnswers((answers) => addOffering(answers, offeringId, language));
    focusSoon(fieldIds.offering(offeringId, 'title'));
  }

  function remove(offering: Offering, index: number) {
    changeAnswers((answers) => removeOffering(answers, offering.offeringId));
    setRemoved({ offering, index });
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  function undo() {
    if (!removed) return;
    changeAnswers((answers) => restoreOffering(answers, removed.offering, removed.index));
    setRemoved(undefined);
    focusSoon(fieldIds.offering(removed.offering.offeringId, 'title'));
  }

  return (
    <Section
      id="survey-offerings"
      title={t('questionnaire.offerings.title')}
      intro={t('questionnaire.offerings.intro')}
    >
      <div id={fieldIds.offerings} tabIndex={-1} class="survey-offerings">
        {groupError && <p class="field__error">{messageText(groupError, t)}</p>}
        {offerings.length === 0 && !removed && <p class="muted">{t('surveyForm.offerings.none')}</p>}
        {offerings.map((offering, index) => (
          <OfferingFields
            key={offering.offeringId}
            offering={offering}
            number={index + 1}
            onRemove={() => remove(offering, index)}
          />
        ))}
      </div>
      {removed && (
        <div class="notice survey-removed" role="status" tabIndex={-1} ref={noticeRef}>
          <p>
            {t('surveyForm.offerings.removed', { number: removed.index + 1 })}{' '}
            <button type="button" class="button button--secondary" onClick={undo}>
              {t('surveyForm.offerings.undo')}
            </button>
          </p>
        </div>
      )}
      {offerings.length < maxOfferings ? (
        <button type="button" class="button button--secondary survey-add" onClick={add}>
          {offerings.length === 0 ? t('surveyForm.offerings.add') : t('surveyForm.offerings.addAnother')}
        </button>
      ) : (
        <p class="muted">{t('surveyForm.offerings.limit', { maximum: maxOfferings })}</p>
      )}
    </Section>
  );
}
