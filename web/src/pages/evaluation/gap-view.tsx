import type { z } from 'zod';
import type { GapView as GapViewData } from '../../../../functions/evaluation/schemas';
import { placeIds } from '../../../../functions/survey/questionnaire';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { ScrollRegion } from '../staff/scroll-region';
import type { StaffApi } from '../staff/staff-api';
import { CountLink, LabelText } from './count-figure';
import { ViewHeading } from './drill-down';
import {
  type DrillDownFigure,
  drillDownHref,
  type EvaluationView,
  evaluationApi,
  type Filter,
} from './evaluation-query';
import { type GapPart, type GapState, gapCellText, gapLines, keyLabel, pressingCells } from './figure-data';
import { FilterSummary } from './filter-form';

type GapData = z.infer<typeof GapViewData>;
type GapRow = GapData['rows'][number];

/** A sign beside each state's word, so the cell reads without colour and without the word's language. */
const stateSigns: Record<GapState, string> = { gap: '✕', few: '!', covered: '✓', no_need: '–' };

interface Context {
  surveyId: string;
  filter: Filter;
  search: string;
}

/**
 * Where a cell's need count drills down to: the need category under the same filters, narrowed to the
 * cell's place when the line is a place (the API counts an institution's needs where it works, the
 * filter's rule). Offering counts drill down to the offering category under the page's filters.
 */
function cellHref(context: Context, part: GapPart, column: string, figure: DrillDownFigure, value: string) {
  const narrowed: Filter =
    part === 'byPlace' && placeIds.includes(column) ? { ...context.filter, place: column } : context.filter;
  return drillDownHref(context.surveyId, narrowed, figure, value, context.search);
}

function columnLabel(
  t: ReturnType<typeof useI18n>['t'],
  language: ReturnType<typeof useI18n>['language'],
  part: GapPart,
  column: string,
) {
  return keyLabel(t, language, part === 'byPlace' ? 'place' : 'targetGroup', column);
}

