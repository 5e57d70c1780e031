import { useState } from 'preact/hooks';
import { placeName } from '../../../../functions/survey/questionnaire';
import { useI18n } from '../../i18n';
import type { FieldMessage } from './field-messages';
import { Checkbox, Group } from './fields';
import { placeLabel } from './labels';
import { areaIds, inPlaceOrder, municipalities, placeMatches } from './places';

/**
 * Choosing places among 56: the areas (whole county, city of Würzburg, online) always in view; of the
 * 52 municipalities, those chosen, those matching the filter, or all of them on request. A place stays
 * chosen while the filter hides it; the line below the list names everything chosen.
 */
export function PlaceChooser(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: FieldMessage | undefined;
  values: readonly string[];
  onChange(values: string[]): void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  const filtering = query.trim() !== '';
  const shown = municipalities.filter((place) =>
    filtering ? placeMatches(place.name, query) : expanded || props.values.includes(place.id),
  );
  const toggle = (id: string, on: boolean) => {
    const next = new Set(props.values);
    if (on) next.add(id);
    else next.delete(id);
    props.onChange(inPlaceOrder(next));
  };
  const chosenNames = props.values.map((id) => placeLabel(t, id).label);
  const filterId = `${props.id}-filter`;
  const countId = `${props.id}-count`;
  return (
    <Group {...props} class="survey-places">
      <div class="survey-options survey-options--columns">
        {areaIds.map((id) => {
          const { label, lang } = placeLabel(t, id);
          const cityNote = placeName(id) ? ` (${t('surveyForm.places.cityNote')})` : '';
          return (
            <Checkbox
              key={id}
              id={`${props.id}-${id}`}
              label={
                <>
                  <span lang={lang}>{label}</span>
                  {cityNote}
                </>
              }
              checked={props.values.includes(id)}
              invalid={Boolean(props.error)}
              onChange={(on) => toggle(id, on)}
            />
          );
        })}
      </div>
      <fieldset class="survey-places__municipalities">
        <legend>{t('surveyForm.places.municipalities')}</legend>
        <div class="field survey-places__filter">
          <label for={filterId}>{t('surveyForm.places.filter')}</label>
          <input
            id={filterId}
            type="search"
            autoComplete="off"
            value={query}
            aria-describedby={countId}
            aria-controls={`${props.id}-list`}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter in the filter must not submit anything; Escape clears it.
              if (event.key === 'Enter') event.preventDefault();
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
        <p class="survey-places__count muted" id={countId} aria-live="polite">
          {filtering
            ? shown.length === 0
              ? t('surveyForm.places.noMatch', { query: query.trim() })
              : t('surveyForm.places.matches', { count: shown.length, total: municipalities.length })
            : expanded
              ? t('surveyForm.places.matches', { count: shown.length, total: municipalities.length })
              : t('surveyForm.places.filterHint')}
        </p>
        {!filtering && (
          <button
            type="button"
            class="button button--secondary survey-places__toggle"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls={`${props.id}-list`}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded
              ? t('surveyForm.places.showChosen')
              : t('surveyForm.places.showAll', { total: municipalities.length })}
          </button>
        )}
        <ul class="survey-places__list" id={`${props.id}-list`} hidden={shown.length === 0}>
          {shown.map((place) => (
            <li key={place.id}>
              <Checkbox
                id={`${props.id}-${place.id}`}
                label={place.name}
                lang="de"
                checked={props.values.includes(place.id)}
                invalid={Boolean(props.error)}
                onChange={(on) => toggle(place.id, on)}
              />
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="survey-places__chosen">
        {chosenNames.length === 0
          ? t('surveyForm.places.noneSelected')
          : t('surveyForm.places.selected', { count: chosenNames.length, names: chosenNames.join(', ') })}
      </p>
    </Group>
  );
}
