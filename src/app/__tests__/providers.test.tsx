// The app's providers: the theme follows the system's light or dark scheme, and mounting them
// renders the page once. MUI's ThemeProvider with two color schemes otherwise renders once as
// for a server, then again for the browser: the whole page, in one task, at start-up.
import { render, screen } from '@testing-library/react';
import { useColorScheme, useTheme } from '@mui/material/styles';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from '../providers';

describe('AppProviders', () => {
  it('renders what is inside once, with the color scheme already known', () => {
    const renders: (string | undefined)[] = [];
    function Page() {
      useTheme();
      const { mode } = useColorScheme();
      renders.push(mode);
      return <p>page</p>;
    }
    render(
      <AppProviders queryClient={new QueryClient()}>
        <Page />
      </AppProviders>,
    );
    expect(screen.getByText('page')).toBeInTheDocument();
    expect(renders).toEqual(['system']);
  });
});
