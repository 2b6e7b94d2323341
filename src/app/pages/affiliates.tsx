// Route module for /affiliates: the affiliate search.
import { AffiliatesPage } from '@/features/affiliates';

export function AffiliatesRoute() {
  return <AffiliatesPage />;
}
