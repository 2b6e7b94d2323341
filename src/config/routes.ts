// Typed route paths: the one place that spells them.
export const routes = {
  home: '/',
  rebateGroups: '/rebate-groups',
  cashflowGroups: '/cashflow-groups',
  newCashflowGroup: '/cashflow-groups/new',
  cashflowGroup: (id: string | number) => `/cashflow-groups/${id}`,
  editCashflowGroup: (id: string | number) => `/cashflow-groups/${id}/edit`,
  affiliates: '/affiliates',
  affiliate: (id: string | number) => `/affiliates/${id}`,
  activity: '/activity',
} as const;

export const PRODUCT_NAME = 'Partner Dashboard';
