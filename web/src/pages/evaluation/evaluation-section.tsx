import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { Evaluation, exportParts } from '../../../../functions/evaluation/schemas';
import type { SurveyList } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { useLocation } from '../../router';
import { formatDate } from '../offerings/labels';
import type { ConsoleSectionProps } from '../staff/console-sections';
import { DataTable } from '../staff/data-table';
import { type StaffApi, useStaffApi } from '../staff/staff-api';
import { Dashboard } from './dashboard';
import { downloadWithToken } from './downloads';
import { ResponseDetailView, ResponseListView } from './drill-down';
import { type EvaluationView, evaluationApi, readView, viewHref } from './evaluation-query';
import { FilterForm, FilterSummary } from './filter-form';
import { GapView } from './gap-view';
import { ReportView } from './report-view';
import { WaveComparisonView } from './wave-comparison';
import '../staff/staff-console.css';
import './evaluation.css';

type ExportPart = (typeof exportParts)[number];
const parts: readonly ExportPart[] = [
  'institutions',
  'offerings',
  'opening',
  'needs',
  'interviews',
  'findings',
];

/**
 * "Auswertung": the surveys to choose from, and at `/staff/evaluation/<surveyId>` that survey's
 * dashboard. Filters, the gap view, a drill-down list and a response are all in the address's query,
 * so every state is a link and back and forward step through them.
 */
export function EvaluationSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  if (props.item)
    return (
      <SurveyEvaluation
        surveyId={props.item}
        call={call}
        token={props.token}
        onExpired={props.onExpired}
        isAdmin={props.member.isAdmin}
      />
    );
  return <SurveyChoice call={call} />;
}

function SurveyChoice(props: { call: StaffApi }) {
  const { t, language } = useI18n();
  const [surveys, retry] = useLoad('evaluation-surveys', (signal) =>
    props.call<z.infer<typeof SurveyList>>('/api/staff/surveys', { signal }),
  );
  return (
    <>
      <p>{t('evaluationPage.intro')}</p>
      <LoadState loaded={surveys} retry={retry}>
        {({ surveys: list }) => (
          <DataTable
            rows={list}
            empty={t('evaluationPage.noSurveys')}
            captionId="eval-surveys-caption"
            caption={t('evaluationPage.surveysCaption')}
            testId="eval-surveys"
            columns={[t('staffSurvey.surveyTitle'), t('staffSurvey.opensAt'), t('staffSurvey.closesAt')]}
            row={(survey) => (
              <tr key={survey.surveyId}>
                <th scope="row">
                  <a href={`/staff/evaluation/${survey.surveyId}`}>{survey.title}</a>
                </th>
                <td>{formatDate(language, survey.opensAt, 'dateTime')}</td>
                <td>{formatDate(language, survey.closesAt, 'dateTime')}</td>
              </tr>
            )}
          />
        )}
      </LoadState>
    </>
  );
}

function SubNavigation(props: { surveyId: string; view: EvaluationView; search: string }) {
  const { t } = useI18n();
  const here = props.view.drillDown || props.view.response ? undefined : props.view.view;
  const link = (view: EvaluationView['view'], label: string) => (
    <li>
      <a
        href={viewHref(props.surveyId, { view, filter: props.view.filter }, props.search)}
        aria-current={here === view ? 'page' : undefined}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav class="eval-subnav" aria-label={t('evaluationPage.viewsLabel')}>
      <ul>
        {link('dashboard', t('evaluationPage.dashboardTitle'))}
        {link('gaps', t('evaluationPage.gaps.title'))}
        {link('compare', t('evaluationWaves.title'))}
        {link('report', t('evaluationReport.staff.viewLabel'))}
      </ul>
    </nav>
  );
}

