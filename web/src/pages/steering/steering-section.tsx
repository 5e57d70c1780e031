import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { directionOf, type Language, languages } from '../../../../functions/shared/i18n/languages';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import type {
  ChangeHistory,
  MeasureList,
  Measure as MeasureSchema,
  PriorityList,
  Priority as PrioritySchema,
  SteeringEntity,
} from '../../../../functions/steering/schemas';
import { findingSources, measureStatuses, priorityStatuses } from '../../../../functions/steering/schemas';
import { needCategories, placeIds } from '../../../../functions/survey/questionnaire';
import { ApiError, failureText } from '../../api';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { LoadState, useLoad } from '../../load';
import type { ConsoleSectionProps } from '../staff/console-sections';
import { fieldProblem, isVersionConflict, type StaffApi, useStaffApi } from '../staff/staff-api';
import { placeLabel } from '../survey/labels';
import '../staff/staff-console.css';
import '../staff/knowledge-console.css';
import './steering.css';

type Priority = z.infer<typeof PrioritySchema>;
type Measure = z.infer<typeof MeasureSchema>;
type Texts = Record<Language, { title: string; description: string }>;
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const emptyTexts = (): Texts =>
  Object.fromEntries(languages.map((language) => [language.code, { title: '', description: '' }])) as Texts;

function textsOf(existing: Priority['texts'] | undefined): Texts {
  const texts = emptyTexts();
  for (const language of languages) {
    const text = existing?.[language.code];
    if (text) texts[language.code] = { title: text.title, description: text.description };
  }
  return texts;
}

