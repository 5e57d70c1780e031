import type { z } from 'zod';
import type { StaffWorkshop, WorkshopList } from '../../../../functions/workshops/schemas';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { navigate } from '../../router';
import { formatDate } from '../offerings/labels';
import { berlinLocalToIso } from './berlin-time';
import type { ConsoleSectionProps } from './console-sections';
import { DataTable } from './data-table';
import { type StaffApi, useStaffApi } from './staff-api';
import { type FieldErrors, useStaffForm } from './staff-form';
import { WorkshopDetail } from './workshops-detail';
import './staff-console.css';

export type Workshop = z.infer<typeof StaffWorkshop>;

/** "Workshop": every workshop, a form for a new one, and one workshop at `/staff/workshops/<id>`. */
export function WorkshopsSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  if (props.item)
    return (
      <WorkshopDetail
        workshopId={props.item}
        call={call}
        token={props.token}
        onExpired={props.onExpired}
        mayExport={props.member.isAdmin}
      />
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
        {({ workshops: list }) => (
          <DataTable
            rows={list}
            empty={t('workshopStaff.noWorkshops')}
            captionId="workshops-caption"
            caption={t('workshopStaff.workshopsCaption')}
            columns={[
              t('workshopStaff.colTitle'),
              t('workshopStaff.colStartsAt'),
              t('workshopStaff.colRegistered'),
              t('workshopStaff.colWaiting'),
            ]}
            row={(workshop) => (
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
            )}
          />
        )}
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
  const form = useStaffForm({
    idPrefix: 'workshop',
    formErrorId: 'workshop-form-error',
    textFields: fields,
    initial: {
      title: '',
      startsAt: '',
      endsAt: '',
      place: '',
      programme: '',
      capacity: '',
      registrationClosesAt: '',
    } satisfies Record<Field, string>,
  });
  const { values } = form;

  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
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
    if (!form.accept(found)) return;
    const workshop = await form.send((idempotencyKey) =>
      props.call<Workshop>('/api/staff/workshops', {
        method: 'POST',
        idempotencyKey,
        body: {
          title: values.title.trim(),
          startsAt: times.startsAt,
          endsAt: times.endsAt,
          place: values.place.trim(),
          programme: values.programme.trim(),
          capacity,
          registrationClosesAt: times.registrationClosesAt,
        },
      }),
    );
    if (workshop) props.onCreated(workshop);
  }

  const fieldProps = (field: Field) => ({
    required: field !== 'programme',
    ...form.inputProps(field, timeFields.has(field) ? 'workshop-time-hint' : undefined),
  });
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
      {form.fieldError(name)}
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
        {form.formErrorNotice()}
        <button type="submit" class="button" disabled={form.busy}>
          {t('workshopStaff.create')}
        </button>
      </form>
    </section>
  );
}
