// The app's providers: the theme follows the system's light or dark scheme, and mounting them
// renders the page once. MUI's ThemeProvider with two color schemes otherwise renders once as
// for a server, then again for the browser: the whole page, in one task, at start-up.
import { screen, waitFor } from '@testing-library/react';
import { useColorScheme, useTheme } from '@mui/material/styles';
import { stubWindowWidth } from '@/test/window-width';
import { renderInAppProviders } from './render-app';

describe('AppProviders', () => {
  it('renders what is inside once, with the color scheme already known', () => {
    const renders: (string | undefined)[] = [];
    function Page() {
      useTheme();
      const { mode } = useColorScheme();
      renders.push(mode);
      return <p>page</p>;
    }
    renderInAppProviders(<Page />);
    expect(screen.getByText('page')).toBeInTheDocument();
    expect(renders).toEqual(['system']);
  });
});

// The real devtools draw their button inside a shadow root; a stand-in shows whether they mount.
vi.mock('@tanstack/react-query-devtools', () => ({
  ReactQueryDevtools: () => <button type="button">Open Tanstack query devtools</button>,
}));

describe('the query devtools (development only)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows its button on a wide window', async () => {
    stubWindowWidth(1280);
    renderInAppProviders(<p>page</p>);
    expect(
      await screen.findByRole(
        'button',
        { name: /open tanstack query devtools/i },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it('leaves its button out on a phone, where it covered the table’s ID column', async () => {
    stubWindowWidth(390);
    renderInAppProviders(<p>page</p>);
    // Time for the lazy devtools to have arrived, had they been asked for.
    await new Promise((r) => setTimeout(r, 1500));
    await waitFor(() => expect(screen.getByText('page')).toBeInTheDocument());
    expect(
      screen.queryByRole('button', { name: /tanstack query devtools/i }),
    ).not.toBeInTheDocument();
  });
});
