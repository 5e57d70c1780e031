import { useState } from 'preact/hooks';
import type {
  PublishedEvaluationSummary,
  ReportPreview,
  ReportSectionId,
  ReportTexts,
} from '../../../../functions/evaluation/schemas';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import { formatDate } from '../offerings/labels';
import { isVersionConflict, type StaffApi } from '../staff/staff-api';
import { ReportBody } from './report-body';

type Notice = { kind: 'ok' | 'error'; text: string } | undefined;

/**
 * The report view of the dashboard (`view=report`): the report exactly as it will be published, a text
 * area under each section's heading (saved with the version they were loaded at; a stale save says so),
 * and "Publish" behind a confirmation; after publishing, the link to the public page.
 */
export function ReportView(props: { surveyId: string; call: StaffApi }) {
  const path = `/api/staff/surveys/${encodeURIComponent(props.surveyId)}/report` as const;
  const [loaded, retry] = useLoad(path, (signal) => props.call<ReportPreview>(path, { signal }));
  return (
    <LoadState loaded={loaded} retry={retry}>
      {(preview) => <ReportEditor preview={preview} path={path} call={props.call} />}
    </LoadState>
  );
}

function ReportEditor(props: { preview: ReportPreview; path: `/api/${string}`; call: StaffApi }) {
  const { t, language } = useI18n();
  const [texts, setTexts] = useState<ReportTexts['texts']>(props.preview.texts.texts);
  const [savedTexts, setSavedTexts] = useState<ReportTexts['texts']>(props.preview.texts.texts);
  // The preview shows the texts as saved, exactly as publishing would put them in the report.
  const report = {
    ...props.preview.report,
    sections: props.preview.report.sections.map(({ staffText: _old, ...section }) => {
      const staffText = savedTexts[section.id]?.trim();
      return staffText ? { ...section, staffText } : section;
    }),
  };
  const [version, setVersion] = useState(props.preview.texts.version);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<PublishedEvaluationSummary | undefined>();
  const idempotency = useIdempotencyKey();

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setNotice(undefined);
    try {
      const saved = await props.call<ReportTexts>(`${props.path}/texts`, {
        method: 'PUT',
        body: { expectedVersion: version, texts },
      });
      setVersion(saved.version);
      setSavedTexts(saved.texts);
      setNotice({ kind: 'ok', text: t('evaluationReport.staff.saved') });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: isVersionConflict(error)
          ? t('evaluationReport.staff.stale')
          : failureText(error, t('evaluationReport.staff.failed')),
      });
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    setBusy(true);
    setNotice(undefined);
    try {
      const done = await props.call<PublishedEvaluationSummary>(`${props.path}/publications`, {
        method: 'POST',
        idempotencyKey: idempotency.current(),
      });
      idempotency.settled();
      setConfirming(false);
      setPublished(done);
    } catch (error) {
      idempotency.settled(error);
      setNotice({ kind: 'error', text: failureText(error, t('evaluationReport.staff.failed')) });
    } finally {
      setBusy(false);
    }
  }

  const textArea = (sectionId: ReportSectionId) => {
    const heading = report.sections.find((section) => section.id === sectionId)?.heading ?? sectionId;
    const id = `report-text-input-${sectionId}`;
    return (
      <div class="field report-text-field eval-no-print" lang={language}>
        <label for={id}>{t('evaluationReport.staff.textLabel', { section: heading })}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={3000}
          value={texts[sectionId] ?? ''}
          onInput={(event) => setTexts({ ...texts, [sectionId]: event.currentTarget.value })}
        />
      </div>
    );
  };

  const publications = published ? [published, ...props.preview.publications] : props.preview.publications;
  return (
    <div class="report-preview">
      <h3>{t('evaluationReport.staff.title')}</h3>
      <p>{t('evaluationReport.staff.intro', { threshold: report.threshold })}</p>
      <form onSubmit={save} class="report-form">
        <ReportBody report={report} headingLevel={3} before={textArea} />
        <div class="button-row eval-no-print">
          <button type="submit" class="button" disabled={busy}>
            {t('evaluationReport.staff.saveTexts')}
          </button>
          {!confirming && (
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t('evaluationReport.staff.publish')}
            </button>
          )}
        </div>
      </form>
      {confirming && (
        <div
          class="console-block report-confirm eval-no-print"
          role="alertdialog"
          aria-labelledby="report-confirm-text"
        >
          <p id="report-confirm-text">{t('evaluationReport.staff.publishConfirm')}</p>
          <div class="button-row">
            <button type="button" class="button" disabled={busy} onClick={publish}>
              {t('evaluationReport.staff.publishConfirmYes')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t('evaluationReport.staff.cancel')}
            </button>
          </div>
        </div>
      )}
      <p
        class={notice?.kind === 'error' ? 'console-notice console-notice--error' : 'console-notice'}
        role="status"
        data-testid="report-notice"
      >
        {notice?.text ?? ''}
        {published && (
          <>
            {t('evaluationReport.staff.published', { date: formatDate(language, published.publishedAt) })}{' '}
            <a href={published.path} data-testid="report-public-link">
              {t('evaluationReport.staff.publicLink')}
            </a>
          </>
        )}
      </p>
      <section class="eval-no-print" aria-labelledby="report-publications-title">
        <h3 id="report-publications-title">{t('evaluationReport.staff.publicationsTitle')}</h3>
        {publications.length === 0 ? (
          <p>{t('evaluationReport.staff.noPublications')}</p>
        ) : (
          <ul>
            {publications.map((publication) => (
              <li key={publication.publicationId}>
                <a href={publication.path}>
                  {t('evaluationReport.public.publishedOn', {
                    date: formatDate(language, publication.publishedAt, 'dateTime'),
                  })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
