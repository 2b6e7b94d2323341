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

/** JSON on one line with a space after each comma and colon, so it wraps between values. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Readable but still compact: one rule per line, as people scan a group, rather than
 * JSON.stringify's one token per line. Raw shows the exact bytes sent.
 */
export function prettyJson(raw: string): string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return `[\n${value.map((v) => `  ${inlineJson(v)}`).join(',\n')}\n]`;
  }
  return inlineJson(value);
}
