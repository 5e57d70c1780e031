import type { z } from 'zod';
import { formatMonthOrDay } from '../../../../functions/shared/i18n/format';
import { directionOf, type Language } from '../../../../functions/shared/i18n/languages';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { type ConceptStatus, measureStatuses } from '../../../../functions/steering/schemas';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { PageHeading } from '../../page';
import '../concept/concept.css';
import './steering.css';

type Status = z.infer<typeof ConceptStatus>;
type Priority = Status['priorities'][number];
type Measure = Priority['measures'][number];

/** A text in another language than the page's (German before it is translated) is marked as such. */
function written(textLanguage: Language, pageLanguage: Language) {
  return textLanguage === pageLanguage ? {} : { lang: textLanguage, dir: directionOf(textLanguage) };
}

/** Offices and institutions are named as they call themselves: in German. */
const organisation = (pageLanguage: Language) =>
  pageLanguage === 'de' ? {} : { lang: 'de', dir: 'ltr' as const };

function Timeframe(props: { timeframe: Measure['timeframe'] }) {
  const { t, language } = useI18n();
  const from = formatMonthOrDay(props.timeframe.from, language);
  if (!props.timeframe.to) return <>{t('steering.timeframeFrom', { from })}</>;
  return <>{t('steering.timeframeRange', { from, to: formatMonthOrDay(props.timeframe.to, language) })}</>;
}

function MeasureItem(props: { measure: Measure }) {
  const { t, language } = useI18n();
  const { measure } = props;
  return (
    <li class="steering-measure">
      <h4 {...written(measure.textLanguage, language)}>{measure.title}</h4>
      {measure.fallback && <p class="steering-note">({t('steering.notTranslated')})</p>}
      {measure.description && <p {...written(measure.textLanguage, language)}>{measure.description}</p>}
      <dl class="steering-facts">
        <div>
          <dt>{t('steering.status')}</dt>
          <dd>
            <span class={`steering-state steering-state--${measure.status}`}>
              {t(`steering.measureStatus.${measure.status}` as MessageKey)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('steering.owner')}</dt>
          <dd {...organisation(language)}>{measure.owner}</dd>
        </div>
        {measure.partners.length > 0 && (
          <div>
            <dt>{t('steering.partners')}</dt>
            <dd {...organisation(language)}>{measure.partners.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('steering.timeframe')}</dt>
          <dd>
            <Timeframe timeframe={measure.timeframe} />
          </dd>
        </div>
      </dl>
    </li>
  );
}

function PriorityItem(props: { priority: Priority }) {
  const { t, language } = useI18n();
  const { priority } = props;
  const headingId = `priority-${priority.priorityId}`;
  return (
    <article class="steering-priority" aria-labelledby={headingId} data-testid="public-priority">
      <h3 id={headingId}>
        <span {...written(priority.textLanguage, language)}>{priority.title}</span>{' '}
        <span class="steering-badge">{t(`steering.priorityStatus.${priority.status}` as MessageKey)}</span>
      </h3>
      {priority.fallback && <p class="steering-note">({t('steering.notTranslated')})</p>}
      {priority.description && <p {...written(priority.textLanguage, language)}>{priority.description}</p>}
      {priority.needs.length > 0 && (
        <p>
          <strong>{t('steering.justifiedBy')}:</strong>{' '}
          {priority.needs.map((need) => t(`questionnaire.needCategories.${need}` as MessageKey)).join(', ')}
        </p>
      )}
      {priority.measures.length === 0 ? (
        <p>{t('steering.noMeasures')}</p>
      ) : (
        <ul class="steering-measures">
          {priority.measures.map((measure) => (
            <MeasureItem key={measure.measureId} measure={measure} />
          ))}
        </ul>
      )}
    </article>
  );
}

function Counts(props: { counts: Status['measureCounts'] }) {
  const { t } = useI18n();
  return (
    <ul class="steering-counts" data-testid="measure-counts">
      {measureStatuses.map((status) => (
        <li key={status} class={`steering-state steering-state--${status}`}>
          {t(`steering.measureCount.${status}`, { count: props.counts[status] })}
        </li>
      ))}
    </ul>
  );
}

/**
 * `/concept/status`, "Where does the concept stand?": the adopted priorities with their measures, the
 * milestones and the published evaluations, from the same use case the chatbot answers with.
 */
export function ConceptStatusPage() {
  const { t, language } = useI18n();
  const [loaded, retry] = useLoad(language, (signal) =>
    api<Status>(`/api/concept/status?lang=${language}`, { signal }),
  );
  return (
    <div class="page steering-status">
      <PageHeading>{t('steering.statusTitle')}</PageHeading>
      <p class="lead">{t('steering.statusIntro')}</p>
      <LoadState loaded={loaded} retry={retry}>
        {(status) => (
          <>
            {status.updatedAt && (
              <p>{t('steering.updatedAt', { date: formatMonthOrDay(status.updatedAt, language) })}</p>
            )}
            <section aria-labelledby="steering-overview" class="steering-block">
              <h2 id="steering-overview">{t('steering.overviewHeading')}</h2>
              <Counts counts={status.measureCounts} />
            </section>
            <section aria-labelledby="steering-priorities" class="steering-block">
              <h2 id="steering-priorities">{t('steering.prioritiesHeading')}</h2>
              {status.priorities.length === 0 ? (
                <p>{t('steering.noPriorities')}</p>
              ) : (
                status.priorities.map((priority) => (
                  <PriorityItem key={priority.priorityId} priority={priority} />
                ))
              )}
            </section>
            {status.milestones.length > 0 && (
              <section aria-labelledby="steering-milestones" class="steering-block">
                <h2 id="steering-milestones">{t('steering.milestonesHeading')}</h2>
                <ol class="concept-milestones">
                  {[...status.milestones].reverse().map((milestone) => (
                    <li key={milestone.id} class="concept-milestones__item">
                      <time dateTime={milestone.date}>{formatMonthOrDay(milestone.date, language)}</time>
                      <span class="concept-milestones__title" {...written(milestone.textLanguage, language)}>
                        {milestone.title}
                      </span>
                      {milestone.fallback && (
                        <span class="concept-milestones__note"> ({t('steering.notTranslated')})</span>
                      )}
                    </li>
                  ))}
                </ol>
              </section>
            )}
            <section aria-labelledby="steering-evaluations" class="steering-block">
              <h2 id="steering-evaluations">{t('steering.evaluationsHeading')}</h2>
              {status.evaluations.length === 0 ? (
                <p>{t('steering.noEvaluations')}</p>
              ) : (
                <ul>
                  {status.evaluations.map((evaluation) => (
                    <li key={evaluation.url}>
                      <a href={evaluation.url}>{evaluation.title}</a> (
                      {formatMonthOrDay(evaluation.publishedAt, language)}): {evaluation.summary}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <p class="steering-block">
              <a href="/concept">{t('steering.backToConcept')}</a>
            </p>
          </>
        )}
      </LoadState>
    </div>
  );
}
