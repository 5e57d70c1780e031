import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { TokenParams } from '../../../../functions/survey/schemas';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { DraftSync, type SurveyPort, type SyncState } from './draft-sync';
import { surveyApi } from './survey-api';

export type LoadPhase =
  | { kind: 'loading' }
  /** No questionnaire behind this link (mistyped, or never issued). */
  | { kind: 'invalid' }
  /** The link was revoked or replaced by a newer one. */
  | { kind: 'gone' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; sync: DraftSync; state: SyncState };

function portFor(token: string): SurveyPort {
  return {
    load: () => surveyApi.load(token),
    saveDraft: (body) => surveyApi.saveDraft(token, body),
    submit: (version) => surveyApi.submit(token, version),
    eraseContact: () => surveyApi.eraseContact(token),
  };
}

function failurePhase(error: unknown): LoadPhase {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return { kind: 'invalid' };
  if (error instanceof ApiError && error.status === 410) return { kind: 'gone' };
  return { kind: 'failed', error };
}

/**
 * The response behind an invitation link: loads it, then keeps it saved while the respondent works
 * (see DraftSync) and saves it when the page is hidden or closed, so nothing typed is lost. The
 * language the respondent reads in travels with every save (the confirmation e-mail follows it).
 */
export function useSurveyResponse(token: string): { phase: LoadPhase; retry: () => void } {
  const { language } = useI18n();
  const languageRef = useRef(language);
  languageRef.current = language;
  const [phase, setPhase] = useState<LoadPhase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // Dependencies on purpose: a new token or a retry loads afresh.
  useEffect(() => {
    if (!TokenParams.shape.token.safeParse(token).success) {
      setPhase({ kind: 'invalid' });
      return;
    }
    const controller = new AbortController();
    let sync: DraftSync | undefined;
    setPhase({ kind: 'loading' });
    surveyApi.load(token, controller.signal).then(
      (respondent) => {
        if (controller.signal.aborted) return;
        const created = new DraftSync(
          portFor(token),
          respondent,
          () => languageRef.current,
          (state) => setPhase(state.gone ? { kind: 'gone' } : { kind: 'ready', sync: created, state }),
        );
        sync = created;
        setPhase({ kind: 'ready', sync: created, state: created.state });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPhase(failurePhase(error));
      },
    );
    return () => {
      controller.abort();
      sync?.dispose();
    };
  }, [token, attempt]);

  const sync = phase.kind === 'ready' ? phase.sync : undefined;

  // Leaving the page (tab hidden, closed, or put into the back/forward cache) saves at once; the
  // requests are sent with `keepalive`, so they complete even when the page is gone. Coming back
  // picks up answers saved meanwhile on another device, if this page has nothing unsaved.
  useEffect(() => {
    if (!sync) return;
    const visibility = () => {
      if (document.visibilityState === 'hidden') void sync.flush();
      else void sync.refreshIfUnchanged();
    };
    const pageHide = () => void sync.flush();
    const pageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void sync.refreshIfUnchanged();
    };
    const online = () => void sync.flush();
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', pageHide);
    window.addEventListener('pageshow', pageShow);
    window.addEventListener('online', online);
    return () => {
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', pageHide);
      window.removeEventListener('pageshow', pageShow);
      window.removeEventListener('online', online);
    };
  }, [sync]);

  // A change of language is saved like an answer, but merely opening the page saves nothing.
  const previousLanguage = useRef(language);
  useEffect(() => {
    if (previousLanguage.current === language) return;
    previousLanguage.current = language;
    if (sync?.hasUnsavedChanges) sync.schedule();
  }, [language, sync]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { phase, retry };
}
