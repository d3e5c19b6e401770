import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../backend/src/alerts/sign.ts';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
}

/** A local webhook receiver that verifies each signature with `secret` and answers with `statuses` in turn (last repeats). */
export async function startWebhookServer(secret: string, statuses: number[] = [204]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const timestamp = String(req.headers['x-sightline-timestamp'] ?? '');
      const signature = String(req.headers['x-sightline-signature'] ?? '');
      received.push({ headers: req.headers, body, signatureValid: verifyWebhook(secret, timestamp, body, signature) });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sightline`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
