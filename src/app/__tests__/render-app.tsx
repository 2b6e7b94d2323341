// The app's provider tree around what an app-level test renders (a page, or the whole router).
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from '../providers';

export function renderInAppProviders(ui: ReactNode, queryClient: QueryClient = new QueryClient()) {
  return render(<AppProviders queryClient={queryClient}>{ui}</AppProviders>);
}
