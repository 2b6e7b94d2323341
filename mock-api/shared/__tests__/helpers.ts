// Test helpers: small typed wrappers for calling the emulators over real HTTP.
import { EMULATOR_CREDENTIALS } from '../../credentials';

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function requestJson<T = unknown>(
  url: string,
  init?: RequestInit,
): Promise<JsonAnswer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Non-JSON pages (HTML 500s) are asserted through `text`.
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export async function exnessLogin(base: string): Promise<string> {
  const res = await requestJson<{ token: string }>(`${base}/api/v2/auth/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      login: EMULATOR_CREDENTIALS.exnessLogin,
      password: EMULATOR_CREDENTIALS.exnessPassword,
    }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return res.json.token;
}

export interface HoEnvelope<D = unknown> {
  request: Record<string, unknown>;
  response: {
    status: number;
    httpStatus: number;
    data: D;
    errors: {
      publicMessage?: string;
      err_code?: number;
      err_msg?: string;
      attribute_name?: string;
    }[];
    errorMessage: string | null;
  };
}

export type HoParams = Record<string, string | string[]>;

export function hoSearch(params: HoParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, item);
  }
  return search;
}

/** Calls /Apiv3/json with the emulator's token unless the params carry their own. */
export async function ho<D = unknown>(
  base: string,
  params: HoParams,
  httpMethod: 'GET' | 'POST' = 'GET',
): Promise<JsonAnswer<HoEnvelope<D>>> {
  const search = hoSearch({ NetworkToken: EMULATOR_CREDENTIALS.hasOffersNetworkToken, ...params });
  const api = `${base}/Apiv3/json`;
  return httpMethod === 'GET'
    ? requestJson<HoEnvelope<D>>(`${api}?${search.toString()}`)
    : requestJson<HoEnvelope<D>>(api, { method: 'POST', body: search });
}

/** The ids of an id-keyed object in wire order (JSON.parse would reorder integer keys). */
export function wireKeyOrder(text: string, model: string): string[] {
  return [...text.matchAll(new RegExp(`"(\\d+)":\\{"${model}"`, 'g'))].map((m) => m[1] ?? '');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
