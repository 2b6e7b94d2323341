// Entry for the edit page, kept apart so the list route does not load the wizard's code.
export { EditCashflowGroupPage, type RestoreVersion } from './components/edit-cashflow-group-page';
