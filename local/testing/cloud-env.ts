import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The county settings of the local stage, still holding their placeholders. */
export const placeholderCounty: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../config/local.json'), 'utf8'),
).county;

/** The same settings filled in, as a cloud stage must have them. */
const filledCounty = Object.fromEntries(
  Object.keys(placeholderCounty).map((key) => [key, `LRA ${key}`.slice(0, 20)]),
);

/** A complete, valid environment of a cloud stage: tests add or change one setting at a time. */
export const cloudEnv = {
  WEGWEISER_STAGE: 'prod',
  WEGWEISER_TABLE_NAME: 'wegweiser-table',
  WEGWEISER_MAILER: 'ses',
  WEGWEISER_MAIL_FROM: 'wegweiser@example.org',
  WEGWEISER_PUBLIC_BASE_URL: 'https://wegweiser.example.org',
  WEGWEISER_COUNTY: JSON.stringify(filledCounty),
  WEGWEISER_ORIGIN_SECRET_ARN:
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:wegweiser/origin-verify-AbC123',
};
