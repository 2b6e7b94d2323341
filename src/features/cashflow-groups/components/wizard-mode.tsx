// Whether the wizard creates a group or edits one, and (editing) the server's copy that the
// review's diff compares against; steps read it through context instead of more props.
import { createContext, useContext } from 'react';
import type { GroupDiff, GroupForm } from '../model';

export type WizardModeValue =
  | { kind: 'create' }
  | {
      kind: 'edit';
      groupId: string;
      /** The server's copy the edit is compared with (and saved on top of). */
      base: GroupForm;
      /** What someone else changed on the server since the edit began, once a save found it. */
      serverChange?: GroupDiff;
    };

const CREATE: WizardModeValue = { kind: 'create' };

export const WizardModeContext = createContext<WizardModeValue>(CREATE);

export function useWizardMode(): WizardModeValue {
  return useContext(WizardModeContext);
}
