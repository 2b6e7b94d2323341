// The MUI theme: light and dark schemes, the browser's preference picks one.
import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'media' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1565c0' }, background: { default: '#f6f7f9' } } },
    dark: { palette: { primary: { main: '#90caf9' } } },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    // For whoever asks the system for less motion: a still bar that still says "working", and
    // placeholders that do not pulse (MUI's own animate regardless).
    MuiLinearProgress: {
      styleOverrides: {
        root: {
          '@media (prefers-reduced-motion: reduce)': {
            '&.MuiLinearProgress-indeterminate .MuiLinearProgress-bar1': {
              animation: 'none',
              left: '30%',
              width: '40%',
            },
            '&.MuiLinearProgress-indeterminate .MuiLinearProgress-bar2': { display: 'none' },
          },
        },
      },
    },
    // On a phone the pager's row is wider than the screen: its buttons go to a second line
    // rather than out of view (the next-page arrow was cut off at 390 px).
    MuiTablePagination: { styleOverrides: { toolbar: { flexWrap: 'wrap' } } },
    MuiSkeleton: {
      styleOverrides: {
        root: { '@media (prefers-reduced-motion: reduce)': { animation: 'none' } },
      },
    },
  },
});
