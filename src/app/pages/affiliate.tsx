// Route module for /affiliates/:id: the affiliate (affiliates feature) with the cashflow groups
// it is in (cashflow-groups feature), composed here: features do not import each other.
import { AffiliatePage, type AffiliateExtra } from '@/features/affiliates';
import { AffiliateGroups } from '@/features/cashflow-groups/affiliate';

const groups: AffiliateExtra = ({ id, company }) => (
  <AffiliateGroups key={id} affiliateId={id} company={company} />
);

export function AffiliateRoute() {
  return <AffiliatePage extra={groups} />;
}
