// /affiliates: find an affiliate by company or id, then open its page (which groups it is in).
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PageHeader } from '@/components/page-header';
import { RetryAlert } from '@/components/retry-alert';
import { routes } from '@/config/routes';
import { toApiError } from '@/lib/api-error';
import { AFFILIATE_SEARCH_LIMIT } from '@/lib/hasoffers-affiliates';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { affiliatePageQueries } from '../api/affiliates';

export function AffiliatesPage() {
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const navigate = useNavigate();
  const query = useQuery({
    ...affiliatePageQueries.search(debounced),
    placeholderData: keepPreviousData,
  });
  const rows = debounced ? query.data : undefined;
  return (
    <>
      <PageHeader
        title="Affiliates"
        subtitle="Find an affiliate to see which cashflow groups it is in"
      />
      <Box
        component="form"
        role="search"
        aria-label="Find an affiliate"
        onSubmit={(e) => {
          e.preventDefault();
          // An exact id opens its page at once: the question usually starts from an id.
          if (/^\d+$/.test(search.trim())) void navigate(routes.affiliate(search.trim()));
        }}
        sx={{ mb: 2 }}
      >
        <TextField
          label="Affiliate company or ID"
          type="search"
          size="small"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          helperText="Type a company name, or an ID and press Enter"
          sx={{ minWidth: 320 }}
        />
      </Box>
      {query.isError && !rows ? (
        <RetryAlert onRetry={() => void query.refetch()}>
          The affiliates could not be searched: {toApiError(query.error).message}
        </RetryAlert>
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Box sx={{ height: 4 }}>
            {query.isFetching && <LinearProgress aria-label="Searching affiliates" />}
          </Box>
          {!debounced ? (
            <Typography color="text.secondary">Search to list affiliates.</Typography>
          ) : rows && rows.length === 0 ? (
            <Typography color="text.secondary">No affiliate matches “{debounced}”.</Typography>
          ) : (
            rows && (
              <>
                <Typography variant="body2" color="text.secondary">
                  {rows.length >= AFFILIATE_SEARCH_LIMIT
                    ? `The first ${AFFILIATE_SEARCH_LIMIT} matches; type more to narrow.`
                    : `${rows.length} ${rows.length === 1 ? 'match' : 'matches'}`}
                </Typography>
                <Box component="ul" aria-label="Affiliates found" sx={{ pl: 3 }}>
                  {rows.map((a) => (
                    <li key={a.id}>
                      <Link component={RouterLink} to={routes.affiliate(a.id)}>
                        {a.company || 'Unnamed affiliate'} (#{a.id})
                      </Link>
                      {a.country || a.status ? (
                        <Typography component="span" variant="body2" color="text.secondary">
                          {' '}
                          · {[a.country, a.status].filter(Boolean).join(' · ')}
                        </Typography>
                      ) : null}
                    </li>
                  ))}
                </Box>
              </>
            )
          )}
        </Paper>
      )}
    </>
  );
}
