import { useState } from 'preact/hooks';
import type { z } from 'zod';
import type { FeedbackSummary, UnansweredList } from '../../../../functions/chatbot/learning/schemas';
import { directionOf, type Language, languages } from '../../../../functions/shared/i18n/languages';
import { failureText } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { formatDate } from '../offerings/labels';
import type { ConsoleSectionProps } from './console-sections';
import { DataTable } from './data-table';
import { type StaffApi, useStaffApi } from './staff-api';
import './staff-console.css';
import './knowledge-console.css';

type Question = z.infer<typeof UnansweredList>['questions'][number];
const endonym = (code: string) => languages.find((language) => language.code === code)?.endonym ?? code;

/**
 * "Lücken": questions the bot could not answer (redacted, deleted after 90 days) to review, delete or
 * turn into a knowledge entry, and residents' ratings of the answers per entry.
 */
export function KnowledgeGapsSection(props: ConsoleSectionProps) {
  const call = useStaffApi(props.token, props.onExpired);
  return (
    <>
      <UnansweredQuestions call={call} mayCreateEntry={props.member.isAdmin} />
      <Ratings call={call} />
    </>
  );
}

function UnansweredQuestions(props: {
  call: StaffApi;
  /** New knowledge entries are for admins (the API checks again). */
  mayCreateEntry: boolean;
}) {
  const { t, language } = useI18n();
  const [loaded, retry] = useLoad('unanswered', (signal) =>
    props.call<z.infer<typeof UnansweredList>>('/api/staff/unanswered', { signal }),
  );
  const [changed, setChanged] = useState<Record<string, 'reviewed' | 'deleted'>>({});
  const [message, setMessage] = useState<string | undefined>();

  async function act(question: Question, kind: 'reviewed' | 'deleted') {
    try {
      await props.call(
        kind === 'reviewed'
          ? `/api/staff/unanswered/${question.questionId}/reviewed`
          : `/api/staff/unanswered/${question.questionId}`,
        { method: kind === 'reviewed' ? 'POST' : 'DELETE' },
      );
      setChanged({ ...changed, [question.questionId]: kind });
      setMessage(t(kind === 'reviewed' ? 'staffGaps.markedReviewed' : 'staffGaps.deleted'));
    } catch (error) {
      setMessage(failureText(error, t('app.loadFailed')));
    }
  }

  return (
    <section class="console-block" aria-labelledby="unanswered-heading">
      <h3 id="unanswered-heading">{t('staffGaps.unansweredHeading')}</h3>
      <p>{t('staffGaps.unansweredIntro')}</p>
      <div role="status" aria-live="polite">
        {message && <p class="notice">{message}</p>}
      </div>
      <LoadState loaded={loaded} retry={retry}>
        {({ questions }) => {
          const shown = questions.filter((question) => changed[question.questionId] !== 'deleted');
          return (
            <DataTable
              rows={shown}
              empty={t('staffGaps.unansweredNone')}
              captionId="unanswered-caption"
              caption={t('staffGaps.unansweredHeading')}
              columns={[
                t('staffGaps.question'),
                t('staffGaps.received'),
                t('staffGaps.status'),
                t('staffGaps.actions'),
              ]}
              testId="unanswered-table"
              row={(question) => {
                const reviewed = question.reviewed || changed[question.questionId] === 'reviewed';
                return (
                  <tr key={question.questionId}>
                    <th scope="row">
                      <span lang={question.language} dir={directionOf(question.language as Language)}>
                        {question.text}
                      </span>
                      <span class="data-table__detail">{endonym(question.language)}</span>
                    </th>
                    <td>{formatDate(language, question.receivedAt, 'dateTime')}</td>
                    <td>{t(reviewed ? 'staffGaps.reviewed' : 'staffGaps.open')}</td>
                    <td>
                      <div class="knowledge-actions">
                        {!reviewed && (
                          <button
                            type="button"
                            class="button button--small button--secondary"
                            onClick={() => act(question, 'reviewed')}
                          >
                            {t('staffGaps.markReviewed')}
                          </button>
                        )}
                        {props.mayCreateEntry && (
                          <a
                            class="button button--small button--secondary"
                            href={`/staff/knowledge/new?question=${encodeURIComponent(question.text)}`}
                          >
                            {t('staffGaps.createEntry')}
                          </a>
                        )}
                        <button
                          type="button"
                          class="button button--small button--danger"
                          onClick={() => act(question, 'deleted')}
                        >
                          {t('staffGaps.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              }}
            />
          );
        }}
      </LoadState>
    </section>
  );
}

function Ratings(props: { call: StaffApi }) {
  const { t } = useI18n();
  const [loaded, retry] = useLoad('feedback', (signal) =>
    props.call<z.infer<typeof FeedbackSummary>>('/api/staff/knowledge-feedback', { signal }),
  );
  return (
    <section class="console-block" aria-labelledby="ratings-heading">
      <h3 id="ratings-heading">{t('staffGaps.ratingsHeading')}</h3>
      <LoadState loaded={loaded} retry={retry}>
        {({ rows }) => (
          <DataTable
            rows={rows}
            empty={t('staffGaps.ratingsNone')}
            captionId="ratings-caption"
            caption={t('staffGaps.ratingsHeading')}
            columns={[
              t('staffGaps.answer'),
              t('staffGaps.helpful'),
              t('staffGaps.notHelpful'),
              t('staffGaps.byLanguage'),
            ]}
            testId="ratings-table"
            row={(row) => (
              <tr key={row.subject}>
                <th scope="row">
                  {row.subject === 'offerings' ? (
                    t('staffGaps.offeringsSearch')
                  ) : (
                    <a href={`/staff/knowledge/${row.subject}`} lang="de">
                      {row.title ?? row.subject}
                    </a>
                  )}
                </th>
                <td>{row.helpful}</td>
                <td>{row.notHelpful}</td>
                <td>
                  {row.byLanguage
                    .map((entry) => `${endonym(entry.language)} ${entry.helpful}/${entry.notHelpful}`)
                    .join(', ')}
                </td>
              </tr>
            )}
          />
        )}
      </LoadState>
    </section>
  );
}