/** CSV per part and XLSX, under the same filters; fetched with the token and saved as files. */
function Exports(props: {
  surveyId: string;
  view: EvaluationView;
  token: string;
  onExpired: () => void;
  /** Admins may ask for the contact persons too (the API checks again and logs the export by ids). */
  isAdmin: boolean;
}) {
  const { t } = useI18n();
  const [part, setPart] = useState<ExportPart>('institutions');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  async function download(kind: 'csv' | 'xlsx' | 'contacts') {
    setBusy(true);
    setProblem(undefined);
    try {
      if (kind === 'csv')
        await downloadWithToken(
          evaluationApi.csv(props.surveyId, props.view.filter, part),
          props.token,
          `evaluation-${part}.csv`,
        );
      else if (kind === 'contacts')
        await downloadWithToken(
          evaluationApi.csvWithContacts(props.surveyId, props.view.filter),
          props.token,
          'evaluation-contacts.csv',
        );
      else
        await downloadWithToken(
          evaluationApi.xlsx(props.surveyId, props.view.filter),
          props.token,
          'evaluation.xlsx',
        );
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) props.onExpired();
      else
        setProblem(
          error instanceof ApiError && error.status === 404
            ? t('evaluationPage.exports.notAvailable')
            : failureText(error, t('evaluationPage.exports.failed')),
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="eval-exports console-block" aria-labelledby="eval-exports-title">
      <h3 id="eval-exports-title">{t('evaluationPage.exports.title')}</h3>
      <p>{t('evaluationPage.exports.intro')}</p>
      <div class="field">
        <label for="eval-export-part">{t('evaluationPage.exports.part')}</label>
        <select
          id="eval-export-part"
          value={part}
          onChange={(event) => setPart(event.currentTarget.value as ExportPart)}
        >
          {parts.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`evaluationPage.exports.parts.${candidate}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => download('csv')}
        >
          {t('evaluationPage.exports.csv')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => download('xlsx')}
        >
          {t('evaluationPage.exports.xlsx')}
        </button>
        {props.isAdmin && (
          <button
            type="button"
            class="button button--secondary"
            disabled={busy}
            onClick={() => download('contacts')}
          >
            {t('evaluationPage.exports.withContacts')}
          </button>
        )}
      </div>
      <p class={problem ? 'console-notice console-notice--error' : 'console-notice'} role="status">
        {problem ?? ''}
      </p>
    </section>
  );
}

function DashboardView(props: { surveyId: string; view: EvaluationView; search: string; call: StaffApi }) {
  const { t, language } = useI18n();
  const path = evaluationApi.figures(props.surveyId, props.view.filter);
  const [loaded, retry] = useLoad(path, (signal) => props.call<z.infer<typeof Evaluation>>(path, { signal }));
  const context = { surveyId: props.surveyId, filter: props.view.filter, search: props.search };
  return (
    <div class="eval-dashboard">
      <h3 class="visually-hidden">{t('evaluationPage.dashboardTitle')}</h3>
      <FilterSummary filter={props.view.filter} />
      <LoadState loaded={loaded} retry={retry}>
        {(evaluation) => (
          <>
            <p class="eval-survey" data-testid="eval-survey-title">
              {t('evaluationPage.surveyLine', {
                title: evaluation.title,
                generatedAt: formatDate(language, evaluation.generatedAt, 'dateTime'),
              })}
            </p>
            <Dashboard evaluation={evaluation} context={context} />
          </>
        )}
      </LoadState>
    </div>
  );
}

function SurveyEvaluation(props: {
  surveyId: string;
  call: StaffApi;
  token: string;
  onExpired: () => void;
  isAdmin: boolean;
}) {
  const { t } = useI18n();
  const { search } = useLocation();
  const view = readView(search);
  const { surveyId } = props;
  let body: preact.JSX.Element;
  if (view.response)
    body = (
      <ResponseDetailView
        surveyId={surveyId}
        view={{ ...view, response: view.response }}
        search={search}
        call={props.call}
      />
    );
  else if (view.drillDown)
    body = (
      <ResponseListView
        surveyId={surveyId}
        view={{ ...view, drillDown: view.drillDown }}
        search={search}
        call={props.call}
      />
    );
  else if (view.view === 'compare')
    body = <WaveComparisonView surveyId={surveyId} view={view} search={search} call={props.call} />;
  else if (view.view === 'gaps')
    body = <GapView surveyId={surveyId} view={view} search={search} call={props.call} />;
  else if (view.view === 'report') body = <ReportView surveyId={surveyId} call={props.call} />;
  else body = <DashboardView surveyId={surveyId} view={view} search={search} call={props.call} />;
  // The report is the whole wave as published: the dashboard's filters and exports do not apply to it.
  const showsFigures = !view.response && !view.drillDown && view.view !== 'report';
  return (
    <div class="eval-page">
      <p class="eval-no-print">
        <a href="/staff/evaluation">{t('evaluationPage.otherSurvey')}</a>
      </p>
      <SubNavigation surveyId={surveyId} view={view} search={search} />
      {showsFigures && <FilterForm surveyId={surveyId} view={view} search={search} />}
      {body}
      {showsFigures && view.view !== 'compare' && (
        <Exports
          surveyId={surveyId}
          view={view}
          token={props.token}
          onExpired={props.onExpired}
          isAdmin={props.isAdmin}
        />
      )}
    </div>
  );
}
