// Build step: a page's shared code in one file (the landing page's, the wizard's, the cashflow
// list's).
//
// Rolldown gives each distinct set of lazy pages that share a module a common chunk of its own. The
// rebate-groups page (where the app lands) shares MUI's inputs, menus, chips, table, dialog and a
// few icons with the cashflow-group pages in different combinations, so its first visit fetched six
// such chunks (0.2–18.9 KB gzip) beside its own: on HTTP/1.1 a slow connection pays a round trip
// per file once its six connections are busy, and Lighthouse's simulation of a slow phone counted
// all of them before the largest paint. In one file they are also 3 KB smaller compressed.
//
// The groups below take every module the landing page shares with another page (at once or in a
// part that page loads later), minus what the entry already loads and minus page and feature code
// (which stays in its page's chunk). The other pages load this file for the parts they share. A
// third file takes what the landing page's on-demand parts (its menus, dialogs, drawer) share
// beyond its first load, so the first part opened fetches it and its own code, nothing more.
//
// The wizard opened directly had the same trouble one level down: beside the entry and the landing
// page's shared file it fetched six chunks, four of them what it shares in different combinations
// with the cashflow list and details pages (0.3–18 KB gzip). `sharedFileGroup` puts those in one
// file, and what the cashflow list shares with the wizard's later steps in another: the wizard
// loaded 5 files instead of 8, the cashflow list 5 instead of 8 (6 each since the landing page's
// later file). Lighthouse A/B: the wizard's simulated largest paint 2,672 → 2,409 ms, the cashflow
// list's 2,549 → 2,524 ms. Such a file holds what a page reaches through a barrel (an index.ts
// re-exporting a folder) even when it uses none of it: keep a later step's own modules out of the
// barrels the pages import, and name a package's such modules in `unused`.
import type { Rolldown } from 'vite';

type ModuleInfoLike = Partial<
  Pick<Rolldown.ModuleInfo, 'importedIds' | 'dynamicallyImportedIds'>
> | null;

/** Every module reachable from `start` through static imports (and dynamic ones, with
 * `dynamic`), `start` included. */
export function closure(
  start: string,
  getModuleInfo: (id: string) => ModuleInfoLike,
  { dynamic = false }: { dynamic?: boolean } = {},
): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const next of info?.importedIds ?? []) stack.push(next);
    if (dynamic) for (const next of info?.dynamicallyImportedIds ?? []) stack.push(next);
  }
  return seen;
}

export interface SharedFileOptions {
  /** The page whose first load is kept short: its lazily imported module (absolute id). */
  page: string;
  /** The pages it shares code with (absolute ids): only what the page shares with one of them
   * goes in the shared file; what it alone uses stays in its own chunk. */
  otherPages: readonly string[];
  /** Code that stays with its page: never moved into the shared file. */
  ownCode?: (id: string) => boolean;
  /** Take what the page's on-demand parts (its lazily loaded modules) share, beyond what its
   * first load has, instead of what its first load shares. */
  later?: boolean;
  /** Modules the page reaches only through a barrel (a package's index re-exporting it) and does
   * not use: a walk of imports cannot tell, and would put them in the shared file, loaded with the
   * page, because another page uses them. */
  unused?: (id: string) => boolean;
}

/** The module's shared file under a page's group, or null when the group leaves it. */
export function sharedChunkName(
  id: string,
  closures: { page: ReadonlySet<string>; others: ReadonlySet<string> },
  ownCode: (id: string) => boolean,
  name: string,
): string | null {
  return closures.page.has(id) && closures.others.has(id) && !ownCode(id) ? name : null;
}

export const LANDING_SHARED = 'landing-shared';
export const LANDING_LATER = 'landing-later';

/**
 * A group that puts what `page` shares with `otherPages` (at once, or in a part they load later)
 * in one file named `name`, minus `ownCode` and minus what a group of higher priority took.
 */
export function sharedFileGroup(
  name: string,
  options: SharedFileOptions,
  priority: number,
): Rolldown.CodeSplittingGroup {
  const ownCode = options.ownCode ?? (() => false);
  const unused = options.unused ?? (() => false);
  // Rolldown calls `name` once per module within one chunking pass, with the same graph objects:
  // the page's closure is computed on the first call of a pass and reused.
  let cache: { graph: unknown; closures: { page: Set<string>; others: Set<string> } } | undefined;
  return {
    name: (id, ctx) => {
      const graph = ctx.getModuleInfo(options.page);
      if (cache?.graph !== graph) {
        const info = (m: string) => ctx.getModuleInfo(m);
        const others = new Set<string>();
        // With what the other pages load later (a wizard step): it shares those modules too.
        for (const other of options.otherPages) {
          for (const m of closure(other, info, { dynamic: true })) others.add(m);
        }
        const first = closure(options.page, info);
        const page = options.later
          ? new Set(
              [...closure(options.page, info, { dynamic: true })].filter((m) => !first.has(m)),
            )
          : first;
        cache = { graph, closures: { page, others } };
      }
      return unused(id) ? null : sharedChunkName(id, cache.closures, ownCode, name);
    },
    debugName: name,
    priority,
    // Left out, Rolldown would pull the captured modules' dependencies in too, entry or not.
    includeDependenciesRecursively: false,
  };
}

/** The `codeSplitting` groups: the entry's modules in one file, the landing page's shared
 * modules in another, and what its on-demand parts share in a third. */
export function landingPageGroups(options: SharedFileOptions): Rolldown.CodeSplittingGroup[] {
  return [
    // First, everything the entry loads: Rolldown's own `$initial` tag, which knows what tree
    // shaking kept (a static walk from the entry would also reach the sign-in page through the
    // auth feature's index, and MUI's inputs through its barrels). It had split these modules in
    // two files (the entry and a shared part); they load together, and in one file they are
    // 3 KB smaller.
    { name: 'index', tags: ['$initial'], priority: 4 },
    // Then what the landing page shares with another page and the entry did not take. A static
    // closure may name a module that is not used (through a barrel): such a module, if a page
    // uses it, lands here too; they are MUI's small class-name maps.
    sharedFileGroup(LANDING_SHARED, options, 3),
    // Then what its on-demand parts (a menu, a dialog) share with another page, beyond its first
    // load: in one file, fetched with the first part opened. Left to Rolldown, it was one file
    // per combination of pages and parts sharing a module: opening a menu fetched five.
    sharedFileGroup(LANDING_LATER, { ...options, later: true }, 2),
  ];
}
