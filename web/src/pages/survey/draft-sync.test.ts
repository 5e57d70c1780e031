import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProblemDocument } from '../../../../functions/shared/http/problem';
import { emptyAnswers } from '../../../../functions/survey/questionnaire';
import { ApiError } from '../../api';
import type { Draft } from './answers';
import { autosaveDelayMs, DraftSync, type SurveyPort, type SyncState } from './draft-sync';
import type { Respondent } from './survey-api';

function respondent(overrides: Partial<Respondent> = {}): Respondent {
  return {
    survey: {
      title: 'Umfrage',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      closed: false,
    },
    invitation: { institutionName: 'VHS', state: 'in_progress', language: 'de' },
    answers: emptyAnswers(),
    contact: null,
    version: 1,
    savedAt: '2026-11-25T10:00:00.000Z',
    submissions: [],
    privacyNoticeVersion: '2026-11-01',
    ...overrides,
  };
}

function problem(status: number, type: string): ApiError {
  const document: ProblemDocument = { type, title: type, status, detail: type };
  return new ApiError(status, document);
}

/** An in-memory server with the API's versioning: a write over a stale version gets 409. */
function fakeServer(initial: Respondent) {
  let stored = structuredClone(initial);
  const saves: (Draft & { version: number; language: string })[] = [];
  let failNext: ApiError | undefined;
  const port: SurveyPort = {
    load: async () => structuredClone(stored),
    saveDraft: async (body) => {
      saves.push(structuredClone(body));
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      if (body.version !== stored.version) throw problem(409, '/problems/version-conflict');
      stored = {
        ...stored,
        answers: structuredClone(body.answers),
        contact: structuredClone(body.contact),
        version: stored.version + 1,
        savedAt: new Date().toISOString(),
      };
      return { version: stored.version, savedAt: stored.savedAt ?? '' };
    },
    submit: async (version) => {
      if (version !== stored.version) throw problem(409, '/problems/version-conflict');
      stored = { ...stored, version: stored.version + 1 };
      return { submissionNumber: 1, submittedAt: new Date().toISOString(), version: stored.version };
    },
    eraseContact: async () => {
      stored = { ...stored, contact: null };
    },
  };
  return {
    port,
    saves,
    get stored() {
      return stored;
    },
    /** Another tab or device saves these answers. */
    saveElsewhere(name: string) {
      stored = {
        ...stored,
        answers: { ...stored.answers, institution: { ...stored.answers.institution, name } },
        version: stored.version + 1,
      };
    },
    failNextSave(error: ApiError) {
      failNext = error;
    },
  };
}

function setUp(initial = respondent()) {
  const server = fakeServer(initial);
  const states: SyncState[] = [];
  const sync = new DraftSync(
    server.port,
    initial,
    () => 'de',
    (state) => states.push(state),
  );
  const rename = (name: string) =>
    sync.change((draft) => ({
      ...draft,
      answers: { ...draft.answers, institution: { ...draft.answers.institution, name } },
    }));
  const status = () => sync.state.status.kind;
  return { server, sync, states, rename, status };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DraftSync autosave', () => {
  it('saves once, a moment after typing stops, with the version it started from', async () => {
    const { server, rename, status } = setUp();

    rename('V');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs / 2);
    rename('VH');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs / 2);
    rename('VHS');
    expect(server.saves).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(autosaveDelayMs);

    expect(server.saves.map((save) => [save.answers.institution.name, save.version])).toEqual([['VHS', 1]]);
    expect(status()).toBe('saved');
  });

  it('sends the next save with the version the server answered', async () => {
    const { server, sync, rename } = setUp();

    rename('A');
    await sync.flush();
    rename('B');
    await sync.flush();

    expect(server.saves.map((save) => save.version)).toEqual([1, 2]);
    expect(server.stored.answers.institution.name).toBe('B');
  });

  it('saves nothing when nothing changed', async () => {
    const { server, sync } = setUp();

    expect(await sync.flush()).toBe(true);
    expect(server.saves).toHaveLength(0);
  });

  it('retries by itself after a network failure', async () => {
    const { server, rename, status } = setUp();
    server.failNextSave(new ApiError(0, undefined));

    rename('VHS');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(status()).toBe('failed');

    await vi.advanceTimersByTimeAsync(5_000);
    expect(status()).toBe('saved');
    expect(server.stored.answers.institution.name).toBe('VHS');
  });
});

