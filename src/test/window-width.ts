// A window of a given width for layout tests: jsdom has no matchMedia, and MUI's useMediaQuery
// asks it min-width queries. Undo with vi.unstubAllGlobals().
import { vi } from 'vitest';

/** A window `width` px wide, as matchMedia answers min-width queries. */
export function stubWindowWidth(width: number): void {
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    return {
      matches: min ? width >= Number(min[1]) : false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    };
  });
}
