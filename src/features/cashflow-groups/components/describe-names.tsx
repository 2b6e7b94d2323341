// Names by id for plain-words text: target rules (loaded once per page, the wizard, a group's
// page or the list, and shared by every row through context) and the chosen affiliates.
//
// The target rules' names are asked for only once something on the page shows a target rule: a
// new group, the wizard's most common start, shows none until a rule's field is set to one, and
// each ask is a HasOffers call against the network's rate limit (and a request in the wizard's
// first load).
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { affiliateQueries, cashflowGroupQueries } from '../api';
import type { DescribeNames } from '../model';

const TargetRuleNamesContext = createContext<Record<string, string>>({});
// Apart from the names, so that asking (once) does not re-render every reader.
const WantTargetRuleNamesContext = createContext<() => void>(() => undefined);

export function TargetRuleNamesProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => setWanted(true), []);
  const query = useQuery({ ...cashflowGroupQueries.targetRules(''), enabled: wanted });
  const names = useMemo(
    () => Object.fromEntries((query.data ?? []).map((r) => [String(r.id), r.name])),
    [query.data],
  );
  return (
    <WantTargetRuleNamesContext value={want}>
      <TargetRuleNamesContext value={names}>{children}</TargetRuleNamesContext>
    </WantTargetRuleNamesContext>
  );
}

/** The target rules' names by id; `needed` asks the provider to load them (once per page). */
export function useTargetRuleNames(needed = true): Record<string, string> {
  const want = useContext(WantTargetRuleNamesContext);
  useEffect(() => {
    if (needed) want();
  }, [needed, want]);
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

/** Names for describing a group: `withTargetRules` when its rules name target rules. */
export function useDescribeNames(
  affiliateIds: readonly string[],
  withTargetRules: boolean,
): DescribeNames {
  const targetRules = useTargetRuleNames(withTargetRules);
  const lookup = useAffiliateLookup(affiliateIds);
  return useMemo(() => {
    const affiliates: Record<string, string> = {};
    for (const [id, a] of Object.entries(lookup.data?.found ?? {})) affiliates[id] = a.company;
    return { targetRules, affiliates };
  }, [targetRules, lookup.data]);
}
