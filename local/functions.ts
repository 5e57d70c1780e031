import { handler as chatbot } from '../functions/chatbot/index';
import { handler as dev } from '../functions/dev/index';
import { handler as evaluation } from '../functions/evaluation/index';
import { handler as interviews } from '../functions/interviews/index';
import { handler as offerings } from '../functions/offerings/index';
import { handler as people } from '../functions/people/index';
import { handler as platform } from '../functions/platform/index';
import type { HttpLambda } from '../functions/shared/http/handler';
import type { FunctionName } from '../functions/shared/http/route';
import { handler as staff } from '../functions/staff/index';
import { handler as steering } from '../functions/steering/index';
import { handler as survey } from '../functions/survey/index';
import { handler as workshops } from '../functions/workshops/index';

/** Every feature Lambda, as the local server invokes it (one line per feature function). */
export const localHandlers: Record<FunctionName, HttpLambda> = {
  platform,
  staff,
  survey,
  offerings,
  chatbot,
  dev,
  interviews,
  workshops,
  evaluation,
  steering,
  people,
};
