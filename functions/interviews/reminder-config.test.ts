import { describe, expect, it } from 'vitest';
import { cloudEnv } from '../../local/testing/cloud-env';
import { parseRuntimeConfig, StartupRefused } from '../shared/config/env';
import { atExpression } from './eventbridge-reminders';

describe('the reminder scheduler settings', () => {
  it('reads the EventBridge schedule group and role in a cloud stage', () => {
    const config = parseRuntimeConfig({
      ...cloudEnv,
      WEGWEISER_REMINDER_SCHEDULER: 'eventbridge',
      WEGWEISER_REMINDER_SCHEDULE_GROUP: 'reminders',
      WEGWEISER_REMINDER_ROLE_ARN: 'arn:aws:iam::123456789012:role/invoke',
    });
    expect(config.reminders).toEqual({
      kind: 'eventbridge',
      scheduleGroup: 'reminders',
      roleArn: 'arn:aws:iam::123456789012:role/invoke',
    });
  });

  it('refuses the local table scheduler in a cloud stage', () => {
    expect(() => parseRuntimeConfig({ ...cloudEnv, WEGWEISER_REMINDER_SCHEDULER: 'table' })).toThrow(
      StartupRefused,
    );
  });

  it('refuses EventBridge without its group and role', () => {
    expect(() => parseRuntimeConfig({ ...cloudEnv, WEGWEISER_REMINDER_SCHEDULER: 'eventbridge' })).toThrow(
      /WEGWEISER_REMINDER_SCHEDULE_GROUP/,
    );
  });

  it('writes one-time schedules as at() in UTC without milliseconds', () => {
    expect(atExpression(new Date('2026-03-09T08:00:00.000Z'))).toBe('at(2026-03-09T08:00:00)');
  });
});
