import { useState } from 'preact/hooks';
import type { AuditPage, AuditRecord } from '../../../../functions/shared/audit/schemas';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { formatDate } from '../offerings/labels';
import type { ConsoleSectionProps } from './console-sections';
import { DataTable } from './data-table';
import { useStaffApi } from './staff-api';

type Filter = { month: string } | { staffId: string } | { subjectId: string };

function queryOf(filter: Filter, cursor?: string): string {
  const params = new URLSearchParams(filter as Record<string, string>);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

const currentMonth = () => new Date().toISOString().slice(0, 7);

/**
 * "Audit-Protokoll" (admins only): who read, exported, changed or erased personal data, by month, by
 * staff member or by id, newest first. The records hold ids only, so the page shows ids only.
 */
export function AuditSection(props: ConsoleSectionProps) {
  const { t, language } = useI18n();
  const call = useStaffApi(props.token, props.onExpired);
  const [form, setForm] = useState({ month: currentMonth(), staffId: '', subjectId: '' });
  const [filter, setFilter] = useState<Filter>({ month: currentMonth() });
  const [more, setMore] = useState<{ records: AuditRecord[]; cursor?: string | undefined }>({ records: [] });
  const [moreError, setMoreError] = useState<string | undefined>();
  const [loaded, retry] = useLoad(queryOf(filter), (signal) =>
    call<AuditPage>(`/api/admin/audit?${queryOf(filter)}`, { signal }),
  );

  function show(event: Event) {
    event.preventDefault();
    setMore({ records: [] });
    // One filter at a time, the most specific one given: each is one index in the table.
    const staffId = form.staffId.trim();
    const subjectId = form.subjectId.trim();
    setFilter(staffId ? { staffId } : subjectId ? { subjectId } : { month: form.month || currentMonth() });
  }

  async function loadMore(cursor: string) {
    setMoreError(undefined);
    try {
      const page = await call<AuditPage>(`/api/admin/audit?${queryOf(filter, cursor)}`);
      setMore((previous) => ({ records: [...previous.records, ...page.records], cursor: page.cursor }));
    } catch (error) {
      setMoreError(failureText(error, t('app.loadFailed')));
    }
  }

  return (
    <LoadState loaded={loaded} retry={retry}>
      {(page) => {
        const records = [...page.records, ...more.records];
        const cursor = more.records.length > 0 ? more.cursor : page.cursor;
        return (
          <>
            <p>{t('rolesAudit.intro', { days: page.retentionDays })}</p>
            <form class="form console-block" onSubmit={show} noValidate>
              <fieldset class="plain-fieldset">
                <legend>{t('rolesAudit.filterLegend')}</legend>
                <p class="field__hint">{t('rolesAudit.filterHint')}</p>
                <div class="field">
                  <label for="audit-month">{t('rolesAudit.filterMonth')}</label>
                  <input
                    id="audit-month"
                    type="month"
                    value={form.month}
                    onInput={(event) => setForm({ ...form, month: event.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for="audit-staff">{t('rolesAudit.filterStaff')}</label>
                  <input
                    id="audit-staff"
                    type="text"
                    dir="ltr"
                    value={form.staffId}
                    onInput={(event) => setForm({ ...form, staffId: event.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for="audit-subject">{t('rolesAudit.filterSubject')}</label>
                  <input
                    id="audit-subject"
                    type="text"
                    dir="ltr"
                    value={form.subjectId}
                    onInput={(event) => setForm({ ...form, subjectId: event.currentTarget.value })}
                  />
                </div>
              </fieldset>
              <button type="submit" class="button">
                {t('rolesAudit.show')}
              </button>
            </form>
            {records.length > 0 && (
              <p data-testid="audit-count">{t('rolesAudit.count', { count: records.length })}</p>
            )}
            <DataTable
              rows={records}
              empty={t('rolesAudit.count', { count: 0 })}
              captionId="audit-caption"
              caption={t('rolesAudit.sectionTitle')}
              testId="audit-table"
              columns={[
                t('rolesAudit.columnAt'),
                t('rolesAudit.columnStaff'),
                t('rolesAudit.columnAction'),
                t('rolesAudit.columnSubject'),
                t('rolesAudit.columnIds'),
              ]}
              row={(record) => (
                <tr key={record.recordId} data-action={record.action}>
                  <th scope="row">{formatDate(language, record.at, 'dateTime')}</th>
                  <td dir="ltr">
                    {record.staffId}
                    {record.staffId === props.member.sub && ` (${t('rolesAudit.you')})`}
                  </td>
                  <td>{t(`rolesAudit.actions.${record.action}`)}</td>
                  <td>{t(`rolesAudit.subjects.${record.subject}`)}</td>
                  <td dir="ltr">
                    {Object.entries(record.ids)
                      .map(([name, id]) => `${name}: ${id}`)
                      .join(', ')}
                  </td>
                </tr>
              )}
            />
            {cursor && (
              <p>
                <button type="button" class="button button--secondary" onClick={() => loadMore(cursor)}>
                  {t('rolesAudit.more')}
                </button>
              </p>
            )}
            {moreError && (
              <p class="notice notice--error" role="alert">
                {moreError}
              </p>
            )}
          </>
        );
      }}
    </LoadState>
  );
}
