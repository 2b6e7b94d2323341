// A part only a click shows: nothing until it is first opened, nothing while its code arrives,
// then the part, kept once opened; a failed load says what could not be loaded and what to do,
// and "Try again" brings the part.
import type { ReactNode } from 'react';
import { act, render, screen } from '@testing-library/react';
import { deferred } from '@/test/deferred';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import { OnDemand } from '../on-demand';

const Part = () => <p>the part</p>;

/** In an awaited act: a part that suspends is retried only then. */
async function renderAwaited(ui: ReactNode) {
  await act(async () => {
    render(ui);
  });
}

describe('OnDemand', () => {
  it('neither renders nor fetches the part until first opened, then keeps it', async () => {
    const loader = vi.fn(() =>
      Promise.resolve(({ open }: { open: boolean }) => <p>open: {String(open)}</p>),
    );
    const Lazy = lazyWithPreload(loader);
    const ui = (open: boolean) => (
      <OnDemand what="The part" open={open}>
        <Lazy open={open} />
      </OnDemand>
    );
    let rerender!: (ui: ReactNode) => void;
    await act(async () => {
      ({ rerender } = render(ui(false)));
    });
    expect(loader).not.toHaveBeenCalled();
    await act(async () => rerender(ui(true)));
    expect(await screen.findByText('open: true')).toBeInTheDocument();
    // Closed again: still mounted, so the part closes with its own transition.
    await act(async () => rerender(ui(false)));
    expect(screen.getByText('open: false')).toBeInTheDocument();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('shows nothing until the code arrives, then the part', async () => {
    const load = deferred<typeof Part>();
    const Lazy = lazyWithPreload(() => load.promise);
    await renderAwaited(
      <OnDemand what="The part" open>
        <Lazy />
      </OnDemand>,
    );
    expect(document.body).toHaveTextContent('');
    await act(async () => load.resolve(Part));
    expect(screen.getByText('the part')).toBeInTheDocument();
  });

  it('says what could not be loaded and what to do; "Try again" loads it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempt = 0;
    const Lazy = lazyWithPreload(() =>
      ++attempt === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(Part),
    );
    await renderAwaited(
      <OnDemand what="The group’s details" open>
        <Lazy />
      </OnDemand>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The group’s details could not be loaded');
    expect(alert).toHaveTextContent('Check your connection, then try again.');
    await act(async () => {
      screen.getByRole('button', { name: 'Try again' }).click();
    });
    expect(await screen.findByText('the part')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
