// /affiliates/:id: one affiliate (its name from Affiliate::findAll) and, composed in by the app,
// the cashflow groups it is in (features do not import each other).
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import { PageHeader } from '@/components/page-header';
import { RetryAlert } from '@/components/retry-alert';
import { toApiError } from '@/lib/api-error';
import { affiliatePageQueries } from '../api/affiliates';

export interface AffiliateRef {
  id: string;
  /** Undefined while loading, or when the network does not know the id. */
  company: string | undefined;
}

export type AffiliateExtra = (affiliate: AffiliateRef) => ReactNode;

export function AffiliatePage({ extra }: { extra?: AffiliateExtra }) {
  const id = (useParams().id ?? '').trim();
  const valid = /^\d{1,12}$/.test(id);
  const query = useQuery({ ...affiliatePageQueries.one(id), enabled: valid });
  if (!valid) {
    return (
      <>
        <PageHeader title="Affiliate" />
        <Alert severity="error">“{id}” is not an affiliate ID: IDs are digits.</Alert>
      </>
    );
  }
  const company = query.data?.company;
  return (
    <>
      <PageHeader
        title={company ? `${company} (#${id})` : `Affiliate #${id}`}
        subtitle={
          query.data
            ? [query.data.country, query.data.status].filter(Boolean).join(' · ')
            : undefined
        }
      />
      {query.isError && (
        <RetryAlert onRetry={() => void query.refetch()}>
          The affiliate’s name could not be loaded: {toApiError(query.error).message}
        </RetryAlert>
      )}
      {query.data === null && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          The network does not know an affiliate #{id}. Groups may still list the id.
        </Alert>
      )}
      {extra?.({ id, company })}
    </>
  );
}
