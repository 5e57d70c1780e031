import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import { offeringStatuses, type ReviewQueue } from '../../../../functions/offerings/schemas';
import { useI18n } from '../../i18n';
import { type Loaded, LoadState } from '../../load';
import { useLocation } from '../../router';
import { AdminOnlyNotice } from './admin-only';
import type { ConsoleSectionProps } from './console-sections';
import { ReconfirmationForm } from './reconfirmation-form';
import { type ReviewedOffering, ReviewItem } from './review-item';
import { useStaffApi } from './staff-api';
import '../offerings/offerings.css';
import './staff-console.css';

type Status = (typeof offeringStatuses)[number];

function statusFrom(search: string): Status {
  const requested = new URLSearchParams(search).get('status');
  return offeringStatuses.find((status) => status === requested) ?? 'pending';
}

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/**
 * "Prüfung": offerings that institutions agreed to publish wait here until staff approve them for the
 * public directory, reject them with a reason, or correct typos first. One list per status.
 */
export function ReviewSection(props: ConsoleSectionProps) {
  const { t } = useI18n();
  const call = useStaffApi(props.token, props.onExpired);
  const { search } = useLocation();
  const status = statusFrom(search);
  const [queue, setQueue] = useState<Loaded<ReviewedOffering[]>>({ state: 'loading' });
  const [notice, setNotice] = useState<Notice | undefined>();
  const noticeElement = useRef<HTMLParagraphElement>(null);
  const latestLoad = useRef<AbortController | undefined>(undefined);

  const load = useCallback(
    (keepShown: boolean) => {
      latestLoad.current?.abort();
      const controller = new AbortController();
      latestLoad.current = controller;
      if (!keepShown) setQueue({ state: 'loading' });
      call<z.infer<typeof ReviewQueue>>(`/api/staff/offerings?status=${status}`, {
        signal: controller.signal,
      }).then(
        (answer) => {
          if (!controller.signal.aborted) setQueue({ state: 'ready', data: answer.offerings });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setQueue({ state: 'failed', error });
        },
      );
    },
    [call, status],
  );
  useEffect(() => {
    setNotice(undefined);
    load(false);
    return () => latestLoad.current?.abort();
  }, [load]);

  function announce(next: Notice) {
    setNotice(next);
    requestAnimationFrame(() => noticeElement.current?.focus());
  }

  /**
   * After an item leaves the list, the focus goes on to the next one (or back to the one before it);
   * the status message says what happened. With nothing left, the message itself takes the focus.
   */
  function settled(offeringId: string, updated: ReviewedOffering | undefined, message: string) {
    if (queue.state !== 'ready') return;
    const list = queue.data;
    const index = list.findIndex((item) => item.offeringId === offeringId);
    const stays = updated !== undefined && updated.status === status;
    const next = stays
      ? list.map((item) => (item.offeringId === offeringId && updated ? updated : item))
      : list.filter((item) => item.offeringId !== offeringId);
    setQueue({ state: 'ready', data: next });
    setNotice({ kind: 'success', text: message });
    const focusId = stays ? offeringId : (next[index] ?? next[index - 1])?.offeringId;
    requestAnimationFrame(() => {
      const target = focusId ? document.getElementById(`review-${focusId}-title`) : noticeElement.current;
      target?.focus();
    });
  }

  function conflict() {
    announce({ kind: 'error', text: t('review.versionConflict') });
    load(true);
  }

  return (
    <>
      <p>{t('review.intro')}</p>
      {!props.member.isAdmin && <AdminOnlyNotice />}
      <nav class="status-tabs" aria-label={t('review.statusNavigation')}>
        <ul>
          {offeringStatuses.map((candidate) => (
            <li key={candidate}>
              <a
                href={`/staff/review?status=${candidate}`}
                aria-current={candidate === status ? 'page' : undefined}
              >
                {t(`review.statuses.${candidate}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p
        ref={noticeElement}
        tabIndex={-1}
        role="status"
        class={notice ? `console-notice console-notice--${notice.kind}` : 'console-notice'}
        data-testid="review-notice"
      >
        {notice?.text ?? ''}
      </p>
      <LoadState loaded={queue} retry={() => load(false)}>
        {(offerings) =>
          offerings.length === 0 ? (
            <p class="notice" data-testid="review-empty">
              {t(`review.empty.${status}`)}
            </p>
          ) : (
            <ul class="review-list" aria-label={t(`review.statuses.${status}`)}>
              {offerings.map((offering) => (
                <li key={offering.offeringId}>
                  <ReviewItem
                    offering={offering}
                    call={call}
                    onSettled={settled}
                    onConflict={conflict}
                    onFailed={(text) => announce({ kind: 'error', text })}
                    mayDecide={props.member.isAdmin}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <ReconfirmationForm call={call} />
    </>
  );
}
