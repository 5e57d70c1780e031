import { useI18n } from '../../i18n';
import { formatDate } from '../offerings/labels';
import type { Workshop } from './workshop-api';

/** When and until when, in the visitor's language, Berlin time, Gregorian calendar. */
export function workshopTime(language: string, workshop: Pick<Workshop, 'startsAt' | 'endsAt'>): string {
  return `${formatDate(language, workshop.startsAt, 'dateTime')} – ${formatDate(language, workshop.endsAt, 'dateTime')}`;
}

/**
 * The workshop's facts. Title, place and programme are written by staff in German, so they are marked
 * as German text inside pages in any language.
 */
export function WorkshopFacts(props: { workshop: Workshop }) {
  const { t, language } = useI18n();
  const { workshop } = props;
  return (
    <>
      <dl class="facts workshop-facts" aria-label={t('workshop.factsLabel')}>
        <dt>{t('workshop.when')}</dt>
        <dd>{workshopTime(language, workshop)}</dd>
        <dt>{t('workshop.where')}</dt>
        <dd lang="de" dir="ltr">
          {workshop.place}
        </dd>
        <dt>{t('workshop.places')}</dt>
        <dd data-testid="workshop-places">
          {workshop.placesLeft > 0
            ? t('workshop.placesLeft', { left: workshop.placesLeft, capacity: workshop.capacity })
            : t('workshop.full', { waiting: workshop.waiting })}
        </dd>
        <dt>{t('workshop.deadline')}</dt>
        <dd>{formatDate(language, workshop.registrationClosesAt, 'dateTime')}</dd>
      </dl>
      {workshop.programme && (
        <section aria-labelledby="workshop-programme">
          <h2 id="workshop-programme">{t('workshop.programme')}</h2>
          <p class="workshop-programme" lang="de" dir="ltr">
            {workshop.programme}
          </p>
        </section>
      )}
    </>
  );
}
