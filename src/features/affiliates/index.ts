// Public surface of the affiliates feature: the search page and one affiliate's page.
export { AffiliatesPage } from './components/affiliates-page';
export { AffiliatePage, type AffiliateExtra, type AffiliateRef } from './components/affiliate-page';
