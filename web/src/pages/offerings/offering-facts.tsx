import { type ComponentChildren, Fragment } from 'preact';
import type { PublicOffering } from '../../../../functions/offerings/schemas';
import type { MessageKey } from '../../../../functions/shared/i18n/messages';
import { useI18n } from '../../i18n';
import { formatDate, optionLabel, placeLabel, textLanguageAttributes } from './labels';

function Fact(props: { label: MessageKey; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class="offering-facts__row">
      <dt>{t(props.label)}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export type FactName =
  | 'category'
  | 'targetGroups'
  | 'languages'
  | 'places'
  | 'schedule'
  | 'address'
  | 'cost'
  | 'registration'
  | 'officeContact'
  | 'url'
  | 'institution'
  | 'reportedAt'
  | 'lastConfirmedAt';

export const allFacts: readonly FactName[] = [
  'category',
  'targetGroups',
  'languages',
  'places',
  'schedule',
  'address',
  'cost',
  'registration',
  'officeContact',
  'url',
  'institution',
  'reportedAt',
  'lastConfirmedAt',
];

/**
 * An offering's details as a definition list. What the institution wrote (schedule, address, …) is
 * shown as text only and marked with the language it was written in; labels of chosen options come in
 * the interface language. Empty answers are left out.
 */
export function OfferingFacts(props: {
  offering: PublicOffering;
  facts?: readonly FactName[];
  class?: string;
}) {
  const { t, language } = useI18n();
  const { offering } = props;
  const written = textLanguageAttributes(offering.textLanguage);
  // "Erwachsene, Frauen" / "البالغون، النساء": the list separator of the interface language.
  const listFormat = new Intl.ListFormat(language, { style: 'narrow', type: 'unit' });
  const list = (group: 'targetGroups' | 'languages', ids: readonly string[]) =>
    listFormat.format(ids.map((id) => optionLabel(t, group, id)));
  const rows: Record<FactName, ComponentChildren> = {
    category: <Fact label="offerings.category">{optionLabel(t, 'categories', offering.category)}</Fact>,
    targetGroups: offering.targetGroups.length > 0 && (
      <Fact label="offerings.targetGroups">{list('targetGroups', offering.targetGroups)}</Fact>
    ),
    languages: offering.languages.length > 0 && (
      <Fact label="offerings.languages">{list('languages', offering.languages)}</Fact>
    ),
    places: offering.places.length > 0 && (
      <Fact label="offerings.places">
        {listFormat.format(offering.places.map((id) => placeLabel(t, id)))}
      </Fact>
    ),
    schedule: offering.schedule && (
      <Fact label="offerings.schedule">
        <span {...written}>{offering.schedule}</span>
      </Fact>
    ),
    address: offering.address && (
      <Fact label="offerings.address">
        <span class="preserve-lines" {...written}>
          {offering.address}
        </span>
      </Fact>
    ),
    cost: (
      <Fact label="offerings.cost">
        {optionLabel(t, 'costs', offering.cost)}
        {offering.costNote && (
          <>
            {' – '}
            <span {...written}>{offering.costNote}</span>
          </>
        )}
      </Fact>
    ),
    registration: offering.registration && (
      <Fact label="offerings.registration">
        <span {...written}>{offering.registration}</span>
      </Fact>
    ),
    officeContact: offering.officeContact && (
      <Fact label="offerings.officeContact">
        <span class="preserve-lines" {...written}>
          {offering.officeContact}
        </span>
      </Fact>
    ),
    url: /^https?:\/\//i.test(offering.url) && (
      <Fact label="offerings.website">
        <a href={offering.url} rel="noopener noreferrer nofollow" class="offering-facts__url">
          {offering.url}
        </a>
      </Fact>
    ),
    institution: <Fact label="offerings.institution">{offering.institutionName}</Fact>,
    reportedAt: <Fact label="offerings.reportedAt">{formatDate(language, offering.reportedAt)}</Fact>,
    lastConfirmedAt: (
      <Fact label="offerings.lastConfirmedAt">{formatDate(language, offering.lastConfirmedAt)}</Fact>
    ),
  };
  return (
    <dl class={`offering-facts ${props.class ?? ''}`.trim()}>
      {(props.facts ?? allFacts).map((name) => (
        <Fragment key={name}>{rows[name]}</Fragment>
      ))}
    </dl>
  );
}
