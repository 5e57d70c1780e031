import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { KnowledgeEntryView, KnowledgeOverview } from '../../../../functions/chatbot/knowledge/schemas';
import { directionOf, type Language, languages } from '../../../../functions/shared/i18n/languages';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import { navigate } from '../../router';
import { AdminOnlyNotice } from './admin-only';
import type { ConsoleSectionProps } from './console-sections';
import { ScrollRegion } from './scroll-region';
import { fieldProblem, isVersionConflict, type StaffApi, useStaffApi } from './staff-api';
import '../offerings/offerings.css';
import './staff-console.css';
import './knowledge-console.css';

type Overview = z.infer<typeof KnowledgeOverview>;
type EntryView = z.infer<typeof KnowledgeEntryView>;
type State = Overview['translationsNeeded'][number]['reason'] | 'current';

const endonym = (code: string) => languages.find((language) => language.code === code)?.endonym ?? code;
const stateKey = (state: State): MessageKey => `staffKnowledge.state.${state}` as MessageKey;

/**
 * "Wissen des Chats": every knowledge entry with its state per language, what needs translating, an
 * editor per entry and language (`/staff/knowledge/<entryId>`) and a form for a new entry
 * (`/staff/knowledge/new`). Saved texts reach the bot and the concept page without a deploy.
 */
export function KnowledgeSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  // Editing what the bot and the concept page say is for admins; staff read it (the API checks again).
  const canEdit = props.member.isAdmin;
  if (props.item === 'new') return canEdit ? <NewEntryForm call={call} /> : <AdminOnlyNotice />;
  if (props.item) return <EntryEditor entryId={props.item} call={call} canEdit={canEdit} />;
  return <KnowledgeOverviewView call={call} canEdit={canEdit} />;
}

