import { handler as dev } from '../functions/dev/index';
import { handler as platform } from '../functions/platform/index';
import type { HttpLambda } from '../functions/shared/http/handler';
import type { FunctionName } from '../functions/shared/http/route';
import { handler as staff } from '../functions/staff/index';

/** Every feature Lambda, as the local server invokes it (one line per feature function). */
export const localHandlers: Record<FunctionName, HttpLambda> = { platform, staff, dev };
