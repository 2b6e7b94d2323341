// Entry for the new-group wizard, kept apart so the list route does not load the wizard's code.
export { NewCashflowGroupPage } from './components/new-cashflow-group-page';
