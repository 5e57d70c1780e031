import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import type {
  ComparedOffering,
  FigureChange,
  WaveComparison,
} from '../../../../functions/evaluation/schemas';
import type { SurveyList } from '../../../../functions/survey/schemas';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { navigate } from '../../router';
import { DataTable } from '../staff/data-table';
import type { StaffApi } from '../staff/staff-api';
import { LabelText } from './count-figure';
import { type DrillDownFigure, type EvaluationView, evaluationApi, viewHref } from './evaluation-query';
import { formatRate, keyLabel, type Label } from './figure-data';
import { FilterSummary } from './filter-form';
import {
  changeInWords,
  changeRows,
  comparedWith,
  otherSurveys,
  pointsInWords,
  rateChangeInPoints,
  signedChange,
  signedPoints,
  waveName,
} from './wave-comparison-data';

type Comparison = z.infer<typeof WaveComparison>;
type Surveys = z.infer<typeof SurveyList>['surveys'];

/** One row as a comparison table shows it: both values and the change, with its sign and in words. */
interface ShownRow extends Label {
  key: string;
  earlier: string;
  later: string;
  shown: string;
  words: string;
  direction: 'up' | 'down' | 'same' | 'none';
}

function direction(change: number | null): ShownRow['direction'] {
  if (change === null) return 'none';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/**
 * "Compare waves": the survey beside another wave (by default its wave before), under the dashboard's
 * filters. The wave compared with is in the address (`view=compare&with=<id>`), so it is a link too.
 */
export function WaveComparisonView(props: {
  surveyId: string;
  view: EvaluationView;
  search: string;
  call: StaffApi;
}) {
  const { t } = useI18n();
  const [surveys, retry] = useLoad('evaluation-surveys', (signal) =>
    props.call<z.infer<typeof SurveyList>>('/api/staff/surveys', { signal }),
  );
  return (
    <div class="eval-compare">
      <h3>{t('evaluationWaves.title')}</h3>
      <FilterSummary filter={props.view.filter} />
      <LoadState loaded={surveys} retry={retry}>
        {({ surveys: list }) => {
          const other = comparedWith(list, props.surveyId, props.view.with);
          return (
            <>
              <WaveChoice list={list} other={other} {...props} />
              {other ? (
                <ComparisonFigures {...props} other={other} />
              ) : (
                <p class="notice" data-testid="eval-compare-none">
                  {t(
                    otherSurveys(list, props.surveyId).length > 0
                      ? 'evaluationWaves.noPrevious'
                      : 'evaluationWaves.noOther',
                  )}
                </p>
              )}
            </>
          );
        }}
      </LoadState>
    </div>
  );
}

/** The select of the other surveys; choosing one changes the address. */
function WaveChoice(props: {
  list: Surveys;
  other: string | undefined;
  surveyId: string;
  view: EvaluationView;
  search: string;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(props.other ?? '');
  useEffect(() => setChosen(props.other ?? ''), [props.other]);
  const choices = otherSurveys(props.list, props.surveyId);
  if (choices.length === 0) return null;

  function submit(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    navigate(viewHref(props.surveyId, { ...props.view, view: 'compare', with: chosen }, props.search));
  }

  return (
    <form class="eval-compare__choice" onSubmit={submit} noValidate>
      <div class="field">
        <label for="eval-compare-with">{t('evaluationWaves.compareWith')}</label>
        <select
          id="eval-compare-with"
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          {!props.other && <option value="">{t('evaluationWaves.chooseWave')}</option>}
          {choices.map((survey) => (
            <option key={survey.surveyId} value={survey.surveyId}>
              {waveName(t, survey)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('evaluationWaves.compare')}
      </button>
    </form>
  );
}

function ComparisonFigures(props: { surveyId: string; other: string; view: EvaluationView; call: StaffApi }) {
  const path = evaluationApi.comparison(props.surveyId, props.view.filter, props.other);
  const [loaded, retry] = useLoad(path, (signal) => props.call<Comparison>(path, { signal }));
  return (
    <LoadState loaded={loaded} retry={retry}>
      {(comparison) => <Figures comparison={comparison} />}
    </LoadState>
  );
}

function Figures(props: { comparison: Comparison }) {
  const { t, language } = useI18n();
  const { comparison } = props;
  const { earlier, later } = comparison;
  const fromChange = (key: string, label: string, figure: FigureChange): ShownRow => ({
    key,
    label,
    earlier: String(figure.earlier),
    later: String(figure.later),
    shown: signedChange(language, figure.change),
    words: changeInWords(t, language, figure.change),
    direction: direction(figure.change),
  });
  const counted = (figure: DrillDownFigure, counts: Comparison['offerings']['byCategory']): ShownRow[] =>
    changeRows(t, language, figure, counts).map((row) => ({
      ...fromChange(row.key, row.label, row),
      ...(row.lang ? { lang: row.lang } : {}),
    }));
  const { progress, offerings } = comparison;
  const points = rateChangeInPoints(progress.responseRate.change);
  const progressRows: ShownRow[] = [
    fromChange('invited', t('evaluationPage.states.invited'), progress.invited),
    fromChange('opened', t('evaluationPage.states.opened'), progress.opened),
    fromChange('in_progress', t('evaluationPage.states.in_progress'), progress.inProgress),
    fromChange('submitted', t('evaluationPage.states.submitted'), progress.submitted),
    fromChange('revoked', t('evaluationPage.states.revoked'), progress.revoked),
    {
      key: 'rate',
      label: t('evaluationPage.progress.rate'),
      earlier: formatRate(language, progress.responseRate.earlier),
      later: formatRate(language, progress.responseRate.later),
      shown:
        points === null ? '–' : t('evaluationWaves.pointsShort', { points: signedPoints(language, points) }),
      words: points === null ? t('evaluationWaves.noRate') : pointsInWords(t, language, points),
      direction: direction(points),
    },
  ];
  const totals: ShownRow[] = [
    fromChange('total', t('evaluationWaves.offeringsTotal'), offerings.total),
    fromChange('consented', t('evaluationPage.consent.consented'), offerings.consented),
    fromChange('not_consented', t('evaluationPage.consent.not_consented'), offerings.notConsented),
  ];
  const columns = (labelColumn: string) => [
    labelColumn,
    t('evaluationWaves.earlierColumn', { wave: earlier.wave }),
    t('evaluationWaves.laterColumn', { wave: later.wave }),
    t('evaluationWaves.change'),
  ];
  const table = (id: string, caption: string, labelColumn: string, rows: ShownRow[]) => (
    <ChangeTable id={id} caption={caption} columns={columns(labelColumn)} rows={rows} />
  );
  return (
    <>
      <p class="eval-survey" data-testid="eval-compare-waves">
        {t('evaluationWaves.comparing', { earlier: waveName(t, earlier), later: waveName(t, later) })}
      </p>
      <p class="muted">{t('evaluationWaves.changeExplained')}</p>
      {comparison.questionnaireChanged && (
        <p class="eval-compare__versions" data-testid="eval-compare-versions">
          {t('evaluationWaves.questionnaireChanged', {
            earlier: earlier.questionnaireVersion,
            later: later.questionnaireVersion,
          })}
        </p>
      )}
      <section class="eval-section" aria-labelledby="eval-compare-progress-title">
        <h4 id="eval-compare-progress-title">{t('evaluationPage.progress.title')}</h4>
        {table(
          'eval-compare-progress',
          t('evaluationPage.progress.statesTitle'),
          t('evaluationPage.progress.state'),
          progressRows,
        )}
      </section>
      <section class="eval-section" aria-labelledby="eval-compare-offerings-title">
        <h4 id="eval-compare-offerings-title">{t('evaluationPage.offerings.title')}</h4>
        {table(
          'eval-compare-offerings-total',
          t('evaluationPage.offerings.consentTitle'),
          t('evaluationPage.figures.consent'),
          totals,
        )}
        {table(
          'eval-compare-offering-category',
          t('evaluationPage.offerings.byCategory'),
          t('evaluationPage.figures.offeringCategory'),
          counted('offeringCategory', offerings.byCategory),
        )}
        {table(
          'eval-compare-offering-place',
          t('evaluationPage.offerings.byPlace'),
          t('evaluationPage.figures.offeringPlace'),
          counted('offeringPlace', offerings.byPlace),
        )}
        {table(
          'eval-compare-target-group',
          t('evaluationPage.offerings.byTargetGroup'),
          t('evaluationPage.figures.targetGroup'),
          counted('targetGroup', offerings.byTargetGroup),
        )}
        {table(
          'eval-compare-language',
          t('evaluationPage.offerings.byLanguage'),
          t('evaluationPage.figures.offeredLanguage'),
          counted('offeredLanguage', offerings.byLanguage),
        )}
      </section>
      <section class="eval-section" aria-labelledby="eval-compare-offering-changes-title">
        <h4 id="eval-compare-offering-changes-title">{t('evaluationWaves.offeringChanges')}</h4>
        <p>{t('evaluationWaves.offeringChangesIntro')}</p>
        <OfferingList
          id="eval-compare-appeared"
          caption={t('evaluationWaves.appeared')}
          offerings={comparison.offeringChanges.appeared}
        />
        <OfferingList
          id="eval-compare-disappeared"
          caption={t('evaluationWaves.disappeared')}
          offerings={comparison.offeringChanges.disappeared}
        />
        <OfferingList
          id="eval-compare-reconfirmed"
          caption={t('evaluationWaves.reconfirmed')}
          offerings={comparison.offeringChanges.reconfirmed}
        />
      </section>
      <section class="eval-section" aria-labelledby="eval-compare-opening-title">
        <h4 id="eval-compare-opening-title">{t('evaluationPage.opening.title')}</h4>
        {table(
          'eval-compare-opening-status',
          t('evaluationPage.opening.byStatus'),
          t('evaluationPage.figures.openingStatus'),
          counted('openingStatus', comparison.opening.byStatus),
        )}
        {table(
          'eval-compare-opening-steps',
          t('evaluationPage.opening.steps'),
          t('evaluationPage.figures.openingStep'),
          counted('openingStep', comparison.opening.steps),
        )}
      </section>
      <section class="eval-section" aria-labelledby="eval-compare-needs-title">
        <h4 id="eval-compare-needs-title">{t('evaluationPage.needs.title')}</h4>
        {table(
          'eval-compare-needs',
          t('evaluationPage.needs.byCategory'),
          t('evaluationPage.figures.needCategory'),
          counted('needCategory', comparison.needs.byCategory),
        )}
      </section>
    </>
  );
}

/** Both values and the change; the change carries its sign and, for screen readers, words. */
function ChangeTable(props: { id: string; caption: string; columns: string[]; rows: ShownRow[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      rows={props.rows}
      empty={t('evaluationPage.noData')}
      captionId={`${props.id}-caption`}
      caption={props.caption}
      testId={props.id}
      columns={props.columns}
      row={(row) => (
        <tr key={row.key} data-key={row.key}>
          <th scope="row">
            <LabelText label={row} />
          </th>
          <td class="eval-number">{row.earlier}</td>
          <td class="eval-number">{row.later}</td>
          <td class={`eval-number eval-change eval-change--${row.direction}`} data-change={row.shown}>
            <span aria-hidden="true">{row.shown}</span>
            <span class="visually-hidden">{row.words}</span>
          </td>
        </tr>
      )}
    />
  );
}

function OfferingList(props: { id: string; caption: string; offerings: readonly ComparedOffering[] }) {
  const { t, language } = useI18n();
  // The count in the caption; an empty list says the same in its place (a table of nothing is noise).
  const title = t('evaluationWaves.listTitle', { title: props.caption, count: props.offerings.length });
  return (
    <div class="eval-compare__offerings">
      <DataTable
        rows={props.offerings}
        empty={title}
        captionId={`${props.id}-caption`}
        caption={title}
        testId={props.id}
        columns={[
          t('evaluationWaves.offeringTitle'),
          t('evaluationWaves.institution'),
          t('evaluationPage.figures.offeringCategory'),
        ]}
        row={(offering) => (
          <tr key={offering.offeringId} data-offering={offering.offeringId}>
            <th scope="row" dir="auto">
              {offering.title || t('evaluationWaves.untitled')}
            </th>
            <td dir="auto">{offering.institution}</td>
            <td>{keyLabel(t, language, 'offeringCategory', offering.category).label}</td>
          </tr>
        )}
      />
    </div>
  );
}
