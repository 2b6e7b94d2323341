// A button that copies text and says so; a refused clipboard is reported, not swallowed.
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';
import { VisuallyHidden } from './visually-hidden';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(t);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  // One element, so a parent's flex layout places it as one.
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexShrink: 0 }}>
      <Button
        size="small"
        variant="outlined"
        startIcon={state === 'copied' ? <CheckIcon /> : <ContentCopyIcon />}
        onClick={() => void copy()}
        aria-label={label}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status">
        <VisuallyHidden>
          {state === 'copied'
            ? 'Copied to the clipboard'
            : state === 'failed'
              ? 'Could not copy: select the text and copy it'
              : ''}
        </VisuallyHidden>
      </span>
    </Box>
  );
}
