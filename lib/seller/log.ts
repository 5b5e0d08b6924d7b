/**
 * What a seller prints when something fails unexpectedly: the error's class, the database's code
 * and message with every quoted value masked, and the SQL text without its parameters. A query's
 * parameters and a constraint's `detail` carry buyer names, phones and addresses, so neither is
 * ever printed; nor is a stack trace of a request body.
 */

interface DatabaseFailure {
  code?: unknown;
  message?: unknown;
}

/** `"13835250000000"`, `'Ada'`, `(id)=(…)` → masked: a database message may quote the value. */
function maskValues(text: string): string {
  return text
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/=\([^)]*\)/g, '=(…)');
}

export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const parts = [error.name === 'Error' ? error.constructor.name : error.name];
  const query = (error as { query?: unknown }).query;
  const cause = (error as { cause?: unknown }).cause as DatabaseFailure | undefined;
  if (typeof query === 'string') {
    if (cause && typeof cause.code === 'string') parts.push(cause.code);
    if (cause && typeof cause.message === 'string') parts.push(maskValues(cause.message));
    parts.push(`in: ${query.replace(/\s+/g, ' ').slice(0, 200)}`);
  } else {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') parts.push(code);
    parts.push(maskValues(error.message.split('\n')[0].slice(0, 300)));
  }
  return parts.join(' ');
}

export function logSellerFailure(context: string, error: unknown): void {
  console.error(`[seller] ${context}: ${describeFailure(error)}`);
}
