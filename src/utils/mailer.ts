// Outgoing mail behind one small interface. The development transport writes each message to
// the log (including links: never enable it in production, which config refuses); "disabled"
// drops messages with a warning. A fork plugs its provider in here, with a timeout.
import type { Logger } from './logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Lets a provider drop a duplicate when a retried job sends the same message again. */
  idempotencyKey?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(transport: 'log' | 'disabled', logger: Logger): Mailer {
  if (transport === 'log') {
    return {
      send: (message) => {
        logger.info('mail (development transport)', {
          mail: { ...message, to: maskEmail(message.to) },
        });
        return Promise.resolve();
      },
    };
  }
  return {
    send: (message) => {
      logger.warn('mail dropped: no mail transport is configured', { subject: message.subject });
      return Promise.resolve();
    },
  };
}

/** "ada@example.com" → "a***@example.com": enough to tell mails apart in a log, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
