// Reads a HasOffers call from the browser's query string and form body, and rebuilds it from the
// allowlist alone: what goes upstream is what was checked, spelled the one way PHP reads it.
import { HttpError } from '../errors';

export interface HasOffersCall {
  target: string;
  method: string;
  /** Every other parameter the browser sent (names checked for control characters), in order. */
  params: [string, string][];
}

/**
 * The variable name PHP files a parameter under: `Method[]`, `Method[x]` and `Method.` all land
 * in (or next to) `Method`. Leading spaces are dropped, dots and spaces become underscores, and
 * the name ends at a NUL (PHP's C strings), which is why any control character is refused.
 */
export function phpBaseName(key: string): string {
  const base = key.split('\0')[0]!.replace(/^ +/, '').split('[')[0] ?? '';
  return base.replace(/[ .]/g, '_');
}

const badRequest = (message: string) => new HttpError(400, 'BadRequest', message);

/** A parameter name as the error shows it: control characters escaped, length bounded. */
function shown(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Names only the server may set: the browser's copy would stand beside (or before) ours. */
const SERVER_ONLY = new Set(['networktoken', 'networkid']);

/**
 * Splits the browser's parameters into Target, Method and the rest. Refused with 400: a name with
 * a control character, NetworkToken or NetworkId in any spelling, and Target or Method missing,
 * repeated, empty or spelled in any other way PHP (or a case-insensitive reader) could take for
 * them — so the pair checked against the allowlist is the pair that runs.
 */
export function readHasOffersCall(rawQuery: string, formBody: string | undefined): HasOffersCall {
  const all = [...new URLSearchParams(rawQuery)];
  if (formBody !== undefined) all.push(...new URLSearchParams(formBody));
  const found: Record<'Target' | 'Method', string[]> = { Target: [], Method: [] };
  const params: [string, string][] = [];
  for (const [name, value] of all) {
    if (CONTROL.test(name)) {
      throw badRequest(`The parameter name ${shown(name)} has a control character.`);
    }
    const base = phpBaseName(name).toLowerCase();
    if (SERVER_ONLY.has(base)) {
      throw badRequest(
        `The parameter ${shown(name)} is set by the dashboard server; do not send it.`,
      );
    }
    if (base === 'target' || base === 'method') {
      const exact = base === 'target' ? 'Target' : 'Method';
      if (name !== exact)
        throw badRequest(`Send exactly one ${exact} parameter, spelled ${exact}.`);
      found[exact].push(value);
      continue;
    }
    params.push([name, value]);
  }
  const single = (name: 'Target' | 'Method'): string => {
    const values = found[name];
    if (values.length !== 1 || values[0] === '' || values[0] === undefined) {
      throw badRequest(`Send exactly one ${name} parameter.`);
    }
    return values[0];
  };
  return { target: single('Target'), method: single('Method'), params };
}

/**
 * The call as HasOffers will receive it, built from the allowlist: Target, Method, then each
 * parameter only if its exact name (with its PHP bracket shape) is listed for this method. A name
 * not on the list is refused with 400 naming it; a name without `[]` may appear once (PHP would
 * keep the last, which is not what a reader of the first would check).
 */
export function rebuildParams(
  call: HasOffersCall,
  allowedNames: readonly string[],
  networkToken: string,
): URLSearchParams {
  const out = new URLSearchParams({ Target: call.target, Method: call.method });
  const seen = new Set<string>();
  for (const [name, value] of call.params) {
    if (!allowedNames.includes(name)) {
      throw badRequest(
        `${call.target}::${call.method} does not take the parameter ${shown(name)} through the dashboard server.`,
      );
    }
    if (!name.endsWith('[]')) {
      if (seen.has(name)) throw badRequest(`The parameter ${shown(name)} was sent more than once.`);
      seen.add(name);
    }
    out.append(name, value);
  }
  out.append('NetworkToken', networkToken);
  return out;
}

/** A call the server builds itself (the create's reconciliation), plus our NetworkToken. */
export function withNetworkToken(params: URLSearchParams, token: string): URLSearchParams {
  const out = new URLSearchParams(params);
  out.append('NetworkToken', token);
  return out;
}
