/**
 * Structured JSON logs. Only ids, codes and numbers go in: never names, e-mail addresses, answers or
 * any other free text, because logs outlive every retention period we promise.
 */
type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = process.env.WEGWEISER_LOG_LEVEL as Level | undefined;
  return order[configured ?? 'info'] ?? order.info;
}

function write(level: Level, message: string, fields: LogFields): void {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields: LogFields = {}) => write('debug', message, fields),
  info: (message: string, fields: LogFields = {}) => write('info', message, fields),
  warn: (message: string, fields: LogFields = {}) => write('warn', message, fields),
  error: (message: string, fields: LogFields = {}) => write('error', message, fields),
};

/** The name and the first stack frame of an error, never its message (it may quote user input). */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const frame = error.stack?.split('\n')[1]?.trim();
  return { errorType: error.name, errorFrame: frame };
}
