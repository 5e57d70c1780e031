import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudEnv, placeholderCounty } from '../../../local/testing/cloud-env';
import { parseRuntimeConfig, StartupRefused } from './env';
import { defaultOpenDataLicence, openDataLicenceOf, StageConfig } from './stage';

describe('runtime configuration', () => {
  it('accepts a complete cloud configuration', () => {
    const config = parseRuntimeConfig(cloudEnv);
    expect(config.stage).toBe('prod');
    expect(config.devSignIn).toBe(false);
    expect(config.botAuthentication).toBe(true);
  });

  it.each([
    ['development sign-in', { WEGWEISER_DEV_SIGN_IN: 'true', WEGWEISER_DEV_TOKEN_SECRET: 'x'.repeat(40) }],
    ['the dev outbox', { WEGWEISER_MAILER: 'outbox' }],
    ['no bot authentication', { WEGWEISER_BOT_AUTH: 'false' }],
    ['a local DynamoDB endpoint', { WEGWEISER_DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }],
  ])('refuses to start a cloud stage with %s', (_name, extra) => {
    expect(() => parseRuntimeConfig({ ...cloudEnv, ...extra })).toThrow(StartupRefused);
  });

  it('refuses to start a cloud stage while county placeholders remain', () => {
    expect(() =>
      parseRuntimeConfig({ ...cloudEnv, WEGWEISER_COUNTY: JSON.stringify(placeholderCounty) }),
    ).toThrow(/placeholders/);
  });

  it('allows placeholders and local-only switches in the local stage', () => {
    const config = parseRuntimeConfig({
      ...cloudEnv,
      WEGWEISER_STAGE: 'local',
      WEGWEISER_MAILER: 'outbox',
      WEGWEISER_DEV_SIGN_IN: 'true',
      WEGWEISER_DEV_TOKEN_SECRET: 'x'.repeat(40),
      WEGWEISER_BOT_AUTH: 'false',
      WEGWEISER_COUNTY: JSON.stringify(placeholderCounty),
    });
    expect(config.devSignIn).toBe(true);
  });

  it('publishes open data under dl-de/by-2-0 unless the county sets its own licence', () => {
    const county = JSON.parse(cloudEnv.WEGWEISER_COUNTY ?? '{}') as Record<string, unknown>;
    expect(openDataLicenceOf(parseRuntimeConfig(cloudEnv).county)).toEqual(defaultOpenDataLicence);
    const own = {
      licenceId: 'cc-by-4.0',
      licenceName: 'Creative Commons Namensnennung 4.0 International',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    };
    const configured = parseRuntimeConfig({
      ...cloudEnv,
      WEGWEISER_COUNTY: JSON.stringify({ ...county, openData: own }),
    });
    expect(openDataLicenceOf(configured.county)).toEqual(own);
    expect(() =>
      parseRuntimeConfig({
        ...cloudEnv,
        WEGWEISER_COUNTY: JSON.stringify({ ...county, openData: { ...own, licenceUrl: 'ftp://x' } }),
      }),
    ).toThrow(/WEGWEISER_COUNTY/);
  });

  it('names the missing variable', () => {
    const { WEGWEISER_TABLE_NAME: _missing, ...rest } = cloudEnv;
    expect(() => parseRuntimeConfig(rest)).toThrow(/WEGWEISER_TABLE_NAME/);
  });
});

describe('stage configuration files', () => {
  it.each(['local', 'dev', 'prod'])('config/%s.json is valid', (stage) => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, `../../../config/${stage}.json`), 'utf8'));
    expect(StageConfig.safeParse(raw).success).toBe(true);
  });

  it('refuses a cloud stage file that switches on the dev sign-in', () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../config/prod.json'), 'utf8'));
    const result = StageConfig.safeParse({ ...raw, devSignIn: true });
    expect(result.success).toBe(false);
  });
});