/** German always; another language only when it has a title (the API falls back to German otherwise). */
function textsBody(texts: Texts) {
  return Object.fromEntries(
    languages
      .filter((language) => language.code === 'de' || texts[language.code].title.trim())
      .map((language) => [
        language.code,
        { title: texts[language.code].title.trim(), description: texts[language.code].description.trim() },
      ]),
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const needLabel = (t: Translate, need: string) => t(`questionnaire.needCategories.${need}` as MessageKey);

/**
 * "Steuerung": the steering committee (Steuerungskreis) records its priorities, justified by the
 * evaluation, and its measures; every change is kept with who made it and when. Staff read only (the
 * API refuses their writes with 403 either way).
 */
export function SteeringSection(props: ConsoleSectionProps) {
  const { t } = useI18n();
  const call = useStaffApi(props.token, props.onExpired);
  const canWrite = props.member.groups.includes('steering') || props.member.groups.includes('admin');
  const [loaded, retry] = useLoad('steering', async (signal) => {
    const [priorities, measures] = await Promise.all([
      call<z.infer<typeof PriorityList>>('/api/staff/steering/priorities', { signal }),
      call<z.infer<typeof MeasureList>>('/api/staff/steering/measures', { signal }),
    ]);
    return { priorities: priorities.priorities, measures: measures.measures };
  });
  const [editing, setEditing] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const done = (text: string) => {
    setEditing(undefined);
    setMessage(text);
    retry();
  };
  return (
    <>
      <p>{t('steering.intro')}</p>
      {!canWrite && <p class="notice">{t('steering.readOnly')}</p>}
      <p>
        <a href="/concept/status">{t('steering.publicPage')}</a>
      </p>
      <div role="status" aria-live="polite">
        {message && <p class="notice">{message}</p>}
      </div>
      <LoadState loaded={loaded} retry={retry}>
        {({ priorities, measures }) => (
          <>
            <section aria-labelledby="steering-priorities-heading" class="console-block">
              <h3 id="steering-priorities-heading">{t('steering.prioritiesHeading')}</h3>
              {canWrite &&
                (editing === 'new-priority' ? (
                  <PriorityForm call={call} onDone={done} onCancel={() => setEditing(undefined)} />
                ) : (
                  <p>
                    <button type="button" class="button" onClick={() => setEditing('new-priority')}>
                      {t('steering.addPriority')}
                    </button>
                  </p>
                ))}
              {priorities.length === 0 && <p>{t('steering.noPrioritiesYet')}</p>}
              <ul class="steering-measures" data-testid="steering-priorities">
                {priorities.map((priority) => (
                  <li key={priority.priorityId} class="steering-measure">
                    {editing === priority.priorityId ? (
                      <PriorityForm
                        call={call}
                        priority={priority}
                        onDone={done}
                        onCancel={() => setEditing(undefined)}
                      />
                    ) : (
                      <PriorityCard
                        priority={priority}
                        call={call}
                        member={props.member.sub}
                        canWrite={canWrite}
                        onEdit={() => setEditing(priority.priorityId)}
                        onDone={done}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="steering-measures-heading" class="console-block">
              <h3 id="steering-measures-heading">{t('steering.measuresHeading')}</h3>
              {canWrite &&
                priorities.length > 0 &&
                (editing === 'new-measure' ? (
                  <MeasureForm
                    call={call}
                    priorities={priorities}
                    onDone={done}
                    onCancel={() => setEditing(undefined)}
                  />
                ) : (
                  <p>
                    <button type="button" class="button" onClick={() => setEditing('new-measure')}>
                      {t('steering.addMeasure')}
                    </button>
                  </p>
                ))}
              {measures.length === 0 && <p>{t('steering.noMeasuresYet')}</p>}
              <ul class="steering-measures" data-testid="steering-measures">
                {measures.map((measure) => (
                  <li key={measure.measureId} class="steering-measure">
                    {editing === measure.measureId ? (
                      <MeasureForm
                        call={call}
                        priorities={priorities}
                        measure={measure}
                        onDone={done}
                        onCancel={() => setEditing(undefined)}
                      />
                    ) : (
                      <MeasureCard
                        measure={measure}
                        priority={priorities.find((candidate) => candidate.priorityId === measure.priorityId)}
                        call={call}
                        member={props.member.sub}
                        canWrite={canWrite}
                        onEdit={() => setEditing(measure.measureId)}
                        onDone={done}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}

interface CardProps {
  call: StaffApi;
  member: string;
  canWrite: boolean;
  onEdit: () => void;
  onDone: (message: string) => void;
}

function useRemove(props: CardProps, path: `/api/${string}`, title: string) {
  const { t } = useI18n();
  const [error, setError] = useState<string | undefined>();
  async function remove() {
    if (!window.confirm(t('steering.deleteConfirm', { title }))) return;
    try {
      await props.call(path, { method: 'DELETE' });
      props.onDone(t('steering.deleted', { title }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && !isVersionConflict(caught)) {
        setError(t('steering.hasMeasures'));
      } else {
        setError(
          isVersionConflict(caught) ? t('steering.conflict') : failureText(caught, t('app.loadFailed')),
        );
      }
    }
  }
  return { error, remove };
}

function CardActions(props: CardProps & { remove: () => void; history: () => void; showing: boolean }) {
  const { t } = useI18n();
  return (
    <div class="knowledge-actions">
      {props.canWrite && (
        <>
          <button type="button" class="button button--small button--secondary" onClick={props.onEdit}>
            {t('steering.edit')}
          </button>
          <button type="button" class="button button--small button--danger" onClick={props.remove}>
            {t('steering.delete')}
          </button>
        </>
      )}
      <button
        type="button"
        class="button button--small button--secondary"
        aria-expanded={props.showing ? 'true' : 'false'}
        onClick={props.history}
      >
        {props.showing ? t('steering.hideHistory') : t('steering.history')}
      </button>
    </div>
  );
}

function PriorityCard(props: CardProps & { priority: Priority }) {
  const { t } = useI18n();
  const { priority } = props;
  const title = priority.texts.de.title;
  const { error, remove } = useRemove(
    props,
    `/api/staff/steering/priorities/${priority.priorityId}?expectedVersion=${priority.version}`,
    title,
  );
  const [showing, setShowing] = useState(false);
  const { needs, findings, gapCells } = priority.justification;
  return (
    <article aria-labelledby={`priority-card-${priority.priorityId}`}>
      <h4 id={`priority-card-${priority.priorityId}`}>
        <span lang="de">{title}</span>{' '}
        <span class="steering-badge">{t(`steering.priorityStatus.${priority.status}` as MessageKey)}</span>
      </h4>
      {priority.texts.de.description && <p lang="de">{priority.texts.de.description}</p>}
      <dl class="steering-facts">
        {needs.length > 0 && (
          <div>
            <dt>{t('steering.needs')}</dt>
            <dd>{needs.map((need) => needLabel(t, need)).join(', ')}</dd>
          </div>
        )}
        {findings.length > 0 && (
          <div>
            <dt>{t('steering.findings')}</dt>
            <dd dir="ltr">
              {findings
                .map(
                  (finding) =>
                    `${t(`steering.findingSources.${finding.source}` as MessageKey)} ${finding.findingId}`,
                )
                .join(', ')}
            </dd>
          </div>
        )}
        {gapCells.length > 0 && (
          <div>
            <dt>{t('steering.gapCells')}</dt>
            <dd>
              {gapCells
                .map((cell) => `${needLabel(t, cell.need)} × ${placeLabel(t, cell.column).label}`)
                .join('; ')}
            </dd>
          </div>
        )}
      </dl>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <CardActions {...props} remove={remove} history={() => setShowing(!showing)} showing={showing} />
      {showing && (
        <History
          call={props.call}
          entity="priority"
          id={priority.priorityId}
          title={title}
          member={props.member}
        />
      )}
    </article>
  );
}

function MeasureCard(props: CardProps & { measure: Measure; priority: Priority | undefined }) {
  const { t } = useI18n();
  const { measure } = props;
  const title = measure.texts.de.title;
  const { error, remove } = useRemove(
    props,
    `/api/staff/steering/measures/${measure.measureId}?expectedVersion=${measure.version}`,
    title,
  );
  const [showing, setShowing] = useState(false);
  return (
    <article aria-labelledby={`measure-card-${measure.measureId}`}>
      <h4 id={`measure-card-${measure.measureId}`}>
        <span lang="de">{title}</span>{' '}
        <span class="steering-badge">{t(`steering.measureStatus.${measure.status}` as MessageKey)}</span>
      </h4>
      <dl class="steering-facts">
        <div>
          <dt>{t('steering.priority')}</dt>
          <dd lang="de">{props.priority?.texts.de.title ?? measure.priorityId}</dd>
        </div>
        <div>
          <dt>{t('steering.owner')}</dt>
          <dd lang="de">{measure.owner}</dd>
        </div>
        {measure.partners.length > 0 && (
          <div>
            <dt>{t('steering.partners')}</dt>
            <dd lang="de">{measure.partners.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('steering.timeframe')}</dt>
          <dd dir="ltr">
            {measure.timeframe.from} – {measure.timeframe.to ?? '…'}
          </dd>
        </div>
        {measure.offeringIds.length > 0 && (
          <div>
            <dt>{t('steering.offeringIds')}</dt>
            <dd>
              {measure.offeringIds.map((offeringId) => (
                <a key={offeringId} href={`/offerings/${offeringId}`} dir="ltr" class="steering-offering">
                  {offeringId}{' '}
                </a>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <CardActions {...props} remove={remove} history={() => setShowing(!showing)} showing={showing} />
      {showing && (
        <History
          call={props.call}
          entity="measure"
          id={measure.measureId}
          title={title}
          member={props.member}
        />
      )}
    </article>
  );
}

/** Who changed what and when. Only the member's id is kept; the signed-in member sees "you" for their own. */
function History(props: {
  call: StaffApi;
  entity: SteeringEntity;
  id: string;
  title: string;
  member: string;
}) {
  const { t, language } = useI18n();
  const path = props.entity === 'priority' ? 'priorities' : 'measures';
  const [loaded, retry] = useLoad(`${props.entity}-${props.id}`, (signal) =>
    props.call<z.infer<typeof ChangeHistory>>(`/api/staff/steering/${path}/${props.id}/history`, { signal }),
  );
  const when = new Intl.DateTimeFormat(`${language}-u-ca-gregory-nu-latn`, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return (
    <LoadState loaded={loaded} retry={retry}>
      {({ changes }) => (
        <div class="steering-history">
          <table class="data-table" data-testid="steering-history">
            <caption>{t('steering.historyCaption', { title: props.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('steering.when')}</th>
                <th scope="col">{t('steering.who')}</th>
                <th scope="col">{t('steering.what')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.changeId}>
                  <td>
                    <time dateTime={change.changedAt}>{when.format(new Date(change.changedAt))}</time>
                  </td>
                  <td>
                    {change.changedBy === props.member
                      ? t('steering.you')
                      : t('steering.memberId', { id: change.changedBy.slice(0, 8) })}
                  </td>
                  <td>
                    {t(`steering.actions.${change.action}` as MessageKey)}
                    {change.fields.length > 0 && (
                      <>
                        : <span dir="ltr">{change.fields.join(', ')}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </LoadState>
  );
}

/** The fieldsets of a text in every language: German required, the others behind "translations". */
function TextFields(props: {
  prefix: string;
  texts: Texts;
  setTexts: (texts: Texts) => void;
  titleError: string | undefined;
}) {
  const { t } = useI18n();
  const fieldset = (code: Language, endonym: string) => {
    const written = { lang: code, dir: directionOf(code) };
    const update = (field: 'title' | 'description', value: string) =>
      props.setTexts({ ...props.texts, [code]: { ...props.texts[code], [field]: value } });
    const id = `${props.prefix}-${code}`;
    const invalid = code === 'de' && props.titleError;
    return (
      <fieldset key={code} class="knowledge-fieldset">
        <legend lang={code}>
          {endonym}
          {code === 'de' ? ` (${t('steering.required')})` : ''}
        </legend>
        <div class="field">
          <label for={`${id}-title`}>{t('steering.title')}</label>
          <input
            id={`${id}-title`}
            type="text"
            value={props.texts[code].title}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? `${id}-title-error` : undefined}
            onInput={(event) => update('title', event.currentTarget.value)}
            {...written}
          />
          {invalid && (
            <p class="field__error" id={`${id}-title-error`}>
              {props.titleError}
            </p>
          )}
        </div>
        <div class="field">
          <label for={`${id}-description`}>{t('steering.description')}</label>
          <textarea
            id={`${id}-description`}
            rows={2}
            value={props.texts[code].description}
            onInput={(event) => update('description', event.currentTarget.value)}
            {...written}
          />
        </div>
      </fieldset>
    );
  };
  return (
    <>
      {fieldset('de', 'Deutsch')}
      <details>
        <summary>{t('steering.translations')}</summary>
        {languages
          .filter((language) => language.code !== 'de')
          .map((language) => fieldset(language.code, language.endonym))}
      </details>
    </>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | undefined;
  multiline?: boolean;
  ltr?: boolean;
}) {
  const described =
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id: props.id,
    value: props.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described,
    ...(props.ltr ? { dir: 'ltr' as const } : {}),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={3} onInput={(event) => props.onInput(event.currentTarget.value)} />
      ) : (
        <input {...common} type="text" onInput={(event) => props.onInput(event.currentTarget.value)} />
      )}
      {props.error && (
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Saving: create with an Idempotency-Key, update with the version read; errors named per field. */
function useSave(props: { call: StaffApi; onDone: (message: string) => void }, prefix: string) {
  const { t } = useI18n();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  async function save(path: `/api/${string}`, method: 'POST' | 'PUT', body: unknown, title: string) {
    try {
      await props.call(path, {
        method,
        body,
        ...(method === 'POST' ? { idempotencyKey: idempotency.current() } : {}),
      });
      idempotency.settled();
      props.onDone(t('steering.saved', { title }));
    } catch (error) {
      idempotency.settled(error);
      if (error instanceof ApiError && error.status === 401) return;
      setFailure(error);
      setFormError(
        isVersionConflict(error) ? t('steering.conflict') : failureText(error, t('app.loadFailed')),
      );
      requestAnimationFrame(() => document.getElementById(`${prefix}-error`)?.focus());
    }
  }
  const problem = (field: string) => fieldProblem(failure, field);
  const errorText = formError && (
    <p class="form__error" id={`${prefix}-error`} role="alert" tabIndex={-1}>
      {formError}
    </p>
  );
  return { save, problem, errorText };
}

function FormButtons(props: { onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div class="knowledge-actions">
      <button type="submit" class="button">
        {t('steering.save')}
      </button>
      <button type="button" class="button button--secondary" onClick={props.onCancel}>
        {t('steering.cancel')}
      </button>
    </div>
  );
}

function PriorityForm(props: {
  call: StaffApi;
  priority?: Priority;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const existing = props.priority;
  const prefix = `priority-form-${existing?.priorityId ?? 'new'}`;
  const [texts, setTexts] = useState<Texts>(() => textsOf(existing?.texts));
  const [status, setStatus] = useState<string>(existing?.status ?? 'proposed');
  const [needs, setNeeds] = useState<string[]>(existing?.justification.needs ?? []);
  const [findings, setFindings] = useState(existing?.justification.findings ?? []);
  const [gapCells, setGapCells] = useState(existing?.justification.gapCells ?? []);
  const [findingSource, setFindingSource] = useState<string>('interview');
  const [findingId, setFindingId] = useState('');
  const [gapNeed, setGapNeed] = useState<string>(needCategories[0]);
  const [gapPlace, setGapPlace] = useState<string>('whole-county');
  const { save, problem, errorText } = useSave(props, prefix);

  async function submit(event: Event) {
    event.preventDefault();
    const body = {
      texts: textsBody(texts),
      justification: { needs, findings, gapCells },
      status,
      ...(existing ? { expectedVersion: existing.version } : {}),
    };
    await save(
      existing ? `/api/staff/steering/priorities/${existing.priorityId}` : '/api/staff/steering/priorities',
      existing ? 'PUT' : 'POST',
      body,
      texts.de.title.trim(),
    );
  }

  return (
    <form class="form console-block" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{existing ? t('steering.editPriority') : t('steering.addPriority')}</h4>
      <TextFields prefix={prefix} texts={texts} setTexts={setTexts} titleError={problem('texts.de.title')} />
      <Select
        id={`${prefix}-status`}
        label={t('steering.status')}
        value={status}
        options={priorityStatuses.map((value) => ({
          value,
          label: t(`steering.priorityStatus.${value}` as MessageKey),
        }))}
        onChange={setStatus}
      />
      <fieldset class="knowledge-fieldset">
        <legend>{t('steering.needs')}</legend>
        {needCategories.map((need) => (
          <div class="field field--checkbox" key={need}>
            <input
              id={`${prefix}-need-${need}`}
              type="checkbox"
              checked={needs.includes(need)}
              onChange={(event) =>
                setNeeds(
                  event.currentTarget.checked ? [...needs, need] : needs.filter((chosen) => chosen !== need),
                )
              }
            />
            <label for={`${prefix}-need-${need}`}>{needLabel(t, need)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="knowledge-fieldset">
        <legend>{t('steering.findings')}</legend>
        <ul class="steering-rows">
          {findings.map((finding, index) => (
            <li key={`${finding.source}-${finding.findingId}`}>
              <span>
                {t(`steering.findingSources.${finding.source}` as MessageKey)}{' '}
                <span dir="ltr">{finding.findingId}</span>
              </span>
              <button
                type="button"
                class="button button--small button--secondary"
                onClick={() => setFindings(findings.filter((_, position) => position !== index))}
              >
                {t('steering.remove')}
              </button>
            </li>
          ))}
          <li>
            <Select
              id={`${prefix}-finding-source`}
              label={t('steering.findingSource')}
              value={findingSource}
              options={findingSources.map((value) => ({
                value,
                label: t(`steering.findingSources.${value}` as MessageKey),
              }))}
              onChange={setFindingSource}
            />
            <TextField
              id={`${prefix}-finding-id`}
              label={t('steering.findingId')}
              value={findingId}
              onInput={setFindingId}
              error={problem('justification.findings')}
              ltr
            />
            <button
              type="button"
              class="button button--small button--secondary"
              onClick={() => {
                if (!findingId.trim()) return;
                setFindings([
                  ...findings,
                  { source: findingSource as (typeof findingSources)[number], findingId: findingId.trim() },
                ]);
                setFindingId('');
              }}
            >
              {t('steering.addFinding')}
            </button>
          </li>
        </ul>
      </fieldset>
      <fieldset class="knowledge-fieldset">
        <legend>{t('steering.gapCells')}</legend>
        <ul class="steering-rows">
          {gapCells.map((cell, index) => (
            <li key={`${cell.need}-${cell.column}`}>
              <span>
                {needLabel(t, cell.need)} × {placeLabel(t, cell.column).label}
              </span>
              <button
                type="button"
                class="button button--small button--secondary"
                onClick={() => setGapCells(gapCells.filter((_, position) => position !== index))}
              >
                {t('steering.remove')}
              </button>
            </li>
          ))}
          <li>
            <Select
              id={`${prefix}-gap-need`}
              label={t('steering.gapNeed')}
              value={gapNeed}
              options={needCategories.map((value) => ({ value, label: needLabel(t, value) }))}
              onChange={setGapNeed}
            />
            <Select
              id={`${prefix}-gap-place`}
              label={t('steering.gapPlace')}
              value={gapPlace}
              options={placeIds.map((value) => ({ value, label: placeLabel(t, value).label }))}
              onChange={setGapPlace}
            />
            <button
              type="button"
              class="button button--small button--secondary"
              onClick={() => {
                if (gapCells.some((cell) => cell.need === gapNeed && cell.column === gapPlace)) return;
                setGapCells([
                  ...gapCells,
                  { need: gapNeed as (typeof needCategories)[number], column: gapPlace },
                ]);
              }}
            >
              {t('steering.addGapCell')}
            </button>
          </li>
        </ul>
      </fieldset>
      {errorText}
      <FormButtons onCancel={props.onCancel} />
    </form>
  );
}

function MeasureForm(props: {
  call: StaffApi;
  priorities: Priority[];
  measure?: Measure;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const existing = props.measure;
  const prefix = `measure-form-${existing?.measureId ?? 'new'}`;
  const [texts, setTexts] = useState<Texts>(() => textsOf(existing?.texts));
  const [priorityId, setPriorityId] = useState(existing?.priorityId ?? props.priorities[0]?.priorityId ?? '');
  const [owner, setOwner] = useState(existing?.owner ?? '');
  const [partners, setPartners] = useState(existing?.partners.join('\n') ?? '');
  const [from, setFrom] = useState(existing?.timeframe.from ?? '');
  const [to, setTo] = useState(existing?.timeframe.to ?? '');
  const [status, setStatus] = useState<string>(existing?.status ?? 'planned');
  const [offeringIds, setOfferingIds] = useState(existing?.offeringIds.join('\n') ?? '');
  const { save, problem, errorText } = useSave(props, prefix);

  async function submit(event: Event) {
    event.preventDefault();
    const body = {
      texts: textsBody(texts),
      priorityId,
      owner: owner.trim(),
      partners: lines(partners),
      timeframe: { from: from.trim(), ...(to.trim() ? { to: to.trim() } : {}) },
      status,
      offeringIds: lines(offeringIds),
      ...(existing ? { expectedVersion: existing.version } : {}),
    };
    await save(
      existing ? `/api/staff/steering/measures/${existing.measureId}` : '/api/staff/steering/measures',
      existing ? 'PUT' : 'POST',
      body,
      texts.de.title.trim(),
    );
  }

  return (
    <form class="form console-block" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{existing ? t('steering.editMeasure') : t('steering.addMeasure')}</h4>
      <TextFields prefix={prefix} texts={texts} setTexts={setTexts} titleError={problem('texts.de.title')} />
      <Select
        id={`${prefix}-priority`}
        label={t('steering.priority')}
        value={priorityId}
        options={props.priorities.map((priority) => ({
          value: priority.priorityId,
          label: priority.texts.de.title,
        }))}
        onChange={setPriorityId}
        error={problem('priorityId')}
      />
      <TextField
        id={`${prefix}-owner`}
        label={t('steering.ownerLabel')}
        value={owner}
        onInput={setOwner}
        error={problem('owner')}
      />
      <TextField
        id={`${prefix}-partners`}
        label={t('steering.partnersLabel')}
        value={partners}
        onInput={setPartners}
        error={problem('partners')}
        multiline
      />
      <TextField
        id={`${prefix}-from`}
        label={t('steering.from')}
        hint={t('steering.dateHint')}
        value={from}
        onInput={setFrom}
        error={problem('timeframe.from')}
        ltr
      />
      <TextField
        id={`${prefix}-to`}
        label={t('steering.to')}
        hint={t('steering.dateHint')}
        value={to}
        onInput={setTo}
        error={problem('timeframe.to')}
        ltr
      />
      <Select
        id={`${prefix}-status`}
        label={t('steering.status')}
        value={status}
        options={measureStatuses.map((value) => ({
          value,
          label: t(`steering.measureStatus.${value}` as MessageKey),
        }))}
        onChange={setStatus}
      />
      <TextField
        id={`${prefix}-offerings`}
        label={t('steering.offeringIds')}
        value={offeringIds}
        onInput={setOfferingIds}
        error={problem('offeringIds')}
        multiline
        ltr
      />
      {errorText}
      <FormButtons onCancel={props.onCancel} />
    </form>
  );
}
