// State mirrored to localStorage, validated with zod on read (see model/storage).
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { readStored, writeStored } from '../model/storage';

export function useStoredState<S extends z.ZodType>(
  key: string,
  schema: S,
  fallback: z.infer<S>,
): [z.infer<S>, (next: z.infer<S>) => void] {
  const [value, setValue] = useState<z.infer<S>>(() => readStored(key, schema, fallback));
  const set = useCallback(
    (next: z.infer<S>) => {
      setValue(next);
      writeStored(key, next);
    },
    [key],
  );
  return [value, set];
}
