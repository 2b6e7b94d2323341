// The details drawer: every field of one group, and a copy button for its link code.
import { memo, useEffect, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { RebateGroup } from '../api/schemas';
import {
  formatCalendarDate,
  formatDateTime,
  formatInteger,
  formatPercent,
  formatRebateSize,
  label,
} from '../model/format';

export interface GroupDetailsDrawerProps {
  group: RebateGroup | null;
  onClose: () => void;
}

function CopyLinkCode({ code }: { code: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const id = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(id);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={state === 'copied' ? <CheckIcon /> : <ContentCopyIcon />}
        onClick={() => void copy()}
        aria-label={`Copy link code ${code}`}
        sx={{ ml: 1 }}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <Box
        component="span"
        role="status"
        sx={{ ml: 1, fontSize: '0.8125rem', color: 'text.secondary' }}
      >
        {state === 'copied'
          ? 'Link code copied.'
          : state === 'failed'
            ? 'Could not copy: select the code and copy it by hand.'
            : ''}
      </Box>
    </>
  );
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

const none = (
  <Box component="span" sx={{ color: 'text.secondary' }}>
    —
  </Box>
);

export const GroupDetailsDrawer = memo(function GroupDetailsDrawer({
  group,
  onClose,
}: GroupDetailsDrawerProps) {
  // Keep the last group while the drawer slides out, so its content does not blank mid-animation.
  const [shown, setShown] = useState(group);
  if (group !== null && group !== shown) setShown(group);
  const g = group ?? shown;

  return (
    <Drawer
      anchor="right"
      open={group !== null}
      onClose={onClose}
      // A temporary drawer sits at the drawer layer, under the app bar: lift it to the modal's.
      sx={{ zIndex: (t) => t.zIndex.modal }}
      slotProps={{
        // The drawer mounts on the first opening (its code comes apart from the page's), and
        // MUI's drawer skips the slide on its first render: ask for it.
        transition: { appear: true },
        paper: {
          sx: { width: { xs: '100%', sm: 420 } },
          role: 'dialog',
          'aria-labelledby': 'rebate-group-details-title',
        },
      }}
    >
      {g && (
        <Box sx={{ p: 3 }}>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 2 }}>
            <Box sx={{ flexGrow: 1, minWidth: 0 }}>
              <Typography
                id="rebate-group-details-title"
                variant="h6"
                component="h2"
                sx={{ overflowWrap: 'anywhere' }}
              >
                {g.group_title}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>
                <Chip size="small" label={label(g.group_type)} />
                {g.is_default && (
                  <Chip size="small" color="primary" variant="outlined" label="Default" />
                )}
              </Box>
            </Box>
            <IconButton aria-label="Close details" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </Box>
          <Divider sx={{ mb: 2 }} />
          <Box
            component="dl"
            sx={{
              display: 'grid',
              gridTemplateColumns: '150px 1fr',
              columnGap: 2,
              rowGap: 1.25,
              m: 0,
            }}
          >
            <Field term="ID">{g.id}</Field>
            <Field term="Title">{g.group_title}</Field>
            <Field term="Type">{label(g.group_type)}</Field>
            <Field term="Default group">{g.is_default ? 'Yes' : 'No'}</Field>
            <Field term="Partner UID">
              <Box component="code" sx={{ fontFamily: 'ui-monospace, monospace' }}>
                {g.partner_uid}
              </Box>
            </Field>
            <Field term="Clients">{formatInteger(g.clients_count)}</Field>
            <Field term="Rebate %">{formatPercent(g.rebate_percent)}</Field>
            <Field term="Rebate size">{formatRebateSize(g.rebate_size)}</Field>
            <Field term="Rebate period">{label(g.rebate_period)}</Field>
            <Field term="Period value">{g.rebate_period_value ?? none}</Field>
            <Field term="Period start">
              {g.rebate_period_start ? formatCalendarDate(g.rebate_period_start) : none}
            </Field>
            <Field term="Period end">
              {g.rebate_period_end ? formatCalendarDate(g.rebate_period_end) : none}
            </Field>
            <Field term="Link code">
              {g.link_code ? (
                <Box
                  component="span"
                  sx={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap' }}
                >
                  <Box component="code" sx={{ fontFamily: 'ui-monospace, monospace' }}>
                    {g.link_code}
                  </Box>
                  <CopyLinkCode code={g.link_code} />
                </Box>
              ) : (
                none
              )}
            </Field>
            <Field term="Created">
              <time dateTime={g.created}>{formatDateTime(g.created)}</time>
            </Field>
          </Box>
        </Box>
      )}
    </Drawer>
  );
});
