import type { ComponentChildren } from 'preact';
import { directionOf, type Language } from '../../../../functions/shared/i18n/languages';
import type { Offering } from '../../../../functions/survey/questionnaire';
import { useI18n } from '../../i18n';
import type { Draft } from './answers';
import { formatDay } from './format';
import { type OptionGroup, type OptionId, optionLabel, placeLabel } from './labels';

/**
 * Every answer, read-only. What the respondent wrote is rendered as text only (never as markup or a
 * link) and carries its own language and direction: an offering's text language where it was given,
 * otherwise `dir="auto"`, so Arabic text reads right-to-left in a German page and the other way round.
 */

function UserText(props: { value: string; lang?: Language }) {
  const { t } = useI18n();
  if (props.value.trim() === '') return <span class="muted">{t('surveyForm.empty')}</span>;
  return (
    <span class="survey-usertext" lang={props.lang} dir={props.lang ? directionOf(props.lang) : 'auto'}>
      {props.value}
    </span>
  );
}

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function Choice<G extends OptionGroup>(props: { group: G; value: OptionId<G> | undefined; other?: string }) {
  const { t } = useI18n();
  if (props.value === undefined) return <span class="muted">{t('surveyForm.empty')}</span>;
  return (
    <>
      {optionLabel(t, props.group, props.value)}
      {props.other?.trim() && (
        <>
          {': '}
          <UserText value={props.other} />
        </>
      )}
    </>
  );
}

function Choices<G extends OptionGroup>(props: { group: G; values: readonly OptionId<G>[]; other?: string }) {
  const { t } = useI18n();
  if (props.values.length === 0) return <span class="muted">{t('surveyForm.empty')}</span>;
  return (
    <>
      {props.values.map((value) => optionLabel(t, props.group, value)).join(', ')}
      {props.other?.trim() && (
        <>
          {'; '}
          <UserText value={props.other} />
        </>
      )}
    </>
  );
}

function Places(props: { ids: readonly string[] }) {
  const { t } = useI18n();
  if (props.ids.length === 0) return <span class="muted">{t('surveyForm.empty')}</span>;
  return (
    <>
      {props.ids.map((id, index) => {
        const { label, lang } = placeLabel(t, id);
        return (
          <span key={id}>
            {index > 0 && ', '}
            <span lang={lang}>{label}</span>
          </span>
        );
      })}
    </>
  );
}

function OfferingSummary(props: { offering: Offering; number: number }) {
  const { t } = useI18n();
  const { offering } = props;
  const lang = offering.textLanguage;
  return (
    <section class="survey-summary__offering" aria-labelledby={`summary-offering-${offering.offeringId}`}>
      <h4 id={`summary-offering-${offering.offeringId}`}>
        {t('surveyForm.offerings.heading', { number: props.number })}
        {offering.title.trim() && (
          <>
            {': '}
            <UserText value={offering.title} lang={lang} />
          </>
        )}
      </h4>
      <dl class="survey-answers">
        <Row label={t('questionnaire.offering.description.label')}>
          <UserText value={offering.description} lang={lang} />
        </Row>
        <Row label={t('questionnaire.offering.textLanguage.label')}>
          {optionLabel(t, 'offeredLanguages', lang)}
        </Row>
        <Row label={t('questionnaire.offering.category.label')}>
          <Choice group="offeringCategories" value={offering.category} />
        </Row>
        <Row label={t('questionnaire.offering.targetGroups.label')}>
          <Choices group="targetGroups" values={offering.targetGroups} />
        </Row>
        <Row label={t('questionnaire.offering.languages.label')}>
          <Choices group="offeredLanguages" values={offering.languages} />
        </Row>
        <Row label={t('questionnaire.offering.places.label')}>
          <Places ids={offering.places} />
        </Row>
        <Row label={t('questionnaire.offering.address.label')}>
          <UserText value={offering.address} />
        </Row>
        <Row label={t('questionnaire.offering.schedule.label')}>
          <UserText value={offering.schedule} />
        </Row>
        <Row label={t('questionnaire.offering.cost.label')}>
          <Choice group="costKinds" value={offering.cost} other={offering.costNote} />
        </Row>
        <Row label={t('questionnaire.offering.registration.label')}>
          <UserText value={offering.registration} />
        </Row>
        <Row label={t('questionnaire.offering.officeContact.label')}>
          <UserText value={offering.officeContact} />
        </Row>
        <Row label={t('questionnaire.offering.url.label')}>
          {offering.url ? (
            <span dir="ltr" class="survey-usertext">
              {offering.url}
            </span>
          ) : (
            <span class="muted">{t('surveyForm.empty')}</span>
          )}
        </Row>
        <Row label={t('surveyForm.publishLabel')}>
          {offering.publish ? t('surveyForm.publishYes') : t('surveyForm.publishNo')}
        </Row>
      </dl>
    </section>
  );
}

