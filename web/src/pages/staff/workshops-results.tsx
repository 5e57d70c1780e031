import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import {
  type FindingInput,
  type FindingKind,
  findingKinds,
} from '../../../../functions/shared/domain/findings';
import type { Language } from '../../../../functions/shared/i18n/languages';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { offeringCategories } from '../../../../functions/survey/questionnaire';
import type { WorkshopResults as Results } from '../../../../functions/workshops/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { optionLabel } from '../offerings/labels';
import type { StaffApi } from './staff-api';
import type { Workshop } from './workshops-section';

const kindLabels: Record<FindingKind, MessageKey> = {
  topic: 'workshopStaff.kindTopic',
  need: 'workshopStaff.kindNeed',
  recommendation: 'workshopStaff.kindRecommendation',
};

/**
 * The workshop's results as findings in the shared shape (kind, text with its language, topics), so the
 * evaluation reads them together with the interviews' findings. Saved as a whole.
 */
export function WorkshopResults(props: { workshop: Workshop; call: StaffApi; base: `/api/${string}` }) {
  const { t, language } = useI18n();
  const [findings, setFindings] = useState<FindingInput[]>(props.workshop.results?.findings ?? []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const held = Date.now() >= Date.parse(props.workshop.startsAt);

  const update = (index: number, change: Partial<FindingInput>) =>
    setFindings((current) =>
      current.map((finding, at) => (at === index ? { ...finding, ...change } : finding)),
    );

  function add() {
    const textLanguage: Language = language;
    setFindings((current) => [...current, { kind: 'recommendation', text: '', textLanguage, topics: [] }]);
    const next = findings.length;
    requestAnimationFrame(() => document.getElementById(`finding-${next}-text`)?.focus());
  }

  function remove(index: number) {
    setFindings((current) => current.filter((_, at) => at !== index));
    requestAnimationFrame(() => document.getElementById('results-add')?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setNotice(undefined);
    try {
      const saved = await props.call<z.infer<typeof Results>>(`${props.base}/results`, {
        method: 'PUT',
        body: { findings: findings.filter((finding) => finding.text.trim() !== '') },
      });
      setFindings(saved.findings);
      setNotice({ kind: 'ok', text: t('workshopStaff.resultsSaved') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      const reason = error instanceof ApiError ? error.fieldReason('workshop') : undefined;
      setNotice({ kind: 'error', text: reason ?? failureText(error, t('app.loadFailed')) });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  return (
    <section class="console-block" aria-labelledby="results-title">
      <h3 id="results-title">{t('workshopStaff.resultsTitle')}</h3>
      <p>{t('workshopStaff.resultsText')}</p>
      {!held ? (
        <p class="notice">{t('workshopStaff.resultsNotYet')}</p>
      ) : (
        <form class="form" onSubmit={save}>
          {findings.length === 0 && <p>{t('workshopStaff.noFindings')}</p>}
          {findings.map((finding, index) => {
            const id = `finding-${index}`;
            const number = index + 1;
            return (
              <fieldset key={finding.findingId ?? id} class="review-item">
                <legend>{t('workshopStaff.findingLegend', { number })}</legend>
                <div class="field">
                  <label for={`${id}-kind`}>{t('workshopStaff.findingKind')}</label>
                  <select
                    id={`${id}-kind`}
                    value={finding.kind}
                    onChange={(event) => update(index, { kind: event.currentTarget.value as FindingKind })}
                  >
                    {findingKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(kindLabels[kind])}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`${id}-text`}>{t('workshopStaff.findingText')}</label>
                  <textarea
                    id={`${id}-text`}
                    rows={3}
                    maxLength={2000}
                    lang={finding.textLanguage}
                    dir="auto"
                    value={finding.text}
                    onInput={(event) => update(index, { text: event.currentTarget.value })}
                  />
                </div>
                <fieldset>
                  <legend>{t('workshopStaff.findingTopics')}</legend>
                  {offeringCategories.map((topic) => (
                    <div class="field field--checkbox" key={topic}>
                      <input
                        type="checkbox"
                        id={`${id}-topic-${topic}`}
                        checked={finding.topics.includes(topic)}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          update(index, {
                            topics: checked
                              ? [...finding.topics, topic]
                              : finding.topics.filter((chosen) => chosen !== topic),
                          });
                        }}
                      />
                      <label for={`${id}-topic-${topic}`}>{optionLabel(t, 'categories', topic)}</label>
                    </div>
                  ))}
                </fieldset>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => remove(index)}
                >
                  {t('workshopStaff.removeFinding', { number })}
                </button>
              </fieldset>
            );
          })}
          <div class="button-row">
            <button type="button" id="results-add" class="button button--secondary" onClick={add}>
              {t('workshopStaff.addFinding')}
            </button>
            <button type="submit" class="button" disabled={busy}>
              {t('workshopStaff.saveResults')}
            </button>
          </div>
        </form>
      )}
      {notice && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          class={notice.kind === 'error' ? 'console-notice console-notice--error' : 'console-notice'}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
