import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** `sse`: written as a text/event-stream body that stays open until the server closes. */
export type Reply = { status: number; json?: unknown; text?: string; contentType?: string; sse?: string };
export type Route = (req: Exchange) => Reply | undefined;

/**
 * A real HTTP server on loopback speaking the SOL005 shapes a test needs. Components under
 * test use their real ApiClient (fetch and XMLHttpRequest with upload progress) against it.
 * Answers CORS preflights because jsdom's XMLHttpRequest enforces them.
 */
export async function startServer(route: Route): Promise<{ url: string; requests: Exchange[]; close: () => Promise<void> }> {
  const requests: Exchange[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Requested-With, Accept');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      const exchange = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(exchange);
      const reply = route(exchange) ?? {
        status: 404,
        json: { type: 'about:blank', title: 'Not Found', status: 404, detail: `No endpoint ${exchange.path}` },
        contentType: 'application/problem+json',
      };
      if (reply.sse !== undefined) {
        res.writeHead(reply.status, { 'Content-Type': 'text/event-stream' });
        res.write(reply.sse);
        return;
      }
      const body = reply.json !== undefined ? JSON.stringify(reply.json) : reply.text ?? '';
      res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? (reply.json !== undefined ? 'application/json' : 'text/plain') });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export const problem = (status: number, body: Record<string, unknown>): Reply => ({
  status,
  json: { status, ...body },
  contentType: 'application/problem+json',
});
