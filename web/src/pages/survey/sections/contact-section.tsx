import { useRef, useState } from 'preact/hooks';
import type { ContactPerson } from '../../../../../functions/survey/questionnaire';
import { failureText } from '../../../api';
import { useI18n } from '../../../i18n';
import { fieldIds } from '../field-paths';
import { TextField } from '../fields';
import { useSurveyForm } from '../form-context';
import { maxLengths } from '../limits';
import { Section } from './section';

type EraseStep = 'idle' | 'confirming' | 'erasing' | 'erased' | { failed: string };

/**
 * The contact person is personal data: the section says so, why it is asked and how long it is kept,
 * and lets the respondent erase it (the institution's answers stay).
 */
export function ContactSection(props: { onErase(): Promise<void> }) {
  const { t } = useI18n();
  const { draft, change, errors, checkFormat } = useSurveyForm();
  const [step, setStep] = useState<EraseStep>('idle');
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const eraseRef = useRef<HTMLButtonElement>(null);
  const contact = draft.contact;
  const set = (patch: Partial<ContactPerson>) => {
    if (step === 'erased') setStep('idle');
    change((current) => ({ ...current, contact: { ...current.contact, ...patch } }));
  };
  const id = fieldIds.contact;
  const hasContact = Object.values(contact).some((value) => value.trim() !== '');

  async function erase() {
    setStep('erasing');
    try {
      await props.onErase();
      setStep('erased');
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (error) {
      setStep({ failed: failureText(error, t('app.loadFailed')) });
    }
  }

  return (
    <Section id="survey-contact" title={t('questionnaire.contact.title')}>
      <div class="notice survey-personal">
        <p class="survey-personal__badge">{t('questionnaire.contact.personalData')}</p>
        <p>{t('questionnaire.contact.why')}</p>
        <p>{t('questionnaire.contact.retention')}</p>
      </div>
      <TextField
        id={id('name')}
        label={t('questionnaire.contact.name.label')}
        value={contact.name}
        maxLength={maxLengths.contact.name}
        autoComplete="name"
        error={errors[id('name')]}
        onInput={(name) => set({ name })}
      />
      <TextField
        id={id('role')}
        label={t('questionnaire.contact.role.label')}
        hint={t('questionnaire.contact.role.hint')}
        value={contact.role}
        maxLength={maxLengths.contact.role}
        autoComplete="organization-title"
        optional
        error={errors[id('role')]}
        onInput={(role) => set({ role })}
      />
      <TextField
        id={id('email')}
        type="email"
        label={t('questionnaire.contact.email.label')}
        value={contact.email}
        maxLength={maxLengths.contact.email}
        autoComplete="email"
        dir="ltr"
        error={errors[id('email')]}
        onInput={(email) => {
          set({ email });
          if (errors[id('email')]) checkFormat(id('email'), 'email', email);
        }}
        onBlur={(email) => checkFormat(id('email'), 'email', email)}
      />
      <TextField
        id={id('phone')}
        type="tel"
        label={t('questionnaire.contact.phone.label')}
        hint={t('questionnaire.contact.phone.hint')}
        value={contact.phone}
        maxLength={maxLengths.contact.phone}
        autoComplete="tel"
        dir="ltr"
        optional
        error={errors[id('phone')]}
        onInput={(phone) => {
          set({ phone });
          if (errors[id('phone')]) checkFormat(id('phone'), 'phone', phone);
        }}
        onBlur={(phone) => checkFormat(id('phone'), 'phone', phone)}
      />
      <div class="survey-erase">
        {step === 'erased' && (
          <p class="notice" role="status" tabIndex={-1} ref={doneRef}>
            {t('surveyForm.contact.erased')}
          </p>
        )}
        {typeof step === 'object' && (
          <p class="notice notice--error" role="alert">
            {t('surveyForm.contact.eraseFailed', { reason: step.failed })}
          </p>
        )}
        {step === 'confirming' || step === 'erasing' ? (
          <div class="notice notice--warning">
            <p id="survey-erase-question" tabIndex={-1} ref={confirmRef}>
              {t('surveyForm.contact.eraseConfirm')}
            </p>
            <div class="survey-actions">
              <button
                type="button"
                class="button"
                aria-describedby="survey-erase-question"
                disabled={step === 'erasing'}
                onClick={erase}
              >
                {t('surveyForm.contact.eraseYes')}
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setStep('idle');
                  requestAnimationFrame(() => eraseRef.current?.focus());
                }}
              >
                {t('surveyForm.contact.eraseNo')}
              </button>
            </div>
          </div>
        ) : (
          hasContact && (
            <button
              type="button"
              class="button button--secondary"
              ref={eraseRef}
              onClick={() => {
                setStep('confirming');
                requestAnimationFrame(() => confirmRef.current?.focus());
              }}
            >
              {t('surveyForm.contact.erase')}
            </button>
          )
        )}
      </div>
    </Section>
  );
}
