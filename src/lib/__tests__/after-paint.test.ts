// afterNextPaint: the work runs in the task after the next frame, never in it, and can be cancelled.
import { afterNextPaint, whenIdle } from '../after-paint';

describe('afterNextPaint', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The frames are ours to produce: one call of produceFrame() is one frame.
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => undefined;
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const produceFrame = () => {
    for (const cb of frames.splice(0)) cb(performance.now());
  };

  it('runs the work in a task after the frame, not before it and not inside it', () => {
    const work = vi.fn();
    afterNextPaint(work);
    expect(work).not.toHaveBeenCalled();
    produceFrame();
    // Inside the frame's callback the browser has not painted yet.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    // The hidden-tab fallback does not run it a second time.
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['before the frame', () => undefined],
    ['after the frame, before its task', produceFrame],
  ])('does nothing once cancelled %s', (_, beforeCancel) => {
    const work = vi.fn();
    const cancel = afterNextPaint(work);
    beforeCancel();
    cancel();
    produceFrame();
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();
  });

  it('still runs in a tab that produces no frames (hidden), after the fallback delay', () => {
    const work = vi.fn();
    afterNextPaint(work, 100);
    vi.advanceTimersByTime(99);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('whenIdle', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the browser’s idle callback, with a deadline, and can be cancelled', () => {
    const idle: { cb: IdleRequestCallback; options?: IdleRequestOptions }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback, options?: IdleRequestOptions) =>
      idle.push({ cb, ...(options && { options }) }),
    );
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const work = vi.fn();
    const cancel = whenIdle(work, 1500);
    expect(work).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    expect(idle[0]!.options).toEqual({ timeout: 1500 });
    idle[0]!.cb({ didTimeout: false, timeRemaining: () => 10 });
    expect(work).toHaveBeenCalledTimes(1);

    whenIdle(vi.fn())();
    cancel();
    expect(cancelled).toEqual([2, 1]);
  });

  it('falls back to after the next paint where there is no idle callback', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestIdleCallback', undefined);
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const work = vi.fn();
    whenIdle(work);
    frames.splice(0).forEach((cb) => cb(0));
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
