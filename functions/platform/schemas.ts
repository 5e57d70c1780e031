import { z } from 'zod';
import { CountyDetails, StageName } from '../shared/config/stage';
import { languageCodes } from '../shared/i18n/languages';

export const Health = z.object({
  status: z.literal('ok'),
  stage: StageName,
  time: z.iso.datetime(),
});

export const SiteInfo = z.object({
  stage: StageName,
  county: CountyDetails,
  languages: z.array(
    z.object({ code: z.enum(languageCodes), endonym: z.string(), dir: z.enum(['ltr', 'rtl']) }),
  ),
  /**
   * How the web chat reaches the bot: `local` posts to `/api/messages` itself (expectReplies, no
   * authentication); `directLine` goes through Azure's Direct Line with a token from `/api/chat/token`.
   */
  chatTransport: z.enum(['local', 'directLine']),
  staffSignIn: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('dev') }),
    z.object({ kind: z.literal('cognito'), domain: z.string(), clientId: z.string() }),
  ]),
});
