import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { MilestoneList, MilestoneView } from '../../../../functions/chatbot/knowledge/schemas';
import { directionOf, type Language, languages } from '../../../../functions/shared/i18n/languages';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { AdminOnlyNotice } from './admin-only';
import type { ConsoleSectionProps } from './console-sections';
import { fieldProblem, isVersionConflict, type StaffApi, useStaffApi } from './staff-api';
import './staff-console.css';
import './knowledge-console.css';

type Milestone = z.infer<typeof MilestoneView>;
type Texts = Record<Language, { title: string; description: string }>;

const emptyTexts = (): Texts =>
  Object.fromEntries(languages.map((language) => [language.code, { title: '', description: '' }])) as Texts;

/**
 * "Meilensteine": the dated steps of the concept that the concept page lists and the bot names when
 * asked where the concept stands. German is required; other languages fall back to German, marked.
 */
export function KnowledgeMilestonesSection(props: ConsoleSectionProps) {
  const { t } = useI18n();
  const call = useStaffApi(props.token, props.onExpired);
  const [loaded, retry] = useLoad('milestones', (signal) =>
    call<z.infer<typeof MilestoneList>>('/api/staff/milestones', { signal }),
  );
  const [editing, setEditing] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const done = (text: string) => {
    setEditing(undefined);
    setMessage(text);
    retry();
  };
  // The bot answers with the milestones: changing them is for admins (the API checks again).
  const canEdit = props.member.isAdmin;
  return (
    <>
      <p>{t('staffMilestones.intro')}</p>
      <div role="status" aria-live="polite">
        {message && <p class="notice">{message}</p>}
      </div>
      <LoadState loaded={loaded} retry={retry}>
        {({ milestones }) => (
          <>
            {!canEdit ? (
              <AdminOnlyNotice />
            ) : editing === '' ? (
              <MilestoneForm call={call} onDone={done} onCancel={() => setEditing(undefined)} />
            ) : (
              <p>
                <button type="button" class="button" onClick={() => setEditing('')}>
                  {t('staffMilestones.add')}
                </button>
              </p>
            )}
            <ol class="knowledge-milestones" data-testid="milestones">
              {milestones.map((milestone) => (
                <li key={milestone.id}>
                  {editing === milestone.id ? (
                    <MilestoneForm
                      call={call}
                      milestone={milestone}
                      onDone={done}
                      onCancel={() => setEditing(undefined)}
                    />
                  ) : (
                    <MilestoneItem
                      milestone={milestone}
                      call={call}
                      canEdit={canEdit}
                      onEdit={() => setEditing(milestone.id)}
                      onDone={done}
                    />
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </LoadState>
    </>
  );
}

function MilestoneItem(props: {
  milestone: Milestone;
  call: StaffApi;
  canEdit: boolean;
  onEdit: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const { milestone } = props;
  const [error, setError] = useState<string | undefined>();
  const translated = languages
    .filter((language) => milestone.texts[language.code])
    .map((language) => language.endonym);
  async function remove() {
    if (!window.confirm(t('staffMilestones.removeConfirm', { title: milestone.texts.de.title }))) return;
    try {
      await props.call(`/api/staff/milestones/${milestone.id}?expectedVersion=${milestone.version}`, {
        method: 'DELETE',
      });
      props.onDone(t('staffMilestones.removed', { title: milestone.texts.de.title }));
    } catch (caught) {
      setError(
        isVersionConflict(caught) ? t('staffKnowledge.conflict') : failureText(caught, t('app.loadFailed')),
      );
    }
  }
  return (
    <article aria-labelledby={`milestone-${milestone.id}`}>
      <h3 id={`milestone-${milestone.id}`}>
        <time dateTime={milestone.date}>{milestone.date}</time> –{' '}
        <span lang="de">{milestone.texts.de.title}</span>
      </h3>
      {milestone.texts.de.description && <p lang="de">{milestone.texts.de.description}</p>}
      <p class="data-table__detail">
        {t('staffMilestones.translated')}: {translated.join(', ')}
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {props.canEdit && (
        <div class="knowledge-actions">
          <button type="button" class="button button--small button--secondary" onClick={props.onEdit}>
            {t('staffMilestones.edit')}
          </button>
          <button type="button" class="button button--small button--danger" onClick={remove}>
            {t('staffMilestones.remove')}
          </button>
        </div>
      )}
    </article>
  );
}

function MilestoneForm(props: {
  call: StaffApi;
  milestone?: Milestone;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const existing = props.milestone;
  const [id, setId] = useState(existing?.id ?? '');
  const [date, setDate] = useState(existing?.date ?? '');
  const [texts, setTexts] = useState<Texts>(() => {
    const filled = emptyTexts();
    for (const language of languages) {
      const text = existing?.texts[language.code];
      if (text) filled[language.code] = { title: text.title, description: text.description };
    }
    return filled;
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const prefix = `milestone-form-${existing?.id ?? 'new'}`;

  async function save(event: Event) {
    event.preventDefault();
    const body = {
      date: date.trim(),
      ...(existing?.link ? { link: existing.link } : {}),
      texts: Object.fromEntries(
        languages
          .filter((language) => language.code === 'de' || texts[language.code].title.trim())
          .map((language) => [
            language.code,
            {
              title: texts[language.code].title.trim(),
              description: texts[language.code].description.trim(),
            },
          ]),
      ),
      expectedVersion: existing?.version ?? 0,
    };
    try {
      await props.call(`/api/staff/milestones/${encodeURIComponent(id.trim())}`, { method: 'PUT', body });
      props.onDone(t('staffMilestones.saved', { title: texts.de.title.trim() }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      setErrors({
        id: fieldProblem(error, 'milestoneId'),
        date: fieldProblem(error, 'date'),
        title: fieldProblem(error, 'texts.de.title'),
      });
      setFormError(
        isVersionConflict(error) ? t('staffKnowledge.conflict') : failureText(error, t('app.loadFailed')),
      );
      requestAnimationFrame(() => document.getElementById(`${prefix}-error`)?.focus());
    }
  }

  const described = (name: string, hint = false) =>
    [hint ? `${prefix}-${name}-hint` : '', errors[name] ? `${prefix}-${name}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const error = (name: string) =>
    errors[name] && (
      <p class="field__error" id={`${prefix}-${name}-error`}>
        {errors[name]}
      </p>
    );

  return (
    <form class="form console-block" onSubmit={save} noValidate aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`}>{existing ? t('staffMilestones.edit') : t('staffMilestones.add')}</h3>
      {!existing && (
        <div class="field">
          <label for={`${prefix}-id`}>{t('staffKnowledge.id')}</label>
          <p class="field__hint" id={`${prefix}-id-hint`}>
            {t('staffKnowledge.slugHint')}
          </p>
          <input
            id={`${prefix}-id`}
            type="text"
            dir="ltr"
            value={id}
            aria-invalid={errors.id ? 'true' : undefined}
            aria-describedby={described('id', true)}
            onInput={(event) => setId(event.currentTarget.value)}
          />
          {error('id')}
        </div>
      )}
      <div class="field">
        <label for={`${prefix}-date`}>{t('staffMilestones.date')}</label>
        <p class="field__hint" id={`${prefix}-date-hint`}>
          {t('staffMilestones.dateHint')}
        </p>
        <input
          id={`${prefix}-date`}
          type="text"
          dir="ltr"
          inputMode="numeric"
          value={date}
          aria-invalid={errors.date ? 'true' : undefined}
          aria-describedby={described('date', true)}
          onInput={(event) => setDate(event.currentTarget.value)}
        />
        {error('date')}
      </div>
      {languages.map((language) => {
        const written = { lang: language.code, dir: directionOf(language.code) };
        const update = (field: 'title' | 'description', value: string) =>
          setTexts({ ...texts, [language.code]: { ...texts[language.code], [field]: value } });
        return (
          <fieldset key={language.code} class="knowledge-fieldset">
            <legend lang={language.code}>
              {language.endonym}
              {language.code === 'de' ? ` (${t('staffMilestones.required')})` : ''}
            </legend>
            <div class="field">
              <label for={`${prefix}-${language.code}-title`}>{t('staffMilestones.title')}</label>
              <input
                id={`${prefix}-${language.code}-title`}
                type="text"
                value={texts[language.code].title}
                aria-invalid={language.code === 'de' && errors.title ? 'true' : undefined}
                aria-describedby={language.code === 'de' ? described('title') : undefined}
                onInput={(event) => update('title', event.currentTarget.value)}
                {...written}
              />
              {language.code === 'de' && error('title')}
            </div>
            <div class="field">
              <label for={`${prefix}-${language.code}-description`}>{t('staffMilestones.description')}</label>
              <textarea
                id={`${prefix}-${language.code}-description`}
                rows={2}
                value={texts[language.code].description}
                onInput={(event) => update('description', event.currentTarget.value)}
                {...written}
              />
            </div>
          </fieldset>
        );
      })}
      {formError && (
        <p class="form__error" id={`${prefix}-error`} role="alert" tabIndex={-1}>
          {formError}
        </p>
      )}
      <div class="knowledge-actions">
        <button type="submit" class="button">
          {t('staffKnowledge.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t('staffMilestones.cancel')}
        </button>
      </div>
    </form>
  );
}
