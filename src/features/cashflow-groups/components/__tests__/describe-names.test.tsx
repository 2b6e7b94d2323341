// Target rules' names are asked for once something on the page needs them, and then once only.
import { useState } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { TargetRuleNamesProvider, useTargetRuleNames } from '../describe-names';
import { testQueryClient } from './render-helpers';
import { testHasOffers } from './test-hasoffers';

const ho = testHasOffers();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

const asks = () => ho.calls.filter((c) => c.method === 'findTargetRules').length;
const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 50));
  });

function Reader({ label, needed }: { label: string; needed: boolean }) {
  const names = useTargetRuleNames(needed);
  return (
    <p>
      {label}: {names['79'] ?? 'no name'}
    </p>
  );
}

function Page({ startNeeded }: { startNeeded: boolean }) {
  const [needed, setNeeded] = useState(startNeeded);
  return (
    <TargetRuleNamesProvider>
      <button type="button" onClick={() => setNeeded(true)}>
        Pick a target rule
      </button>
      <Reader label="first" needed={needed} />
      <Reader label="second" needed={needed} />
      <Reader label="summary" needed={false} />
    </TargetRuleNamesProvider>
  );
}

const renderPage = (startNeeded: boolean) =>
  render(
    <QueryClientProvider client={testQueryClient()}>
      <Page startNeeded={startNeeded} />
    </QueryClientProvider>,
  );

describe('TargetRuleNamesProvider', () => {
  it('asks nothing while no reader needs the names', async () => {
    renderPage(false);
    await settle();
    expect(asks()).toBe(0);
    expect(screen.getByText('first: no name')).toBeInTheDocument();
  });

  it('asks once when readers start needing them, and every reader gets the names', async () => {
    renderPage(false);
    await settle();
    await userEvent.click(screen.getByRole('button', { name: 'Pick a target rule' }));
    await waitFor(() => expect(screen.getByText('first: EU traffic')).toBeInTheDocument());
    expect(screen.getByText('second: EU traffic')).toBeInTheDocument();
    // A reader that did not ask still reads what the page loaded.
    expect(screen.getByText('summary: EU traffic')).toBeInTheDocument();
    await settle();
    expect(asks()).toBe(1);
  });

  it('asks at once when a reader needs them from the start (an edited group, a draft)', async () => {
    renderPage(true);
    await waitFor(() => expect(screen.getByText('first: EU traffic')).toBeInTheDocument());
    expect(asks()).toBe(1);
  });
});
