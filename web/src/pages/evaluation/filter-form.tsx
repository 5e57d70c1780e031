import { useEffect, useState } from 'preact/hooks';
import { institutionTypes, placeIds, sectors } from '../../../../functions/survey/questionnaire';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { formatDay } from '../survey/format';
import { optionLabel, placeLabel } from '../survey/labels';
import { type EvaluationView, type Filter, isFiltered, viewHref } from './evaluation-query';

type Draft = Record<'sector' | 'type' | 'place' | 'from' | 'to', string>;

function toDraft(filter: Filter): Draft {
  return {
    sector: filter.sector ?? '',
    type: filter.type ?? '',
    place: filter.place ?? '',
    from: filter.from ?? '',
    to: filter.to ?? '',
  };
}

function toFilter(draft: Draft): Filter {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== '')) as Filter;
}

/**
 * The dashboard's filters. Applying them changes the address (so a filtered view is a link and a reload
 * keeps it); every figure, table, drill-down and export reads them from there.
 */
export function FilterForm(props: { surveyId: string; view: EvaluationView; search: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => toDraft(props.view.filter));
  const [rangeError, setRangeError] = useState(false);
  // Back and forward change the address: the form shows what the figures show.
  useEffect(() => {
    setDraft(toDraft(props.view.filter));
    setRangeError(false);
  }, [props.search]);

  function submit(event: Event) {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setRangeError(true);
      document.getElementById('eval-filter-to')?.focus();
      return;
    }
    setRangeError(false);
    // The wave compared with stays: the filters narrow both waves.
    const next = {
      view: props.view.view,
      filter: toFilter(draft),
      ...(props.view.with ? { with: props.view.with } : {}),
    };
    navigate(viewHref(props.surveyId, next, props.search));
  }

  const set = (name: keyof Draft) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setDraft((current) => ({ ...current, [name]: value }));
  };

  return (
    <search class="eval-filters" aria-labelledby="eval-filters-title">
      <h3 id="eval-filters-title">{t('evaluationPage.filters.title')}</h3>
      <form onSubmit={submit} noValidate>
        <div class="eval-filters__fields">
          <div class="field">
            <label for="eval-filter-sector">{t('evaluationPage.filters.sector')}</label>
            <select id="eval-filter-sector" name="sector" value={draft.sector} onChange={set('sector')}>
              <option value="">{t('evaluationPage.filters.any')}</option>
              {sectors.map((sector) => (
                <option key={sector} value={sector}>
                  {optionLabel(t, 'sectors', sector)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="eval-filter-type">{t('evaluationPage.filters.type')}</label>
            <select id="eval-filter-type" name="type" value={draft.type} onChange={set('type')}>
              <option value="">{t('evaluationPage.filters.any')}</option>
              {institutionTypes.map((type) => (
                <option key={type} value={type}>
                  {optionLabel(t, 'institutionTypes', type)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="eval-filter-place">{t('evaluationPage.filters.place')}</label>
            <select id="eval-filter-place" name="place" value={draft.place} onChange={set('place')}>
              <option value="">{t('evaluationPage.filters.any')}</option>
              {placeIds.map((place) => {
                const { label, lang } = placeLabel(t, place);
                return (
                  <option key={place} value={place} lang={lang}>
                    {label}
                  </option>
                );
              })}
            </select>
          </div>
          <div class="field">
            <label for="eval-filter-from">{t('evaluationPage.filters.from')}</label>
            <input id="eval-filter-from" name="from" type="date" value={draft.from} onChange={set('from')} />
          </div>
          <div class="field">
            <label for="eval-filter-to">{t('evaluationPage.filters.to')}</label>
            <input
              id="eval-filter-to"
              name="to"
              type="date"
              value={draft.to}
              onChange={set('to')}
              aria-invalid={rangeError ? 'true' : undefined}
              aria-describedby={rangeError ? 'eval-filter-to-error' : undefined}
            />
            {rangeError && (
              <p class="field__error" id="eval-filter-to-error">
                {t('evaluationPage.filters.toBeforeFrom')}
              </p>
            )}
          </div>
        </div>
        <div class="button-row">
          <button type="submit" class="button">
            {t('evaluationPage.filters.apply')}
          </button>
          {isFiltered(props.view.filter) && (
            <a href={viewHref(props.surveyId, { ...props.view, filter: {} }, props.search)}>
              {t('evaluationPage.filters.reset')}
            </a>
          )}
        </div>
      </form>
    </search>
  );
}

/** The filters in words, shown above the figures and on paper (where the form is not printed). */
export function FilterSummary(props: { filter: Filter }) {
  const { t, language } = useI18n();
  const { filter } = props;
  const parts: { name: string; value: string; lang?: string | undefined }[] = [];
  if (filter.sector)
    parts.push({ name: t('evaluationPage.filters.sector'), value: optionLabel(t, 'sectors', filter.sector) });
  if (filter.type)
    parts.push({
      name: t('evaluationPage.filters.type'),
      value: optionLabel(t, 'institutionTypes', filter.type),
    });
  if (filter.place) {
    const { label, lang } = placeLabel(t, filter.place);
    parts.push({ name: t('evaluationPage.filters.place'), value: label, lang });
  }
  if (filter.from)
    parts.push({ name: t('evaluationPage.filters.from'), value: formatDay(filter.from, language) });
  if (filter.to) parts.push({ name: t('evaluationPage.filters.to'), value: formatDay(filter.to, language) });
  if (parts.length === 0)
    return (
      <p class="eval-filter-summary" data-testid="eval-filter-summary">
        {t('evaluationPage.filters.none')}
      </p>
    );
  return (
    <div class="eval-filter-summary" data-testid="eval-filter-summary">
      <p>{t('evaluationPage.filters.applied')}</p>
      <ul>
        {parts.map((part) => (
          <li key={part.name}>
            {part.name}: <span lang={part.lang}>{part.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
