// CashflowGroup::createCashflowGroup, and the exact request it sends (the wizard's API preview
// and a copyable curl with a placeholder token).
import { z } from 'zod/mini';
import { callHasOffers, hasOffersParams, type PhpValue } from '@/lib/hasoffers';
import type { Payload } from '../model/types';

export const CREATE_TARGET = 'CashflowGroup';
export const CREATE_METHOD = 'createCashflowGroup';
export const HASOFFERS_URL_TEMPLATE = 'https://<NETWORK_ID>.api.hasoffers.com/Apiv3/json';
/** Never a real token: the browser does not have one, and a preview must not invite pasting. */
export const NETWORK_TOKEN_PLACEHOLDER = '<YOUR_NETWORK_TOKEN>';

export interface CreateGroupInput {
  name: string;
  description: string;
  payload: Payload;
}

/** The parameters of the call, in the order they are sent. */
export function createParams(input: CreateGroupInput): Record<string, PhpValue> {
  return {
    name: input.name.trim(),
    description: input.description,
    rules_json: input.payload.rules_json,
    affiliate_ids_json: input.payload.affiliate_ids_json,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The vendor documents "the new group's id"; accept it bare or in a (wrapped) row. */
export const createdSchema = z.pipe(
  z.pipe(
    z.unknown(),
    z.transform((data) => {
      let v: unknown = data;
      if (isRecord(v) && isRecord(v.CashflowGroup)) v = v.CashflowGroup;
      if (isRecord(v)) v = v.id;
      return typeof v === 'number' || typeof v === 'string' ? String(v).trim() : '';
    }),
  ),
  z.string().check(z.regex(/^\d+$/, 'the new group id is missing')),
);

export async function createCashflowGroup(
  input: CreateGroupInput,
  options: {
    idempotencyKey: string;
    signal?: AbortSignal;
    /** A copy of an existing group: the dashboard's history records it as a clone. */
    clone?: boolean;
  },
): Promise<{ id: string }> {
  const id = await callHasOffers(CREATE_TARGET, CREATE_METHOD, createParams(input), {
    // Form-encoded POST: a long rules_json may not fit in a URL.
    httpMethod: 'POST',
    headers: {
      'Idempotency-Key': options.idempotencyKey,
      ...(options.clone === true && { 'X-Change-Kind': 'clone' }),
    },
    ...(options.signal && { signal: options.signal }),
    schema: createdSchema,
  });
  return { id };
}

/** POSIX shell single-quoting: safe for any text, including quotes and newlines. */
function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

export function createRequestPreview(input: CreateGroupInput): {
  params: URLSearchParams;
  curl: string;
} {
  return requestPreview(CREATE_METHOD, createParams(input));
}

/** A CashflowGroup call as the exact params and a copyable curl (placeholder token). */
export function requestPreview(
  method: string,
  callParams: Record<string, PhpValue>,
): { params: URLSearchParams; curl: string } {
  // The same encoder the call uses, so the preview is the request.
  const params = hasOffersParams(CREATE_TARGET, method, callParams);
  const lines = [
    `curl ${shellQuote(HASOFFERS_URL_TEMPLATE)}`,
    `  --data-urlencode ${shellQuote(`NetworkToken=${NETWORK_TOKEN_PLACEHOLDER}`)}`,
    ...[...params].map(([k, v]) => `  --data-urlencode ${shellQuote(`${k}=${v}`)}`),
  ];
  return { params, curl: lines.join(' \\\n') };
}
