// A part whose code comes apart: it waits with a fallback, renders at once when fetched ahead,
// and a failed load offers another try without unmounting what is around it.
import { Component, Suspense, useState, type ReactNode } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CodeLoadError,
  lazyWithPreload,
  LoadBoundary,
  preloadOnIntent,
} from '../lazy-with-preload';
import { deferred } from '@/test/deferred';

/** Rendered inside an awaited act: a part that suspends on its first render is retried only
 * then (React warns that a suspension in a synchronous act is never resumed). */
async function renderAwaited(ui: ReactNode) {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(ui);
  });
  return result;
}

const Part = ({ word }: { word: string }) => <p>part says {word}</p>;

function Around({ children }: { children: ReactNode }) {
  // State outside the boundary, as a form's typed values are: it must survive a failed load.
  const [typed, setTyped] = useState('');
  return (
    <>
      <label>
        Typed <input value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <LoadBoundary
        what="The part"
        fallback={(retry) => (
          <div role="alert">
            could not load
            <button type="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
      >
        <Suspense fallback={<p>loading</p>}>{children}</Suspense>
      </LoadBoundary>
    </>
  );
}

describe('lazyWithPreload', () => {
  it('shows the fallback until the code arrives, then the part', async () => {
    const load = deferred<typeof Part>();
    const Lazy = lazyWithPreload(() => load.promise);
    await renderAwaited(
      <Around>
        <Lazy word="hi" />
      </Around>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    await act(async () => load.resolve(Part));
    expect(await screen.findByText('part says hi')).toBeInTheDocument();
  });

  it('renders at once, without a fallback, when the code was fetched ahead', async () => {
    const loader = vi.fn(() => Promise.resolve(Part));
    const Lazy = lazyWithPreload(loader);
    await Lazy.preload();
    render(
      <Around>
        <Lazy word="now" />
      </Around>,
    );
    // Synchronously, in the same render: no "loading" frame.
    expect(screen.getByText('part says now')).toBeInTheDocument();
    expect(screen.queryByText('loading')).toBeNull();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('fetches once however often it is asked', async () => {
    const loader = vi.fn(() => Promise.resolve(Part));
    const Lazy = lazyWithPreload(loader);
    await Promise.all([Lazy.preload(), Lazy.preload()]);
    await Lazy.preload();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('a failed load shows the message, keeps what was typed, and "Try again" loads anew', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempt = 0;
    const loader = vi.fn(() =>
      ++attempt === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(Part),
    );
    const Lazy = lazyWithPreload(loader);
    await renderAwaited(
      <Around>
        <Lazy word="back" />
      </Around>,
    );
    await userEvent.type(screen.getByLabelText('Typed'), 'my words');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not load');
    expect(screen.getByLabelText('Typed')).toHaveValue('my words');

    // A plain click in an awaited act, for the same reason as renderAwaited.
    await act(async () => {
      screen.getByRole('button', { name: 'Try again' }).click();
    });
    expect(await screen.findByText('part says back')).toBeInTheDocument();
    expect(loader).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Typed')).toHaveValue('my words');
  });

  it('never starts a failed load over by rendering alone (offline, that would not end)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loader = vi.fn((): Promise<typeof Part> => Promise.reject(new TypeError('offline')));
    const Lazy = lazyWithPreload(loader);
    const { rerender } = await renderAwaited(
      <Around>
        <Lazy word="a" />
      </Around>,
    );
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    rerender(
      <Around>
        <Lazy word="b" />
      </Around>,
    );
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(loader).toHaveBeenCalledTimes(1);
    // Fetching ahead again (the wizard does, when idle) does start over.
    await Lazy.preload().catch(() => undefined);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('rejects preload with a CodeLoadError that keeps the cause', async () => {
    const cause = new TypeError('offline');
    const Lazy = lazyWithPreload(() => Promise.reject(cause));
    const error = await Lazy.preload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodeLoadError);
    expect((error as Error).cause).toBe(cause);
  });
});

describe('LoadBoundary', () => {
  class Outer extends Component<{ children: ReactNode }, { caught?: string }> {
    override state: { caught?: string } = {};
    static getDerivedStateFromError(error: Error) {
      return { caught: error.message };
    }
    override render() {
      return this.state.caught ? <p>outer caught {this.state.caught}</p> : this.props.children;
    }
  }

  it('lets any other error through to the boundary above (a bug is not a failed load)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): ReactNode {
      throw new Error('a bug');
    }
    render(
      <Outer>
        <Around>
          <Broken />
        </Around>
      </Outer>,
    );
    expect(screen.getByText('outer caught a bug')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('preloadOnIntent', () => {
  it('fetches the parts when the pointer reaches the control, on focus and on a touch, once', async () => {
    const loader = vi.fn(() => Promise.resolve(Part));
    const other = vi.fn(() => Promise.resolve(Part));
    const intent = preloadOnIntent(lazyWithPreload(loader), lazyWithPreload(other));
    render(
      <button type="button" {...intent}>
        Open
      </button>,
    );
    const button = screen.getByRole('button', { name: 'Open' });
    expect(loader).not.toHaveBeenCalled();
    fireEvent.pointerEnter(button);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);
    fireEvent.focus(button);
    fireEvent.pointerDown(button);
    await act(async () => undefined);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('a touch alone fetches; a failure is left for the opening, and intent again retries', async () => {
    // A rejection left unhandled here would fail the run (Vitest reports it).
    const loader = vi.fn((): Promise<typeof Part> => Promise.reject(new TypeError('offline')));
    const intent = preloadOnIntent(lazyWithPreload(loader));
    render(
      <button type="button" {...intent}>
        Open
      </button>,
    );
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Open' }));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(loader).toHaveBeenCalledTimes(1);
    fireEvent.focus(screen.getByRole('button', { name: 'Open' }));
    expect(loader).toHaveBeenCalledTimes(2);
  });
});

describe('React logs nothing', () => {
  it('when a part that suspended renders after its code arrived (the use() call is kept)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const load = deferred<typeof Part>();
      const Lazy = lazyWithPreload(() => load.promise);
      const view = await renderAwaited(
        <Suspense fallback={<p>waiting</p>}>
          <Lazy word="first" />
        </Suspense>,
      );
      expect(screen.getByText('waiting')).toBeInTheDocument();
      await act(async () => load.resolve(Part));
      expect(await screen.findByText('part says first')).toBeInTheDocument();
      // A later render (a filter change re-renders the page) calls use() again, synchronously.
      view.rerender(
        <Suspense fallback={<p>waiting</p>}>
          <Lazy word="second" />
        </Suspense>,
      );
      expect(screen.getByText('part says second')).toBeInTheDocument();
      // Only React's own messages count here (earlier tests' failed loads log asynchronously).
      const about = errors.mock.calls
        .map((c) => String(c[0]))
        .filter((m) => /suspend|use\(/i.test(m));
      expect(about).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });
});
