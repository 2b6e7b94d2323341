// Typed route paths: the one place that spells them.
export const routes = {
  home: '/',
  rebateGroups: '/rebate-groups',
  cashflowGroups: '/cashflow-groups',
  newCashflowGroup: '/cashflow-groups/new',
  cashflowGroup: (id: string | number) => `/cashflow-groups/${id}`,
  editCashflowGroup: (id: string | number) => `/cashflow-groups/${id}/edit`,
} as const;

export const PRODUCT_NAME = 'Partner Dashboard';
