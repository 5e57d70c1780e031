import type { Language } from '../../../../functions/shared/i18n/languages';
import { ApiError } from '../../api';
import { type Draft, emptyContact, sameDraft } from './answers';
import type { FieldErrors } from './field-messages';
import { isProblem, problemTypes, type Respondent, type Saved, type SubmitResult } from './survey-api';
import { problemErrors, savableDraft } from './validation';

/** What the respondent sees about saving, in the status line. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; partly: boolean }
  | { kind: 'failed'; reason: 'offline' | 'server' | 'refused'; detail?: string }
  | { kind: 'conflict' }
  | { kind: 'closed' };

export type SubmitOutcome =
  | { kind: 'submitted'; result: SubmitResult }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'conflict' }
  | { kind: 'closed' }
  | { kind: 'failed'; error: unknown };

/** The survey routes for one invitation, as the sync needs them (tests hand in fakes). */
export interface SurveyPort {
  load(): Promise<Respondent>;
  saveDraft(body: Draft & { version: number; language: Language }): Promise<Saved>;
  submit(version: number): Promise<SubmitResult>;
  eraseContact(): Promise<void>;
}

export interface SyncState {
  respondent: Respondent;
  draft: Draft;
  status: SaveStatus;
  /** Controls whose value the API would refuse; autosave keeps their last saved value meanwhile. */
  heldBack: string[];
  /** Set when the link no longer works (revoked or replaced) while the form was open. */
  gone?: ApiError;
}

export const autosaveDelayMs = 800;
const retryDelaysMs = [5_000, 15_000, 30_000, 60_000];

export function draftOf(respondent: Respondent): Draft {
  return { answers: respondent.answers, contact: respondent.contact ?? emptyContact() };
}

type Block = 'conflict' | 'closed' | 'gone' | 'notOpen';

/**
 * Keeps the respondent's draft and the server's copy in step: saves a while after typing stops (or at
 * once when asked, e.g. on leaving a field or the page), sends the version the copy is based on, and
 * never overwrites a newer copy from another tab or device. Knows nothing of Preact; the hook in
 * use-survey-response.ts turns its state into renders.
 */
export class DraftSync {
  #state: SyncState;
  /** The copy the server holds as far as this page knows, the version it has there, and its language. */
  #confirmed: { draft: Draft; version: number; language: Language };
  #block: Block | undefined;
  #inFlight: Promise<boolean> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #retries = 0;
  /** The newer server copy found on a version conflict, kept for "keep mine" (its version). */
  #newer: Respondent | undefined;

