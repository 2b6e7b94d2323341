// Browser storage for the feature's preferences: every read is zod-validated, every failure ignored.
import { safeParse, type core, type output } from 'zod/mini';

/** The stored value if it is present and valid, else the fallback (a bad entry is not fatal). */
export function readStored<S extends core.$ZodType>(
  key: string,
  schema: S,
  fallback: output<S>,
): output<S> {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return fallback;
    const parsed = safeParse(schema, JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback; // storage disabled, or not JSON
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the preference lasts for this visit only.
  }
}
