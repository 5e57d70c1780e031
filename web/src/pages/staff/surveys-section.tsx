import type { z } from 'zod';
import type { SurveyList, SurveyView } from '../../../../functions/survey/schemas';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { navigate } from '../../router';
import { formatDate } from '../offerings/labels';
import { berlinLocalToIso } from './berlin-time';
import type { ConsoleSectionProps } from './console-sections';
import { DataTable } from './data-table';
import { type StaffApi, useStaffApi } from './staff-api';
import { type FieldErrors, useStaffForm } from './staff-form';
import { SurveyDetail } from './survey-detail';
import '../offerings/offerings.css';
import './staff-console.css';

type Survey = z.infer<typeof SurveyView>;
type Field = 'title' | 'opensAt' | 'closesAt' | 'previousSurveyId';

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
        {({ surveys: list }) => (
          <DataTable
            rows={list}
            empty={t('staffSurvey.noSurveys')}
            captionId="surveys-caption"
            caption={t('staffSurvey.surveysCaption')}
            columns={[
              t('staffSurvey.surveyTitle'),
              t('evaluationWaves.wave'),
              t('staffSurvey.opensAt'),
              t('staffSurvey.closesAt'),
              t('staffSurvey.openParticipation'),
            ]}
            row={(survey) => (
              <tr key={survey.surveyId}>
                <th scope="row">
                  <a href={`/staff/surveys/${survey.surveyId}`}>{survey.title}</a>
                </th>
                <td>{survey.wave}</td>
                <td>{formatDate(language, survey.opensAt, 'dateTime')}</td>
                <td>{formatDate(language, survey.closesAt, 'dateTime')}</td>
                <td>{t(survey.openParticipation ? 'staffSurvey.yes' : 'staffSurvey.no')}</td>
              </tr>
            )}
          />
        )}
      </LoadState>
      <CreateSurveyForm
        call={props.call}
        surveys={surveys.state === 'ready' ? surveys.data.surveys : []}
        onCreated={(survey) => navigate(`/staff/surveys/${survey.surveyId}`)}
      />
    </>
  );
}

/** A new survey; opening and closing are entered as Berlin wall-clock times and sent with their offset. */
function CreateSurveyForm(props: {
  call: StaffApi;
  surveys: readonly Survey[];
  onCreated: (survey: Survey) => void;
}) {
  const { t } = useI18n();
  const form = useStaffForm({
    idPrefix: 'survey',
    formErrorId: 'survey-form-error',
    textFields: ['title', 'opensAt', 'closesAt', 'previousSurveyId'] as Field[],
    initial: { title: '', opensAt: '', closesAt: '', previousSurveyId: '', openParticipation: false },
  });
  const { values } = form;

  async function submit(event: Event) {
    event.preventDefault();
    const opensAt = berlinLocalToIso(values.opensAt);
    const closesAt = berlinLocalToIso(values.closesAt);
    const found: FieldErrors<Field> = {};
    if (!values.title.trim()) found.title = t('validation.required');
    if (!values.opensAt) found.opensAt = t('validation.required');
    else if (!opensAt) found.opensAt = t('staffSurvey.invalidDateTime');
    if (!values.closesAt) found.closesAt = t('validation.required');
    else if (!closesAt) found.closesAt = t('staffSurvey.invalidDateTime');
    else if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt))
      found.closesAt = t('staffSurvey.closesBeforeOpening');
    if (!form.accept(found) || !opensAt || !closesAt) return;
    const survey = await form.send((idempotencyKey) =>
      props.call<Survey>('/api/staff/surveys', {
        method: 'POST',
        idempotencyKey,
        body: {
          title: values.title.trim(),
          opensAt,
          closesAt,
          openParticipation: values.openParticipation,
          ...(values.previousSurveyId ? { previousSurveyId: values.previousSurveyId } : {}),
        },
      }),
    );
    if (survey) props.onCreated(survey);
  }

  return (
    <section class="console-block" aria-labelledby="create-survey-title">
      <h3 id="create-survey-title">{t('staffSurvey.createTitle')}</h3>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="survey-title">{t('staffSurvey.surveyTitle')}</label>
          <input type="text" maxLength={200} required {...form.inputProps('title')} />
          {form.fieldError('title')}
        </div>
        <p class="field__hint" id="survey-time-hint">
          {t('staffSurvey.timeHint')}
        </p>
        <div class="field">
          <label for="survey-opensAt">{t('staffSurvey.opensAt')}</label>
          <input type="datetime-local" required {...form.inputProps('opensAt', 'survey-time-hint')} />
          {form.fieldError('opensAt')}
        </div>
        <div class="field">
          <label for="survey-closesAt">{t('staffSurvey.closesAt')}</label>
          <input type="datetime-local" required {...form.inputProps('closesAt', 'survey-time-hint')} />
          {form.fieldError('closesAt')}
        </div>
        {props.surveys.length > 0 && (
          <div class="field">
            <label for="survey-previousSurveyId">{t('evaluationWaves.followsWave')}</label>
            <p class="field__hint" id="survey-previousSurveyId-hint">
              {t('evaluationWaves.followsWaveHint')}
            </p>
            <select {...form.inputProps('previousSurveyId', 'survey-previousSurveyId-hint')}>
              <option value="">{t('evaluationWaves.followsNoWave')}</option>
              {props.surveys.map((survey) => (
                <option key={survey.surveyId} value={survey.surveyId}>
                  {t('evaluationWaves.waveName', { wave: survey.wave, title: survey.title })}
                </option>
              ))}
            </select>
            {form.fieldError('previousSurveyId')}
          </div>
        )}
        <div class="field field--checkbox">
          <input
            type="checkbox"
            id="survey-openParticipation"
            name="openParticipation"
            checked={values.openParticipation}
            aria-describedby="survey-openParticipation-hint"
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              form.setValues((current) => ({ ...current, openParticipation: checked }));
            }}
          />
          <label for="survey-openParticipation">{t('staffSurvey.openParticipation')}</label>
          <p class="field__hint" id="survey-openParticipation-hint">
            {t('staffSurvey.openParticipationHint')}
          </p>
        </div>
        {form.formErrorNotice()}
        <button type="submit" class="button" disabled={form.busy}>
          {t('staffSurvey.create')}
        </button>
      </form>
    </section>
  );
}
