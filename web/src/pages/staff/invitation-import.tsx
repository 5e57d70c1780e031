import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { ImportPreview } from '../../../../functions/survey/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LanguageName } from './invitations-table';
import { ScrollRegion } from './scroll-region';
import type { StaffApi } from './staff-api';

type Preview = z.infer<typeof ImportPreview>;

/** The API accepts up to 200,000 characters of CSV. */
const maxCsvLength = 200_000;

/**
 * Invites many institutions from a CSV file (or pasted text): first a preview of what would be created
 * and which lines have problems (nothing is stored), then creating the invitations of the good lines.
 */
export function InvitationImport(props: { call: StaffApi; base: string; onCreated: () => void }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<Preview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultElement = useRef<HTMLParagraphElement>(null);

  const changeCsv = (text: string) => {
    setCsv(text);
    setPreview(undefined); // a preview belongs to the text it was made from
    setResult(undefined);
  };

  async function readFile(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setError(undefined);
    if (file.size > maxCsvLength * 4) {
      setError(t('staffSurvey.importTooLarge'));
      return;
    }
    changeCsv(await file.text());
  }

  async function send(dryRun: boolean) {
    setError(undefined);
    setResult(undefined);
    if (!csv.trim()) {
      setError(t('staffSurvey.importEmpty'));
      document.getElementById('import-csv')?.focus();
      return;
    }
    if (csv.length > maxCsvLength) {
      setError(t('staffSurvey.importTooLarge'));
      return;
    }
    setBusy(true);
    try {
      const answer = await props.call<Preview>(`${props.base}/invitations/import` as `/api/${string}`, {
        method: 'POST',
        body: { csv, dryRun },
      });
      if (dryRun) {
        setPreview(answer);
        requestAnimationFrame(() => previewHeading.current?.focus());
      } else {
        setPreview(undefined);
        setCsv('');
        setResult(t('staffSurvey.importCreated', { count: answer.created }));
        props.onCreated();
        requestAnimationFrame(() => resultElement.current?.focus());
      }
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return;
      setError(failureText(failure, t('app.loadFailed')));
    } finally {
      setBusy(false);
    }
  }

  const good = preview?.rows.filter((row) => !row.problem).length ?? 0;
  const bad = (preview?.rows.length ?? 0) - good;

  return (
    <section class="console-block" aria-labelledby="import-title">
      <h4 id="import-title">{t('staffSurvey.importTitle')}</h4>
      <p id="import-format">{t('staffSurvey.importFormat')}</p>
      <p class="import-example__label">{t('staffSurvey.importExample')}</p>
      <pre class="import-example">
        {'institution,email,language\nJugendzentrum Musterstadt,info@example.org,de'}
      </pre>
      <div class="field">
        <label for="import-file">{t('staffSurvey.importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void readFile(event)}
        />
      </div>
      <div class="field">
        <label for="import-csv">{t('staffSurvey.importPaste')}</label>
        <textarea
          id="import-csv"
          rows={6}
          spellcheck={false}
          aria-describedby={error ? 'import-format import-error' : 'import-format'}
          aria-invalid={error ? 'true' : undefined}
          value={csv}
          onInput={(event) => changeCsv(event.currentTarget.value)}
        />
      </div>
      {error && (
        <p class="form__error" id="import-error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => void send(true)}
        >
          {t('staffSurvey.importPreview')}
        </button>
      </div>
      <p
        ref={resultElement}
        tabIndex={-1}
        role="status"
        class={result ? 'console-notice console-notice--success' : 'console-notice'}
      >
        {result ?? ''}
      </p>

      {preview && (
        <div class="import-preview">
          <h5 ref={previewHeading} tabIndex={-1} class="import-preview__title">
            {t('staffSurvey.importPreviewTitle')}
          </h5>
          <p>{t('staffSurvey.importSummary', { good, bad })}</p>
          <ScrollRegion labelledBy="import-preview-caption">
            <table class="data-table" data-testid="import-preview">
              <caption id="import-preview-caption">{t('staffSurvey.importPreviewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staffSurvey.importLine')}</th>
                  <th scope="col">{t('staffSurvey.institution')}</th>
                  <th scope="col">{t('staffSurvey.email')}</th>
                  <th scope="col">{t('staffSurvey.language')}</th>
                  <th scope="col">{t('staffSurvey.importOutcome')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line} class={row.problem ? 'data-table__row--problem' : undefined}>
                    <th scope="row">{row.line}</th>
                    <td>{row.institutionName}</td>
                    <td class="data-table__email">{row.email}</td>
                    <td>
                      <LanguageName code={row.language} />
                    </td>
                    <td>
                      {row.problem ? (
                        <span class="outcome outcome--problem" data-problem={row.problem}>
                          <span aria-hidden="true">✕ </span>
                          {t(`staffSurvey.importProblems.${row.problem}`)}
                        </span>
                      ) : (
                        <span class="outcome outcome--ok">
                          <span aria-hidden="true">✓ </span>
                          {t('staffSurvey.importWillInvite')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <div class="button-row">
            <button
              type="button"
              class="button"
              disabled={busy || good === 0}
              onClick={() => void send(false)}
            >
              {t('staffSurvey.importCreate', { count: good })}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setPreview(undefined)}>
              {t('staffSurvey.importDiscard')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
