import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { correctableOfferingFields } from '../../../../functions/offerings/schemas';
import { directionOf } from '../../../../functions/shared/i18n/languages';
import type { Offering } from '../../../../functions/survey/questionnaire';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { type Loaded, LoadState } from '../../load';
import type { FieldErrors } from './field-messages';
import { focusFirstError, TextField } from './fields';
import { formatDateTime } from './format';
import { maxLengths } from './limits';
import { type OwnOffering, surveyApi } from './survey-api';
import { completeUrl, formatError } from './validation';

const editableFields = correctableOfferingFields;
type EditableField = (typeof editableFields)[number];
type Edits = Pick<Offering, EditableField>;

const statusSymbols: Record<OwnOffering['status'], string> = {
  pending: '⏳',
  approved: '✓',
  rejected: '✗',
  withdrawn: '–',
};

/**
 * The offering as the questionnaire reports it. The keys follow the schema's order, because the API
 * recognises an unchanged offering by a digest of its content; a withdrawn one stays withdrawn.
 */
function asReported(own: OwnOffering, publish = own.status !== 'withdrawn'): Offering {
  return {
    offeringId: own.offeringId,
    title: own.title,
    description: own.description,
    textLanguage: own.textLanguage,
    category: own.category,
    targetGroups: own.targetGroups,
    languages: own.languages,
    places: own.places,
    address: own.address,
    schedule: own.schedule,
    cost: own.cost,
    costNote: own.costNote,
    registration: own.registration,
    officeContact: own.officeContact,
    url: own.url,
    publish,
  };
}

function editsOf(own: OwnOffering): Edits {
  return {
    title: own.title,
    description: own.description,
    schedule: own.schedule,
    address: own.address,
    registration: own.registration,
    officeContact: own.officeContact,
    url: own.url,
  };
}

const fieldId = (offeringId: string, field: EditableField) => `upkeep-${offeringId}-${field}`;

function checkEdits(offeringId: string, edits: Edits): FieldErrors {
  const errors: FieldErrors = {};
  if (edits.title.trim() === '') errors[fieldId(offeringId, 'title')] = { key: 'validation.required' };
  if (edits.description.trim() === '')
    errors[fieldId(offeringId, 'description')] = { key: 'validation.required' };
  const urlError = edits.url.trim() === '' ? undefined : formatError('url', edits.url.trim());
  if (urlError) errors[fieldId(offeringId, 'url')] = urlError;
  return errors;
}

