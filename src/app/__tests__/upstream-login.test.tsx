// The rebate list when the BFF cannot log in to Exness: the bot shield's refusal and wrong
// credentials are told apart, each with its own next step, and neither is retried.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { REBATE_GROUPS_LIST_URL } from '@/features/rebate-groups/api/fetchers';
import { RebateGroupsPage } from '@/features/rebate-groups';
import { createQueryClient } from '../query-client';

const LOGIN_REFUSED =
  "The Exness API refused the server's login (the server's address may need to be allowed by Exness). Ask whoever runs the server.";
const AUTH_FAILED =
  "The Exness API refused the dashboard server's credentials. The server's Exness login and password (EXNESS_LOGIN, EXNESS_PASSWORD) need checking.";

let calls = 0;
let body: { code: string; message: string } = { code: '', message: '' };
const server = setupServer(
  http.get(REBATE_GROUPS_LIST_URL, () => {
    calls += 1;
    return HttpResponse.json(body, { status: 502 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  calls = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

function renderList() {
  const router = createMemoryRouter([{ path: '/rebate-groups', element: <RebateGroupsPage /> }], {
    initialEntries: ['/rebate-groups'],
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the list when the server cannot log in to Exness', () => {
  it('shows the bot shield’s refusal as it comes, with "have the address allowed" as next step', async () => {
    body = { code: 'UpstreamLoginRefused', message: LOGIN_REFUSED };
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(LOGIN_REFUSED);
    expect(alert).toHaveTextContent(/address allowed by Exness/);
    expect(alert).not.toHaveTextContent(/EXNESS_PASSWORD\)\.$/);
    expect(calls).toBe(1);
  });

  it('tells wrong credentials apart: check EXNESS_LOGIN and EXNESS_PASSWORD', async () => {
    body = { code: 'UpstreamAuthFailed', message: AUTH_FAILED };
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(AUTH_FAILED);
    expect(alert).toHaveTextContent(/check its Exness login and password/);
    expect(alert).not.toHaveTextContent(/address allowed/);
    expect(calls).toBe(1);
  });
});
