// Fastify's (pino) logger options: secrets redacted by field and, as a last net, by text.
import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config';

export interface LogStream {
  write(line: string): void;
}

/** Query parameters that carry credentials, whatever the browser sent in them. */
function redactQuery(url: string): string {
  return url.replace(
    /([?&][^=&]*(?:networktoken|token|password|api_key)[^=&]*=)[^&]*/gi,
    '$1[redacted]',
  );
}

export function loggerOptions(options: {
  level: LogLevel;
  redact: (text: string) => string;
  stream?: LogStream;
}): FastifyServerOptions['logger'] {
  return {
    level: options.level,
    // Upstream calls are never logged with their URL; requests are logged without headers.
    serializers: {
      req: (req) => ({
        method: req.method,
        url: redactQuery(req.url ?? ''),
        remoteAddress: req.ip,
      }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'headers.authorization',
        '*.password',
        '*.token',
        '*.NetworkToken',
        '*.login',
      ],
      censor: '[redacted]',
    },
    hooks: {
      // Whatever slipped into a message (an upstream text, an error) loses our secrets here.
      streamWrite: (line: string) => options.redact(line),
    },
    ...(options.stream && { stream: options.stream }),
  };
}
