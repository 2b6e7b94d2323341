// Entry for one group's details page, kept apart so the list route does not load its code.
export {
  CashflowGroupDetailsPage,
  type DetailsExtra,
} from './components/cashflow-group-details-page';
