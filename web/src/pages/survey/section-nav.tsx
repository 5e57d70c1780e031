import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { useI18n } from '../../i18n';
import type { Draft } from './answers';
import { validateForSubmit } from './validation';

/** The parts of the questionnaire: their section id, their title, and the controls that belong to them. */
const sections: { id: string; title: MessageKey; controls: RegExp }[] = [
  { id: 'survey-institution', title: 'questionnaire.institution.title', controls: /^q-institution-/ },
  { id: 'survey-contact', title: 'questionnaire.contact.title', controls: /^q-contact-/ },
  { id: 'survey-offerings', title: 'questionnaire.offerings.title', controls: /^q-offering/ },
  { id: 'survey-opening', title: 'questionnaire.opening.title', controls: /^q-opening-/ },
  { id: 'survey-needs', title: 'questionnaire.needs.title', controls: /^q-needs-/ },
  { id: 'survey-interview', title: 'questionnaire.interview.title', controls: /^q-interview-/ },
  { id: 'survey-privacy', title: 'questionnaire.privacy.title', controls: /^q-privacy-/ },
];

/** Which parts still need an answer before the response can be submitted. */
export function openSections(draft: Draft): Set<string> {
  const missing = Object.keys(validateForSubmit(draft));
  return new Set(
    sections
      .filter((section) => missing.some((id) => section.controls.test(id)))
      .map((section) => section.id),
  );
}

/**
 * On a wide screen, the list of the questionnaire's parts beside the form: a link to each and whether
 * it is complete, so a long questionnaire can be answered in any order and finished where it is open.
 */
export function SectionNav(props: { draft: Draft }) {
  const { t } = useI18n();
  const open = openSections(props.draft);
  return (
    <nav class="survey-nav" aria-labelledby="survey-nav-title">
      <h2 id="survey-nav-title">{t('surveyForm.nav.title')}</h2>
      <ol>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{t(section.title)}</a>
            <span
              class={open.has(section.id) ? 'survey-nav__state' : 'survey-nav__state survey-nav__state--done'}
            >
              {open.has(section.id) ? t('surveyForm.nav.open') : t('surveyForm.nav.complete')}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
