// The plain-words summary of a group (heading, one line per rule, the affiliates line) and the
// titled section the group pages are built from; shared by details, review and the success page.
import { useId, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** describeGroup's lines: the first is the heading, the last the affiliates line. */
export function GroupSummary({ lines }: { lines: string[] }) {
  const [heading, ...rest] = lines;
  const affiliatesLine = rest.pop();
  return (
    <>
      <Typography>{heading}</Typography>
      {rest.length > 0 && (
        // A value may be one 600-character word: it breaks anywhere rather than widen the page.
        <Box component="ul" sx={{ my: 0.5, pl: 3, overflowWrap: 'anywhere' }}>
          {rest.map((line, i) => (
            <li key={i}>
              <Typography variant="body2">{line}</Typography>
            </li>
          ))}
        </Box>
      )}
      {affiliatesLine && (
        <Typography sx={{ mt: 0.5 }}>
          {affiliatesLine.charAt(0).toUpperCase() + affiliatesLine.slice(1)}.
        </Typography>
      )}
    </>
  );
}

/** An outlined, labelled region with a heading and optional actions on the right. */
export function Section({
  title,
  actions,
  children,
  headingLevel = 'h2',
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  headingLevel?: 'h2' | 'h3';
}) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} variant="outlined" sx={{ p: 2 }}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, gap: 1 }}
      >
        <Typography id={id} variant="subtitle1" component={headingLevel} sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Paper>
  );
}
