// An indeterminate progress bar: MUI's LinearProgress as it looks and moves (its keyframes, timing
// and colours), without its code: 1.7 KB gzip of the list's first load, for the bar that the
// shell and the pages draw while they wait. (The export's determinate bar stays MUI's: it comes
// with its dialog, on demand.)
import type { CSSProperties } from 'react';
import { keyframes } from '@emotion/react';
import type { Theme } from '@mui/material/styles';
import { StaticStyles } from './static-styles';

const bar1 = keyframes`
  0% { left: -35%; right: 100%; }
  60% { left: 100%; right: -90%; }
  100% { left: 100%; right: -90%; }
`;
const bar2 = keyframes`
  0% { left: -200%; right: 100%; }
  60% { left: 107%; right: -8%; }
  100% { left: 107%; right: -8%; }
`;

const styles = (theme: Theme) => ({
  '.progress-bar': {
    position: 'relative',
    overflow: 'hidden',
    display: 'block',
    height: 4,
    zIndex: 0,
    // The app's theme has CSS variables (src/app/theme.ts); the fallback is MUI's light shade.
    backgroundColor:
      theme.vars?.palette.LinearProgress.primaryBg ??
      theme.lighten(theme.palette.primary.main, 0.62),
  },
  '.progress-bar > span': {
    position: 'absolute',
    left: 0,
    bottom: 0,
    top: 0,
    backgroundColor: (theme.vars ?? theme).palette.primary.main,
  },
  '.progress-bar > span:first-of-type': {
    animation: `${bar1} 2.1s cubic-bezier(0.65, 0.815, 0.735, 0.395) infinite`,
  },
  '.progress-bar > span:last-of-type': {
    animation: `${bar2} 2.1s cubic-bezier(0.165, 0.84, 0.44, 1) 1.15s infinite`,
  },
  // For whoever asks the system for less motion: a still bar that still says "working".
  '@media (prefers-reduced-motion: reduce)': {
    '.progress-bar > span:first-of-type': { animation: 'none', left: '30%', width: '40%' },
    '.progress-bar > span:last-of-type': { display: 'none' },
  },
});

export function ProgressBar({ label, style }: { label: string; style?: CSSProperties }) {
  return (
    <span className="progress-bar" role="progressbar" aria-label={label} style={style}>
      <StaticStyles styles={styles} />
      <span />
      <span />
    </span>
  );
}
