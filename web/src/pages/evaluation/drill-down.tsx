import { useEffect, useRef } from 'preact/hooks';
import type { z } from 'zod';
import type { EvaluatedResponse, ResponseList } from '../../../../functions/evaluation/schemas';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { useLocation } from '../../router';
import { formatDate } from '../offerings/labels';
import { DataTable } from '../staff/data-table';
import type { StaffApi } from '../staff/staff-api';
import { formatDateTime } from '../survey/format';
import { optionLabel } from '../survey/labels';
import { AnswersSummary } from '../survey/summary';
import { type EvaluationView, evaluationApi, viewHref } from './evaluation-query';
import { keyLabel } from './figure-data';
import { FilterSummary } from './filter-form';
import '../survey/survey-form.css';

/**
 * A view's heading that takes the focus when the view was reached by a link, so screen readers announce
 * the list or the response and keyboard users continue from there (the page's own heading stays put).
 */
export function ViewHeading(props: { id: string; children: string; testId?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { navigation } = useLocation();
  // Mount only: a view reached on page load leaves the focus where the browser puts it.
  useEffect(() => {
    if (navigation > 0) heading.current?.focus();
  }, []);
  return (
    <h3 id={props.id} ref={heading} tabIndex={-1} data-testid={props.testId}>
      {props.children}
    </h3>
  );
}

/** Offering figures count offerings: the list then says how many of each response's offerings it counted. */
function countsOfferings(responses: readonly { matches?: number | undefined }[]): boolean {
  return responses.some((response) => response.matches !== undefined);
}

/** The responses behind one count: the same filters, one figure's value; each opens the response. */
export function ResponseListView(props: {
  surveyId: string;
  view: EvaluationView & { drillDown: NonNullable<EvaluationView['drillDown']> };
  search: string;
  call: StaffApi;
}) {
  const { t, language } = useI18n();
  const { figure, value } = props.view.drillDown;
  const path = evaluationApi.responses(props.surveyId, props.view.filter, figure, value);
  const [list, retry] = useLoad(path, (signal) => props.call<z.infer<typeof ResponseList>>(path, { signal }));
  const valueLabel = keyLabel(t, language, figure, value).label;
  const back = viewHref(props.surveyId, { view: 'dashboard', filter: props.view.filter }, props.search);
  return (
    <section aria-labelledby="eval-list-title" class="eval-drill">
      <p>
        <a href={back}>{t('evaluationPage.backToDashboard')}</a>
      </p>
      <ViewHeading id="eval-list-title" testId="eval-list-title">
        {t('evaluationPage.drillDown.title', {
          figure: t(`evaluationPage.figures.${figure}`),
          value: valueLabel,
        })}
      </ViewHeading>
      <FilterSummary filter={props.view.filter} />
      <LoadState loaded={list} retry={retry}>
        {({ responses }) => (
          <DataTable
            rows={responses}
            empty={t('evaluationPage.drillDown.empty')}
            captionId="eval-list-caption"
            caption={t('evaluationPage.drillDown.caption', { count: responses.length })}
            testId="eval-response-list"
            columns={[
              t('evaluationPage.drillDown.institution'),
              ...(countsOfferings(responses) ? [t('evaluationPage.drillDown.matches')] : []),
              t('evaluationPage.progress.state'),
              t('evaluationPage.figures.sector'),
              t('evaluationPage.figures.type'),
              t('evaluationPage.drillDown.language'),
              t('evaluationPage.drillDown.submittedAt'),
            ]}
            row={(response) => (
              <tr key={response.invitationId}>
                <th scope="row">
                  <a
                    href={viewHref(
                      props.surveyId,
                      { ...props.view, response: response.invitationId },
                      props.search,
                    )}
                    dir="auto"
                  >
                    {response.institution}
                  </a>
                </th>
                {countsOfferings(responses) && <td class="eval-number">{response.matches ?? 0}</td>}
                <td>
                  <span class={`state-badge state-badge--${response.state}`}>
                    {t(`evaluationPage.states.${response.state}`)}
                  </span>
                </td>
                <td>{response.sector ? optionLabel(t, 'sectors', response.sector) : '–'}</td>
                <td>{response.type ? optionLabel(t, 'institutionTypes', response.type) : '–'}</td>
                <td>{optionLabel(t, 'offeredLanguages', response.language)}</td>
                <td>{response.submittedAt ? formatDate(language, response.submittedAt, 'dateTime') : '–'}</td>
              </tr>
            )}
          />
        )}
      </LoadState>
    </section>
  );
}

/** One response as evaluated: its latest submitted answers, labelled with the questionnaire's texts. */
export function ResponseDetailView(props: {
  surveyId: string;
  view: EvaluationView & { response: string };
  search: string;
  call: StaffApi;
}) {
  const { t, language } = useI18n();
  const path = evaluationApi.response(props.surveyId, props.view.response);
  const [loaded, retry] = useLoad(path, (signal) =>
    props.call<z.infer<typeof EvaluatedResponse>>(path, { signal }),
  );
  const { response: _response, ...up } = props.view;
  const back = viewHref(props.surveyId, up, props.search);
  return (
    <section aria-labelledby="eval-response-title" class="eval-drill">
      <p>
        <a href={back}>
          {props.view.drillDown ? t('evaluationPage.backToList') : t('evaluationPage.backToDashboard')}
        </a>
      </p>
      <LoadState loaded={loaded} retry={retry}>
        {(response) => (
          <>
            <ViewHeading id="eval-response-title" testId="eval-response-title">
              {response.institution}
            </ViewHeading>
            <dl class="eval-facts">
              <div>
                <dt>{t('evaluationPage.response.submittedAt')}</dt>
                <dd>{formatDateTime(response.submittedAt, language)}</dd>
              </div>
              <div>
                <dt>{t('evaluationPage.response.version')}</dt>
                <dd>{response.submissionNumber}</dd>
              </div>
              <div>
                <dt>{t('evaluationPage.drillDown.language')}</dt>
                <dd>{optionLabel(t, 'offeredLanguages', response.language)}</dd>
              </div>
            </dl>
            <p class="muted">{t('evaluationPage.response.note')}</p>
            <AnswersSummary
              draft={{ answers: response.answers }}
              noticeVersion={response.answers.privacy.noticeVersion ?? ''}
            />
          </>
        )}
      </LoadState>
    </section>
  );
}
