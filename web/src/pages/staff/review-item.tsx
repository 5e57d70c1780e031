import { useState } from 'preact/hooks';
import type { z } from 'zod';
import {
  type CorrectableOfferingField,
  correctableOfferingFields,
  type ReviewOffering,
} from '../../../../functions/offerings/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { textLanguageAttributes } from '../offerings/labels';
import { OfferingFacts } from '../offerings/offering-facts';
import { maxLengths } from '../survey/limits';
import { fieldProblem, isVersionConflict, type StaffApi } from './staff-api';

export type ReviewedOffering = z.infer<typeof ReviewOffering>;

const editableFields = correctableOfferingFields;
type EditableField = CorrectableOfferingField;
type EditValues = Record<EditableField, string>;
type FieldErrors = Partial<Record<EditableField | 'reason', string>>;

const multiline: readonly EditableField[] = ['description', 'address'];

type Mode = 'view' | 'reject' | 'edit';

/** The decisions a reviewer can take on an offering, in the order their buttons appear. */
const decisions = [
  { kind: 'approve', label: 'review.approve', buttonClass: 'button' },
  { kind: 'edit', label: 'review.edit', buttonClass: 'button button--secondary' },
  { kind: 'reject', label: 'review.reject', buttonClass: 'button button--danger' },
] as const;

/**
 * Which decisions a status offers: pending ones are decided, decided ones can be reversed and corrected;
 * an offering the institution withdrew stays withdrawn (the API refuses to approve it).
 */
function allowed(status: ReviewedOffering['status']) {
  return {
    approve: status === 'pending' || status === 'rejected',
    reject: status === 'pending' || status === 'approved',
    edit: status !== 'withdrawn',
  };
}

