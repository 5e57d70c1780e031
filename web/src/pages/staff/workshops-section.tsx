import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { StaffWorkshop, WorkshopList } from '../../../../functions/workshops/schemas';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import { navigate } from '../../router';
import { formatDate } from '../offerings/labels';
import { berlinLocalToIso } from './berlin-time';
import type { ConsoleSectionProps } from './console-sections';
import { ScrollRegion } from './scroll-region';
import { fieldProblem, type StaffApi, useStaffApi } from './staff-api';
import { WorkshopDetail } from './workshops-detail';
import './staff-console.css';

export type Workshop = z.infer<typeof StaffWorkshop>;

/** "Workshop": every workshop, a form for a new one, and one workshop at `/staff/workshops/<id>`. */
export function WorkshopsSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  if (props.item)
    return (
      <WorkshopDetail workshopId={props.item} call={call} token={props.token} onExpired={props.onExpired} />
    );
  return <WorkshopOverview call={call} />;
}

function WorkshopOverview(props: { call: StaffApi }) {
  const { t, language } = useI18n();
  const [workshops, retry] = useLoad('workshops', (signal) =>
    props.call<z.infer<typeof WorkshopList>>('/api/staff/workshops', { signal }),
  );
  return (
    <>
      <p>{t('workshopStaff.intro')}</p>
      <LoadState loaded={workshops} retry={retry}>
        {({ workshops: list }) =>
          list.length === 0 ? (
            <p class="notice">{t('workshopStaff.noWorkshops')}</p>
          ) : (
            <ScrollRegion labelledBy="workshops-caption">
              <table class="data-table">
                <caption id="workshops-caption">{t('workshopStaff.workshopsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('workshopStaff.colTitle')}</th>
                    <th scope="col">{t('workshopStaff.colStartsAt')}</th>
                    <th scope="col">{t('workshopStaff.colRegistered')}</th>
                    <th scope="col">{t('workshopStaff.colWaiting')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((workshop) => (
                    <tr key={workshop.workshopId}>
                      <th scope="row">
                        <a href={`/staff/workshops/${workshop.workshopId}`} lang="de" dir="ltr">
                          {workshop.title}
                        </a>
                      </th>
                      <td>{formatDate(language, workshop.startsAt, 'dateTime')}</td>
                      <td>
                        {workshop.registered} / {workshop.capacity}
                      </td>
                      <td>{workshop.waiting}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </LoadState>
      <CreateWorkshopForm
        call={props.call}
        onCreated={(workshop) => navigate(`/staff/workshops/${workshop.workshopId}`)}
      />
    </>
  );
}

const fields = [
  'title',
  'startsAt',
  'endsAt',
  'place',
  'programme',
  'capacity',
  'registrationClosesAt',
] as const;
type Field = (typeof fields)[number];
const timeFields = new Set<Field>(['startsAt', 'endsAt', 'registrationClosesAt']);

/** A new workshop; times are entered as Berlin wall-clock times and sent with their offset. */
function CreateWorkshopForm(props: { call: StaffApi; onCreated: (workshop: Workshop) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({
    title: '',
    startsAt: '',
    endsAt: '',
    place: '',
    programme: '',
    capacity: '',
    registrationClosesAt: '',
  });
  const idempotency = useIdempotencyKey();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const times: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      if (field === 'programme') continue;
      if (!values[field].trim()) found[field] = t('validation.required');
      else if (timeFields.has(field)) {
        const iso = berlinLocalToIso(values[field]);
        if (iso) times[field] = iso;
        else found[field] = t('workshopStaff.invalidDateTime');
      }
    }
    const capacity = Number(values.capacity);
    if (!found.capacity && !(Number.isInteger(capacity) && capacity >= 1 && capacity <= 1000)) {
      found.capacity = t('workshopStaff.invalidCapacity');
    }
    if (times.startsAt && times.endsAt && Date.parse(times.endsAt) <= Date.parse(times.startsAt)) {
      found.endsAt = t('validation.workshop_ends_before_start');
    }
    if (
      times.startsAt &&
      times.registrationClosesAt &&
      Date.parse(times.registrationClosesAt) > Date.parse(times.startsAt)
    ) {
      found.registrationClosesAt = t('validation.workshop_deadline_after_start');
    }
    setErrors(found);
    setFormError(undefined);
    const first = fields.find((field) => found[field]);
    if (first) {
      document.getElementById(`workshop-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const workshop = await props.call<Workshop>('/api/staff/workshops', {
        method: 'POST',
        idempotencyKey: idempotency.current(),
        body: {
          title: values.title.trim(),
          startsAt: times.startsAt,
          endsAt: times.endsAt,
          place: values.place.trim(),
          programme: values.programme.trim(),
          capacity,
          registrationClosesAt: times.registrationClosesAt,
        },
      });
      idempotency.settled();
      props.onCreated(workshop);
    } catch (error) {
      idempotency.settled(error);
      setBusy(false);
      setErrors(Object.fromEntries(fields.map((field) => [field, fieldProblem(error, field)])));
      setFormError(failureText(error, t('app.loadFailed')));
      if (!(error instanceof ApiError && error.status === 401))
        requestAnimationFrame(() => document.getElementById('workshop-form-error')?.focus());
    }
  }

  const fieldProps = (field: Field) => ({
    id: `workshop-${field}`,
    name: field,
    required: field !== 'programme',
    value: values[field],
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby':
      [timeFields.has(field) ? 'workshop-time-hint' : '', errors[field] ? `workshop-${field}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement).value;
      setValues((current) => ({ ...current, [field]: value }));
    },
  });
  const error = (field: Field) =>
    errors[field] && (
      <p class="field__error" id={`workshop-${field}-error`}>
        {errors[field]}
      </p>
    );
  const labels: Record<Field, string> = {
    title: t('workshopStaff.titleLabel'),
    startsAt: t('workshopStaff.startsAtLabel'),
    endsAt: t('workshopStaff.endsAtLabel'),
    place: t('workshopStaff.placeLabel'),
    programme: t('workshopStaff.programmeLabel'),
    capacity: t('workshopStaff.capacityLabel'),
    registrationClosesAt: t('workshopStaff.deadlineLabel'),
  };
  const field = (name: Field, control: preact.JSX.Element) => (
    <div class="field">
      <label for={`workshop-${name}`}>{labels[name]}</label>
      {control}
      {error(name)}
    </div>
  );

  return (
    <section class="console-block" aria-labelledby="create-workshop-title">
      <h3 id="create-workshop-title">{t('workshopStaff.createTitle')}</h3>
      <form class="form" onSubmit={submit} noValidate>
        {field('title', <input type="text" maxLength={200} {...fieldProps('title')} />)}
        <p class="field__hint" id="workshop-time-hint">
          {t('workshopStaff.timeHint')}
        </p>
        {field('startsAt', <input type="datetime-local" {...fieldProps('startsAt')} />)}
        {field('endsAt', <input type="datetime-local" {...fieldProps('endsAt')} />)}
        {field('place', <input type="text" maxLength={500} {...fieldProps('place')} />)}
        {field('programme', <textarea rows={5} maxLength={5000} {...fieldProps('programme')} />)}
        {field('capacity', <input type="number" min={1} max={1000} step={1} {...fieldProps('capacity')} />)}
        {field(
          'registrationClosesAt',
          <input type="datetime-local" {...fieldProps('registrationClosesAt')} />,
        )}
        {formError && (
          <p class="form__error" id="workshop-form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('workshopStaff.create')}
        </button>
      </form>
    </section>
  );
}
