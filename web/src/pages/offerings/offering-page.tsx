import type { PublicOffering } from '../../../../functions/offerings/schemas';
import { ApiError, api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { PageHeading } from '../../page';
import type { PageProps } from '../../router';
import { textLanguageAttributes } from './labels';
import { OfferingFacts } from './offering-facts';
import './offerings.css';

/** `/offerings/<id>`: one approved offering with everything the institution agreed to publish. */
export function OfferingPage(props: PageProps) {
  const { t } = useI18n();
  const offeringId = props.params.offeringId ?? '';
  const [loaded, retry] = useLoad(offeringId, (signal) =>
    api<PublicOffering>(`/api/offerings/${encodeURIComponent(offeringId)}`, { signal }),
  );
  const offering = loaded.state === 'ready' ? loaded.data : undefined;
  // A mistyped address (not an id at all) is as missing as an offering that was withdrawn.
  const missing =
    loaded.state === 'failed' &&
    loaded.error instanceof ApiError &&
    (loaded.error.status === 404 || loaded.error.status === 400);
  // One heading throughout, so the focus it takes after navigating stays when the offering arrives.
  const written = offering ? textLanguageAttributes(offering.textLanguage) : {};
  return (
    <div class="page page--wide offering-detail">
      <div class="offering-detail__heading" {...written}>
        <PageHeading documentTitle={offering?.title ?? t('offerings.detailTitle')}>
          {offering?.title ?? (missing ? t('offerings.notFoundTitle') : t('offerings.detailTitle'))}
        </PageHeading>
      </div>
      {missing ? (
        <p class="notice">{t('offerings.notFoundText')}</p>
      ) : (
        <LoadState loaded={loaded} retry={retry}>
          {(found) => (
            <>
              <p class="offering-detail__description" {...textLanguageAttributes(found.textLanguage)}>
                {found.description}
              </p>
              <OfferingFacts offering={found} />
            </>
          )}
        </LoadState>
      )}
      <p>
        <a href="/offerings" class="back-link">
          {t('offerings.backToDirectory')}
        </a>
      </p>
    </div>
  );
}