/** One offering in the review queue: everything reported, and approve, reject or correct. */
export function ReviewItem(props: {
  offering: ReviewedOffering;
  call: StaffApi;
  /** The offering was decided or changed; `updated` is its new state. */
  onSettled: (offeringId: string, updated: ReviewedOffering | undefined, message: string) => void;
  onConflict: () => void;
  onFailed: (message: string) => void;
  /** Approving, editing and rejecting are for admins: the public directory and the bot show the result. */
  mayDecide: boolean;
}) {
  const { t } = useI18n();
  const { offering, call } = props;
  const id = offering.offeringId;
  const base = `/api/staff/offerings/${encodeURIComponent(id)}` as const;
  const written = textLanguageAttributes(offering.textLanguage);
  const can = allowed(offering.status);
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const [values, setValues] = useState<EditValues>(() => pickEditable(offering));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  function open(next: Mode) {
    setErrors({});
    if (next === 'edit') setValues(pickEditable(offering));
    if (next === 'reject') setReason('');
    setMode(next);
    requestAnimationFrame(() =>
      document.getElementById(`review-${id}-${next === 'edit' ? 'title-input' : 'reason'}`)?.focus(),
    );
  }

  function close() {
    setMode('view');
    requestAnimationFrame(() => document.getElementById(`review-${id}-title`)?.focus());
  }

  async function run(
    request: () => Promise<ReviewedOffering>,
    message: (updated: ReviewedOffering) => string,
  ) {
    setBusy(true);
    try {
      const updated = await request();
      setMode('view');
      props.onSettled(id, updated, message(updated));
    } catch (error) {
      if (isVersionConflict(error)) props.onConflict();
      else if (error instanceof ApiError && error.status === 400 && error.problem?.errors?.length) {
        const found: FieldErrors = { reason: fieldProblem(error, 'reason') };
        for (const field of editableFields) found[field] = fieldProblem(error, field);
        setErrors(found);
        props.onFailed(failureText(error, t('app.loadFailed')));
      } else if (!(error instanceof ApiError && error.status === 401)) {
        props.onFailed(failureText(error, t('app.loadFailed')));
      }
    } finally {
      setBusy(false);
    }
  }

  const approve = () =>
    run(
      () =>
        call<ReviewedOffering>(`${base}/approve`, { method: 'POST', body: { version: offering.version } }),
      (updated) => t('review.approved', { title: updated.title }),
    );

  function reject(event: Event) {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors({ reason: t('validation.required') });
      document.getElementById(`review-${id}-reason`)?.focus();
      return;
    }
    void run(
      () =>
        call<ReviewedOffering>(`${base}/reject`, {
          method: 'POST',
          body: { version: offering.version, reason: reason.trim() },
        }),
      (updated) => t('review.rejected', { title: updated.title }),
    );
  }

  function save(event: Event) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.title.trim()) found.title = t('validation.required');
    if (!values.description.trim()) found.description = t('validation.required');
    if (values.url.trim() && !/^https?:\/\/\S+$/i.test(values.url.trim())) found.url = t('review.invalidUrl');
    setErrors(found);
    const first = editableFields.find((field) => found[field]);
    if (first) {
      document.getElementById(`review-${id}-${first}-input`)?.focus();
      return;
    }
    const body = Object.fromEntries(editableFields.map((field) => [field, values[field].trim()]));
    void run(
      () => call<ReviewedOffering>(base, { method: 'PUT', body: { version: offering.version, ...body } }),
      (updated) => t('review.saved', { title: updated.title }),
    );
  }

  const fieldError = (field: EditableField | 'reason') =>
    errors[field] && (
      <p class="field__error" id={`review-${id}-${field}-error`}>
        {errors[field]}
      </p>
    );

  return (
    <article class="review-item" aria-labelledby={`review-${id}-title`} data-offering={id}>
      <div class="review-item__head">
        <h3 id={`review-${id}-title`} tabIndex={-1} class="review-item__title" {...written}>
          {offering.title}
        </h3>
        <span class={`status-badge status-badge--${offering.status}`}>
          {t(`review.statuses.${offering.status}`)}
        </span>
      </div>
      <p class="review-item__description preserve-lines" {...written}>
        {offering.description}
      </p>
      {offering.rejectionReason && (
        <p class="review-item__reason">
          <strong>{t('review.rejectionReason')}:</strong> {offering.rejectionReason}
        </p>
      )}
      <OfferingFacts offering={offering} />

      {mode === 'view' && props.mayDecide && (can.approve || can.reject || can.edit) && (
        <div class="button-row review-item__actions">
          {decisions
            .filter((decision) => can[decision.kind])
            .map((decision) => (
              <button
                key={decision.kind}
                type="button"
                class={decision.buttonClass}
                disabled={busy}
                aria-describedby={`review-${id}-title`}
                onClick={() => (decision.kind === 'approve' ? void approve() : open(decision.kind))}
              >
                {t(decision.label)}
              </button>
            ))}
        </div>
      )}

      {mode === 'reject' && (
        <form class="review-item__form" onSubmit={reject} noValidate>
          <div class="field">
            <label for={`review-${id}-reason`}>{t('review.reasonLabel')}</label>
            <p class="field__hint" id={`review-${id}-reason-hint`}>
              {t('review.reasonHint')}
            </p>
            <textarea
              id={`review-${id}-reason`}
              rows={3}
              maxLength={500}
              required
              aria-invalid={errors.reason ? 'true' : undefined}
              aria-describedby={`review-${id}-reason-hint${errors.reason ? ` review-${id}-reason-error` : ''}`}
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            {fieldError('reason')}
          </div>
          <div class="button-row">
            <button type="submit" class="button button--danger" disabled={busy}>
              {t('review.rejectConfirm')}
            </button>
            <button type="button" class="button button--secondary" onClick={close}>
              {t('review.cancel')}
            </button>
          </div>
        </form>
      )}

      {mode === 'edit' && (
        <form class="review-item__form" onSubmit={save} noValidate>
          <p>{t('review.editHint')}</p>
          {editableFields.map((field) => {
            const inputId = `review-${id}-${field}-input`;
            const common = {
              id: inputId,
              name: field,
              maxLength: maxLengths.offering[field],
              value: values[field],
              'aria-invalid': errors[field] ? ('true' as const) : undefined,
              'aria-describedby': errors[field] ? `review-${id}-${field}-error` : undefined,
              onInput: (event: Event) => {
                const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
                setValues((current) => ({ ...current, [field]: value }));
              },
              // The institution's text keeps its language and direction while it is corrected.
              ...(field === 'url' ? { dir: 'ltr' as const } : written),
            };
            return (
              <div class="field" key={field}>
                <label for={inputId}>{t(`review.fields.${field}`)}</label>
                {multiline.includes(field) ? (
                  <textarea rows={field === 'description' ? 6 : 3} {...common} />
                ) : (
                  <input type="text" inputMode={field === 'url' ? 'url' : undefined} {...common} />
                )}
                {fieldError(field)}
              </div>
            );
          })}
          <div class="button-row">
            <button type="submit" class="button" disabled={busy}>
              {t('review.save')}
            </button>
            <button type="button" class="button button--secondary" onClick={close}>
              {t('review.cancel')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

function pickEditable(offering: ReviewedOffering): EditValues {
  return {
    title: offering.title,
    description: offering.description,
    schedule: offering.schedule,
    address: offering.address,
    registration: offering.registration,
    officeContact: offering.officeContact,
    url: offering.url,
  };
}
