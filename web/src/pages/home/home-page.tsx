import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { useI18n } from '../../i18n';
import { Page } from '../../page';

interface Offer {
  id: string;
  href: string;
  title: MessageKey;
  text: MessageKey;
  link: MessageKey;
}

const offers: readonly Offer[] = [
  { id: 'chat', href: '/chat', title: 'home.chatTitle', text: 'home.chatText', link: 'home.chatLink' },
  {
    id: 'offerings',
    href: '/offerings',
    title: 'home.offeringsTitle',
    text: 'home.offeringsText',
    link: 'home.offeringsLink',
  },
  {
    id: 'survey',
    href: '/survey',
    title: 'home.surveyTitle',
    text: 'home.surveyText',
    link: 'home.surveyLink',
  },
  {
    id: 'concept',
    href: '/concept',
    title: 'home.conceptTitle',
    text: 'home.conceptText',
    link: 'home.conceptLink',
  },
];

/** What Wegweiser offers, one card per part, each leading to it. */
export function HomePage() {
  const { t } = useI18n();
  return (
    <Page title={t('home.title')} documentTitle={t('app.tagline')} wide>
      <p class="lead">{t('home.intro')}</p>
      <ul class="cards">
        {offers.map((offer) => (
          <li key={offer.id} class="card">
            <h2 id={`offer-${offer.id}`}>{t(offer.title)}</h2>
            <p>{t(offer.text)}</p>
            <a class="card__link" href={offer.href} aria-describedby={`offer-${offer.id}`}>
              {t(offer.link)}
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
