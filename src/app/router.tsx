// Routes: every page is a lazy chunk, so a page's code loads only when it is opened.
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './layout';
import { RouteError } from './route-error';
import { NotFoundPage } from './not-found';
import { routes } from '@/config/routes';
import { SIGN_IN_PATH } from '@/features/auth';
import { preloadRebateGroups, RebateGroupsHeader } from '@/features/rebate-groups/preload';

/**
 * What a lazy page shows on a first visit while its code loads, where it has nothing better:
 * nothing, as the app did before.
 */
const NOTHING_WHILE_LOADING = () => null;

export function createRouteObjects(queryClient: QueryClient): RouteObject[] {
  return [
    {
      // Outside the shell: no navigation before signing in.
      path: SIGN_IN_PATH,
      errorElement: <RouteError />,
      HydrateFallback: NOTHING_WHILE_LOADING,
      lazy: () => import('./pages/sign-in').then((m) => ({ Component: m.SignInRoute })),
    },
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { path: routes.home, element: <Navigate to={routes.rebateGroups} replace /> },
            {
              path: routes.rebateGroups,
              // Not a data loader: it returns at once and the page renders its skeleton as usual;
              // it only starts the list request in parallel with the page's code download.
              loader: ({ url }) => {
                preloadRebateGroups(queryClient, url);
                return null;
              },
              // Only on arriving: within the page, its own queries follow the URL.
              shouldRevalidate: ({ currentUrl, nextUrl }) =>
                currentUrl.pathname !== nextUrl.pathname,
              // What the router shows while the page's code loads on a first visit: the page's
              // title, so it paints with the app's frame (it was the page's largest paint, and
              // came last on a slow phone).
              HydrateFallback: RebateGroupsHeader,
              lazy: () =>
                import('./pages/rebate-groups').then((m) => ({ Component: m.RebateGroupsRoute })),
            },
            {
              path: routes.cashflowGroups,
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () =>
                import('./pages/cashflow-groups').then((m) => ({
                  Component: m.CashflowGroupsRoute,
                })),
            },
            {
              path: routes.newCashflowGroup,
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () =>
                import('./pages/new-cashflow-group').then((m) => ({
                  Component: m.NewCashflowGroupRoute,
                })),
            },
            {
              path: routes.cashflowGroup(':id'),
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () =>
                import('./pages/cashflow-group').then((m) => ({ Component: m.CashflowGroupRoute })),
            },
            {
              path: routes.editCashflowGroup(':id'),
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () =>
                import('./pages/edit-cashflow-group').then((m) => ({
                  Component: m.EditCashflowGroupRoute,
                })),
            },
            {
              path: routes.activity,
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () => import('./pages/activity').then((m) => ({ Component: m.ActivityRoute })),
            },
            {
              path: routes.affiliates,
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () =>
                import('./pages/affiliates').then((m) => ({ Component: m.AffiliatesRoute })),
            },
            {
              path: routes.affiliate(':id'),
              HydrateFallback: NOTHING_WHILE_LOADING,
              lazy: () =>
                import('./pages/affiliate').then((m) => ({ Component: m.AffiliateRoute })),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRouteObjects(queryClient));
}