/**
 * The answers as a respondent checks them before sending; the evaluation shows the same summary of a
 * submitted response without the contact person (`contact` left out), who stays out of evaluation pages.
 */
export function AnswersSummary(props: {
  draft: Pick<Draft, 'answers'> & { contact?: Draft['contact'] | undefined };
  noticeVersion: string;
}) {
  const { t, language } = useI18n();
  const { answers, contact } = props.draft;
  const { institution, opening, needs, interview } = answers;
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? (
      <span class="muted">{t('surveyForm.empty')}</span>
    ) : value ? (
      t('surveyForm.yes')
    ) : (
      t('surveyForm.no')
    );
  return (
    <div class="survey-summary">
      <h3>{t('questionnaire.institution.title')}</h3>
      <dl class="survey-answers">
        <Row label={t('questionnaire.institution.name.label')}>
          <UserText value={institution.name} />
        </Row>
        <Row label={t('questionnaire.institution.sector.label')}>
          <Choice group="sectors" value={institution.sector} other={institution.sectorOther} />
        </Row>
        <Row label={t('questionnaire.institution.type.label')}>
          <Choice group="institutionTypes" value={institution.type} other={institution.typeOther} />
        </Row>
        <Row label={t('questionnaire.institution.places.label')}>
          <Places ids={institution.places} />
        </Row>
      </dl>

      {contact && (
        <>
          <h3>{t('questionnaire.contact.title')}</h3>
          <dl class="survey-answers">
            <Row label={t('questionnaire.contact.name.label')}>
              <UserText value={contact.name} />
            </Row>
            <Row label={t('questionnaire.contact.role.label')}>
              <UserText value={contact.role} />
            </Row>
            <Row label={t('questionnaire.contact.email.label')}>
              <UserText value={contact.email} />
            </Row>
            <Row label={t('questionnaire.contact.phone.label')}>
              <UserText value={contact.phone} />
            </Row>
          </dl>
        </>
      )}

      <h3>{t('questionnaire.offerings.title')}</h3>
      {answers.offerings.length === 0 ? (
        <p class="muted">{t('surveyForm.offerings.none')}</p>
      ) : (
        answers.offerings.map((offering, index) => (
          <OfferingSummary key={offering.offeringId} offering={offering} number={index + 1} />
        ))
      )}

      <h3>{t('questionnaire.opening.title')}</h3>
      <dl class="survey-answers">
        <Row label={t('questionnaire.opening.status.label')}>
          <Choice group="openingStatuses" value={opening.status} />
        </Row>
        <Row label={t('questionnaire.opening.steps.label')}>
          <Choices group="openingSteps" values={opening.steps} other={opening.stepsOther} />
        </Row>
        <Row label={t('questionnaire.opening.obstacles.label')}>
          <UserText value={opening.obstacles} />
        </Row>
      </dl>

      <h3>{t('questionnaire.needs.title')}</h3>
      <dl class="survey-answers">
        <Row label={t('questionnaire.needs.categories.label')}>
          <Choices group="needCategories" values={needs.categories} />
        </Row>
        <Row label={t('questionnaire.needs.description.label')}>
          <UserText value={needs.description} />
        </Row>
        <Row label={t('questionnaire.needs.mostHelpful.label')}>
          <UserText value={needs.mostHelpful} />
        </Row>
      </dl>

      <h3>{t('questionnaire.interview.title')}</h3>
      <dl class="survey-answers">
        <Row label={t('questionnaire.interview.willing.label')}>{yesNo(interview.willing)}</Row>
        {interview.willing && (
          <>
            <Row label={t('questionnaire.interview.topics.label')}>
              <Choices group="offeringCategories" values={interview.topics} />
            </Row>
            <Row label={t('questionnaire.interview.topicsOther.label')}>
              <UserText value={interview.topicsOther} />
            </Row>
          </>
        )}
      </dl>

      <h3>{t('questionnaire.privacy.title')}</h3>
      <dl class="survey-answers">
        <Row label={t('surveyForm.privacyAcceptedLabel')}>
          {yesNo(answers.privacy.accepted)}
          {answers.privacy.accepted && (
            <>
              {' '}
              ({t('questionnaire.privacy.version', { version: formatDay(props.noticeVersion, language) })})
            </>
          )}
        </Row>
        <Row label={t('questionnaire.privacy.quoteConsent.summary')}>
          {yesNo(answers.privacy.quoteConsent === true)}
        </Row>
      </dl>
    </div>
  );
}
