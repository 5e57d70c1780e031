import type { z } from 'zod';
import type { Evaluation, QuotedText } from '../../../../functions/evaluation/schemas';
import { openingStatuses } from '../../../../functions/survey/questionnaire';
import { useI18n } from '../../i18n';
import { DataTable } from '../staff/data-table';
import { Chart } from './chart';
import { CountFigure, CountLink, LabelText } from './count-figure';
import { type DrillDownFigure, drillDownHref, type Filter, viewHref } from './evaluation-query';
import {
  barSummary,
  breakdownRows,
  consentRows,
  countRows,
  formatRate,
  keyLabel,
  openingBySectorRows,
  progressRows,
} from './figure-data';

type EvaluationData = z.infer<typeof Evaluation>;

interface Context {
  surveyId: string;
  filter: Filter;
  search: string;
}

function hrefFor(context: Context, figure: DrillDownFigure, value: string, filter = context.filter) {
  return drillDownHref(context.surveyId, filter, figure, value, context.search);
}

/**
 * Text an institution wrote, as written, marked with its language and direction, whose it is, and
 * whether the institution consented to its being quoted in anything published.
 */
export function Quotes(props: {
  quotes: readonly QuotedText[];
  context: Context;
  empty: string;
  testId?: string;
}) {
  const { t } = useI18n();
  if (props.quotes.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="eval-quotes" data-testid={props.testId}>
      {props.quotes.map((quote) => (
        <li key={`${quote.invitationId}-${quote.text.slice(0, 20)}`}>
          <blockquote lang={quote.lang} dir={quote.dir}>
            <p>{quote.text}</p>
          </blockquote>
          <p class="eval-quotes__source">
            {t('evaluationPage.quoteSource')}{' '}
            <a
              href={viewHref(
                props.context.surveyId,
                { view: 'dashboard', filter: props.context.filter, response: quote.invitationId },
                props.context.search,
              )}
              dir="auto"
            >
              {quote.institution}
            </a>
            {' · '}
            {/* Said in words, not by colour: staff must not publish a text without consent. */}
            <span class={quote.quoteConsent ? undefined : 'eval-quotes__private'}>
              {t(quote.quoteConsent ? 'quoteConsent.allowed' : 'quoteConsent.notAllowed')}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}

function ProgressSection(props: { evaluation: EvaluationData; context: Context }) {
  const { t, language } = useI18n();
  const { progress } = props.evaluation;
  const { context } = props;
  const breakdown = (figure: 'sector' | 'type' | 'place', rows: typeof progress.bySector, title: string) => (
    <DataTable
      rows={breakdownRows(t, language, figure, rows)}
      empty={t('evaluationPage.noData')}
      captionId={`eval-progress-${figure}`}
      caption={title}
      testId={`eval-progress-${figure}`}
      columns={[
        t(`evaluationPage.figures.${figure}`),
        t('evaluationPage.states.invited'),
        t('evaluationPage.states.submitted'),
        t('evaluationPage.progress.rate'),
      ]}
      row={(row) => (
        <tr key={row.key} data-key={row.key}>
          <th scope="row">
            <LabelText label={row} />
          </th>
          <td class="eval-number">
            <CountLink
              count={row.invited}
              href={hrefFor(context, figure, row.key)}
              about={`${row.label}, ${t('evaluationPage.states.invited')}`}
            />
          </td>
          <td class="eval-number">
            <CountLink
              count={row.submitted}
              href={hrefFor(context, figure, row.key)}
              about={`${row.label}, ${t('evaluationPage.states.submitted')}`}
            />
          </td>
          <td class="eval-number">{row.rate}</td>
        </tr>
      )}
    />
  );
  const overTime = progress.submissionsOverTime;
  return (
    <section class="eval-section" aria-labelledby="eval-progress-title">
      <h3 id="eval-progress-title">{t('evaluationPage.progress.title')}</h3>
      <p class="eval-headline" data-testid="eval-response-rate">
        {t('evaluationPage.progress.rateSentence', {
          rate: formatRate(language, progress.responseRate),
          submitted: progress.submitted,
          invited: progress.invited - progress.revoked,
        })}
      </p>
      <CountFigure
        id="eval-progress"
        title={t('evaluationPage.progress.statesTitle')}
        labelColumn={t('evaluationPage.progress.state')}
        rows={progressRows(t, language, progress)}
        href={(row) => hrefFor(context, 'progress', row.key)}
      />
      {breakdown('sector', progress.bySector, t('evaluationPage.progress.bySector'))}
      {breakdown('type', progress.byType, t('evaluationPage.progress.byType'))}
      {breakdown('place', progress.byPlace, t('evaluationPage.progress.byPlace'))}
      <figure class="eval-figure" aria-labelledby="eval-over-time-title">
        <figcaption id="eval-over-time-title">{t('evaluationPage.progress.overTime')}</figcaption>
        {overTime.length > 0 && (
          <Chart
            data={{ kind: 'days', rows: overTime }}
            summary={t('evaluationPage.lineChartSummary', {
              days: overTime.length,
              total: overTime.at(-1)?.cumulative ?? 0,
            })}
          />
        )}
        <DataTable
          rows={overTime}
          empty={t('evaluationPage.noSubmissions')}
          captionId="eval-over-time-table"
          caption={t('evaluationPage.tableOf', { title: t('evaluationPage.progress.overTime') })}
          testId="eval-over-time-table"
          columns={[
            t('evaluationPage.progress.day'),
            t('evaluationPage.progress.onTheDay'),
            t('evaluationPage.progress.cumulative'),
          ]}
          row={(day) => {
            const label = keyLabel(t, language, 'submittedOn', day.date).label;
            return (
              <tr key={day.date}>
                <th scope="row">{label}</th>
                <td class="eval-number">
                  <CountLink
                    count={day.count}
                    href={hrefFor(context, 'submittedOn', day.date)}
                    about={label}
                  />
                </td>
                <td class="eval-number">
                  <CountLink
                    count={day.cumulative}
                    href={hrefFor(context, 'progress', 'submitted', { ...context.filter, to: day.date })}
                    about={`${t('evaluationPage.progress.cumulative')}, ${label}`}
                  />
                </td>
              </tr>
            );
          }}
        />
      </figure>
    </section>
  );
}

function OfferingsSection(props: { evaluation: EvaluationData; context: Context }) {
  const { t, language } = useI18n();
  const { offerings } = props.evaluation;
  const { context } = props;
  const figure = (
    id: string,
    figureName: DrillDownFigure,
    counts: typeof offerings.byCategory,
    title: string,
  ) => (
    <CountFigure
      id={id}
      title={title}
      labelColumn={t(`evaluationPage.figures.${figureName}`)}
      rows={countRows(t, language, figureName, counts)}
      href={(row) => hrefFor(context, figureName, row.key)}
    />
  );
  return (
    <section class="eval-section" aria-labelledby="eval-offerings-title">
      <h3 id="eval-offerings-title">{t('evaluationPage.offerings.title')}</h3>
      <p class="eval-headline" data-testid="eval-offerings-total">
        {t('evaluationPage.offerings.total', { count: offerings.total })}
      </p>
      <CountFigure
        id="eval-consent"
        title={t('evaluationPage.offerings.consentTitle')}
        labelColumn={t('evaluationPage.figures.consent')}
        rows={consentRows(t, language, offerings)}
        href={(row) => hrefFor(context, 'consent', row.key)}
      />
      {figure(
        'eval-offering-category',
        'offeringCategory',
        offerings.byCategory,
        t('evaluationPage.offerings.byCategory'),
      )}
      {figure(
        'eval-offering-place',
        'offeringPlace',
        offerings.byPlace,
        t('evaluationPage.offerings.byPlace'),
      )}
      {figure(
        'eval-target-group',
        'targetGroup',
        offerings.byTargetGroup,
        t('evaluationPage.offerings.byTargetGroup'),
      )}
      {figure(
        'eval-offered-language',
        'offeredLanguage',
        offerings.byLanguage,
        t('evaluationPage.offerings.byLanguage'),
      )}
    </section>
  );
}

function OpeningSection(props: { evaluation: EvaluationData; context: Context }) {
  const { t, language } = useI18n();
  const { opening } = props.evaluation;
  const { context } = props;
  const statusLabels = openingStatuses.map((status) => keyLabel(t, language, 'openingStatus', status).label);
  return (
    <section class="eval-section" aria-labelledby="eval-opening-title">
      <h3 id="eval-opening-title">{t('evaluationPage.opening.title')}</h3>
      <CountFigure
        id="eval-opening-status"
        title={t('evaluationPage.opening.byStatus')}
        labelColumn={t('evaluationPage.figures.openingStatus')}
        rows={countRows(t, language, 'openingStatus', opening.byStatus)}
        href={(row) => hrefFor(context, 'openingStatus', row.key)}
      />
      <DataTable
        rows={openingBySectorRows(t, language, openingStatuses, opening.bySector)}
        empty={t('evaluationPage.noData')}
        captionId="eval-opening-sector"
        caption={t('evaluationPage.opening.bySector')}
        testId="eval-opening-sector"
        columns={[t('evaluationPage.figures.sector'), ...statusLabels]}
        row={(row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.label.label}</th>
            {row.counts.map((count, index) => {
              const status = openingStatuses[index] ?? 'not_considered';
              // The sector is a filter here, so the list holds exactly this cell's responses.
              const href =
                row.key === 'unknown'
                  ? undefined
                  : hrefFor(context, 'openingStatus', status, {
                      ...context.filter,
                      sector: row.key as NonNullable<Filter['sector']>,
                    });
              return (
                <td class="eval-number" key={status}>
                  <CountLink count={count} href={href} about={`${row.label.label}, ${statusLabels[index]}`} />
                </td>
              );
            })}
          </tr>
        )}
      />
      <CountFigure
        id="eval-opening-steps"
        title={t('evaluationPage.opening.steps')}
        labelColumn={t('evaluationPage.figures.openingStep')}
        rows={countRows(t, language, 'openingStep', opening.steps)}
        href={(row) => hrefFor(context, 'openingStep', row.key)}
      />
      <h4>{t('evaluationPage.opening.obstacles')}</h4>
      <Quotes
        quotes={opening.obstacles}
        context={context}
        empty={t('evaluationPage.noTexts')}
        testId="eval-obstacles"
      />
    </section>
  );
}

function NeedsSection(props: { evaluation: EvaluationData; context: Context }) {
  const { t, language } = useI18n();
  const { needs } = props.evaluation;
  const { context } = props;
  const rows = countRows(t, language, 'needCategory', needs.byCategory);
  return (
    <section class="eval-section" aria-labelledby="eval-needs-title">
      <h3 id="eval-needs-title">{t('evaluationPage.needs.title')}</h3>
      <CountFigure
        id="eval-needs"
        title={t('evaluationPage.needs.byCategory')}
        labelColumn={t('evaluationPage.figures.needCategory')}
        rows={rows}
        href={(row) => hrefFor(context, 'needCategory', row.key)}
      />
      <h4>{t('evaluationPage.needs.textsTitle')}</h4>
      {needs.byCategory.filter((category) => category.texts.length > 0).length === 0 && (
        <p class="muted">{t('evaluationPage.noTexts')}</p>
      )}
      {needs.byCategory
        .filter((category) => category.texts.length > 0)
        .map((category) => {
          const label = keyLabel(t, language, 'needCategory', category.key).label;
          return (
            <section
              key={category.key}
              class="eval-need-texts"
              aria-labelledby={`eval-need-${category.key}`}
              data-testid={`eval-need-texts-${category.key}`}
            >
              <h5 id={`eval-need-${category.key}`}>
                {t('evaluationPage.needs.textsOf', { category: label, count: category.count })}
              </h5>
              <Quotes quotes={category.texts} context={context} empty={t('evaluationPage.noTexts')} />
            </section>
          );
        })}
      <h4>{t('evaluationPage.needs.mostHelpful')}</h4>
      <Quotes
        quotes={needs.mostHelpful}
        context={context}
        empty={t('evaluationPage.noTexts')}
        testId="eval-most-helpful"
      />
    </section>
  );
}

function InterviewsSection(props: { evaluation: EvaluationData }) {
  const { t, language } = useI18n();
  const { interviews, byTopic } = props.evaluation.interviewsAndWorkshop;
  const interviewRows = (['invited', 'booked', 'held', 'writtenUp'] as const).map((state) => ({
    state,
    count: interviews[state],
  }));
  return (
    <section class="eval-section" aria-labelledby="eval-interviews-title">
      <h3 id="eval-interviews-title">{t('evaluationPage.interviews.title')}</h3>
      <p>{t('evaluationPage.interviews.note')}</p>
      <figure class="eval-figure" aria-labelledby="eval-interviews-figure">
        <figcaption id="eval-interviews-figure">{t('evaluationPage.interviews.countsTitle')}</figcaption>
        <Chart
          data={{
            kind: 'bars',
            rows: interviewRows.map((row) => ({
              key: row.state,
              label: t(`evaluationPage.interviews.${row.state}`),
              count: row.count,
            })),
          }}
          summary={barSummary(
            t,
            interviewRows.map((row) => ({
              label: t(`evaluationPage.interviews.${row.state}`),
              count: row.count,
            })),
          )}
        />
        <DataTable
          rows={interviewRows}
          empty={t('evaluationPage.noData')}
          captionId="eval-interviews-table"
          caption={t('evaluationPage.tableOf', { title: t('evaluationPage.interviews.countsTitle') })}
          testId="eval-interviews-table"
          columns={[t('evaluationPage.progress.state'), t('evaluationPage.colCount')]}
          row={(row) => (
            <tr key={row.state} data-key={row.state}>
              <th scope="row">{t(`evaluationPage.interviews.${row.state}`)}</th>
              <td class="eval-number">{row.count}</td>
            </tr>
          )}
        />
      </figure>
      <DataTable
        rows={byTopic}
        empty={t('evaluationPage.noData')}
        captionId="eval-topics-table"
        caption={t('evaluationPage.interviews.byTopic')}
        testId="eval-topics-table"
        columns={[
          t('evaluationPage.interviews.topic'),
          t('evaluationPage.interviews.surveyNeeds'),
          t('evaluationPage.interviews.interviewFindings'),
          t('evaluationPage.interviews.workshopFindings'),
          t('evaluationPage.interviews.recommendations'),
        ]}
        row={(row) => (
          <tr key={row.topic} data-key={row.topic}>
            <th scope="row">{keyLabel(t, language, 'offeringCategory', row.topic).label}</th>
            <td class="eval-number">{row.surveyNeeds}</td>
            <td class="eval-number">{row.interviewFindings}</td>
            <td class="eval-number">{row.workshopFindings}</td>
            <td class="eval-number">{row.recommendations}</td>
          </tr>
        )}
      />
    </section>
  );
}

/** Every figure of one survey wave under the filters in the address. */
export function Dashboard(props: { evaluation: EvaluationData; context: Context }) {
  return (
    <>
      <ProgressSection {...props} />
      <OfferingsSection {...props} />
      <OpeningSection {...props} />
      <NeedsSection {...props} />
      <InterviewsSection evaluation={props.evaluation} />
    </>
  );
}
