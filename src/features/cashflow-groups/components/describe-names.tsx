// Names by id for plain-words text: target rules (loaded once per page, the wizard, a group's
// page or the list, and shared by every row through context) and the chosen affiliates.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { affiliateQueries, cashflowGroupQueries } from '../api';
import type { DescribeNames } from '../model';

const TargetRuleNamesContext = createContext<Record<string, string>>({});

export function TargetRuleNamesProvider({ children }: { children: ReactNode }) {
  const query = useQuery(cashflowGroupQueries.targetRules(''));
  const names = useMemo(
    () => Object.fromEntries((query.data ?? []).map((r) => [String(r.id), r.name])),
    [query.data],
  );
  return <TargetRuleNamesContext value={names}>{children}</TargetRuleNamesContext>;
}

export function useTargetRuleNames(): Record<string, string> {
  return useContext(TargetRuleNamesContext);
}

/** The affiliates' lookup (names, and ids the network does not know) for a list of ids. */
export function useAffiliateLookup(ids: readonly string[]) {
  return useQuery({
    ...affiliateQueries.byIds([...ids]),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useDescribeNames(affiliateIds: readonly string[]): DescribeNames {
  const targetRules = useTargetRuleNames();
  const lookup = useAffiliateLookup(affiliateIds);
  return useMemo(() => {
    const affiliates: Record<string, string> = {};
    for (const [id, a] of Object.entries(lookup.data?.found ?? {})) affiliates[id] = a.company;
    return { targetRules, affiliates };
  }, [targetRules, lookup.data]);
}
