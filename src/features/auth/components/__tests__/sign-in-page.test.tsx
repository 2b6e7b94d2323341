// The sign-in page and the session guard against a fake /api/session: labelled fields, clear
// messages, back to the page the user came from, and any 401 leads to the sign-in page.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, useLocation } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { requestJson } from '@/lib/http';
import { z } from 'zod/mini';
import { RequireSession } from '../require-session';
import { SignInPage } from '../sign-in-page';

const SESSION = '*/api/session';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      {
        path: '*',
        element: (
          <RequireSession>
            <h1>Protected page</h1>
            <Where />
          </RequireSession>
        ),
      },
    ],
    { initialEntries: [path] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const signedOut = () => HttpResponse.json({ user: null, autoSignIn: false });

describe('sign-in page', () => {
  it('has labelled fields and says which one is missing', async () => {
    server.use(http.get(SESSION, signedOut));
    renderAt('/sign-in');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Sign in' });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('textbox', { name: /User name/ })).toHaveAccessibleDescription(
      'Enter your user name.',
    );
    await user.type(screen.getByRole('textbox', { name: /User name/ }), 'alice');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText(/Password/)).toHaveAccessibleDescription('Enter your password.');
  });

  it('a wrong password: one clear message, the password field emptied and focused', async () => {
    server.use(
      http.get(SESSION, signedOut),
      http.post(SESSION, () =>
        HttpResponse.json(
          { code: 'InvalidCredentials', message: 'Wrong user name or password.' },
          { status: 401 },
        ),
      ),
    );
    renderAt('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /User name/ }), 'alice');
    await user.type(screen.getByLabelText(/Password/), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password.');
    expect(screen.getByLabelText(/Password/)).toHaveValue('');
    expect(screen.getByLabelText(/Password/)).toHaveFocus();
  });

  it('too many attempts: says how long to wait', async () => {
    server.use(
      http.get(SESSION, signedOut),
      http.post(SESSION, () =>
        HttpResponse.json(
          { code: 'RateLimited', message: 'Too many failed sign-ins. Try again in 4 s.' },
          { status: 429, headers: { 'Retry-After': '4' } },
        ),
      ),
    );
    renderAt('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /User name/ }), 'alice');
    await user.type(screen.getByLabelText(/Password/), 'again');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many failed sign-ins. Wait 4 s, then try again.',
    );
  });

  it('a protected page sends you to sign in, and signing in brings you back', async () => {
    let signedIn = false;
    let sent: unknown;
    server.use(
      http.get(SESSION, () =>
        signedIn ? HttpResponse.json({ user: { name: 'alice' }, autoSignIn: false }) : signedOut(),
      ),
      http.post(SESSION, async ({ request }) => {
        sent = await request.json();
        signedIn = true;
        return HttpResponse.json({ user: { name: 'alice' }, autoSignIn: false });
      }),
    );
    const router = renderAt('/cashflow-groups/new?step=rules');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /User name/ }), ' alice ');
    expect(router.state.location.search).toBe('?returnTo=%2Fcashflow-groups%2Fnew%3Fstep%3Drules');
    await user.type(screen.getByLabelText(/Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Protected page' })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/cashflow-groups/new?step=rules');
    expect(sent).toEqual({ username: 'alice', password: 'correct horse battery' });
  });

  it('a 401 from any call leads to the sign-in page, saying the session ended', async () => {
    server.use(
      http.get(SESSION, () => HttpResponse.json({ user: { name: 'alice' }, autoSignIn: false })),
      http.get('*/api/thing', () =>
        HttpResponse.json({ code: 'Unauthorized', message: 'No.' }, { status: 401 }),
      ),
    );
    const router = renderAt('/rebate-groups?page=3');
    await screen.findByRole('heading', { name: 'Protected page' });
    await expect(requestJson('/api/thing', { schema: z.unknown() })).rejects.toThrow();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe(
      '/rebate-groups?page=3',
    );
    expect(screen.getByText('Your session has ended. Sign in again to continue.')).toBeVisible();
  });
  it('a 401 that comes back while the session check is still out does not say a session ended', async () => {
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(SESSION, async () => {
        await held;
        return signedOut();
      }),
      http.get('*/api/thing', () =>
        HttpResponse.json({ code: 'Unauthorized', message: 'No.' }, { status: 401 }),
      ),
    );
    const router = renderAt('/rebate-groups');
    await screen.findByRole('progressbar', { name: 'Checking your session' });
    // A request sent beside the check (the list's preload) is refused first.
    await expect(requestJson('/api/thing', { schema: z.unknown() })).rejects.toThrow();
    // Still checking: the refusal alone decides nothing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('progressbar', { name: 'Checking your session' })).toBeInTheDocument();
    answer();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('reason')).toBeNull();
    expect(screen.queryByText(/Your session has ended/)).not.toBeInTheDocument();
  });
});
