// The menu of entries (item-menu.tsx) as a part fetched on demand: render it through `OnDemand`,
// and give its opener `menuIntent` so the code travels while the pointer is on the way.
import { lazyWithPreload, preloadOnIntent } from '@/lib/lazy-with-preload';

export type { ItemMenuProps, MenuEntry } from './item-menu';

export const ItemMenu = lazyWithPreload(() => import('./item-menu').then((m) => m.default));

export const menuIntent = preloadOnIntent(ItemMenu);
