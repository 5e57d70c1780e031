import type { PublishedEvaluationList } from '../../../../functions/evaluation/schemas';
import { directionOf } from '../../../../functions/shared/i18n/languages';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { formatDate } from '../offerings/labels';

/** The concept page's "Veröffentlichte Auswertungen": date, summary in the page's language, the report. */
export function PublishedEvaluations() {
  const { t, language } = useI18n();
  const [loaded, retry] = useLoad(`evaluations-${language}`, (signal) =>
    api<PublishedEvaluationList>(`/api/concept/evaluations?lang=${language}`, { signal }),
  );
  return (
    <section
      id="veroeffentlichte-auswertungen"
      class="concept-section"
      aria-labelledby="published-evaluations-heading"
      tabIndex={-1}
    >
      <h2 id="published-evaluations-heading">{t('evaluationReport.public.sectionTitle')}</h2>
      <LoadState loaded={loaded} retry={retry}>
        {({ evaluations }) =>
          evaluations.length === 0 ? (
            <p>{t('evaluationReport.public.none')}</p>
          ) : (
            <ul class="concept-evaluations" data-testid="published-evaluations">
              {evaluations.map((evaluation) => (
                <li key={evaluation.publicationId} class="concept-evaluations__item">
                  <time dateTime={evaluation.publishedAt}>
                    {t('evaluationReport.public.publishedOn', {
                      date: formatDate(language, evaluation.publishedAt),
                    })}
                  </time>
                  <p lang={evaluation.summaryLanguage} dir={directionOf(evaluation.summaryLanguage)}>
                    {evaluation.summary}
                  </p>
                  <p>
                    <a href={evaluation.path}>
                      {t('evaluationReport.public.readReport', { title: evaluation.title })}
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
