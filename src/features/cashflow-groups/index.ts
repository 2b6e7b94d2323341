// Public surface of the cashflow-groups feature: the list (the wizard has its own entry, new.ts).
export { CashflowGroupsPage } from './components/cashflow-groups-page';