describe('DraftSync with another tab or device', () => {
  it('stops on a newer copy elsewhere, overwrites nothing, and reloads it on request', async () => {
    const { server, sync, rename, status } = setUp();
    server.saveElsewhere('From the other tab');

    rename('From this tab');
    await sync.flush();

    expect(status()).toBe('conflict');
    expect(server.stored.answers.institution.name).toBe('From the other tab');
    rename('Still typing here');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2);
    expect(server.saves).toHaveLength(1);

    await sync.reload();

    expect(sync.state.draft.answers.institution.name).toBe('From the other tab');
    expect(status()).toBe('saved');
  });

  it('replaces the newer copy only when the respondent says so', async () => {
    const { server, sync, rename, status } = setUp();
    server.saveElsewhere('From the other tab');
    rename('Mine');
    await sync.flush();
    expect(status()).toBe('conflict');

    await sync.keepMine();

    expect(server.stored.answers.institution.name).toBe('Mine');
    expect(status()).toBe('saved');
  });

  it('continues quietly when the newer copy is its own earlier save', async () => {
    const { server, sync, rename, status } = setUp();
    rename('Same');
    await sync.flush();
    // The page's last save reached the server but its answer did not reach the page.
    const stale = new DraftSync(
      server.port,
      respondent(),
      () => 'de',
      () => undefined,
    );
    stale.change((draft) => ({
      ...draft,
      answers: { ...draft.answers, institution: { ...draft.answers.institution, name: 'Same' } },
    }));

    expect(await stale.flush()).toBe(true);
    expect(stale.state.status.kind).toBe('saved');
    expect(status()).toBe('saved');
  });

  it('picks up newer answers when it has nothing unsaved', async () => {
    const { server, sync } = setUp();
    server.saveElsewhere('From the phone');

    await sync.refreshIfUnchanged();

    expect(sync.state.draft.answers.institution.name).toBe('From the phone');
  });

  it('keeps its own unsaved answers rather than picking up newer ones', async () => {
    const { server, sync, rename } = setUp();
    server.saveElsewhere('From the phone');
    rename('Typed here');

    await sync.refreshIfUnchanged();

    expect(sync.state.draft.answers.institution.name).toBe('Typed here');
  });
});

describe('DraftSync submitting and closing', () => {
  it('saves before submitting and continues from the version the submit answered', async () => {
    const { server, sync, rename } = setUp();
    rename('VHS');

    const outcome = await sync.submit();

    expect(outcome.kind).toBe('submitted');
    expect(sync.state.respondent.submissions).toHaveLength(1);
    rename('VHS Ochsenfurt');
    await sync.flush();
    expect(server.stored.answers.institution.name).toBe('VHS Ochsenfurt');
  });

  it('turns read-only when the survey closed meanwhile', async () => {
    const { server, sync, rename } = setUp();
    server.failNextSave(problem(410, '/problems/closed'));

    rename('Too late');
    await sync.flush();

    expect(sync.state.status.kind).toBe('closed');
    expect(sync.state.respondent.survey.closed).toBe(true);
    rename('Even later');
    expect(sync.state.draft.answers.institution.name).toBe('Too late');
  });

  it('erases the contact person here and on the server', async () => {
    const { server, sync } = setUp(
      respondent({ contact: { name: 'Ana', role: '', email: 'ana@example.org', phone: '' } }),
    );

    await sync.eraseContact();

    expect(server.stored.contact).toBeNull();
    expect(sync.state.draft.contact).toEqual({ name: '', role: '', email: '', phone: '' });
    expect(sync.hasUnsavedChanges).toBe(false);
  });
});