/** The compact form for one offering's texts; saving sends it to review again. */
function OfferingEditor(props: {
  offering: OwnOffering;
  busy: boolean;
  onSave(edits: Edits): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { offering } = props;
  const [edits, setEdits] = useState<Edits>(() => editsOf(offering));
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (field: EditableField) => fieldId(offering.offeringId, field);
  const hintId = `upkeep-${offering.offeringId}-edit-hint`;
  const textDir = directionOf(offering.textLanguage);
  const set = (patch: Partial<Edits>) => setEdits((current) => ({ ...current, ...patch }));
  const label = (field: EditableField) => t(`questionnaire.offering.${field}.label`);

  function submit(event: Event) {
    event.preventDefault();
    const completed = { ...edits, url: completeUrl(edits.url) };
    const found = checkEdits(offering.offeringId, completed);
    setEdits(completed);
    setErrors(found);
    if (focusFirstError(found)) return;
    props.onSave(completed);
  }

  const text = (field: EditableField, options: { multiline?: boolean; optional?: boolean } = {}) => (
    <TextField
      id={id(field)}
      label={label(field)}
      value={edits[field]}
      maxLength={maxLengths.offering[field]}
      lang={field === 'title' || field === 'description' ? offering.textLanguage : undefined}
      dir={field === 'title' || field === 'description' ? textDir : 'auto'}
      multiline={options.multiline}
      optional={options.optional ?? true}
      error={errors[id(field)]}
      onInput={(value) => set({ [field]: value })}
    />
  );

  return (
    <form class="survey-upkeep__editor" noValidate onSubmit={submit} aria-describedby={hintId}>
      <fieldset>
        <legend>{t('surveyUpkeep.editLegend', { title: offering.title })}</legend>
        <p id={hintId} class="field__hint">
          {t('surveyUpkeep.editHint')}
        </p>
        {text('title', { optional: false })}
        {text('description', { multiline: true, optional: false })}
        {text('schedule')}
        {text('address')}
        {text('registration')}
        {text('officeContact')}
        <TextField
          id={id('url')}
          type="url"
          label={label('url')}
          value={edits.url}
          maxLength={maxLengths.offering.url}
          dir="ltr"
          optional
          error={errors[id('url')]}
          onInput={(url) => set({ url })}
          onBlur={(typed) => set({ url: completeUrl(typed) })}
        />
      </fieldset>
      <div class="survey-actions">
        <button type="submit" class="button" disabled={props.busy}>
          {props.busy ? t('surveyUpkeep.saving') : t('surveyUpkeep.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t('surveyUpkeep.cancel')}
        </button>
      </div>
    </form>
  );
}

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/**
 * "Ihre Angebote im Verzeichnis": the institution's offerings with their review status and last
 * confirmation, through the invitation link at any time (after the survey closed too). Changing or
 * withdrawing sends the whole list as it should now be; changed offerings go through review again.
 */
export function OfferingUpkeep(props: { token: string }) {
  const { t, language } = useI18n();
  const { token } = props;
  const [loaded, setLoaded] = useState<Loaded<OwnOffering[]>>({ state: 'loading' });
  const [editing, setEditing] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      surveyApi.ownOfferings(token, signal).then(
        (answer) => {
          if (!signal?.aborted) setLoaded({ state: 'ready', data: answer.offerings });
          return answer.offerings;
        },
        (error: unknown) => {
          if (!signal?.aborted) setLoaded({ state: 'failed', error });
          return undefined;
        },
      ),
    [token],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  function announce(next: Notice, focusId?: string) {
    setNotice(next);
    requestAnimationFrame(() => {
      const target = focusId ? document.getElementById(focusId) : noticeRef.current;
      target?.focus();
    });
  }

  async function run(action: () => Promise<unknown>, success: string, focusId?: string) {
    setBusy(true);
    try {
      await action();
      await load();
      setEditing(undefined);
      announce({ kind: 'success', text: success }, focusId);
    } catch (error) {
      announce({
        kind: 'error',
        text: t('surveyUpkeep.failed', { reason: failureText(error, t('app.loadFailed')) }),
      });
    } finally {
      setBusy(false);
    }
  }

  function sendList(list: OwnOffering[], replace: (own: OwnOffering) => Offering | undefined) {
    return surveyApi.updateOfferings(
      token,
      list.map((own) => replace(own) ?? asReported(own)),
    );
  }

  function save(list: OwnOffering[], target: OwnOffering, edits: Edits) {
    void run(
      () =>
        sendList(list, (own) =>
          own.offeringId === target.offeringId ? { ...asReported(own, true), ...edits } : undefined,
        ),
      t('surveyUpkeep.saved', { title: edits.title }),
    );
  }

  function withdraw(list: OwnOffering[], target: OwnOffering) {
    void run(
      () =>
        sendList(list, (own) => (own.offeringId === target.offeringId ? asReported(own, false) : undefined)),
      t('surveyUpkeep.withdrawnNotice', { title: target.title }),
    );
  }

  function confirm() {
    void run(() => surveyApi.confirmOfferings(token), t('surveyUpkeep.confirmed'));
  }

  function cancel(offeringId: string) {
    setEditing(undefined);
    requestAnimationFrame(() => document.getElementById(`upkeep-${offeringId}-edit`)?.focus());
  }

  return (
    <section class="survey-section survey-upkeep" aria-labelledby="survey-upkeep-title" id="survey-upkeep">
      <h2 id="survey-upkeep-title">{t('surveyUpkeep.title')}</h2>
      <p class="survey-section__intro">{t('surveyUpkeep.intro')}</p>
      <p
        ref={noticeRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        class={notice ? `notice ${notice.kind === 'error' ? 'notice--error' : ''}` : 'survey-upkeep__status'}
        data-testid="upkeep-notice"
      >
        {notice?.text ?? ''}
      </p>
      <LoadState loaded={loaded} retry={() => void load()}>
        {(offerings) =>
          offerings.length === 0 ? (
            <p class="muted">{t('surveyUpkeep.none')}</p>
          ) : (
            <>
              <ul class="survey-upkeep__list">
                {offerings.map((offering) => {
                  const titleId = `upkeep-${offering.offeringId}-title`;
                  const isEditing = editing === offering.offeringId;
                  return (
                    <li key={offering.offeringId}>
                      <article class="survey-upkeep__item" aria-labelledby={titleId}>
                        <h3 id={titleId} tabIndex={-1}>
                          <span lang={offering.textLanguage} dir={directionOf(offering.textLanguage)}>
                            {offering.title}
                          </span>
                        </h3>
                        <dl class="facts">
                          <dt>{t('surveyUpkeep.statusLabel')}</dt>
                          <dd
                            class={`survey-upkeep__state survey-upkeep__state--${offering.status}`}
                            data-status={offering.status}
                          >
                            <span aria-hidden="true">{statusSymbols[offering.status]}</span>{' '}
                            {t(`surveyUpkeep.statuses.${offering.status}`)}
                          </dd>
                          {offering.rejectionReason && (
                            <>
                              <dt>{t('surveyUpkeep.reasonLabel')}</dt>
                              <dd>{offering.rejectionReason}</dd>
                            </>
                          )}
                          <dt>{t('surveyUpkeep.confirmedLabel')}</dt>
                          <dd data-testid="upkeep-confirmed">
                            {formatDateTime(offering.lastConfirmedAt, language)}
                          </dd>
                        </dl>
                        {isEditing ? (
                          <OfferingEditor
                            offering={offering}
                            busy={busy}
                            onSave={(edits) => save(offerings, offering, edits)}
                            onCancel={() => cancel(offering.offeringId)}
                          />
                        ) : (
                          <div class="survey-actions">
                            <button
                              type="button"
                              id={`upkeep-${offering.offeringId}-edit`}
                              class="button button--secondary"
                              aria-describedby={titleId}
                              disabled={busy}
                              onClick={() => {
                                setEditing(offering.offeringId);
                                requestAnimationFrame(() =>
                                  document.getElementById(fieldId(offering.offeringId, 'title'))?.focus(),
                                );
                              }}
                            >
                              {t('surveyUpkeep.edit')}
                            </button>
                            {offering.status !== 'withdrawn' && (
                              <button
                                type="button"
                                class="button button--secondary"
                                aria-describedby={titleId}
                                disabled={busy}
                                onClick={() => withdraw(offerings, offering)}
                              >
                                {t('surveyUpkeep.withdraw')}
                              </button>
                            )}
                          </div>
                        )}
                      </article>
                    </li>
                  );
                })}
              </ul>
              {offerings.some(
                (offering) => offering.status === 'approved' || offering.status === 'pending',
              ) && (
                <div class="survey-upkeep__confirm">
                  <p id="survey-upkeep-confirm-hint">{t('surveyUpkeep.confirmHint')}</p>
                  <button
                    type="button"
                    class="button"
                    aria-describedby="survey-upkeep-confirm-hint"
                    disabled={busy}
                    onClick={confirm}
                  >
                    {t('surveyUpkeep.confirm')}
                  </button>
                </div>
              )}
            </>
          )
        }
      </LoadState>
    </section>
  );
}
