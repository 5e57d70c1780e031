import { useI18n } from '../../i18n';
import { formatDayKey, formatTimeRange, groupByDay } from './zoned-time';

export interface FreeSlot {
  slotId: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The free times as one radio group, a fieldset per day (in the reader's time zone). One group means
 * the arrow keys move through every time, Tab leaves the group, as with any radio buttons.
 */
export function SlotPicker(props: {
  slots: readonly FreeSlot[];
  timeZone: string;
  value: string | undefined;
  /** The slot booked now, marked and not selectable when choosing another time. */
  current?: string | undefined;
  error?: string | undefined;
  onChange: (slotId: string) => void;
}) {
  const { t, language } = useI18n();
  const days = groupByDay(props.slots, (slot) => slot.startsAt, props.timeZone);
  return (
    <fieldset
      class="slot-picker"
      id="slot-picker"
      aria-describedby={props.error ? 'slot-picker-error' : undefined}
    >
      <legend>{t('interviewBooking.chooseTime')}</legend>
      {props.error && (
        <p class="field__error" id="slot-picker-error">
          {props.error}
        </p>
      )}
      {days.map(({ day, items }) => (
        <fieldset class="slot-picker__day" key={day}>
          <legend>{formatDayKey(language, day, 'full')}</legend>
          <ul class="slot-picker__times">
            {items.map((slot) => {
              const id = `slot-${slot.slotId}`;
              return (
                <li key={slot.slotId}>
                  <input
                    type="radio"
                    name="slot"
                    id={id}
                    value={slot.slotId}
                    checked={props.value === slot.slotId}
                    disabled={props.current === slot.slotId}
                    onChange={() => props.onChange(slot.slotId)}
                  />
                  <label for={id}>
                    {formatTimeRange(language, slot.startsAt, slot.endsAt, props.timeZone)}
                    {props.current === slot.slotId && (
                      <span class="slot-picker__current"> ({t('interviewBooking.currentTime')})</span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}
