// The Details step: the group's unique name (checked against the network while typing) and its
// description, which partners can see.
import { useController, useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import { NAME_MAX_LENGTH, summaryText, usesTargetRules, type GroupForm } from '../model';
import { takenMessage, useNameCheck, type NameCheck } from '../hooks/use-name-check';
import { useDescribeNames } from './describe-names';
import { useWizardMode } from './wizard-mode';

function nameHelper(check: NameCheck): { text: string; tone: 'error' | 'success' | 'neutral' } {
  switch (check.status) {
    case 'idle':
      return { text: 'Must be unique in the network.', tone: 'neutral' };
    case 'checking':
      return { text: 'Checking…', tone: 'neutral' };
    case 'available':
      return { text: 'Available', tone: 'success' };
    case 'taken':
      return { text: takenMessage(check.id), tone: 'error' };
    case 'unknown':
      return {
        text: 'Could not check the name just now; it is checked again when the group is created.',
        tone: 'neutral',
      };
  }
}

export function DetailsStep() {
  const { control, getValues, setValue } = useFormContext<GroupForm>();
  const nameCtl = useController({ control, name: 'name' });
  const descriptionCtl = useController({ control, name: 'description' });
  const [affiliateIds, rules] = useWatch({ control, name: ['affiliateIds', 'rules'] });
  const names = useDescribeNames(affiliateIds, usesTargetRules(rules));
  const mode = useWizardMode();
  const rawCheck = useNameCheck(nameCtl.field.value);
  // Editing, the group's own name is its to keep.
  const check: NameCheck =
    mode.kind === 'edit' && rawCheck.status === 'taken' && rawCheck.id === mode.groupId
      ? { status: 'available' }
      : rawCheck;

  const nameError = nameCtl.fieldState.error?.message;
  const helper = nameHelper(check);
  const showError = nameError !== undefined || helper.tone === 'error';

  const fillFromRules = () => {
    setValue('description', summaryText(getValues(), names), {
      shouldDirty: true,
      shouldValidate: true,
    });
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <div>
        <Typography variant="h6" component="h2">
          Details
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Name the group; the name is how you will find it later.
        </Typography>
      </div>
      <TextField
        {...nameCtl.field}
        inputRef={nameCtl.field.ref}
        label="Name"
        required
        autoComplete="off"
        error={showError}
        helperText={
          <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
            <Box
              component="span"
              aria-live="polite"
              sx={helper.tone === 'success' && !nameError ? { color: 'success.main' } : undefined}
            >
              {nameError ?? helper.text}
            </Box>
            <span>
              {nameCtl.field.value.length}/{NAME_MAX_LENGTH}
            </span>
          </Box>
        }
      />
      <div>
        <TextField
          {...descriptionCtl.field}
          inputRef={descriptionCtl.field.ref}
          label="Description"
          multiline
          minRows={3}
          fullWidth
          error={descriptionCtl.fieldState.error !== undefined}
          helperText={
            descriptionCtl.fieldState.error?.message ??
            'Optional. Partners can see this description, so write it for them.'
          }
        />
        <Button
          sx={{ mt: 1 }}
          startIcon={<AutoFixHighIcon />}
          onClick={fillFromRules}
          disabled={rules.length === 0}
        >
          Fill from rules
        </Button>
        {rules.length === 0 && (
          <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
            Add rules first; the summary is written from them.
          </Typography>
        )}
      </div>
    </Stack>
  );
}
