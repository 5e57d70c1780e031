import type { Context } from 'aws-lambda';
import { InterviewStore } from '../functions/interviews/interview-store';
import { runDueReminders } from '../functions/interviews/reminders';
import type { ReminderEvent } from '../functions/interviews/schemas';
import { errorFields, logger } from '../functions/shared/log/logger';
import type { Store } from '../functions/shared/store/store';

export interface ReminderTimer {
  /** Runs one round now (tests, and the first round at start-up). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The local server's stand-in for EventBridge Scheduler: every `intervalMs` it queries the reminders
 * due by now (gsi1, no Scan) and invokes the interviews function with the same event Scheduler would
 * send. Sending once across restarts is the function's claim, not this timer's.
 */
export function startReminderTimer(
  store: Store,
  invoke: (event: ReminderEvent, context: Context) => Promise<unknown>,
  options: { intervalMs: number; now?: () => Date },
): ReminderTimer {
  const interviews = new InterviewStore(store);
  const now = options.now ?? (() => new Date());
  const context = { functionName: 'interviews', invokedFunctionArn: 'local:interviews' } as Context;
  let running: Promise<number> | undefined;
  const runOnce = () => {
    running ??= runDueReminders(interviews, (event) => invoke(event, context), now()).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((error) => logger.error('local reminder round failed', errorFields(error)));
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
