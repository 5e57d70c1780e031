import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { SurveyList, SurveyView } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import { navigate } from '../../router';
import { formatDate } from '../offerings/labels';
import { berlinLocalToIso } from './berlin-time';
import type { ConsoleSectionProps } from './console-sections';
import { fieldProblem, type StaffApi, useStaffApi } from './staff-api';
import { SurveyDetail } from './survey-detail';
import '../offerings/offerings.css';
import './staff-console.css';
import { ScrollRegion } from './scroll-region';

type Survey = z.infer<typeof SurveyView>;
type Field = 'title' | 'opensAt' | 'closesAt';
type FieldErrors = Partial<Record<Field, string>>;

/** "Umfragen": every survey, a form for a new one, and one survey's invitations at `/staff/surveys/<id>`. */
export function SurveysSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  if (props.item) return <SurveyDetail surveyId={props.item} call={call} />;
  return <SurveyOverview call={call} />;
}

function SurveyOverview(props: { call: StaffApi }) {
  const { t, language } = useI18n();
  const [surveys, retry] = useLoad('surveys', (signal) =>
    props.call<z.infer<typeof SurveyList>>('/api/staff/surveys', { signal }),
  );
  return (
    <>
      <p>{t('staffSurvey.intro')}</p>
      <LoadState loaded={surveys} retry={retry}>
        {({ surveys: list }) =>
          list.length === 0 ? (
            <p class="notice">{t('staffSurvey.noSurveys')}</p>
          ) : (
            <ScrollRegion labelledBy="surveys-caption">
              <table class="data-table">
                <caption id="surveys-caption">{t('staffSurvey.surveysCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staffSurvey.surveyTitle')}</th>
                    <th scope="col">{t('staffSurvey.opensAt')}</th>
                    <th scope="col">{t('staffSurvey.closesAt')}</th>
                    <th scope="col">{t('staffSurvey.openParticipation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((survey) => (
                    <tr key={survey.surveyId}>
                      <th scope="row">
                        <a href={`/staff/surveys/${survey.surveyId}`}>{survey.title}</a>
                      </th>
                      <td>{formatDate(language, survey.opensAt, 'dateTime')}</td>
                      <td>{formatDate(language, survey.closesAt, 'dateTime')}</td>
                      <td>{t(survey.openParticipation ? 'staffSurvey.yes' : 'staffSurvey.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </LoadState>
      <CreateSurveyForm
        call={props.call}
        onCreated={(survey) => navigate(`/staff/surveys/${survey.surveyId}`)}
      />
    </>
  );
}

/** A new survey; opening and closing are entered as Berlin wall-clock times and sent with their offset. */
function CreateSurveyForm(props: { call: StaffApi; onCreated: (survey: Survey) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ title: '', opensAt: '', closesAt: '', openParticipation: false });
  const idempotency = useIdempotencyKey();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const opensAt = berlinLocalToIso(values.opensAt);
    const closesAt = berlinLocalToIso(values.closesAt);
    const found: FieldErrors = {};
    if (!values.title.trim()) found.title = t('validation.required');
    if (!values.opensAt) found.opensAt = t('validation.required');
    else if (!opensAt) found.opensAt = t('staffSurvey.invalidDateTime');
    if (!values.closesAt) found.closesAt = t('validation.required');
    else if (!closesAt) found.closesAt = t('staffSurvey.invalidDateTime');
    else if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt))
      found.closesAt = t('staffSurvey.closesBeforeOpening');
    setErrors(found);
    setFormError(undefined);
    const first = (['title', 'opensAt', 'closesAt'] as const).find((field) => found[field]);
    if (first || !opensAt || !closesAt) {
      if (first) document.getElementById(`survey-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const survey = await props.call<Survey>('/api/staff/surveys', {
        method: 'POST',
        idempotencyKey: idempotency.current(),
        body: { title: values.title.trim(), opensAt, closesAt, openParticipation: values.openParticipation },
      });
      idempotency.settled();
      props.onCreated(survey);
    } catch (error) {
      idempotency.settled(error);
      setBusy(false);
      const fromApi: FieldErrors = {
        title: fieldProblem(error, 'title'),
        opensAt: fieldProblem(error, 'opensAt'),
        closesAt: fieldProblem(error, 'closesAt'),
      };
      setErrors(fromApi);
      setFormError(failureText(error, t('app.loadFailed')));
      if (!(error instanceof ApiError && error.status === 401))
        document.getElementById('survey-form-error')?.focus();
    }
  }

  const fieldProps = (field: Field) => ({
    id: `survey-${field}`,
    name: field,
    required: true,
    value: values[field],
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby':
      [field !== 'title' ? 'survey-time-hint' : '', errors[field] ? `survey-${field}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });

  const error = (field: Field) =>
    errors[field] && (
      <p class="field__error" id={`survey-${field}-error`}>
        {errors[field]}
      </p>
    );

  return (
    <section class="console-block" aria-labelledby="create-survey-title">
      <h3 id="create-survey-title">{t('staffSurvey.createTitle')}</h3>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="survey-title">{t('staffSurvey.surveyTitle')}</label>
          <input type="text" maxLength={200} {...fieldProps('title')} />
          {error('title')}
        </div>
        <p class="field__hint" id="survey-time-hint">
          {t('staffSurvey.timeHint')}
        </p>
        <div class="field">
          <label for="survey-opensAt">{t('staffSurvey.opensAt')}</label>
          <input type="datetime-local" {...fieldProps('opensAt')} />
          {error('opensAt')}
        </div>
        <div class="field">
          <label for="survey-closesAt">{t('staffSurvey.closesAt')}</label>
          <input type="datetime-local" {...fieldProps('closesAt')} />
          {error('closesAt')}
        </div>
        <div class="field field--checkbox">
          <input
            type="checkbox"
            id="survey-openParticipation"
            name="openParticipation"
            checked={values.openParticipation}
            aria-describedby="survey-openParticipation-hint"
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setValues((current) => ({ ...current, openParticipation: checked }));
            }}
          />
          <label for="survey-openParticipation">{t('staffSurvey.openParticipation')}</label>
          <p class="field__hint" id="survey-openParticipation-hint">
            {t('staffSurvey.openParticipationHint')}
          </p>
        </div>
        {formError && (
          <p class="form__error" id="survey-form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('staffSurvey.create')}
        </button>
      </form>
    </section>
  );
}
