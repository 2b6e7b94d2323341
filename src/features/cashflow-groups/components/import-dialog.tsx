// The rules step's "Import JSON" dialog: paste rules_json and affiliate_ids_json (or a whole
// findCashflowGroupById answer); nothing changes until all of it is valid.
import { useId, useState, type ChangeEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  formatImportError,
  MAX_IMPORT_BYTES,
  parseImport,
  type ImportError,
  type RuleForm,
} from '../model';

export interface ImportedGroup {
  rules: RuleForm[];
  affiliateIds: string[];
  name?: string;
  description?: string;
  /** Affiliate id → company, when the pasted answer carried them. */
  affiliateNames?: Record<string, string>;
}

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  onImport: (result: ImportedGroup) => void;
}

/** Thousands of errors would bury the first ones; the count says there are more. */
const MAX_SHOWN_ERRORS = 50;

const monospace = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

export function ImportDialog({ open, onClose, onImport }: ImportDialogProps) {
  const titleId = useId();
  const [rulesText, setRulesText] = useState('');
  const [affiliatesText, setAffiliatesText] = useState('');
  const [errors, setErrors] = useState<ImportError[]>([]);

  const rulesInvalid = errors.some((e) => e.source !== 'affiliate_ids_json');
  const affiliatesInvalid = errors.some((e) => e.source === 'affiliate_ids_json');

  const handleImport = () => {
    const result = parseImport(rulesText, affiliatesText);
    if (!result.ok) {
      // Keep what was typed so it can be corrected in place.
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setRulesText('');
    setAffiliatesText('');
    onImport({
      rules: result.rules,
      affiliateIds: result.affiliateIds,
      ...(result.name !== undefined && { name: result.name }),
      ...(result.description !== undefined && { description: result.description }),
      ...(result.affiliateNames !== undefined && { affiliateNames: result.affiliateNames }),
    });
    onClose();
  };

  // A paste over the limit is refused as it arrives, and not kept: a multi-megabyte value in
  // an auto-sizing textarea costs seconds of layout on every render, freezing the tab. The
  // length in UTF-16 units is a lower bound of the UTF-8 size, so this check is cheap and never
  // refuses a paste the import would accept.
  const changeText =
    (source: 'rules_json' | 'affiliate_ids_json', set: (text: string) => void) =>
    (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const text = e.target.value;
      if (text.length > MAX_IMPORT_BYTES) {
        set('');
        const mb = (text.length / (1024 * 1024)).toFixed(1);
        setErrors([
          {
            source,
            message: `The pasted ${source} is about ${mb} MB, larger than 1 MB: it was not kept. Import less at a time.`,
          },
        ]);
        return;
      }
      set(text);
    };

  const shown = errors.slice(0, MAX_SHOWN_ERRORS);
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>Import JSON</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            Paste the group&apos;s rules_json and affiliate_ids_json, or a whole
            findCashflowGroupById answer in either box. Importing replaces the current rules and
            affiliates.
          </DialogContentText>
          {errors.length > 0 && (
            // role="alert": announced as soon as it appears.
            <Alert severity="error">
              <AlertTitle>
                Nothing was imported:{' '}
                {errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix
              </AlertTitle>
              <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
                {shown.map((e, i) => (
                  <li key={i}>{formatImportError(e)}</li>
                ))}
              </ul>
              {errors.length > shown.length && <div>… and {errors.length - shown.length} more</div>}
            </Alert>
          )}
          <TextField
            label="rules_json"
            value={rulesText}
            onChange={changeText('rules_json', setRulesText)}
            multiline
            minRows={6}
            maxRows={16}
            fullWidth
            error={rulesInvalid}
            helperText='A JSON array of rules, e.g. [{"field":"country","operator":"IN","value":["DE"],"negate":0}]'
            slotProps={{
              htmlInput: {
                spellCheck: false,
                style: monospace,
              },
            }}
          />
          <TextField
            label="affiliate_ids_json"
            value={affiliatesText}
            onChange={changeText('affiliate_ids_json', setAffiliatesText)}
            multiline
            minRows={2}
            maxRows={8}
            fullWidth
            error={affiliatesInvalid}
            helperText='Affiliate IDs, e.g. ["2","4"]. Leave empty for all affiliates.'
            slotProps={{
              htmlInput: {
                spellCheck: false,
                style: monospace,
              },
            }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={handleImport}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
