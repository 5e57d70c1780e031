import type { Access } from '../../../../functions/shared/http/route';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { Page } from '../../page';
import { compactJson, type OpenApiDocument, type Operation, operationsByTag, readableJson } from './openapi';

const accessLabels: Record<Access, MessageKey> = {
  public: 'apiReference.accessKinds.public',
  invitation: 'apiReference.accessKinds.invitation',
  member: 'rolesAudit.accessKindMember',
  staff: 'apiReference.accessKinds.staff',
  admin: 'apiReference.accessKinds.admin',
  steering: 'steering.accessKind',
  bot: 'apiReference.accessKinds.bot',
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function Schema(props: { label: string; value: unknown }) {
  return (
    <details class="schema">
      <summary>{props.label}</summary>
      <pre class="code" dir="ltr">
        {readableJson(props.value)}
      </pre>
    </details>
  );
}

function OperationView(props: { operation: Operation }) {
  const { t } = useI18n();
  const { operation } = props;
  const headingId = `operation-${slug(operation.id)}`;
  return (
    <article class="operation" aria-labelledby={headingId}>
      <h3 id={headingId} class="operation__title" dir="ltr">
        <span class={`method method--${operation.method.toLowerCase()}`}>{operation.method}</span>{' '}
        <code class="operation__path">{operation.path}</code>
      </h3>
      <p lang="en">{operation.summary}</p>
      <dl class="facts">
        <dt>{t('apiReference.access')}</dt>
        <dd>
          {operation.access ? t(accessLabels[operation.access]) : '—'}
          {operation.localOnly && <span class="badge">{t('apiReference.localOnly')}</span>}
        </dd>
      </dl>
      {operation.parameters.length > 0 && (
        <>
          <h4>{t('apiReference.parameters')}</h4>
          <ul class="parameters">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.location}-${parameter.name}`}>
                <code dir="ltr">{parameter.name}</code>{' '}
                <span class="muted">
                  ({parameter.location},{' '}
                  {parameter.required ? t('apiReference.required') : t('apiReference.optional')})
                </span>{' '}
                <code class="inline-schema" dir="ltr">
                  {compactJson(parameter.schema)}
                </code>
              </li>
            ))}
          </ul>
        </>
      )}
      {operation.requestBody && (
        <>
          <h4>{t('apiReference.requestBody')}</h4>
          <Schema label={operation.requestBody.mediaType} value={operation.requestBody.schema} />
        </>
      )}
      <h4>{t('apiReference.response')}</h4>
      <ul class="responses">
        {operation.responses.map((response) => (
          <li key={response.statuses.join()}>
            <strong dir="ltr">{response.statuses.join(', ')}</strong>{' '}
            <span lang="en">{response.description}</span>
            {response.mediaType &&
              (response.schema === undefined ? (
                <span class="muted" dir="ltr">
                  {' '}
                  ({response.mediaType})
                </span>
              ) : (
                <Schema label={response.mediaType} value={response.schema} />
              ))}
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The API, read from its own OpenAPI document: operations by tag, each with its contract. */
export function ApiReferencePage() {
  const { t } = useI18n();
  const [document, retry] = useLoad('openapi', (signal) =>
    api<OpenApiDocument>('/api/openapi.json', { signal }),
  );
  return (
    <Page title={t('apiReference.title')} wide>
      <p class="lead">{t('apiReference.intro')}</p>
      <p>
        <a href="/api/openapi.json" dir="ltr">
          /api/openapi.json
        </a>
      </p>
      <LoadState loaded={document} retry={retry}>
        {(loaded) => (
          <>
            {operationsByTag(loaded).map(([tag, operations]) => (
              <section key={tag} class="api-tag" aria-labelledby={`tag-${slug(tag)}`}>
                <h2 id={`tag-${slug(tag)}`} lang="en">
                  {tag}
                </h2>
                {operations.map((operation) => (
                  <OperationView key={operation.id} operation={operation} />
                ))}
              </section>
            ))}
            {loaded.components?.schemas && (
              <section aria-labelledby="shared-schemas">
                <h2 id="shared-schemas">{t('apiReference.schemas')}</h2>
                {Object.entries(loaded.components.schemas).map(([name, schema]) => (
                  <Schema key={name} label={name} value={schema} />
                ))}
              </section>
            )}
          </>
        )}
      </LoadState>
    </Page>
  );
}
