// The app's router: see router.ts for why it is ours.
export type { Location, HistoryAction } from './history';
export type { RouteObject, RouteMatch, Params, LoaderArgs } from './match';
export {
  createBrowserRouter,
  createMemoryRouter,
  isRouteErrorResponse,
  type Blocker,
  type BlockerFunction,
  type NavigateOptions,
  type Router,
} from './router';
export {
  Link,
  Navigate,
  NavLink,
  Outlet,
  RouterProvider,
  useBlocker,
  useLocation,
  useNavigate,
  useNavigation,
  useParams,
  useRouteError,
  useSearchParams,
  type LinkProps,
  type NavLinkProps,
} from './react';
