// Sends createCashflowGroup once per click: a ref guards against double clicks and repeated
// Enter, the request is never retried automatically, and a failure whose outcome is unknown
// (the connection dropped, the gateway timed out) is checked with the network before a retry.
import { useCallback, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { toApiError, type ApiError } from '@/lib/api-error';
import { classifyCreateError, createCashflowGroup, findGroupsByName, nameTaken } from '../api';
import type { GroupForm } from '../model';
import { createInput, type CreateInput } from './create-input';
import type { WizardStep } from './wizard-steps';

export interface CreateRefusal {
  step: WizardStep;
  field?: string;
  message: string;
  error: ApiError;
}

export type CreateState =
  | { status: 'idle' }
  | { status: 'sending' }
  /** The network said no: nothing was created; the message is attached to a step/field. */
  | { status: 'refused'; refusal: CreateRefusal }
  /**
   * HasOffers (or the dashboard server's own limiter) turned the call away under its call
   * limit: that answer proves nothing was created. Never sent again by itself (a create is
   * sent on a click only); "Create group" comes back at `retryAt`.
   */
  | { status: 'rate-limited'; error: ApiError; retryAt: number }
  /**
   * The browser did not reach the dashboard server, or the server did not reach HasOffers.
   * The key is kept, so a second click cannot create the group twice (the server replays or
   * looks the group up first).
   */
  | { status: 'unreached'; error: ApiError }
  /** No usable answer: the group may or may not exist. */
  | { status: 'unknown'; error: ApiError }
  | { status: 'checking'; error: ApiError }
  /** Checked: no group of that name, so trying again (same key) is safe. */
  | { status: 'not-created' }
  | { status: 'check-failed'; error: ApiError; checkError: ApiError }
  | { status: 'created'; id: string };

/**
 * Failures after which the request may have reached HasOffers and been carried out: our own
 * timeout, a gateway that lost the upstream (500/502/504), or a success answer we could not
 * read. A 503 or 429 is a refusal before the work started, so it is not here; nor is a
 * failure to reach a server at all (see isUnreached).
 */
export function isOutcomeUnknown(e: ApiError): boolean {
  if (isUnreached(e)) return false;
  if (e.kind === 'timeout' || e.kind === 'invalid-response') return true;
  return e.kind === 'server' && (e.status === 500 || e.status === 502 || e.status === 504);
}

/**
 * The browser could not reach the dashboard server (no answer at all), or the server says it
 * could not reach HasOffers (its 502 UpstreamUnavailable: the connection was refused, so
 * nothing was sent; a connection that broke after sending is UpstreamConnectionLost, an unknown
 * outcome). Either way the one useful step is
 * to send the same request again: with the same key the server answers a request that did get
 * through from its record, or looks the group up before sending.
 */
export function isUnreached(e: ApiError): boolean {
  return e.kind === 'network' || e.code === 'UpstreamUnavailable';
}

/** When a limit answer does not say how long to wait (HasOffers' window is 10 s). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // Very old browsers only; uniqueness per attempt is what matters, not cryptographic strength.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function sameInput(a: CreateInput, b: CreateInput): boolean {
  return (
    a.name === b.name &&
    a.description === b.description &&
    a.payload.rules_json === b.payload.rules_json &&
    a.payload.affiliate_ids_json === b.payload.affiliate_ids_json
  );
}

export interface UseCreateGroup {
  state: CreateState;
  /** "Create group" and "Try again": sends at most one request at a time. */
  create: (form: GroupForm) => Promise<void>;
  /** "Check whether it was created": looks the group up by name. */
  check: (form: GroupForm) => Promise<void>;
  /** The key of the attempt whose outcome is not known yet (persisted with the draft). */
  idempotencyKey: () => string | undefined;
  dismiss: () => void;
}

export function useCreateGroup(options: {
  initialKey?: string;
  onKeyChange: (key: string | undefined) => void;
  onCreated: (id: string) => void;
  onRefused: (refusal: CreateRefusal) => void;
  /** The group is a copy of another (recorded as a clone in the history). */
  clone?: boolean;
}): UseCreateGroup {
  const { onKeyChange, onCreated, onRefused, clone = false } = options;
  const [state, setState] = useState<CreateState>({ status: 'idle' });
  const busy = useRef(false);
  const key = useRef<string | undefined>(options.initialKey);
  // The input the current key was made for; after a reload it is not known, and the restored
  // form is taken to be the same attempt.
  const keyInput = useRef<CreateInput | undefined>(undefined);

  const mutation = useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateInput; idempotencyKey: string }) =>
      createCashflowGroup(input, { idempotencyKey, clone }),
    // Never retried: a create that timed out may have succeeded. The user decides, after a check.
    retry: false,
  });
  const { mutateAsync } = mutation;

  const setKey = useCallback(
    (next: string | undefined, input?: CreateInput) => {
      key.current = next;
      keyInput.current = input;
      onKeyChange(next);
    },
    [onKeyChange],
  );

  const create = useCallback(
    async (form: GroupForm) => {
      if (busy.current) return;
      busy.current = true;
      try {
        const input = createInput(form);
        // The same key only for the same request: a changed group is a new attempt (the BFF
        // would refuse a reused key with a different body).
        if (
          key.current === undefined ||
          (keyInput.current !== undefined && !sameInput(keyInput.current, input))
        ) {
          setKey(newIdempotencyKey(), input);
        } else if (keyInput.current === undefined) {
          keyInput.current = input;
        }
        const idempotencyKey = key.current as string;
        setState({ status: 'sending' });
        try {
          const { id } = await mutateAsync({ input, idempotencyKey });
          setKey(undefined);
          setState({ status: 'created', id: String(id) });
          onCreated(String(id));
        } catch (e) {
          const error = toApiError(e);
          if (isUnreached(error)) {
            setState({ status: 'unreached', error });
            return;
          }
          if (error.kind === 'rate-limit') {
            // A new attempt after the wait: nothing of this one was carried out.
            setKey(undefined);
            const waitMs = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
            setState({ status: 'rate-limited', error, retryAt: Date.now() + waitMs });
            return;
          }
          if (isOutcomeUnknown(error)) {
            // Keep the key: a retry of this attempt must not create a second group.
            setState({ status: 'unknown', error });
            return;
          }
          setKey(undefined);
          const c = classifyCreateError(error);
          const refusal: CreateRefusal = {
            step: c.step,
            message: c.message,
            error,
            ...(c.field !== undefined && { field: c.field }),
          };
          setState({ status: 'refused', refusal });
          onRefused(refusal);
        }
      } finally {
        busy.current = false;
      }
    },
    [mutateAsync, onCreated, onRefused, setKey],
  );

  const check = useCallback(
    async (form: GroupForm) => {
      if (busy.current) return;
      if (state.status !== 'unknown' && state.status !== 'check-failed') return;
      const error = state.error;
      busy.current = true;
      setState({ status: 'checking', error });
      try {
        const name = form.name.trim();
        const found = nameTaken(name, await findGroupsByName(name));
        if (found.taken && found.id !== undefined) {
          setKey(undefined);
          setState({ status: 'created', id: found.id });
          onCreated(found.id);
        } else {
          setState({ status: 'not-created' });
        }
      } catch (e) {
        setState({ status: 'check-failed', error, checkError: toApiError(e) });
      } finally {
        busy.current = false;
      }
    },
    [state, onCreated, setKey],
  );

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  const idempotencyKey = useCallback(() => key.current, []);

  return { state, create, check, idempotencyKey, dismiss };
}
