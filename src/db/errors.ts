// Recognises the errors that mean "the database cannot be reached right now" (as opposed to a
// bug or a constraint violation), so that they answer 503 and the client may retry.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection not established',
  'Query read timeout',
];

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  // SQLSTATE 08xxx connection exceptions, 57P01-57P03 shutdown/crash, 53300 too many
  // connections, 57014 statement timeout.
  return (
    NETWORK_CODES.has(code) ||
    code.startsWith('08') ||
    /^57P0[1-3]$/.test(code) ||
    code === '53300' ||
    code === '57014'
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (isUnavailableCode(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m)))
      return true;
    // AggregateError from a dual-stack connect attempt
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = cause;
  }
  return false;
}
