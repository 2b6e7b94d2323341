// The HTTP plumbing both emulators share: a Fastify app that hands handlers the raw body, and a
// listen/close pair that tracks sockets so close() works even while a `hang` fault holds one.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';

export interface RunningEmulator {
  url: string;
  close(): Promise<void>;
}

/**
 * Each emulator parses bodies itself: that way a malformed body is still logged and answered in
 * the upstream's own error format instead of Fastify's.
 */
export function createEmulatorApp(): FastifyInstance {
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    // Upstream quirks live in paths (Exness' trailing slashes): keep them exact.
    routerOptions: { ignoreTrailingSlash: false },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  return app;
}

export async function listenEmulator(
  app: FastifyInstance,
  opts: { host?: string; port?: number },
): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('emulator: could not read the bound address');
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => {
      closing ??= (async () => {
        for (const socket of sockets) socket.destroy();
        await app.close();
      })();
      return closing;
    },
  };
}
