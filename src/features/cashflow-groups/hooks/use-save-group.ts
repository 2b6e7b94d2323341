// "Save changes" for an edit: asks before removing anything, re-reads the group right before
// sending and refuses to overwrite a version someone else saved meanwhile (the update replaces
// ALL rules and affiliates, so a blind save would silently undo their change).
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toApiError, type ApiError } from '@/lib/api-error';
import {
  cashflowGroupKeys,
  cashflowGroupQueries,
  updateCashflowGroup,
  type CashflowGroupDetail,
} from '../api';
import { diffGroups, hasRemovals, isEmptyDiff, type GroupDiff, type GroupForm } from '../model';
import { createInput } from './create-input';

export type SaveState =
  | { status: 'idle' }
  /** Something is removed: the confirmation dialog is open. */
  | { status: 'confirming'; diff: GroupDiff }
  | { status: 'checking' }
  | { status: 'saving' }
  /** The server's copy changed since the edit began: nothing was sent. */
  | { status: 'conflict'; modified: string }
  | { status: 'nothing' }
  | { status: 'gone' }
  | { status: 'failed'; error: ApiError }
  | { status: 'saved' };

export interface UseSaveGroup {
  state: SaveState;
  /** The server's copy the edit is compared with (the newest one seen). */
  base: GroupForm;
  /** Someone else's change (the version the edit began from → the newest), after a conflict. */
  serverChange: GroupDiff | undefined;
  save: (form: GroupForm) => void;
  confirm: (form: GroupForm) => void;
  cancel: () => void;
  /** True from the moment the save succeeded (read by the leave guard, which runs between renders). */
  savedRef: { current: boolean };
}

export function useSaveGroup(options: {
  group: CashflowGroupDetail | undefined;
  onSaved: (id: string) => void;
  /** A restore of this recorded change (the history's version id). */
  restoredFrom?: number | undefined;
}): UseSaveGroup {
  const { group, onSaved, restoredFrom } = options;
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const [base, setBase] = useState<{ form: GroupForm; modified: string } | undefined>(
    group && { form: group.form, modified: group.modified },
  );
  const [serverChange, setServerChange] = useState<GroupDiff | undefined>(undefined);
  const busy = useRef(false);
  const savedRef = useRef(false);

  const send = useCallback(
    async (form: GroupForm) => {
      if (!group || !base || busy.current) return;
      busy.current = true;
      try {
        setState({ status: 'checking' });
        // Right before sending: the copy the edit compared with must still be the server's.
        const latest = await queryClient.fetchQuery({
          ...cashflowGroupQueries.detail(group.id),
          staleTime: 0,
          retry: false,
        });
        if (latest === null) {
          setState({ status: 'gone' });
          return;
        }
        if (latest.modified !== base.modified || !isEmptyDiff(diffGroups(base.form, latest.form))) {
          setServerChange(diffGroups(group.form, latest.form));
          setBase({ form: latest.form, modified: latest.modified });
          setState({ status: 'conflict', modified: latest.modified });
          return;
        }
        setState({ status: 'saving' });
        await updateCashflowGroup(
          group.id,
          createInput(form),
          undefined,
          restoredFrom === undefined ? undefined : { kind: 'restore', restoredFrom },
        );
        savedRef.current = true;
        setState({ status: 'saved' });
        await queryClient.invalidateQueries({ queryKey: cashflowGroupKeys.all });
        onSaved(group.id);
      } catch (e) {
        setState({ status: 'failed', error: toApiError(e) });
      } finally {
        busy.current = false;
      }
    },
    [group, base, queryClient, onSaved, restoredFrom],
  );

  const save = useCallback(
    (form: GroupForm) => {
      if (!base || busy.current) return;
      const diff = diffGroups(base.form, form);
      if (isEmptyDiff(diff)) {
        setState({ status: 'nothing' });
        return;
      }
      if (hasRemovals(diff)) {
        setState({ status: 'confirming', diff });
        return;
      }
      void send(form);
    },
    [base, send],
  );

  const confirm = useCallback((form: GroupForm) => void send(form), [send]);
  const cancel = useCallback(() => setState({ status: 'idle' }), []);

  return {
    state,
    base: base?.form ?? EMPTY,
    serverChange,
    save,
    confirm,
    cancel,
    savedRef,
  };
}

const EMPTY: GroupForm = {
  name: '',
  description: '',
  rules: [],
  affiliateMode: 'all',
  affiliateIds: [],
};
