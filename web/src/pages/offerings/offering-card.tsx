import type { PublicOffering } from '../../../../functions/offerings/schemas';
import { useI18n } from '../../i18n';
import { formatDate, textLanguageAttributes } from './labels';
import { OfferingFacts } from './offering-facts';

/** One result in the directory: what a visitor needs to decide whether to read on. */
export function OfferingCard(props: { offering: PublicOffering }) {
  const { t, language } = useI18n();
  const { offering } = props;
  const written = textLanguageAttributes(offering.textLanguage);
  const titleId = `offering-${offering.offeringId}-title`;
  return (
    <article class="offering-card" aria-labelledby={titleId}>
      <h3 class="offering-card__title" id={titleId} {...written}>
        <a href={`/offerings/${encodeURIComponent(offering.offeringId)}`}>{offering.title}</a>
      </h3>
      <p class="offering-card__description" {...written}>
        {offering.description}
      </p>
      <OfferingFacts
        offering={offering}
        facts={['category', 'places', 'schedule', 'cost', 'languages', 'institution']}
        class="offering-facts--compact"
      />
      <p class="offering-card__confirmed">
        {t('offerings.lastConfirmedOn', { date: formatDate(language, offering.lastConfirmedAt) })}
      </p>
    </article>
  );
}
