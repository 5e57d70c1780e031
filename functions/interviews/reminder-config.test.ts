import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, StartupRefused } from '../shared/config/env';
import { atExpression } from './eventbridge-reminders';

const county = JSON.parse(readFileSync(join(import.meta.dirname, '../../config/local.json'), 'utf8')).county;
const filledCounty = Object.fromEntries(Object.keys(county).map((key) => [key, `LRA ${key}`.slice(0, 20)]));

const cloudEnv = {
  WEGWEISER_STAGE: 'prod',
  WEGWEISER_TABLE_NAME: 'wegweiser-table',
  WEGWEISER_MAILER: 'ses',
  WEGWEISER_MAIL_FROM: 'wegweiser@example.org',
  WEGWEISER_PUBLIC_BASE_URL: 'https://wegweiser.example.org',
  WEGWEISER_COUNTY: JSON.stringify(filledCounty),
};

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
