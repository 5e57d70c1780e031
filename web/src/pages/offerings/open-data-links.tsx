import { defaultOpenDataLicence, openDataLicenceOf } from '../../../../functions/shared/config/stage';
import { useI18n } from '../../i18n';
import { useSite } from '../../site';

/** The stable addresses of the directory as open data (`GET /api/open-data/offerings.{json,csv}`). */
export const openDataPaths = {
  json: '/api/open-data/offerings.json',
  csv: '/api/open-data/offerings.csv',
} as const;

/**
 * One line under the directory: the whole directory as JSON and CSV, and the licence it is published
 * under (the stage's, from the site details; the default until they have loaded). The links' names
 * say what they download and contain their visible text, so speech input finds them too.
 */
export function OpenDataLinks() {
  const { t } = useI18n();
  const { site } = useSite();
  const licence = site.state === 'ready' ? openDataLicenceOf(site.data.county) : defaultOpenDataLicence;
  return (
    <p class="open-data" data-testid="open-data">
      {t('openData.intro')}{' '}
      <a href={openDataPaths.json} type="application/json" aria-label={t('openData.jsonLink')}>
        JSON
      </a>
      {' · '}
      <a href={openDataPaths.csv} type="text/csv" aria-label={t('openData.csvLink')}>
        CSV
      </a>
      {' · '}
      {t('openData.licenceLabel')}{' '}
      {/* The licence's name is the county's German one, kept left-to-right inside Arabic and Persian. */}
      <a href={licence.licenceUrl} rel="license" lang="de" dir="ltr">
        {licence.licenceName}
      </a>
    </p>
  );
}
