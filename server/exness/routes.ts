// `/api/exness/*`: the allowlisted Exness calls, forwarded with the server's JWT.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ExnessUpstream } from '../config';
import { HttpError, sendError } from '../errors';
import { fetchUpstream, joinUrl, type UpstreamResponse } from '../upstream/fetch-upstream';
import { sendUpstreamJson } from '../upstream/reply';
import { checkExnessCall } from './allowlist';
import { ExnessSession } from './session';

export const EXNESS_PREFIX = '/api/exness';

export interface ExnessRoutesOptions {
  upstream: ExnessUpstream;
  timeoutMs: number;
  /** The most an answer may hold (UPSTREAM_MAX_BYTES); fetchUpstream's default otherwise. */
  maxBytes?: number;
  redact: (text: string) => string;
}

export const exnessRoutes: FastifyPluginAsync<ExnessRoutesOptions> = async (scope, opts) => {
  const session = new ExnessSession({ upstream: opts.upstream, timeoutMs: opts.timeoutMs });

  // The Exness API takes JSON only. Keep the text as sent (after checking it is JSON), so the
  // upstream gets exactly the browser's body.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    try {
      if (text.trim() !== '') JSON.parse(text);
      done(null, text);
    } catch {
      done(new HttpError(400, 'BadRequest', 'The request body is not valid JSON.'));
    }
  });

  scope.all('/*', async (request, reply): Promise<FastifyReply> => {
    const queryAt = request.url.indexOf('?');
    const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
    const query = queryAt === -1 ? '' : request.url.slice(queryAt);
    const check = checkExnessCall(
      request.method,
      rawPath.slice(EXNESS_PREFIX.length),
      opts.upstream.listMethod,
    );
    if (!check.allowed) {
      request.log.warn({ method: request.method, path: rawPath }, 'exness call refused');
      return sendError(
        reply,
        403,
        'Forbidden',
        check.reason === 'post-listing-off'
          ? 'Rebate groups are listed with GET: on the Exness API a POST to this address creates a rebate group, so the dashboard server refuses it (EXNESS_LIST_METHOD=POST on the server would allow it).'
          : 'This Exness API call is not allowed through the dashboard server.',
      );
    }
    const { call } = check;
    const body = typeof request.body === 'string' && request.body !== '' ? request.body : undefined;
    // The allowlisted path, not the browser's text, goes upstream.
    const url = joinUrl(opts.upstream.apiUrl, call.path) + query;
    const send = (token: string): Promise<UpstreamResponse> =>
      fetchUpstream(
        {
          method: call.method,
          url,
          headers: {
            Accept: 'application/json',
            Authorization: `JWT ${token}`,
            ...(body !== undefined && { 'Content-Type': 'application/json' }),
          },
          ...(body !== undefined && { body }),
        },
        // A GET is a read: safe to send again on a new connection. A POST (EXNESS_LIST_METHOD=POST)
        // may create a group upstream: never sent twice by the transport.
        {
          upstream: 'exness',
          timeoutMs: opts.timeoutMs,
          safeToRepeat: call.method === 'GET',
          ...(opts.maxBytes !== undefined && { maxBytes: opts.maxBytes }),
        },
      );

    const token = await session.getToken();
    let res = await send(token);
    if (res.status === 401) {
      // Expired (no refresh call exists): log in again, once for everyone, and retry once.
      // (A 401 means the call was refused before anything was done: safe to repeat.)
      session.invalidate(token);
      res = await send(await session.getToken());
      if (res.status === 401) {
        // To the browser a 401 means "your dashboard session ended": this is our credentials.
        request.log.warn({ upstream: 'exness', status: 401 }, 'upstream refused a fresh token');
        return sendError(
          reply,
          502,
          'UpstreamAuthFailed',
          'The Exness API refused the dashboard server’s fresh sign-in token. Try again; if it keeps failing, the server’s Exness account needs checking.',
        );
      }
    }
    return sendUpstreamJson(reply, res, { upstream: 'exness', redact: opts.redact });
  });
};
