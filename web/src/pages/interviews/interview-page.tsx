import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { BookingView, CancelledView, ExpertView } from '../../../../functions/interviews/schemas';
import { ApiError, api, failureText } from '../../api';
import { useChangeLanguage, useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../idempotency';
import { useLinkToken } from '../../link-token';
import { type Loaded, LoadState } from '../../load';
import { Page } from '../../page';
import { useSite } from '../../site';
import { type FreeSlot, SlotPicker } from './slot-picker';
import { TimeZoneChooser } from './time-zone-chooser';
import { countyTimeZone, formatDayTime, formatSlot, isTimeZone } from './zoned-time';
import '../offerings/offerings.css';
import './interviews.css';

type View = z.infer<typeof ExpertView>;
type Booking = z.infer<typeof BookingView>;

/** Booking links carry 144 random bits in base64url; anything else is not a link we sent. */
const tokenPattern = /^[A-Za-z0-9_-]{22,64}$/;
const zoneStorageKey = 'wegweiser.timeZone';
const languageOfferedKey = 'wegweiser.interviewLanguageApplied';

function storedZone(): string {
  try {
    const zone = localStorage.getItem(zoneStorageKey);
    return zone && isTimeZone(zone) ? zone : countyTimeZone;
  } catch {
    return countyTimeZone;
  }
}

function rememberZone(zone: string): void {
  try {
    localStorage.setItem(zoneStorageKey, zone);
  } catch {
    // storage blocked: the choice lasts for the page only
  }
}

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/**
 * `/interview#<token>`: the page an expert reaches from the invitation e-mail. It shows the round, the
 * free times in the expert's chosen time zone, and lets them book, move or cancel their interview until
 * the cut-off. Every change is confirmed by e-mail with a calendar invitation.
 */
export function InterviewPage() {
  const { t, language } = useI18n();
  const token = useLinkToken();
  const valid = tokenPattern.test(token);
  const [view, setView] = useState<Loaded<View>>({ state: 'loading' });
  const latest = useRef<AbortController | undefined>(undefined);
  const [timeZone, setTimeZone] = useState(storedZone);
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeElement = useRef<HTMLDivElement>(null);

  // Reloading keeps the page on screen until the new state is in, so the notice and focus stay put.
  const load = useCallback(
    (after?: () => void) => {
      latest.current?.abort();
      const controller = new AbortController();
      latest.current = controller;
      api<View>('/api/interview', { signal: controller.signal, linkToken: token }).then(
        (data) => {
          if (controller.signal.aborted) return;
          setView({ state: 'ready', data });
          after?.();
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setView({ state: 'failed', error });
        },
      );
    },
    [token],
  );
  useEffect(() => {
    if (valid) load();
    return () => latest.current?.abort();
  }, [valid, load]);

  // The page opens in the invitation's language, as the e-mail did, unless the link names one
  // (`?lang=`); once per tab, so a language the expert then picks stays.
  const changeLanguage = useChangeLanguage();
  const linkNamedLanguage = useRef(new URLSearchParams(window.location.search).has('lang'));
  const invitationLanguage = view.state === 'ready' ? view.data.interview.language : undefined;
  useEffect(() => {
    if (!invitationLanguage || linkNamedLanguage.current) return;
    try {
      if (sessionStorage.getItem(languageOfferedKey)) return;
      sessionStorage.setItem(languageOfferedKey, '1');
    } catch {
      return; // storage blocked: the visitor's own choice stands
    }
    if (invitationLanguage !== language) changeLanguage(invitationLanguage);
  }, [invitationLanguage, language, changeLanguage]);

  function done(next: Notice) {
    setNotice(next);
    load(() => requestAnimationFrame(() => noticeElement.current?.focus()));
  }

  const notFound =
    !valid ||
    (view.state === 'failed' &&
      view.error instanceof ApiError &&
      [400, 404, 410].includes(view.error.status));

  return (
    <Page title={t('interviewBooking.title')}>
      {notFound ? (
        <div class="notice notice--error" role="alert">
          <p>{t('interviewBooking.linkInvalid')}</p>
          <Contact />
        </div>
      ) : (
        <LoadState loaded={view} retry={() => load()}>
          {(found) => (
            <>
              <RoundFacts view={found} />
              <div
                ref={noticeElement}
                tabIndex={-1}
                role="status"
                class={notice ? `booking-notice booking-notice--${notice.kind}` : 'booking-notice'}
                data-testid="booking-notice"
              >
                {notice?.text ?? ''}
              </div>
              <TimeZoneChooser
                id="interview-time-zone"
                value={timeZone}
                onChange={(zone) => {
                  setTimeZone(zone);
                  rememberZone(zone);
                }}
              />
              <Booking
                key={`${found.interview.state}|${found.interview.slot?.slotId ?? ''}`}
                view={found}
                token={token}
                timeZone={timeZone}
                onDone={done}
              />
            </>
          )}
        </LoadState>
      )}
    </Page>
  );
}

function RoundFacts(props: { view: View }) {
  const { t } = useI18n();
  const { round, interview } = props.view;
  return (
    <>
      <p class="lead">{t('interviewBooking.intro', { name: interview.expertName })}</p>
      <dl class="offering-facts interview-facts">
        <div class="offering-facts__row">
          <dt>{t('interviewBooking.topic')}</dt>
          <dd data-testid="interview-topic">{round.topic}</dd>
        </div>
        <div class="offering-facts__row">
          <dt>{t('interviewBooking.institution')}</dt>
          <dd>{interview.institution}</dd>
        </div>
        <div class="offering-facts__row">
          <dt>{t('interviewBooking.duration')}</dt>
          <dd>{t('interviewBooking.minutes', { minutes: round.durationMinutes })}</dd>
        </div>
        <div class="offering-facts__row">
          <dt>
            {t(round.location.kind === 'online' ? 'interviewBooking.online' : 'interviewBooking.place')}
          </dt>
          <dd>
            {round.location.kind === 'online' ? (
              <a href={round.location.url} class="interview-facts__url" rel="noopener noreferrer">
                {round.location.url}
              </a>
            ) : (
              <span class="preserve-lines">{round.location.address}</span>
            )}
          </dd>
        </div>
        {round.interviewerNames.length > 0 && (
          <div class="offering-facts__row">
            <dt>{t('interviewBooking.interviewers')}</dt>
            <dd>{round.interviewerNames.join(', ')}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

/** The county's contact for everything the page cannot do (after the cut-off, a broken link). */
function Contact() {
  const { t } = useI18n();
  const { site } = useSite();
  if (site.state !== 'ready') return null;
  const { county } = site.data;
  return (
    <p data-testid="interview-contact">
      {t('interviewBooking.contact')} <span class="preserve-lines">{county.integrationContact}</span>
      {', '}
      <a href={`mailto:${county.email}`}>{county.email}</a>
      {', '}
      <a href={`tel:${county.phone.replace(/[^\d+]/g, '')}`}>{county.phone}</a>
    </p>
  );
}

type Mode = 'view' | 'reschedule' | 'confirmCancel';

/** The expert's booking: choose a time, or see the booked one and move or cancel it. */
function Booking(props: { view: View; token: string; timeZone: string; onDone: (notice: Notice) => void }) {
  const { t, language } = useI18n();
  const { interview, freeSlots } = props.view;
  const { timeZone } = props;
  const [mode, setMode] = useState<Mode>('view');
  const [chosen, setChosen] = useState<string | undefined>();
  const [comment, setComment] = useState(interview.comment ?? '');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // One key per intended booking: a retry after a lost answer gets the same booking, not a second one.
  const idempotency = useIdempotencyKey();
  const firstAction = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'confirmCancel') firstAction.current?.focus();
  }, [mode]);

  const slot = interview.slot;
  const finished = interview.state === 'held' || interview.state === 'written_up';
  const otherZone = timeZone !== countyTimeZone;

  const when = (target: { startsAt: string; endsAt: string }) => (
    <>
      <strong>{formatSlot(language, target.startsAt, target.endsAt, timeZone)}</strong>
      {otherZone && (
        <span class="interview-booked__county">
          {' '}
          {t('interviewBooking.inCountyTime', {
            time: formatSlot(language, target.startsAt, target.endsAt, countyTimeZone),
          })}
        </span>
      )}
    </>
  );

  async function submit(event: Event) {
    event.preventDefault();
    setFormError(undefined);
    if (!chosen) {
      setError(t('interviewBooking.chooseTimeFirst'));
      requestAnimationFrame(() =>
        document.querySelector<HTMLInputElement>('#slot-picker input:not(:disabled)')?.focus(),
      );
      return;
    }
    setError(undefined);
    setBusy(true);
    const target = freeSlots.find((candidate) => candidate.slotId === chosen);
    const trimmed = comment.trim();
    try {
      const booking = await api<Booking>('/api/interview/booking', {
        method: slot ? 'PUT' : 'POST',
        linkToken: props.token,
        body: { slotId: chosen, ...(trimmed ? { comment: trimmed } : {}) },
        ...(slot ? {} : { idempotencyKey: idempotency.current() }),
      });
      idempotency.settled();
      props.onDone({
        kind: 'success',
        text: t(slot ? 'interviewBooking.rescheduled' : 'interviewBooking.booked', {
          time: formatSlot(language, booking.slot.startsAt, booking.slot.endsAt, timeZone),
        }),
      });
    } catch (failure) {
      setBusy(false);
      idempotency.settled(failure);
      if (failure instanceof ApiError && failure.status === 409) {
        // Someone else was quicker (or the interviewer got busy): the list is reloaded without that time.
        props.onDone({
          kind: 'error',
          text: `${failureText(failure, t('interviewBooking.taken'))} ${target ? t('interviewBooking.chooseAnother') : ''}`.trim(),
        });
        return;
      }
      setFormError(failureText(failure, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('booking-form-error')?.focus());
    }
  }

  async function cancel() {
    setBusy(true);
    setFormError(undefined);
    try {
      await api<z.infer<typeof CancelledView>>('/api/interview/booking', {
        method: 'DELETE',
        linkToken: props.token,
      });
      props.onDone({ kind: 'success', text: t('interviewBooking.cancelled') });
    } catch (failure) {
      setBusy(false);
      setMode('view');
      setFormError(failureText(failure, t('app.loadFailed')));
      requestAnimationFrame(() => document.getElementById('booking-form-error')?.focus());
    }
  }

  const formErrorBlock = formError && (
    <p class="form__error" id="booking-form-error" role="alert" tabIndex={-1}>
      {formError}
    </p>
  );

  if (finished) {
    return (
      <section class="interview-booked" aria-labelledby="booking-title">
        <h2 id="booking-title">{t('interviewBooking.yourInterview')}</h2>
        {slot && <p>{when(slot)}</p>}
        <p>{t('interviewBooking.held')}</p>
      </section>
    );
  }

  if (slot && mode !== 'reschedule') {
    return (
      <section class="interview-booked" aria-labelledby="booking-title" data-testid="booked">
        <h2 id="booking-title">{t('interviewBooking.yourInterview')}</h2>
        <p data-testid="booked-time">{when(slot)}</p>
        {interview.comment && (
          <p>
            {t('interviewBooking.yourComment')} <span class="preserve-lines">{interview.comment}</span>
          </p>
        )}
        {formErrorBlock}
        {interview.canChange ? (
          <>
            {interview.changeableUntil && (
              <p>
                {t('interviewBooking.changeableUntil', {
                  time: formatDayTime(language, interview.changeableUntil, timeZone),
                })}
              </p>
            )}
            {mode === 'confirmCancel' ? (
              <fieldset class="interview-confirm">
                <legend>{t('interviewBooking.cancelQuestion')}</legend>
                <div class="button-row">
                  <button
                    ref={firstAction}
                    type="button"
                    class="button interview-button--danger"
                    disabled={busy}
                    onClick={() => void cancel()}
                  >
                    {t('interviewBooking.cancelConfirm')}
                  </button>
                  <button type="button" class="button button--secondary" onClick={() => setMode('view')}>
                    {t('interviewBooking.keep')}
                  </button>
                </div>
              </fieldset>
            ) : (
              <div class="button-row">
                <button
                  type="button"
                  class="button"
                  disabled={freeSlots.length === 0}
                  onClick={() => {
                    setMode('reschedule');
                    requestAnimationFrame(() => document.getElementById('booking-title')?.focus());
                  }}
                >
                  {t('interviewBooking.reschedule')}
                </button>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => setMode('confirmCancel')}
                >
                  {t('interviewBooking.cancel')}
                </button>
              </div>
            )}
          </>
        ) : (
          <div class="notice notice--warning" data-testid="cut-off">
            <p>{t('interviewBooking.tooLate')}</p>
            <Contact />
          </div>
        )}
      </section>
    );
  }

  if (!interview.canChange) {
    return (
      <div class="notice notice--warning" data-testid="cut-off">
        <p>{t('interviewBooking.bookingClosed')}</p>
        <Contact />
      </div>
    );
  }

  if (freeSlots.length === 0) {
    return (
      <div class="notice" data-testid="no-slots">
        <p>{t('interviewBooking.noSlots')}</p>
        <Contact />
      </div>
    );
  }

  return (
    <section class="interview-booking" aria-labelledby="booking-title">
      <h2 id="booking-title" tabIndex={-1}>
        {t(slot ? 'interviewBooking.rescheduleTitle' : 'interviewBooking.bookTitle')}
      </h2>
      {slot && (
        <p>
          {t('interviewBooking.bookedNow', {
            time: formatSlot(language, slot.startsAt, slot.endsAt, timeZone),
          })}
        </p>
      )}
      <form class="form interview-booking__form" onSubmit={submit} noValidate>
        <SlotPicker
          slots={freeSlots as FreeSlot[]}
          timeZone={timeZone}
          value={chosen}
          current={slot?.slotId}
          error={error}
          onChange={(slotId) => {
            setChosen(slotId);
            setError(undefined);
          }}
        />
        <div class="field">
          <label for="booking-comment">{t('interviewBooking.comment')}</label>
          <p class="field__hint" id="booking-comment-hint">
            {t('interviewBooking.commentHint')}
          </p>
          <textarea
            id="booking-comment"
            name="comment"
            rows={3}
            maxLength={1000}
            aria-describedby="booking-comment-hint"
            value={comment}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
        </div>
        {formErrorBlock}
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {t(slot ? 'interviewBooking.rescheduleSubmit' : 'interviewBooking.bookSubmit')}
          </button>
          {slot && (
            <button type="button" class="button button--secondary" onClick={() => setMode('view')}>
              {t('interviewBooking.keep')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
