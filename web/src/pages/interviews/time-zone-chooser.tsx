import { useMemo } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { browserTimeZone, countyTimeZone, knownTimeZones, offsetLabel } from './zoned-time';

function zoneName(zone: string): string {
  return zone.replaceAll('_', ' ');
}

/**
 * Which time zone the times are shown in: the county's by default, the device's offered next, then every
 * zone the browser knows, each with its offset today. A native select: keyboard and screen readers
 * work as everywhere, and typing the first letters of a city jumps to it.
 */
export function TimeZoneChooser(props: { id: string; value: string; onChange: (zone: string) => void }) {
  const { t } = useI18n();
  const options = useMemo(() => {
    const now = Date.now();
    const device = browserTimeZone();
    const zones = knownTimeZones();
    const first =
      device && device !== countyTimeZone && zones.includes(device)
        ? [countyTimeZone, device]
        : [countyTimeZone];
    const rest = zones.filter((zone) => !first.includes(zone));
    const label = (zone: string) => `${zoneName(zone)} (${offsetLabel(zone, now)})`;
    return {
      first: first.map((zone) => ({
        zone,
        label:
          zone === countyTimeZone
            ? `${label(zone)} – ${t('interviewBooking.countyTime')}`
            : `${label(zone)} – ${t('interviewBooking.deviceTime')}`,
      })),
      rest: rest.map((zone) => ({ zone, label: label(zone) })),
    };
  }, [t]);
  return (
    <div class="field interview-zone">
      <label for={props.id}>{t('interviewBooking.timeZone')}</label>
      <p class="field__hint" id={`${props.id}-hint`}>
        {t('interviewBooking.timeZoneHint')}
      </p>
      <select
        id={props.id}
        value={props.value}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {options.first.map((option) => (
          <option key={option.zone} value={option.zone} dir="ltr">
            {option.label}
          </option>
        ))}
        <optgroup label={t('interviewBooking.allTimeZones')}>
          {options.rest.map((option) => (
            <option key={option.zone} value={option.zone} dir="ltr">
              {option.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
