// Reads a HasOffers call from the browser's query string or form body, the way PHP will read it.
import { HttpError } from '../errors';

export interface HasOffersCall {
  target: string;
  method: string;
  /** Everything the browser sent, minus any NetworkToken; Target and Method included. */
  params: URLSearchParams;
}

/**
 * The variable name PHP files a parameter under: `Method[]`, `Method[x]` and `Method.` all land
 * in (or next to) `Method`. Leading spaces are dropped, dots and spaces become underscores.
 */
export function phpBaseName(key: string): string {
  const base = key.replace(/^ +/, '').split('[')[0] ?? '';
  return base.replace(/[ .]/g, '_');
}

const badRequest = (message: string) => new HttpError(400, 'BadRequest', message);

/**
 * Target and Method must each appear exactly once, spelled exactly so; any other parameter PHP
 * (or a case-insensitive reader) could take for them is refused, so what we check is what runs.
 */
function single(params: URLSearchParams, name: 'Target' | 'Method'): string {
  const keys = [...params.keys()].filter(
    (k) => phpBaseName(k).toLowerCase() === name.toLowerCase(),
  );
  const values = params.getAll(name);
  const value = values[0];
  if (keys.length !== 1 || keys[0] !== name || value === undefined || value === '') {
    throw badRequest(`Send exactly one ${name} parameter.`);
  }
  return value;
}

export function readHasOffersCall(rawQuery: string, formBody: string | undefined): HasOffersCall {
  const all = new URLSearchParams(rawQuery);
  if (formBody !== undefined) {
    for (const [k, v] of new URLSearchParams(formBody)) all.append(k, v);
  }
  // Only the server's token goes upstream: drop whatever the browser sent in its place.
  const params = new URLSearchParams(
    [...all].filter(([k]) => phpBaseName(k).toLowerCase() !== 'networktoken'),
  );
  return { target: single(params, 'Target'), method: single(params, 'Method'), params };
}

/** The call as HasOffers receives it: the browser's parameters plus our NetworkToken. */
export function withNetworkToken(params: URLSearchParams, token: string): URLSearchParams {
  const out = new URLSearchParams(params);
  out.append('NetworkToken', token);
  return out;
}
