// Test wrappers: a fresh query client, the form (as the wizard builds it) and a memory router.
import type { ReactNode } from 'react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { emptyGroupForm, groupFormSchema, type GroupForm } from '../../model';
import { TargetRuleNamesProvider } from '../describe-names';

export function testQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

/** Renders children inside the wizard's form, with `values` over an empty group. */
export function renderInForm(children: ReactNode, values: Partial<GroupForm> = {}) {
  const client = testQueryClient();
  let formApi: ReturnType<typeof useForm<GroupForm>> | undefined;
  function Harness() {
    const form = useForm<GroupForm>({
      resolver: zodResolver(groupFormSchema),
      defaultValues: { ...emptyGroupForm(), ...values },
      mode: 'onTouched',
    });
    formApi = form;
    return <FormProvider {...form}>{children}</FormProvider>;
  }
  const utils = render(
    <QueryClientProvider client={client}>
      <TargetRuleNamesProvider>
        <Harness />
      </TargetRuleNamesProvider>
    </QueryClientProvider>,
  );
  return {
    ...utils,
    client,
    form: () => {
      if (!formApi) throw new Error('form not rendered');
      return formApi;
    },
  };
}

/** The pages of `routes` in a memory router opened at `path`, with a fresh query client. */
export function renderRoutes(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}
