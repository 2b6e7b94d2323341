// Preformatted text (JSON, a curl command) in a scrollable, keyboard-reachable box.
import Box from '@mui/material/Box';

export function CodeBlock({
  text,
  label,
  maxHeight = 320,
}: {
  text: string;
  label: string;
  maxHeight?: number;
}) {
  return (
    <Box
      component="pre"
      // Scrollable content must be reachable by keyboard, and named when it is.
      tabIndex={0}
      role="region"
      aria-label={label}
      sx={{
        m: 0,
        p: 1.5,
        maxHeight,
        overflow: 'auto',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: 13,
        lineHeight: 1.5,
        whiteSpace: 'pre-wrap',
        // Wrap between values where possible, inside a long token only when it must.
        overflowWrap: 'anywhere',
        bgcolor: 'action.hover',
        borderRadius: 1,
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
      }}
    >
      {text}
    </Box>
  );
}
