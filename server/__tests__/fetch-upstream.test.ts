// The upstream transport: connections kept alive between calls, answers decoded, every failure a
// BFF error (504 when the answer or its body stalls, 502 with the socket code otherwise).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import { UpstreamConnectionError, fetchUpstream, upstreamAgents } from '../upstream/fetch-upstream';

interface TestServer {
  url: string;
  /** TCP connections the server accepted. */
  connections: () => number;
  requests: { method?: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method, headers: req.headers, body });
      handler(req, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const s: TestServer = {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const options = { upstream: 'exness', timeoutMs: 2000 } as const;

describe('fetchUpstream', () => {
  it('reuses one keep-alive connection for calls one after another', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"ok":true}');
    });
    for (let i = 0; i < 5; i++) {
      const res = await fetchUpstream(
        { method: 'GET', url: `${server.url}/x`, headers: {} },
        options,
      );
      expect(res).toMatchObject({ status: 200, text: '{"ok":true}' });
    }
    expect(server.connections()).toBe(1);
    expect(server.requests[0]?.headers.connection).toBe('keep-alive');
    // Idle between calls, the socket waits in the agent's pool.
    const free = Object.values(upstreamAgents.http.freeSockets).flat();
    expect(free.length).toBeGreaterThan(0);
  });

  it('sends the method, headers and body as given, with a Content-Length', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const body = '{"name":"Größe"}';
    await fetchUpstream(
      {
        method: 'POST',
        url: `${server.url}/api/`,
        headers: { 'Content-Type': 'application/json', Authorization: 'JWT t' },
        body,
      },
      options,
    );
    const seen = server.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe(body);
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(seen?.headers.authorization).toBe('JWT t');
  });

  it('decodes a gzip answer and exposes its headers', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(429, { 'Content-Encoding': 'gzip', 'Retry-After': '7' });
      res.end(gzipSync('{"detail":"slow down ✓"}'));
    });
    const res = await fetchUpstream({ method: 'GET', url: server.url, headers: {} }, options);
    expect(res.status).toBe(429);
    expect(res.text).toBe('{"detail":"slow down ✓"}');
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(res.headers.get('X-Missing')).toBeNull();
  });

  it('does not follow a redirect', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    const res = await fetchUpstream({ method: 'GET', url: server.url, headers: {} }, options);
    expect(res.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it('a body that stalls after the headers is a 504', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"partial":');
    });
    const error = await fetchUpstream(
      { method: 'GET', url: server.url, headers: {} },
      { upstream: 'hasoffers', timeoutMs: 200 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ statusCode: 504, code: 'UpstreamTimeout' });
  });

  it('a connection closed mid-body is a 502 with ECONNRESET, not a short answer', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const error = await fetchUpstream(
      { method: 'GET', url: server.url, headers: {} },
      options,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamConnectionError);
    expect(error).toMatchObject({ statusCode: 502, socketCode: 'ECONNRESET' });
  });

  describe('a kept-alive connection the server has dropped', () => {
    /** Answers, but drops its first connection when a second call arrives on it. */
    async function droppingServer() {
      let first: Socket | undefined;
      let callsOnFirst = 0;
      return serve((req, res) => {
        first ??= req.socket;
        if (req.socket === first && ++callsOnFirst === 2) {
          req.socket.destroy();
          return;
        }
        res.setHeader('Content-Type', 'application/json');
        res.end('{"ok":true}');
      });
    }

    it('a call that is safe to repeat goes out once more, on a new connection', async () => {
      const server = await droppingServer();
      const call = { method: 'POST', url: `${server.url}/list`, headers: {}, body: '{}' } as const;
      await fetchUpstream(call, { ...options, safeToRepeat: true });
      const res = await fetchUpstream(call, { ...options, safeToRepeat: true });
      expect(res).toMatchObject({ status: 200, text: '{"ok":true}' });
      expect(server.requests).toHaveLength(3);
      expect(server.connections()).toBe(2);
    });

    it('a write is never sent twice: a 502 that names the reset', async () => {
      const server = await droppingServer();
      const call = {
        method: 'POST',
        url: `${server.url}/create`,
        headers: {},
        body: 'x=1',
      } as const;
      await fetchUpstream(call, options);
      const error = await fetchUpstream(call, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamConnectionError);
      expect(error).toMatchObject({ statusCode: 502, socketCode: 'ECONNRESET' });
      expect(server.requests).toHaveLength(2);
    });
  });
});
