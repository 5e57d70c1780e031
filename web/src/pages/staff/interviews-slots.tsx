import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { CreatedSlots } from '../../../../functions/interviews/schemas';
import { countyCalendarOf } from '../../../../functions/shared/config/stage';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useSite } from '../../site';
import { closedDaysOf, maxPreviewSlots, previewSlots, type SlotPlan } from '../interviews/recurrence';
import {
  countyTimeZone,
  formatDayKey,
  formatTimeRange,
  groupByDay,
  weekdayName,
} from '../interviews/zoned-time';
import { fieldProblem, type StaffApi } from './staff-api';

type Kind = 'single' | 'recurring';
type Field = 'date' | 'start' | 'weekdays' | 'fromDate' | 'untilDate' | 'dayStart' | 'dayEnd';
type FieldErrors = Partial<Record<Field, string>>;

const quarterHour = /^([01]\d|2[0-3]):(00|15|30|45)$/;
/** How many previewed slots are listed one by one; the count is always shown. */
const listedInPreview = 60;

/**
 * Publishes slots, one or "Tuesdays 9–12" between two dates, entered in the county's time, with a
 * preview of exactly the slots that will be created (each the round's length, back to back).
 */
export function PublishSlotsForm(props: {
  call: StaffApi;
  base: string;
  durationMinutes: number;
  /** `firstStart`: the earliest slot created, so the calendar can show its week. */
  onPublished: (text: string, firstStart: string | undefined) => void;
}) {
  const { t, language } = useI18n();
  const { site } = useSite();
  // The county's holidays and closing days, as the API applies them; Bavaria's until the site is known.
  const calendar = site.state === 'ready' ? countyCalendarOf(site.data.county) : undefined;
  const [kind, setKind] = useState<Kind>('recurring');
  const [bufferMinutes, setBufferMinutes] = useState(0);
  const [values, setValues] = useState({
    date: '',
    start: '09:00',
    fromDate: '',
    untilDate: '',
    dayStart: '09:00',
    dayEnd: '12:00',
  });
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const plan: SlotPlan =
    kind === 'single'
      ? { kind, date: values.date, start: values.start, timeZone: countyTimeZone }
      : {
          kind,
          weekdays: [...weekdays].sort(),
          fromDate: values.fromDate,
          untilDate: values.untilDate,
          dayStart: values.dayStart,
          dayEnd: values.dayEnd === '00:00' ? '24:00' : values.dayEnd,
          ...(bufferMinutes ? { bufferMinutes } : {}),
          timeZone: countyTimeZone,
        };
  const preview = previewSlots(plan, props.durationMinutes, calendar);
  const closedDays = closedDaysOf(plan, calendar);

  function check(): FieldErrors {
    const found: FieldErrors = {};
    const time = (field: 'start' | 'dayStart' | 'dayEnd') => {
      const value = values[field];
      if (!value) found[field] = t('validation.required');
      else if (!quarterHour.test(value)) found[field] = t('staffInterviews.quarterHour');
    };
    if (kind === 'single') {
      if (!values.date) found.date = t('validation.required');
      time('start');
    } else {
      if (weekdays.length === 0) found.weekdays = t('staffInterviews.weekdaysRequired');
      if (!values.fromDate) found.fromDate = t('validation.required');
      if (!values.untilDate) found.untilDate = t('validation.required');
      else if (values.fromDate && values.untilDate < values.fromDate)
        found.untilDate = t('staffInterviews.untilBeforeFrom');
      time('dayStart');
      if (values.dayEnd !== '00:00') time('dayEnd');
      if (!found.dayStart && !found.dayEnd && values.dayEnd !== '00:00' && values.dayEnd <= values.dayStart)
        found.dayEnd = t('staffInterviews.endBeforeStart');
    }
    return found;
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFormError(undefined);
    const order: Field[] =
      kind === 'single' ? ['date', 'start'] : ['weekdays', 'fromDate', 'untilDate', 'dayStart', 'dayEnd'];
    const first = order.find((field) => found[field]);
    if (first) {
      document.getElementById(first === 'weekdays' ? 'slots-weekday-1' : `slots-${first}`)?.focus();
      return;
    }
    if (preview && preview.length === 0) {
      setFormError(t('staffInterviews.previewEmpty'));
      requestAnimationFrame(() => document.getElementById('slots-form-error')?.focus());
      return;
    }
    setBusy(true);
    try {
      const result = await props.call<z.infer<typeof CreatedSlots>>(
        `${props.base}/slots` as `/api/${string}`,
        {
          method: 'POST',
          body: plan,
        },
      );
      props.onPublished(
        t('staffInterviews.slotsPublished', {
          created: result.created.length,
          existing: result.existing.length,
        }),
        result.created[0]?.startsAt ?? preview?.[0]?.startsAt,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      setErrors(Object.fromEntries(order.map((field) => [field, fieldProblem(error, field)])) as FieldErrors);
      setFormError(failureText(error, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('slots-form-error')?.focus());
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Exclude<Field, 'weekdays'>, type: 'date' | 'time', label: string) => (
    <div class="field" key={field}>
      <label for={`slots-${field}`}>{label}</label>
      <input
        id={`slots-${field}`}
        type={type}
        class="input--short"
        {...(type === 'time' ? { step: 900 } : {})}
        value={values[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={errors[field] ? `slots-${field}-error` : undefined}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setValues((current) => ({ ...current, [field]: value }));
        }}
      />
      {errors[field] && (
        <p class="field__error" id={`slots-${field}-error`}>
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <section class="console-block" aria-labelledby="slots-title">
      <h4 id="slots-title">{t('staffInterviews.slotsTitle')}</h4>
      <p>{t('staffInterviews.slotsIntro', { minutes: props.durationMinutes })}</p>
      <form class="form interview-form" onSubmit={submit} noValidate>
        <fieldset class="interview-fieldset">
          <legend>{t('staffInterviews.slotsKind')}</legend>
          <div class="interview-choices">
            {(['recurring', 'single'] as const).map((option) => (
              <div class="field--checkbox" key={option}>
                <input
                  type="radio"
                  name="slots-kind"
                  id={`slots-kind-${option}`}
                  checked={kind === option}
                  onChange={() => {
                    setKind(option);
                    setErrors({});
                  }}
                />
                <label for={`slots-kind-${option}`}>
                  {t(option === 'single' ? 'staffInterviews.slotsSingle' : 'staffInterviews.slotsRecurring')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <p class="field__hint">{t('staffInterviews.timeHint')}</p>
        {kind === 'single' ? (
          <>
            {input('date', 'date', t('staffInterviews.date'))}
            {input('start', 'time', t('staffInterviews.start'))}
          </>
        ) : (
          <>
            <fieldset
              class="interview-fieldset"
              aria-describedby={errors.weekdays ? 'slots-weekdays-error' : undefined}
            >
              <legend>{t('staffInterviews.weekdays')}</legend>
              {errors.weekdays && (
                <p class="field__error" id="slots-weekdays-error">
                  {errors.weekdays}
                </p>
              )}
              <div class="interview-choices interview-choices--row">
                {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
                  <div class="field--checkbox" key={weekday}>
                    <input
                      type="checkbox"
                      id={`slots-weekday-${weekday}`}
                      checked={weekdays.includes(weekday)}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setWeekdays((current) =>
                          on ? [...current, weekday] : current.filter((day) => day !== weekday),
                        );
                      }}
                    />
                    <label for={`slots-weekday-${weekday}`}>{weekdayName(language, weekday)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div class="interview-field-pair">
              {input('fromDate', 'date', t('staffInterviews.fromDate'))}
              {input('untilDate', 'date', t('staffInterviews.untilDate'))}
            </div>
            <div class="interview-field-pair">
              {input('dayStart', 'time', t('staffInterviews.dayStart'))}
              {input('dayEnd', 'time', t('staffInterviews.dayEnd'))}
            </div>
            <div class="field">
              <label for="slots-buffer">{t('interviewCalendar.bufferLabel')}</label>
              <select
                id="slots-buffer"
                class="input--short"
                value={String(bufferMinutes)}
                onChange={(event) => setBufferMinutes(Number(event.currentTarget.value))}
              >
                {[0, 15, 30, 45, 60].map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {minutes}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {slotPreview(preview)}
        {formError && (
          <p class="form__error" id="slots-form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('staffInterviews.publish')}
        </button>
      </form>
    </section>
  );

  function slotPreview(slots: ReturnType<typeof previewSlots>) {
    if (!slots) {
      // A plan that passes every check yet gives no preview makes more slots than the preview allows.
      const tooMany = Object.keys(check()).length === 0;
      return (
        <p class="muted" data-testid="slots-preview">
          {tooMany
            ? t('staffInterviews.previewTooMany', { maximum: maxPreviewSlots })
            : t('staffInterviews.previewIncomplete')}
        </p>
      );
    }
    const days = groupByDay(slots, (slot) => slot.startsAt, countyTimeZone);
    let listed = 0;
    return (
      <div class="slot-preview" data-testid="slots-preview">
        <p id="slots-preview-title">
          <strong>{t('staffInterviews.previewCount', { count: slots.length })}</strong>
        </p>
        <ul class="slot-preview__days" aria-labelledby="slots-preview-title">
          {days.map(({ day, items }) => {
            if (listed >= listedInPreview) return null;
            listed += items.length;
            return (
              <li key={day}>
                <span class="slot-preview__day">{formatDayKey(language, day)}</span>{' '}
                {items
                  .map((slot) => formatTimeRange(language, slot.startsAt, slot.endsAt, countyTimeZone))
                  .join(', ')}
              </li>
            );
          })}
        </ul>
        {listed < slots.length && (
          <p class="muted">{t('staffInterviews.previewMore', { count: slots.length - listed })}</p>
        )}
        {closedDays.length > 0 && (
          <div data-testid="slots-closed-days">
            <p id="slots-closed-title">
              <strong>{t('interviewCalendar.skippedHeading')}</strong>
            </p>
            <ul aria-labelledby="slots-closed-title">
              {closedDays.map((closed) => (
                <li key={closed.date}>
                  {t(`interviewCalendar.${closed.reason}`, { date: formatDayKey(language, closed.date) })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    );
  }
}
