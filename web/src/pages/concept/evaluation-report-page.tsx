import type { PublishedEvaluation } from '../../../../functions/evaluation/schemas';
import { directionOf } from '../../../../functions/shared/i18n/languages';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { PageHeading } from '../../page';
import { ReportBody } from '../evaluation/report-body';
import { formatDate } from '../offerings/labels';
import '../evaluation/evaluation.css';
import './concept.css';

/**
 * `/concept/evaluations/<id>`: one published evaluation. The summary is in the page's language; the
 * report itself is German (marked `lang="de"` even on an Arabic page). Printing it, or saving it as
 * PDF from the browser's print dialog, is the PDF path: the print stylesheet leaves the site's frame out.
 */
export function EvaluationReportPage(props: { params: Record<string, string> }) {
  const { t, language } = useI18n();
  const publicationId = props.params.publicationId ?? '';
  const [loaded, retry] = useLoad(`${publicationId}-${language}`, (signal) =>
    api<PublishedEvaluation>(
      `/api/concept/evaluations/${encodeURIComponent(publicationId)}?lang=${language}`,
      { signal },
    ),
  );
  return (
    <div class="page page--wide report-page">
      <LoadState loaded={loaded} retry={retry}>
        {(evaluation) => (
          <>
            <PageHeading>{t('evaluationReport.public.pageTitle', { title: evaluation.title })}</PageHeading>
            <p class="report-meta">
              <time dateTime={evaluation.publishedAt}>
                {t('evaluationReport.public.publishedOn', {
                  date: formatDate(language, evaluation.publishedAt),
                })}
              </time>
            </p>
            <section class="report-summary" aria-labelledby="report-summary-heading">
              <h2 id="report-summary-heading">{t('evaluationReport.public.summaryTitle')}</h2>
              <p
                data-testid="report-summary"
                lang={evaluation.summaryLanguage}
                dir={directionOf(evaluation.summaryLanguage)}
              >
                {evaluation.summary}
              </p>
              {language !== 'de' && <p class="muted">{t('evaluationReport.public.germanNote')}</p>}
            </section>
            <div class="report-actions eval-no-print">
              <button type="button" class="button button--secondary" onClick={() => window.print()}>
                {t('evaluationReport.public.print')}
              </button>
              <p class="muted">{t('evaluationReport.public.printHint')}</p>
              <p>
                <a href="/concept#veroeffentlichte-auswertungen">{t('evaluationReport.public.back')}</a>
              </p>
            </div>
            <ReportBody report={evaluation.report} />
          </>
        )}
      </LoadState>
    </div>
  );
}
