// A stylesheet written once: a global stylesheet for a component's class names.
import { memo } from 'react';
import GlobalStyles, { type GlobalStylesProps } from '@mui/material/GlobalStyles';

/**
 * MUI's GlobalStyles, memoised: given a module-level `styles` it renders once, however often its
 * parent does. As an `sx` (or a styled component's function) the same rules would be serialised
 * and hashed by emotion on every render of a component that re-renders with each list change.
 * Class names stay in the component's markup; MUI's CSS variables keep both colour schemes.
 */
export const StaticStyles = memo(function StaticStyles({
  styles,
}: {
  styles: GlobalStylesProps['styles'];
}) {
  return <GlobalStyles styles={styles} />;
});
