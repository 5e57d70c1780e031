import { useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { SurveyList } from '../../../../functions/survey/schemas';
import type { AnnounceResult, RegistrationList } from '../../../../functions/workshops/schemas';
import { ApiError, failureText } from '../../api';
import { activeLanguage, useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { formatDate } from '../offerings/labels';
import { workshopTime } from '../workshops/workshop-facts';
import { AdminOnlyNotice } from './admin-only';
import { ScrollRegion } from './scroll-region';
import type { StaffApi } from './staff-api';
import { WorkshopResults } from './workshops-results';
import type { Workshop } from './workshops-section';

/** One workshop: its facts, the announcement, the list of registrations with its export, the results. */
export function WorkshopDetail(props: {
  workshopId: string;
  call: StaffApi;
  token: string;
  onExpired: () => void;
  /** The export with names, addresses and notes is for admins (the API checks again). */
  mayExport: boolean;
}) {
  const { t, language } = useI18n();
  const { call, workshopId } = props;
  const base = `/api/staff/workshops/${encodeURIComponent(workshopId)}` as const;
  const [workshop, retry] = useLoad(workshopId, (signal) => call<Workshop>(base, { signal }));
  return (
    <>
      <p>
        <a href="/staff/workshops">{t('workshopStaff.allWorkshops')}</a>
      </p>
      <LoadState loaded={workshop} retry={retry}>
        {(data) => (
          <>
            <h3 lang="de" dir="ltr" data-testid="workshop-title">
              {data.title}
            </h3>
            <p>
              {workshopTime(language, data)} · <span lang="de">{data.place}</span>
            </p>
            <p>
              {t('workshopStaff.summary', {
                registered: data.registered,
                capacity: data.capacity,
                waiting: data.waiting,
              })}{' '}
              <a href={`/workshop/${data.workshopId}`}>{t('workshopStaff.publicPage')}</a>
            </p>
            <Announcement workshop={data} call={call} base={base} />
            <Registrations
              call={call}
              base={base}
              workshopId={workshopId}
              token={props.token}
              onExpired={props.onExpired}
              mayExport={props.mayExport}
            />
            <WorkshopResults workshop={data} call={call} base={base} />
          </>
        )}
      </LoadState>
    </>
  );
}

function Announcement(props: { workshop: Workshop; call: StaffApi; base: `/api/${string}` }) {
  const { t, language } = useI18n();
  const [surveys, retry] = useLoad('surveys', (signal) =>
    props.call<z.infer<typeof SurveyList>>('/api/staff/surveys', { signal }),
  );
  const [surveyId, setSurveyId] = useState<string | undefined>(props.workshop.announcement?.surveyId);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  async function announce(event: Event, chosen: string) {
    event.preventDefault();
    setBusy(true);
    setNotice(undefined);
    try {
      const result = await props.call<z.infer<typeof AnnounceResult>>(`${props.base}/announcement`, {
        method: 'POST',
        body: { surveyId: chosen },
      });
      setNotice({
        kind: 'ok',
        text: t('workshopStaff.announced', { mailed: result.mailed, already: result.alreadyAnnounced }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      setNotice({ kind: 'error', text: failureText(error, t('app.loadFailed')) });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  const announced = props.workshop.announcement;
  return (
    <section class="console-block" aria-labelledby="announce-title">
      <h3 id="announce-title">{t('workshopStaff.announceTitle')}</h3>
      <p>{t('workshopStaff.announceText')}</p>
      {announced && (
        <p>
          {t('workshopStaff.announcedBefore', {
            date: formatDate(language, announced.announcedAt, 'dateTime'),
            count: announced.institutions,
          })}
        </p>
      )}
      <LoadState loaded={surveys} retry={retry}>
        {({ surveys: list }) => {
          const chosen = surveyId ?? list[0]?.surveyId;
          return list.length === 0 || !chosen ? (
            <p class="notice">{t('workshopStaff.noSurveys')}</p>
          ) : (
            <form class="form" onSubmit={(event) => announce(event, chosen)}>
              <div class="field">
                <label for="announce-survey">{t('workshopStaff.surveyLabel')}</label>
                <select
                  id="announce-survey"
                  value={chosen}
                  onChange={(event) => setSurveyId(event.currentTarget.value)}
                >
                  {list.map((survey) => (
                    <option key={survey.surveyId} value={survey.surveyId} lang="de">
                      {survey.title}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button" disabled={busy}>
                {t('workshopStaff.announce')}
              </button>
            </form>
          );
        }}
      </LoadState>
      {notice && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          class={notice.kind === 'error' ? 'console-notice console-notice--error' : 'console-notice'}
          data-testid="announce-result"
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}

/** Fetches the CSV with the member's token and hands it to the browser as a download. */
async function downloadCsv(path: `/api/${string}`, filename: string, token: string) {
  const response = await fetch(path, {
    headers: { authorization: `Bearer ${token}`, 'accept-language': activeLanguage() },
  });
  if (!response.ok) throw new ApiError(response.status, undefined);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Registrations(props: {
  call: StaffApi;
  base: `/api/${string}`;
  workshopId: string;
  token: string;
  onExpired: () => void;
  mayExport: boolean;
}) {
  const { t, language } = useI18n();
  const [registrations, retry] = useLoad(props.workshopId, (signal) =>
    props.call<z.infer<typeof RegistrationList>>(`${props.base}/registrations`, { signal }),
  );
  const [exportError, setExportError] = useState<string | undefined>();

  async function exportList() {
    setExportError(undefined);
    try {
      await downloadCsv(
        `${props.base}/registrations/export`,
        `workshop-${props.workshopId}.csv`,
        props.token,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) props.onExpired();
      setExportError(failureText(error, t('app.loadFailed')));
    }
  }

  return (
    <section class="console-block" aria-labelledby="registrations-title">
      <h3 id="registrations-title">{t('workshopStaff.registrationsTitle')}</h3>
      <LoadState loaded={registrations} retry={retry}>
        {({ registrations: list }) =>
          list.length === 0 ? (
            <p class="notice">{t('workshopStaff.noRegistrations')}</p>
          ) : (
            <>
              <ScrollRegion labelledBy="registrations-caption">
                <table class="data-table" data-testid="registrations-table">
                  <caption id="registrations-caption">{t('workshopStaff.registrationsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('workshopStaff.colName')}</th>
                      <th scope="col">{t('workshopStaff.colStatus')}</th>
                      <th scope="col">{t('workshopStaff.colInstitution')}</th>
                      <th scope="col">{t('workshopStaff.colEmail')}</th>
                      <th scope="col">{t('workshopStaff.colNote')}</th>
                      <th scope="col">{t('workshopStaff.colRegisteredAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((entry) => (
                      <tr key={entry.registrationId} data-status={entry.status}>
                        <th scope="row" dir="auto">
                          {entry.name}
                        </th>
                        <td>
                          {entry.status === 'registered'
                            ? t('workshopStaff.statusRegistered')
                            : t('workshopStaff.statusWaitingNumber', {
                                position: entry.waitingPosition ?? 0,
                              })}
                        </td>
                        <td dir="auto">{entry.institution}</td>
                        <td class="data-table__email" dir="ltr">
                          {entry.email}
                        </td>
                        <td dir="auto">{entry.note}</td>
                        <td>{formatDate(language, entry.registeredAt, 'compact')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {props.mayExport ? (
                <p>
                  <button type="button" class="button button--secondary" onClick={exportList}>
                    {t('workshopStaff.export')}
                  </button>
                </p>
              ) : (
                <AdminOnlyNotice text="rolesAudit.exportAdminOnly" />
              )}
              {exportError && (
                <p class="console-notice console-notice--error" role="alert">
                  {exportError}
                </p>
              )}
            </>
          )
        }
      </LoadState>
    </section>
  );
}
