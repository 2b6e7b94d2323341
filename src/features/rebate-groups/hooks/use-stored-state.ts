// State mirrored to localStorage, validated with zod on read (see model/storage).
import { useCallback, useState } from 'react';
import type { core, output } from 'zod/mini';
import { readStored, writeStored } from '../model/storage';

export function useStoredState<S extends core.$ZodType>(
  key: string,
  schema: S,
  fallback: output<S>,
): [output<S>, (next: output<S>) => void] {
  const [value, setValue] = useState<output<S>>(() => readStored(key, schema, fallback));
  const set = useCallback(
    (next: output<S>) => {
      setValue(next);
      writeStored(key, next);
    },
    [key],
  );
  return [value, set];
}
