// The QA mailbox: reads the JSON log lines of a development server, keeps the mails its log
// transport wrote, and serves the latest reset token for an address on a loopback port, so an
// Arazzo workflow can follow a password-reset link (openapi/workflows/mailbox.openapi.yaml).
// The log masks addresses ("a***@example.com"), so a workflow uses a unique domain.
import { createServer, type Server } from 'node:http';
import type { Interface } from 'node:readline';
import { maskEmail } from '../../src/utils/mailer.ts';

export interface Mailbox {
  server: Server;
  close(): Promise<void>;
}

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** How long a request waits for a mail that the background job has not sent yet. */
const WAIT_MS = 15_000;

export async function createMailbox(lines: Interface): Promise<Mailbox> {
  const mails: Mail[] = [];
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { mail?: Mail };
      if (entry.mail && typeof entry.mail.text === 'string') mails.push(entry.mail);
    } catch {
      // not a JSON log line
    }
  });
  const latest = (to: string) => mails.findLast((m) => m.to === maskEmail(to));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mailbox');
    const to = url.searchParams.get('to');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/mail/latest' || !to) {
      send(400, { status: 'error', code: 'VALIDATION_ERROR', message: 'GET /mail/latest?to=' });
      return;
    }
    const started = Date.now();
    const poll = () => {
      const mail = latest(to);
      const token = mail && /[?&]token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
      if (mail && token) send(200, { to: mail.to, subject: mail.subject, token });
      else if (Date.now() - started > WAIT_MS)
        send(404, { status: 'error', code: 'NOT_FOUND', message: 'no mail to this address' });
      else setTimeout(poll, 100);
    };
    poll();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
