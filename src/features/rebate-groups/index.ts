// Public surface of the rebate-groups feature.
export { RebateGroupsPage } from './components/rebate-groups-page';
