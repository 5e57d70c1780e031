import { SESv2Client } from '@aws-sdk/client-sesv2';
import { runtimeConfig } from '../config/env';
import { defaultStore } from '../store/client';
import type { Mailer } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SesMailer } from './ses-mailer';

let shared: Mailer | undefined;

/** The stage's mailer; a cloud stage can never get the outbox (the config refuses it at start). */
export function defaultMailer(): Mailer {
  if (!shared) {
    const config = runtimeConfig();
    shared =
      config.mailer === 'ses'
        ? new SesMailer(new SESv2Client({ region: config.region }), config.mailFrom)
        : new OutboxMailer(defaultStore());
  }
  return shared;
}
