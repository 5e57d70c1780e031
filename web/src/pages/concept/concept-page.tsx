import { useEffect } from 'preact/hooks';
import type { z } from 'zod';
import type { ConceptPage as ConceptPageSchema } from '../../../../functions/chatbot/knowledge/schemas';
import { directionOf } from '../../../../functions/shared/i18n/languages';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { PageHeading } from '../../page';
import './concept.css';
import { PublishedEvaluations } from './published-evaluations';

type Concept = z.infer<typeof ConceptPageSchema>;
type Section = Concept['sections'][number];
type Entry = Section['entries'][number];
type Link = Entry['links'][number];

/** The entry whose section also shows the milestones ("where does it stand now?"). */
const currentStatusEntryId = 'current-status';

/** A text written in another language than the page's (German before it is translated). */
function written(textLanguage: string, pageLanguage: string) {
  return textLanguage === pageLanguage
    ? {}
    : { lang: textLanguage, dir: directionOf(textLanguage as Parameters<typeof directionOf>[0]) };
}

function ConceptLink(props: { link: Link }) {
  const { t } = useI18n();
  const { link } = props;
  if (link.text !== undefined) {
    return (
      <p class="concept-link">
        <strong>{link.label}:</strong> <span class="preserve-lines">{link.text}</span>
      </p>
    );
  }
  if (link.url) {
    return (
      <p class="concept-link">
        <a href={link.url}>{link.label}</a>
      </p>
    );
  }
  return (
    <p class="concept-link">
      {link.label}: {t('concept.documentOnRequest')}
    </p>
  );
}

function EntryText(props: { entry: Entry; language: string }) {
  const { t } = useI18n();
  const { entry } = props;
  return (
    <>
      {entry.fallback && <p class="concept-fallback">{t('concept.fallbackNote')}</p>}
      <p {...written(entry.textLanguage, props.language)}>{entry.answer}</p>
      {entry.links.map((link) => (
        <ConceptLink key={link.key} link={link} />
      ))}
    </>
  );
}

function Milestones(props: { milestones: Concept['milestones']; language: string }) {
  const { t } = useI18n();
  return (
    <>
      <h3 id="meilensteine">{t('concept.milestonesHeading')}</h3>
      <ol class="concept-milestones">
        {props.milestones.map((milestone) => (
          <li key={milestone.id} class="concept-milestones__item">
            <time dateTime={milestone.date}>{milestone.dateLabel}</time>
            <span class="concept-milestones__title" {...written(milestone.textLanguage, props.language)}>
              {milestone.title}
            </span>
            {milestone.fallback && (
              <span class="concept-milestones__note"> ({t('concept.milestoneFallback')})</span>
            )}
            {milestone.description && (
              <p {...written(milestone.textLanguage, props.language)}>{milestone.description}</p>
            )}
            {milestone.link && <ConceptLink link={milestone.link} />}
          </li>
        ))}
      </ol>
    </>
  );
}

function ConceptSection(props: { section: Section; concept: Concept }) {
  const { section, concept } = props;
  const [first, ...more] = section.entries;
  if (!first) return null;
  const headingId = `${section.section}-heading`;
  return (
    <section id={section.section} aria-labelledby={headingId} class="concept-section" tabIndex={-1}>
      <h2 id={headingId} {...written(first.textLanguage, concept.language)}>
        {first.title}
      </h2>
      <EntryText entry={first} language={concept.language} />
      {more.map((entry) => (
        <div key={entry.id} class="concept-entry">
          <h3 {...written(entry.textLanguage, concept.language)}>{entry.title}</h3>
          <EntryText entry={entry} language={concept.language} />
        </div>
      ))}
      {section.entries.some((entry) => entry.id === currentStatusEntryId) &&
        concept.milestones.length > 0 && (
          <Milestones milestones={concept.milestones} language={concept.language} />
        )}
    </section>
  );
}

/** Moves to `#section` once the sections exist: the browser cannot, as they arrive after the page. */
function useAnchor(ready: boolean) {
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target) return;
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }, [ready]);
}

/**
 * `/concept`: the integration concept from the knowledge base the chatbot answers with (seeded texts and
 * staff edits), one section per anchor the bot's answers link to, and the dated milestones.
 */
export function ConceptPage() {
  const { t, language } = useI18n();
  const [loaded, retry] = useLoad(language, (signal) =>
    api<Concept>(`/api/concept?lang=${language}`, { signal }),
  );
  useAnchor(loaded.state === 'ready');
  const hasStatus = (concept: Concept) =>
    concept.sections.some((section) => section.entries.some((entry) => entry.id === currentStatusEntryId));
  return (
    <div class="page concept-page">
      <PageHeading>{t('concept.title')}</PageHeading>
      <p class="lead">{t('concept.intro')}</p>
      <p class="notice">
        <a href="/concept/status">{t('steering.conceptLink')}</a>
      </p>
      <LoadState loaded={loaded} retry={retry}>
        {(concept) => (
          <>
            <nav class="concept-contents" aria-labelledby="concept-contents-heading">
              <h2 id="concept-contents-heading">{t('concept.contents')}</h2>
              <ol>
                {concept.sections.map((section) => (
                  <li key={section.section} class="concept-contents__item">
                    <a
                      href={`#${section.section}`}
                      {...written(section.entries[0]?.textLanguage ?? language, language)}
                    >
                      {section.entries[0]?.title}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
            {concept.sections.map((section) => (
              <ConceptSection key={section.section} section={section} concept={concept} />
            ))}
            {!hasStatus(concept) && concept.milestones.length > 0 && (
              <section aria-labelledby="meilensteine" class="concept-section">
                <Milestones milestones={concept.milestones} language={concept.language} />
              </section>
            )}
            <PublishedEvaluations />
            <p class="concept-chat notice">
              {t('concept.askChat')} <a href="/chat">{t('concept.chatLink')}</a>
            </p>
          </>
        )}
      </LoadState>
    </div>
  );
}
