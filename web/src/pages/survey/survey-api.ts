import type { z } from 'zod';
import type { Confirmed, OfferingsChange, OwnOfferings } from '../../../../functions/offerings/schemas';
import type { ProblemDocument } from '../../../../functions/shared/http/problem';
import { accessTokenHeader } from '../../../../functions/shared/links/token-links';
import type { Offering } from '../../../../functions/survey/questionnaire';
import type {
  ParticipationAccepted,
  ParticipationRequest,
  RespondentView,
  SaveDraftRequest,
  SavedDraft,
  Submitted,
} from '../../../../functions/survey/schemas';
import { ApiError, api } from '../../api';
import { activeLanguage } from '../../i18n';

export type Respondent = RespondentView;
export type Saved = z.infer<typeof SavedDraft>;
export type SubmitResult = z.infer<typeof Submitted>;
export type DraftRequest = z.input<typeof SaveDraftRequest>;
export type OwnOffering = z.infer<typeof OwnOfferings>['offerings'][number];

/** Problem types of the survey routes the form reacts to (RFC 9457 `type`). */
export const problemTypes = {
  versionConflict: '/problems/version-conflict',
  closed: '/problems/closed',
  notOpenYet: '/problems/not-open-yet',
  validation: '/problems/validation',
} as const;

export function isProblem(error: unknown, type: string): error is ApiError {
  return error instanceof ApiError && error.problem?.type === type;
}

/**
 * A browser keeps a `keepalive` request going after the page is closed, but only up to 64 KiB for all
 * of them together; a larger draft is sent as an ordinary request.
 */
const keepaliveLimit = 60 * 1024;

/**
 * Saves the draft. `keepalive` lets the request outlive the page (closing the tab loses nothing); the
 * shared client cannot ask for it, so this one call builds its request itself, the same way.
 */
async function saveDraft(token: string, body: DraftRequest): Promise<Saved> {
  const json = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch('/api/survey/draft', {
      method: 'PUT',
      headers: {
        [accessTokenHeader]: token,
        accept: 'application/json',
        'accept-language': activeLanguage(),
        'content-type': 'application/json',
      },
      body: json,
      keepalive: json.length < keepaliveLimit,
    });
  } catch {
    throw new ApiError(0, undefined);
  }
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  const answer: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const problem =
      typeof answer === 'object' && answer !== null && 'title' in answer
        ? (answer as ProblemDocument)
        : undefined;
    throw new ApiError(response.status, problem);
  }
  return answer as Saved;
}

export const surveyApi = {
  load: (token: string, signal?: AbortSignal) => api<Respondent>('/api/survey', { signal, linkToken: token }),
  saveDraft,
  submit: (token: string, version: number) =>
    api<SubmitResult>('/api/survey/submit', { method: 'POST', body: { version }, linkToken: token }),
  eraseContact: (token: string) =>
    api<undefined>('/api/survey/contact', { method: 'DELETE', linkToken: token }),
  ownOfferings: (token: string, signal?: AbortSignal) =>
    api<z.infer<typeof OwnOfferings>>('/api/survey/offerings', { signal, linkToken: token }),
  /** The full list as it should now be: changed ones go to review again, unpublished ones are withdrawn. */
  updateOfferings: (token: string, offerings: Offering[]) =>
    api<z.infer<typeof OfferingsChange>>('/api/survey/offerings', {
      method: 'PUT',
      body: { offerings },
      linkToken: token,
    }),
  confirmOfferings: (token: string) =>
    api<z.infer<typeof Confirmed>>('/api/survey/offerings/confirm', { method: 'POST', linkToken: token }),
  requestParticipation: (surveyId: string, body: z.input<typeof ParticipationRequest>) =>
    api<z.infer<typeof ParticipationAccepted>>(`/api/surveys/${encodeURIComponent(surveyId)}/participation`, {
      method: 'POST',
      body,
    }),
};
