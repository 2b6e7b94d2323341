// Which active offers and goals use a group (findCashflowGroupUsage): on the details page, and in
// the confirmation before a save as the save's impact. Advice only: while it loads, fails or
// cannot be read, the page and the save go on, and it says so.
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { cashflowGroupQueries, type GroupUser } from '../api';

export const NO_USAGE_TEXT = 'No active offer or goal uses this group';
export const UNKNOWN_USAGE_TEXT = 'Could not tell which offers use this group';

type KnownUsage = { status: 'known'; offers: GroupUser[]; goals: GroupUser[] };
type UsageView = { status: 'loading' } | { status: 'unknown' } | KnownUsage;

function useGroupUsage(groupId: string): UsageView {
  const query = useQuery(cashflowGroupQueries.usage(groupId));
  if (query.isPending) return { status: 'loading' };
  // A failed call and an answer that could not be read look the same to the user.
  if (query.isError || !query.data.known) return { status: 'unknown' };
  return { status: 'known', offers: query.data.offers, goals: query.data.goals };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function usesText(user: GroupUser): string {
  return user.uses.length ? ` — ${user.uses.join(' and ')}` : '';
}

function UserList({ label, users, goals }: { label: string; users: GroupUser[]; goals?: boolean }) {
  if (users.length === 0) return null;
  return (
    <Box component="ul" aria-label={label} sx={{ m: 0, pl: 3 }}>
      {users.map((u) => (
        <li key={u.id}>
          <Typography variant="body2" component="span">
            {u.name || (goals ? 'Unnamed goal' : 'Unnamed offer')} (#{u.id})
            {goals && u.offerId !== undefined && ` of offer #${u.offerId}`}
            {usesText(u)}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function UsageLists({ usage }: { usage: KnownUsage }) {
  return (
    <>
      <UserList label="Offers using this group" users={usage.offers} />
      <UserList label="Goals using this group" users={usage.goals} goals />
    </>
  );
}

/** The details page's section body: who uses the group, or none, or that it could not be told. */
export function GroupUsage({ groupId }: { groupId: string }) {
  const usage = useGroupUsage(groupId);
  if (usage.status === 'loading') {
    return <Typography color="text.secondary">Checking which offers use this group…</Typography>;
  }
  if (usage.status === 'unknown') {
    return <Typography color="text.secondary">{UNKNOWN_USAGE_TEXT}.</Typography>;
  }
  if (usage.offers.length === 0 && usage.goals.length === 0) {
    return <Typography>{NO_USAGE_TEXT}.</Typography>;
  }
  return (
    <>
      <Typography sx={{ mb: 0.5 }}>
        Used by {plural(usage.offers.length, 'active offer', 'active offers')} and{' '}
        {plural(usage.goals.length, 'active goal', 'active goals')}.
      </Typography>
      <UsageLists usage={usage} />
    </>
  );
}

/**
 * How many offers (and goals) this save changes the pay of: in the confirmation (a live status,
 * read out when it arrives) and on the edit's Review step (`live={false}`: part of the page, where
 * the wizard's own status region announces the save).
 */
export function SaveImpact({ groupId, live = true }: { groupId: string; live?: boolean }) {
  const usage = useGroupUsage(groupId);
  const role = live ? 'status' : undefined;
  if (usage.status === 'loading') {
    return (
      <Typography color="text.secondary" role={role}>
        Checking which offers this save affects…
      </Typography>
    );
  }
  if (usage.status === 'unknown') {
    return (
      <Typography role={role}>
        {UNKNOWN_USAGE_TEXT}, so the offers this save affects are not known.
      </Typography>
    );
  }
  if (usage.offers.length === 0 && usage.goals.length === 0) {
    return <Typography role={role}>{NO_USAGE_TEXT}: this save affects no offer.</Typography>;
  }
  return (
    <Box role={role}>
      <Typography sx={{ mb: 0.5 }}>
        This save affects {plural(usage.offers.length, 'active offer', 'active offers')}
        {usage.goals.length > 0 && ` and ${plural(usage.goals.length, 'goal', 'goals')}`}:
      </Typography>
      <UsageLists usage={usage} />
    </Box>
  );
}