function GapTable(props: { rows: readonly GapRow[]; part: GapPart; context: Context; caption: string }) {
  const { t, language } = useI18n();
  const { rows, part, context } = props;
  const { reported, quiet } = gapLines(rows, part);
  const captionId = `eval-gaps-${part}`;
  const needs = rows.map((row) => ({
    row,
    need: keyLabel(t, language, 'needCategory', row.need).label,
    offering: keyLabel(t, language, 'offeringCategory', row.offeringCategory).label,
  }));
  return (
    <>
      {reported.length === 0 ? (
        <p class="notice">{t('evaluationPage.gaps.noNeeds')}</p>
      ) : (
        <ScrollRegion labelledBy={captionId}>
          <table class="data-table gap-table" data-testid={`eval-gaps-${part}`}>
            <caption id={captionId}>{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t(
                    part === 'byPlace'
                      ? 'evaluationPage.figures.place'
                      : 'evaluationPage.figures.targetGroup',
                  )}
                </th>
                {needs.map(({ row, need, offering }) => (
                  <th scope="col" key={row.need}>
                    {need}
                    <span class="data-table__detail">
                      {t('evaluationPage.gaps.answeredBy', { category: offering })}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reported.map((line) => {
                const where = columnLabel(t, language, part, line.column);
                return (
                  <tr key={line.column} data-key={line.column}>
                    <th scope="row">
                      <LabelText label={where} />
                    </th>
                    {line.cells.map((cell, index) => {
                      const need = needs[index];
                      if (!need) return null;
                      return (
                        <td
                          key={need.row.need}
                          class={`gap-cell gap-cell--${cell.state}`}
                          data-need={need.row.need}
                          data-state={cell.state}
                        >
                          <span class="gap-cell__state">
                            <span aria-hidden="true">{stateSigns[cell.state]}</span>{' '}
                            {t(`evaluationPage.gaps.states.${cell.state}`)}
                          </span>
                          <span class="gap-cell__count">
                            {t('evaluationPage.gaps.needsLabel')}{' '}
                            <CountLink
                              count={cell.needs}
                              href={cellHref(context, part, line.column, 'needCategory', need.row.need)}
                              about={`${need.need}, ${where.label}`}
                            />
                          </span>
                          <span class="gap-cell__count">
                            {t('evaluationPage.gaps.offeringsLabel')}{' '}
                            <CountLink
                              count={cell.offerings}
                              href={drillDownHref(
                                context.surveyId,
                                context.filter,
                                'offeringCategory',
                                need.row.offeringCategory,
                                context.search,
                              )}
                              about={`${need.offering}, ${where.label}`}
                            />
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {quiet.length > 0 && (
        <p class="gap-quiet" data-testid={`eval-gaps-${part}-quiet`}>
          {t('evaluationPage.gaps.quiet')}{' '}
          {quiet.map((column, index) => (
            <span key={column}>
              {index > 0 && ', '}
              <LabelText label={columnLabel(t, language, part, column)} />
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function Pressing(props: { rows: readonly GapRow[] }) {
  const { t, language } = useI18n();
  const cells = [
    ...pressingCells(props.rows, 'byPlace', 10).map((entry) => ({ ...entry, part: 'byPlace' as const })),
    ...pressingCells(props.rows, 'byTargetGroup', 10).map((entry) => ({
      ...entry,
      part: 'byTargetGroup' as const,
    })),
  ];
  return (
    <section aria-labelledby="eval-gaps-pressing" class="eval-section">
      <h4 id="eval-gaps-pressing">{t('evaluationPage.gaps.pressingTitle')}</h4>
      {cells.length === 0 ? (
        <p>{t('evaluationPage.gaps.nonePressing')}</p>
      ) : (
        <ul data-testid="eval-gaps-pressing">
          {cells.map(({ row, cell, part }) => (
            <li key={`${part}-${row.need}-${cell.column}`}>
              {keyLabel(t, language, 'needCategory', row.need).label} –{' '}
              <LabelText label={columnLabel(t, language, part, cell.column)} />: {gapCellText(t, cell)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The gap view: needs against offerings per category × place and per category × target group, every
 * cell in words and signs; the table a steering committee sets priorities from, printable on its own.
 */
export function GapView(props: { surveyId: string; view: EvaluationView; search: string; call: StaffApi }) {
  const { t } = useI18n();
  const path = evaluationApi.gaps(props.surveyId, props.view.filter);
  const [loaded, retry] = useLoad(path, (signal) => props.call<GapData>(path, { signal }));
  const context: Context = { surveyId: props.surveyId, filter: props.view.filter, search: props.search };
  return (
    <section class="eval-gaps" aria-labelledby="eval-gaps-title">
      <ViewHeading id="eval-gaps-title" testId="eval-gaps-title">
        {t('evaluationPage.gaps.title')}
      </ViewHeading>
      <p>{t('evaluationPage.gaps.intro')}</p>
      <FilterSummary filter={props.view.filter} />
      <div class="button-row eval-no-print">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('evaluationPage.gaps.print')}
        </button>
      </div>
      <dl class="gap-legend">
        {(['gap', 'few', 'covered', 'no_need'] as const).map((state) => (
          <div key={state}>
            <dt>
              <span aria-hidden="true">{stateSigns[state]}</span> {t(`evaluationPage.gaps.states.${state}`)}
            </dt>
            <dd>{t(`evaluationPage.gaps.meanings.${state}`)}</dd>
          </div>
        ))}
      </dl>
      <LoadState loaded={loaded} retry={retry}>
        {(gaps) => (
          <>
            <Pressing rows={gaps.rows} />
            <GapTable
              rows={gaps.rows}
              part="byPlace"
              context={context}
              caption={t('evaluationPage.gaps.byPlace')}
            />
            <p class="gap-places">{t('evaluationPage.gaps.placesNote')}</p>
            <GapTable
              rows={gaps.rows}
              part="byTargetGroup"
              context={context}
              caption={t('evaluationPage.gaps.byTargetGroup')}
            />
          </>
        )}
      </LoadState>
    </section>
  );
}