function KnowledgeOverviewView(props: { call: StaffApi; canEdit: boolean }) {
  const { t } = useI18n();
  const [loaded, retry] = useLoad('knowledge', (signal) =>
    props.call<Overview>('/api/staff/knowledge', { signal }),
  );
  return (
    <>
      <p>{t('staffKnowledge.intro')}</p>
      {props.canEdit ? (
        <p>
          <a class="button" href="/staff/knowledge/new">
            {t('staffKnowledge.newEntry')}
          </a>
        </p>
      ) : (
        <AdminOnlyNotice />
      )}
      <LoadState loaded={loaded} retry={retry}>
        {(overview) => {
          const titles = new Map(overview.entries.map((entry) => [entry.id, entry.title]));
          return (
            <>
              <ScrollRegion labelledBy="knowledge-caption">
                <table class="data-table" data-testid="knowledge-table">
                  <caption id="knowledge-caption">{t('staffKnowledge.entriesCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('staffKnowledge.entry')}</th>
                      <th scope="col">{t('staffKnowledge.section')}</th>
                      <th scope="col">{t('staffKnowledge.languages')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.entries.map((entry) => (
                      <tr key={entry.id}>
                        <th scope="row">
                          <a href={`/staff/knowledge/${entry.id}`} lang="de">
                            {entry.title}
                          </a>
                          <span class="data-table__detail">
                            {entry.id} ·{' '}
                            {t(
                              entry.origin === 'staff'
                                ? 'staffKnowledge.originStaff'
                                : 'staffKnowledge.originSeed',
                            )}
                          </span>
                        </th>
                        <td>
                          <a href={`/concept#${entry.section}`}>#{entry.section}</a>
                        </td>
                        <td>
                          <ul class="knowledge-languages">
                            {entry.languages.map((language) => (
                              <li key={language.language}>
                                <span lang={language.language}>{endonym(language.language)}</span>:{' '}
                                {t(stateKey(language.state))}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <section class="console-block" aria-labelledby="translations-heading">
                <h3 id="translations-heading">{t('staffKnowledge.translationsHeading')}</h3>
                {overview.translationsNeeded.length === 0 ? (
                  <p class="notice">{t('staffKnowledge.translationsNone')}</p>
                ) : (
                  <ul data-testid="translations-needed">
                    {overview.translationsNeeded.map((need) => (
                      <li key={`${need.entryId}-${need.language}`}>
                        <a href={`/staff/knowledge/${need.entryId}?language=${need.language}`}>
                          <span lang="de">{titles.get(need.entryId) ?? need.entryId}</span> –{' '}
                          <span lang={need.language}>{endonym(need.language)}</span>
                        </a>
                        : {t(stateKey(need.reason))}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </LoadState>
    </>
  );
}

interface TextValues {
  title: string;
  answer: string;
  questions: string;
  keywords: string;
}
type TextField = keyof TextValues;
const textFields: TextField[] = ['title', 'answer', 'questions', 'keywords'];

function toValues(texts: EntryView['texts'][number]['texts']): TextValues {
  return {
    title: texts?.title ?? '',
    answer: texts?.answer ?? '',
    questions: (texts?.questions ?? []).join('\n'),
    keywords: (texts?.keywords ?? []).join(', '),
  };
}

function toTexts(values: TextValues) {
  return {
    title: values.title.trim(),
    answer: values.answer.trim(),
    questions: values.questions
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    keywords: values.keywords
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean),
  };
}

/** The four texts of an entry in one language, with errors from the API beside each field. */
function TextFields(props: {
  prefix: string;
  language: Language;
  values: TextValues;
  errors: Partial<Record<TextField, string>>;
  onChange: (values: TextValues) => void;
}) {
  const { t } = useI18n();
  const written = { lang: props.language, dir: directionOf(props.language) };
  const field = (name: TextField, label: MessageKey, multiline: boolean, hint?: MessageKey) => {
    const id = `${props.prefix}-${name}`;
    const described = [hint ? `${id}-hint` : '', props.errors[name] ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    const common = {
      id,
      name,
      value: props.values[name],
      'aria-invalid': props.errors[name] ? ('true' as const) : undefined,
      'aria-describedby': described || undefined,
      onInput: (event: Event) =>
        props.onChange({ ...props.values, [name]: (event.currentTarget as HTMLInputElement).value }),
      ...written,
    };
    return (
      <div class="field">
        <label for={id}>{t(label)}</label>
        {hint && (
          <p class="field__hint" id={`${id}-hint`}>
            {t(hint)}
          </p>
        )}
        {multiline ? (
          <textarea rows={name === 'answer' ? 6 : 5} {...common} />
        ) : (
          <input type="text" {...common} />
        )}
        {props.errors[name] && (
          <p class="field__error" id={`${id}-error`}>
            {props.errors[name]}
          </p>
        )}
      </div>
    );
  };
  return (
    <>
      {field('title', 'staffKnowledge.title', false)}
      {field('answer', 'staffKnowledge.answer', true, 'staffKnowledge.answerHint')}
      {field('questions', 'staffKnowledge.questions', true, 'staffKnowledge.questionsHint')}
      {field('keywords', 'staffKnowledge.keywords', false, 'staffKnowledge.keywordsHint')}
    </>
  );
}

function apiErrors(error: unknown, prefix = ''): Partial<Record<TextField, string>> {
  const found: Partial<Record<TextField, string>> = {};
  for (const name of textFields) {
    const reason = fieldProblem(error, `${prefix}${name}`);
    if (reason) found[name] = reason;
  }
  return found;
}

function initialLanguage(): Language {
  const asked = new URLSearchParams(window.location.search).get('language');
  return (languages.find((language) => language.code === asked)?.code ?? 'de') as Language;
}

function EntryEditor(props: { entryId: string; call: StaffApi; canEdit: boolean }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [loaded, retry] = useLoad(props.entryId, (signal) =>
    props.call<EntryView>(`/api/staff/knowledge/${encodeURIComponent(props.entryId)}`, { signal }),
  );
  return (
    <>
      <p>
        <a href="/staff/knowledge" class="back-link">
          {t('staffKnowledge.back')}
        </a>
      </p>
      <LoadState loaded={loaded} retry={retry}>
        {(entry) => (
          <LanguageEditor
            key={`${language}-${entry.texts.find((text) => text.language === language)?.version ?? 0}`}
            entry={entry}
            language={language}
            onLanguage={setLanguage}
            call={props.call}
            onReload={retry}
            canEdit={props.canEdit}
          />
        )}
      </LoadState>
    </>
  );
}

function LanguageEditor(props: {
  entry: EntryView;
  language: Language;
  onLanguage: (language: Language) => void;
  call: StaffApi;
  onReload: () => void;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const { entry, language } = props;
  const current = entry.texts.find((text) => text.language === language);
  const german = entry.texts.find((text) => text.language === 'de');
  const [values, setValues] = useState<TextValues>(() => toValues(current?.texts));
  const [errors, setErrors] = useState<Partial<Record<TextField, string>>>({});
  const [status, setStatus] = useState<{ kind: 'saved' | 'conflict' | 'failed'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      await props.call<EntryView>(`/api/staff/knowledge/${encodeURIComponent(entry.id)}/${language}`, {
        method: 'PUT',
        body: { ...toTexts(values), expectedVersion: current?.version ?? 0 },
      });
      setErrors({});
      setStatus({ kind: 'saved', text: t('staffKnowledge.saved') });
    } catch (error) {
      if (isVersionConflict(error)) setStatus({ kind: 'conflict', text: t('staffKnowledge.conflict') });
      else {
        setErrors(apiErrors(error));
        if (!(error instanceof ApiError && error.status === 401))
          setStatus({ kind: 'failed', text: failureText(error, t('app.loadFailed')) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="console-block" aria-labelledby="knowledge-editor-heading">
      <h3 id="knowledge-editor-heading">
        {t('staffKnowledge.editHeading', { entry: german?.texts?.title ?? entry.id })}
      </h3>
      <p>
        {t('staffKnowledge.section')}: <a href={`/concept#${entry.section}`}>#{entry.section}</a>
      </p>
      <div class="field">
        <label for="knowledge-language">{t('staffKnowledge.language')}</label>
        <select
          id="knowledge-language"
          value={language}
          onChange={(event) => props.onLanguage(event.currentTarget.value as Language)}
        >
          {entry.texts.map((text) => (
            <option key={text.language} value={text.language}>
              {endonym(text.language)} – {t(stateKey(text.state))}
            </option>
          ))}
        </select>
      </div>
      {current?.state === 'missing' && (
        <p class="notice notice--warning">{t('staffKnowledge.missingNote')}</p>
      )}
      {current?.state === 'outdated' && (
        <p class="notice notice--warning">{t('staffKnowledge.outdatedNote')}</p>
      )}
      {language !== 'de' && german?.texts && (
        <details class="knowledge-source">
          <summary>{t('staffKnowledge.germanSource')}</summary>
          <p lang="de" class="preserve-lines">
            <strong>{german.texts.title}</strong>
            {'\n'}
            {german.texts.answer}
          </p>
        </details>
      )}
      {!props.canEdit && <AdminOnlyNotice />}
      <form class="form" onSubmit={save} noValidate>
        <fieldset class="plain-fieldset" disabled={!props.canEdit}>
          <TextFields
            prefix="knowledge"
            language={language}
            values={values}
            errors={errors}
            onChange={setValues}
          />
        </fieldset>
        <div role="status" aria-live="polite">
          {status && (
            <p
              class={status.kind === 'saved' ? 'notice' : 'notice notice--error'}
              data-testid="knowledge-status"
            >
              {status.text}
            </p>
          )}
        </div>
        <div class="knowledge-actions">
          {props.canEdit && (
            <button type="submit" class="button" disabled={busy}>
              {t('staffKnowledge.save')}
            </button>
          )}
          {status?.kind === 'conflict' && (
            <button type="button" class="button button--secondary" onClick={props.onReload}>
              {t('staffKnowledge.reload')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function NewEntryForm(props: { call: StaffApi }) {
  const { t } = useI18n();
  const idempotency = useIdempotencyKey();
  const [meta, setMeta] = useState({ id: '', section: '' });
  const [values, setValues] = useState<TextValues>({ title: '', answer: '', questions: '', keywords: '' });
  const [errors, setErrors] = useState<Partial<Record<TextField | 'id' | 'section', string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  // "Create entry from this" in the unanswered questions passes the (already redacted) question along.
  useEffect(() => {
    const question = new URLSearchParams(window.location.search).get('question');
    if (question) setValues((current) => ({ ...current, questions: question }));
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setFormError(undefined);
    try {
      const created = await props.call<EntryView>('/api/staff/knowledge', {
        method: 'POST',
        idempotencyKey: idempotency.current(),
        body: { id: meta.id.trim(), section: meta.section.trim(), texts: toTexts(values) },
      });
      idempotency.settled();
      navigate(`/staff/knowledge/${created.id}`);
    } catch (error) {
      idempotency.settled(error);
      setBusy(false);
      setErrors({
        ...apiErrors(error, 'texts.'),
        id: fieldProblem(error, 'id'),
        section: fieldProblem(error, 'section'),
      });
      if (!(error instanceof ApiError && error.status === 401)) {
        setFormError(failureText(error, t('app.loadFailed')));
        requestAnimationFrame(() => document.getElementById('knowledge-new-error')?.focus());
      }
    }
  }

  const metaField = (name: 'id' | 'section', label: MessageKey) => (
    <div class="field">
      <label for={`knowledge-new-${name}`}>{t(label)}</label>
      <p class="field__hint" id={`knowledge-new-${name}-hint`}>
        {t('staffKnowledge.slugHint')}
      </p>
      <input
        type="text"
        id={`knowledge-new-${name}`}
        value={meta[name]}
        dir="ltr"
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={`knowledge-new-${name}-hint${errors[name] ? ` knowledge-new-${name}-error` : ''}`}
        onInput={(event) => setMeta({ ...meta, [name]: event.currentTarget.value })}
      />
      {errors[name] && (
        <p class="field__error" id={`knowledge-new-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <>
      <p>
        <a href="/staff/knowledge" class="back-link">
          {t('staffKnowledge.back')}
        </a>
      </p>
      <section class="console-block" aria-labelledby="knowledge-new-heading">
        <h3 id="knowledge-new-heading">{t('staffKnowledge.newEntry')}</h3>
        <p>{t('staffKnowledge.newIntro')}</p>
        <form class="form" onSubmit={submit} noValidate>
          {metaField('id', 'staffKnowledge.id')}
          {metaField('section', 'staffKnowledge.section')}
          <TextFields
            prefix="knowledge-new"
            language="de"
            values={values}
            errors={errors}
            onChange={setValues}
          />
          {formError && (
            <p class="form__error" id="knowledge-new-error" role="alert" tabIndex={-1}>
              {formError}
            </p>
          )}
          <button type="submit" class="button" disabled={busy}>
            {t('staffKnowledge.create')}
          </button>
        </form>
      </section>
    </>
  );
}