  constructor(
    private readonly port: SurveyPort,
    respondent: Respondent,
    private readonly language: () => Language,
    private readonly publish: (state: SyncState) => void,
    private readonly now: () => number = Date.now,
  ) {
    const draft = draftOf(respondent);
    this.#confirmed = { draft, version: respondent.version, language: respondent.invitation.language };
    this.#state = {
      respondent,
      draft,
      status: respondent.savedAt
        ? { kind: 'saved', at: respondent.savedAt, partly: false }
        : { kind: 'idle' },
      heldBack: [],
    };
    this.#block = this.#blockOf(respondent);
  }

  get state(): SyncState {
    return this.#state;
  }

  #blockOf(respondent: Respondent): Block | undefined {
    if (respondent.survey.closed) return 'closed';
    if (this.now() < Date.parse(respondent.survey.opensAt)) return 'notOpen';
    return undefined;
  }

  #set(patch: Partial<SyncState>): void {
    this.#state = { ...this.#state, ...patch };
    this.publish(this.#state);
  }

  /** True when the page holds something the server does not have yet. */
  get hasUnsavedChanges(): boolean {
    return (
      !sameDraft(this.#state.draft, this.#confirmed.draft) || this.#confirmed.language !== this.language()
    );
  }

  /** A change by the respondent: shown at once, saved after the autosave delay. */
  change(update: (draft: Draft) => Draft): void {
    if (this.#block === 'closed' || this.#block === 'gone') return;
    this.#set({ draft: update(this.#state.draft) });
    this.schedule();
  }

  schedule(delay = autosaveDelayMs): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  /** The page goes away (another page of the site): what is not saved yet is saved now. */
  dispose(): void {
    clearTimeout(this.#timer);
    if (!this.#block && this.hasUnsavedChanges) void this.flush();
  }

  /** Saves now what is not saved yet. Resolves true when the server holds the draft as it is. */
  async flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    while (this.#inFlight) await this.#inFlight;
    if (this.#block) return false;
    const confirmed = this.#confirmed;
    const savable = savableDraft(this.#state.draft, confirmed.draft);
    if (!savable) {
      this.#set({ status: { kind: 'failed', reason: 'refused' } });
      return false;
    }
    const language = this.language();
    if (sameDraft(savable.draft, confirmed.draft) && confirmed.language === language) {
      if (savable.invalid.join() !== this.#state.heldBack.join()) {
        const { status } = this.#state;
        this.#set({
          heldBack: savable.invalid,
          status: status.kind === 'saved' ? { ...status, partly: savable.invalid.length > 0 } : status,
        });
      }
      return savable.invalid.length === 0;
    }
    this.#set({ status: { kind: 'saving' }, heldBack: savable.invalid });
    const run = this.#save(savable.draft, confirmed.version, language, savable.invalid.length > 0);
    this.#inFlight = run;
    try {
      return await run;
    } finally {
      this.#inFlight = undefined;
    }
  }

  async #save(draft: Draft, version: number, language: Language, partly: boolean): Promise<boolean> {
    try {
      const saved = await this.port.saveDraft({ ...draft, version, language });
      this.#confirmed = { draft, version: saved.version, language };
      this.#retries = 0;
      this.#set({ status: { kind: 'saved', at: saved.savedAt, partly } });
      return !partly;
    } catch (error) {
      return this.#writeFailed(error, draft);
    }
  }

  async #writeFailed(error: unknown, sent: Draft): Promise<boolean> {
    if (isProblem(error, problemTypes.versionConflict)) return this.#resolveConflict(sent);
    if (isProblem(error, problemTypes.closed)) {
      this.#block = 'closed';
      this.#set({
        status: { kind: 'closed' },
        respondent: { ...this.#state.respondent, survey: { ...this.#state.respondent.survey, closed: true } },
      });
      return false;
    }
    if (isProblem(error, problemTypes.notOpenYet)) {
      this.#block = 'notOpen';
      this.#set({
        status: { kind: 'failed', reason: 'refused', detail: (error as ApiError).problem?.detail },
      });
      return false;
    }
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
      this.#block = 'gone';
      this.#set({ gone: error });
      return false;
    }
    const transient =
      !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
    if (transient) {
      const offline = !(error instanceof ApiError) || error.status === 0;
      this.#set({ status: { kind: 'failed', reason: offline ? 'offline' : 'server' } });
      const delay = retryDelaysMs[Math.min(this.#retries, retryDelaysMs.length - 1)] ?? 60_000;
      this.#retries += 1;
      this.schedule(delay);
      return false;
    }
    this.#set({
      status: {
        kind: 'failed',
        reason: 'refused',
        detail: error instanceof ApiError ? error.problem?.detail : undefined,
      },
    });
    return false;
  }

  /**
   * A 409: another tab or device saved first. When the server's copy is what this page sent (its own
   * earlier save, e.g. from a page that was closed meanwhile), this page simply continues from it.
   * Otherwise autosave stops and the respondent decides: reload the newer copy, or keep this one.
   */
  async #resolveConflict(sent: Draft): Promise<boolean> {
    try {
      const server = await this.port.load();
      if (sameDraft(draftOf(server), sent)) {
        this.#confirmed = {
          draft: draftOf(server),
          version: server.version,
          language: this.#confirmed.language,
        };
        this.#set({
          status: { kind: 'saved', at: server.savedAt ?? new Date(this.now()).toISOString(), partly: false },
        });
        return true;
      }
      this.#newer = server;
    } catch {
      this.#newer = undefined;
    }
    this.#block = 'conflict';
    this.#set({ status: { kind: 'conflict' } });
    return false;
  }

  /** Replaces this page's copy by the server's (after a conflict, or to pick up another device's work). */
  async reload(): Promise<void> {
    clearTimeout(this.#timer);
    const server = await this.port.load();
    this.#adopt(server);
  }

  #adopt(server: Respondent): void {
    const draft = draftOf(server);
    this.#confirmed = { draft, version: server.version, language: this.#confirmed.language };
    this.#newer = undefined;
    this.#block = this.#blockOf(server);
    this.#set({
      respondent: server,
      draft,
      heldBack: [],
      status: server.savedAt ? { kind: 'saved', at: server.savedAt, partly: false } : { kind: 'idle' },
    });
  }

  /** After a conflict, on the respondent's explicit word: this page's draft replaces the newer copy. */
  async keepMine(): Promise<boolean> {
    const newer = this.#newer ?? (await this.port.load());
    this.#confirmed = { draft: draftOf(newer), version: newer.version, language: this.#confirmed.language };
    this.#newer = undefined;
    this.#block = undefined;
    return this.flush();
  }

  /**
   * When the page comes back into view with nothing unsaved, the server may hold newer answers from
   * another device: take them, there is nothing here they could overwrite.
   */
  async refreshIfUnchanged(): Promise<void> {
    if (this.#block || this.#inFlight || this.hasUnsavedChanges) return;
    let server: Respondent;
    try {
      server = await this.port.load();
    } catch {
      return;
    }
    if (this.#block || this.#inFlight || this.hasUnsavedChanges) return;
    if (
      server.version !== this.#confirmed.version ||
      server.survey.closed !== this.#state.respondent.survey.closed
    ) {
      this.#adopt(server);
    }
  }

  /** Saves, then submits the saved version. */
  async submit(): Promise<SubmitOutcome> {
    const saved = await this.flush();
    if (this.#block === 'conflict') return { kind: 'conflict' };
    if (this.#block === 'closed') return { kind: 'closed' };
    if (!saved) return { kind: 'failed', error: new ApiError(0, undefined) };
    try {
      const result = await this.port.submit(this.#confirmed.version);
      // Submitting moves the server's version on; the next save builds on that one.
      this.#confirmed = { ...this.#confirmed, version: result.version };
      const respondent = this.#state.respondent;
      this.#set({
        respondent: {
          ...respondent,
          invitation: { ...respondent.invitation, state: 'submitted' },
          submissions: [
            ...respondent.submissions,
            { number: result.submissionNumber, submittedAt: result.submittedAt },
          ],
        },
      });
      return { kind: 'submitted', result };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors?.length) {
        return { kind: 'invalid', errors: problemErrors(error.problem.errors, this.#state.draft.answers) };
      }
      if (isProblem(error, problemTypes.versionConflict)) {
        return (await this.#resolveConflict(this.#confirmed.draft)) ? this.submit() : { kind: 'conflict' };
      }
      if (isProblem(error, problemTypes.closed)) {
        await this.#writeFailed(error, this.#confirmed.draft);
        return { kind: 'closed' };
      }
      return { kind: 'failed', error };
    }
  }

  /** Erases the contact person on the server, then here; the answers stay. */
  async eraseContact(): Promise<void> {
    await this.flush();
    await this.port.eraseContact();
    const contact = emptyContact();
    this.#confirmed = { ...this.#confirmed, draft: { ...this.#confirmed.draft, contact } };
    this.#set({ draft: { ...this.#state.draft, contact } });
    // Whether erasing counts as a new version is the server's business: take its version if the
    // answers there are still this page's.
    try {
      const server = await this.port.load();
      if (sameDraft(draftOf(server), this.#confirmed.draft)) {
        this.#confirmed = { ...this.#confirmed, version: server.version };
      }
    } catch {
      // the next save finds out (and a 409 that only differs in nothing is resolved on its own)
    }
  }
}
