import { useState } from 'preact/hooks';
import type {
  PersonErasure,
  PersonExport,
  PersonKey,
  PersonKind,
} from '../../../../functions/people/schemas';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from './confirm-dialog';
import type { ConsoleSectionProps } from './console-sections';
import { useStaffApi } from './staff-api';
import './staff-console.css';

/** The ids each kind of person is found by (the same the API's `PersonKey` asks for). */
const fieldsOf: Record<
  PersonKind,
  ('surveyId' | 'invitationId' | 'roundId' | 'interviewId' | 'workshopId' | 'email' | 'conversationId')[]
> = {
  contactPerson: ['surveyId', 'invitationId'],
  expert: ['roundId', 'interviewId'],
  workshopParticipant: ['workshopId', 'email'],
  chatUser: ['conversationId'],
};

const kindLabel: Record<PersonKind, MessageKey> = {
  contactPerson: 'peopleData.kindContactPerson',
  expert: 'peopleData.kindExpert',
  workshopParticipant: 'peopleData.kindWorkshopParticipant',
  chatUser: 'peopleData.kindChatUser',
};

/**
 * Admins look a person up by the ids they already have, export what is held (Art. 15) and erase it
 * (Art. 17) after a confirmation. The API checks the admin group again.
 */
export function PeopleSection(props: ConsoleSectionProps) {
  const { t } = useI18n();
  const call = useStaffApi(props.token, props.onExpired);
  const [kind, setKind] = useState<PersonKind>('contactPerson');
  const [values, setValues] = useState<Record<string, string>>({});
  const [exported, setExported] = useState<PersonExport | undefined>();
  const [erasure, setErasure] = useState<PersonErasure | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | undefined>();

  const person = (): PersonKey =>
    ({
      kind,
      ...Object.fromEntries(fieldsOf[kind].map((field) => [field, (values[field] ?? '').trim()])),
    }) as PersonKey;

  async function lookUp() {
    setErasure(undefined);
    try {
      const result = await call<PersonExport>('/api/admin/people/export', { method: 'POST', body: person() });
      setExported(result);
      setMessage(t('peopleData.found', { count: result.items.length }));
    } catch (error) {
      setMessage(failureText(error, t('app.loadFailed')));
    }
  }

  async function erase() {
    setConfirming(false);
    try {
      const result = await call<PersonErasure>('/api/admin/people/erase', { method: 'POST', body: person() });
      setErasure(result);
      setExported(undefined);
      setMessage(
        [
          t('peopleData.erased', { count: result.deleted }),
          result.anonymised > 0 ? t('peopleData.anonymised', { count: result.anonymised }) : '',
        ].join(' '),
      );
    } catch (error) {
      setMessage(failureText(error, t('app.loadFailed')));
    }
  }

  function download() {
    if (!exported) return;
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `auskunft-${kind}-${exported.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section class="console-block" aria-labelledby="people-heading">
      <h3 id="people-heading">{t('peopleData.sectionTitle')}</h3>
      <p>{t('peopleData.intro')}</p>
      <form
        class="staff-form"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp();
        }}
      >
        <label>
          {t('peopleData.kind')}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as PersonKind);
              setExported(undefined);
              setErasure(undefined);
              setMessage(undefined);
            }}
          >
            {(Object.keys(fieldsOf) as PersonKind[]).map((option) => (
              <option key={option} value={option}>
                {t(kindLabel[option])}
              </option>
            ))}
          </select>
        </label>
        {fieldsOf[kind].map((field) => (
          <label key={field}>
            {t(`peopleData.${field}` as MessageKey)}
            <input
              type="text"
              inputMode={field === 'email' ? 'email' : 'text'}
              required
              autocomplete="off"
              value={values[field] ?? ''}
              onInput={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
            />
          </label>
        ))}
        <div class="button-row">
          <button type="submit" class="button">
            {t('peopleData.export')}
          </button>
          <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
            {t('peopleData.erase')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {message && <p class="notice">{message}</p>}
      </div>
      {exported && exported.items.length > 0 && (
        <>
          <button type="button" class="button button--secondary" onClick={download}>
            {t('peopleData.download')}
          </button>
          <pre data-testid="people-export" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {JSON.stringify(exported, null, 2)}
          </pre>
        </>
      )}
      {erasure && erasure.kept.length > 0 && (
        <>
          <h4>{t('peopleData.kept')}</h4>
          <ul lang="de">
            {erasure.kept.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('peopleData.confirmTitle')}
        confirmLabel={t('peopleData.confirm')}
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('peopleData.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
