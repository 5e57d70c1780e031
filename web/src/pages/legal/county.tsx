import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { LoadState } from '../../load';
import { type CountyDetails, type SiteInfo, useSite } from '../../site';

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** An e-mail address as a mail link, anything else (a placeholder, a name with a phone number) as text. */
export function EmailOrText(props: { value: string }) {
  return emailPattern.test(props.value) ? <a href={`mailto:${props.value}`}>{props.value}</a> : props.value;
}

/** A web address as a link when it is one (https only), otherwise as text. */
export function WebOrText(props: { value: string }) {
  try {
    const url = new URL(props.value);
    if (url.protocol === 'https:') return <a href={url.href}>{props.value}</a>;
  } catch {
    // not a URL: a placeholder
  }
  return props.value;
}

/** The authority's postal address as an `address` block. */
export function CountyAddress(props: { county: CountyDetails }) {
  const { county } = props;
  return (
    <address class="address">
      {county.authority}
      <br />
      {county.street}
      <br />
      {county.postalCode} {county.city}
    </address>
  );
}

/** Loads the county details, showing the placeholder notice while the local stage's placeholders are in. */
export function WithCounty(props: { children: (site: SiteInfo) => ComponentChildren }) {
  const { t } = useI18n();
  const { site, retry } = useSite();
  return (
    <LoadState loaded={site} retry={retry}>
      {(data) => (
        <>
          {data.stage === 'local' && (
            <p class="notice notice--warning" data-testid="placeholder-notice">
              {t('legal.placeholderNotice')}
            </p>
          )}
          {props.children(data)}
        </>
      )}
    </LoadState>
  );
}
