import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { OfferingsPage as OfferingsPageSchema } from '../../../../functions/offerings/schemas';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { LoadState, useLoad } from '../../load';
import { Page } from '../../page';
import { navigate, useLocation } from '../../router';
import {
  apiPath,
  type DirectoryQuery,
  directoryHref,
  emptyQuery,
  type FilterName,
  filterOptions,
  isNarrowed,
  pageSize,
  readDirectoryQuery,
} from './directory-query';
import { optionLabel, placeGroups, placeLabel } from './labels';
import { OfferingCard } from './offering-card';
import { OpenDataLinks } from './open-data-links';
import './offerings.css';

type OfferingsAnswer = z.infer<typeof OfferingsPageSchema>;

const filterLabels = {
  place: 'offerings.filterPlace',
  category: 'offerings.filterCategory',
  targetGroup: 'offerings.filterTargetGroup',
  language: 'offerings.filterLanguage',
} as const;

const anyLabels = {
  place: 'offerings.anyPlace',
  category: 'offerings.anyCategory',
  targetGroup: 'offerings.anyTargetGroup',
  language: 'offerings.anyLanguage',
} as const;

function FilterSelect(props: { name: FilterName; value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const { name } = props;
  const id = `offerings-${name}`;
  const options =
    name === 'place'
      ? placeGroups().map((group) => (
          <optgroup key={group.label} label={t(group.label)}>
            {group.ids.map((place) => (
              <option key={place} value={place}>
                {placeLabel(t, place)}
              </option>
            ))}
          </optgroup>
        ))
      : filterOptions[name].map((option) => (
          <option key={option} value={option}>
            {optionLabel(
              t,
              name === 'category' ? 'categories' : name === 'targetGroup' ? 'targetGroups' : 'languages',
              option,
            )}
          </option>
        ));
  return (
    <div class="field">
      <label for={id}>{t(filterLabels[name])}</label>
      <select
        id={id}
        name={name}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">{t(anyLabels[name])}</option>
        {options}
      </select>
    </div>
  );
}

/** The search words and filters; applying them changes the address, which the results follow. */
function SearchForm(props: { query: DirectoryQuery; search: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.query);
  // Back and forward (or a link) change the address: the form shows what the results show.
  useEffect(() => setDraft(props.query), [props.search]);

  function submit(event: Event) {
    event.preventDefault();
    navigate(directoryHref({ ...draft, q: draft.q.trim(), offset: 0 }, props.search));
  }

  return (
    <search class="directory-search" aria-label={t('offerings.searchLabel')}>
      <form onSubmit={submit}>
        <div class="field directory-search__words">
          <label for="offerings-q">{t('offerings.searchWords')}</label>
          <p class="field__hint" id="offerings-q-hint">
            {t('offerings.searchHint')}
          </p>
          <input
            id="offerings-q"
            name="q"
            type="search"
            maxLength={200}
            aria-describedby="offerings-q-hint"
            value={draft.q}
            onInput={(event) => {
              const q = event.currentTarget.value;
              setDraft((current) => ({ ...current, q }));
            }}
          />
        </div>
        <fieldset class="directory-filters">
          <legend>{t('offerings.filtersLegend')}</legend>
          {(['place', 'category', 'targetGroup', 'language'] as const).map((name) => (
            <FilterSelect
              key={name}
              name={name}
              value={draft[name]}
              onChange={(value) => setDraft((current) => ({ ...current, [name]: value }))}
            />
          ))}
        </fieldset>
        <div class="directory-search__actions">
          <button type="submit" class="button">
            {t('offerings.searchButton')}
          </button>
          {isNarrowed(props.query) && (
            <a href={directoryHref(emptyQuery, props.search)}>{t('offerings.reset')}</a>
          )}
        </div>
      </form>
    </search>
  );
}

function Pagination(props: { query: DirectoryQuery; total: number; search: string; onPage: () => void }) {
  const { t } = useI18n();
  const { query, total } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.floor(query.offset / pageSize) + 1;
  if (pages <= 1 && query.offset === 0) return null;
  return (
    <nav class="pagination" aria-label={t('offerings.pagination')}>
      {query.offset > 0 && (
        <a
          href={directoryHref({ ...query, offset: Math.max(0, query.offset - pageSize) }, props.search)}
          rel="prev"
          onClick={props.onPage}
        >
          {t('offerings.previousPage')}
        </a>
      )}
      <span class="pagination__position">{t('offerings.pagePosition', { page, pages })}</span>
      {query.offset + pageSize < total && (
        <a
          href={directoryHref({ ...query, offset: query.offset + pageSize }, props.search)}
          rel="next"
          onClick={props.onPage}
        >
          {t('offerings.nextPage')}
        </a>
      )}
    </nav>
  );
}

function EmptyState(props: { query: DirectoryQuery; search: string }) {
  const { t } = useI18n();
  if (!isNarrowed(props.query)) {
    return (
      <div class="notice" data-testid="offerings-empty">
        <p>{t('offerings.emptyDirectory')}</p>
      </div>
    );
  }
  return (
    <div class="notice" data-testid="offerings-empty">
      <p>{t('offerings.noResults')}</p>
      <p>
        <a href={directoryHref(emptyQuery, props.search)}>{t('offerings.showAll')}</a>
      </p>
    </div>
  );
}

/**
 * `/offerings`: the public directory of integration offerings that institutions reported in the survey,
 * agreed to publish and staff approved. Search words, filters and page live in the address, so a
 * result can be bookmarked or sent to someone.
 */
export function OfferingsPage() {
  const { t } = useI18n();
  const location = useLocation();
  const query = readDirectoryQuery(location.search);
  const path = apiPath(query);
  const [result, retry] = useLoad(path, (signal) => api<OfferingsAnswer>(path, { signal }));
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  // After paging, continue at the new results instead of at the top of the page.
  useEffect(() => {
    if (result.state !== 'loading' && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [result]);

  return (
    <Page title={t('offerings.title')} wide>
      <p class="lead">{t('offerings.intro')}</p>
      <SearchForm query={query} search={location.search} />
      <section class="directory-results" aria-labelledby="offerings-results-title">
        <h2 id="offerings-results-title" ref={resultsHeading} tabIndex={-1}>
          {t('offerings.resultsTitle')}
        </h2>
        <p class="directory-results__count" role="status" data-testid="offerings-count">
          {result.state === 'ready' ? t('offerings.resultCount', { count: result.data.total }) : ''}
        </p>
        <LoadState loaded={result} retry={retry}>
          {(answer) =>
            answer.offerings.length === 0 ? (
              <EmptyState query={query} search={location.search} />
            ) : (
              <>
                <ul class="offering-cards">
                  {answer.offerings.map((offering) => (
                    <li key={offering.offeringId}>
                      <OfferingCard offering={offering} />
                    </li>
                  ))}
                </ul>
                <Pagination
                  query={query}
                  total={answer.total}
                  search={location.search}
                  onPage={() => {
                    focusResults.current = true;
                  }}
                />
              </>
            )
          }
        </LoadState>
      </section>
      <OpenDataLinks />
    </Page>
  );
}
