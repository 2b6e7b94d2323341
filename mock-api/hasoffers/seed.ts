// The HasOffers emulator's seeded network: affiliates, target rules and cashflow groups,
// deterministic (seeded PRNG, fixed clock) so every run and every reset sees the same data.
import { createPrng, type Prng } from '../shared/prng';

export const RULE_FIELDS = [
  'advanced_targeting_rule',
  'aff_sub1',
  'aff_sub2',
  'aff_sub3',
  'aff_sub4',
  'aff_sub5',
  'adv_sub1',
  'adv_sub2',
  'adv_sub3',
  'adv_sub4',
  'adv_sub5',
  'country',
  'source',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const RULE_OPERATORS = ['IN', 'IS', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export const AFFILIATE_STATUSES = ['active', 'pending', 'blocked', 'rejected'] as const;
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number];

export interface Affiliate {
  id: number;
  company: string;
  status: AffiliateStatus;
  country: string;
  city: string;
  website: string;
  account_manager_id: number;
  date_added: string;
}

export interface TargetRule {
  id: number;
  name: string;
  description: string;
}

/** A stored rule: values are kept as strings (target-rule ids as digits), as HasOffers answers. */
export interface CashflowRule {
  field: RuleField;
  operator: RuleOperator;
  value: string[];
  negate: 0 | 1;
}

export interface CashflowGroup {
  id: number;
  name: string;
  description: string | null;
  rules: CashflowRule[];
  /** Empty = the group applies to every affiliate. */
  affiliateIds: number[];
  /** 'YYYY-MM-DD HH:MM:SS' (UTC), from the store's deterministic clock. */
  modified: string;
}

export interface HasOffersSeed {
  affiliates: Affiliate[];
  targetRules: TargetRule[];
  groups: CashflowGroup[];
}

export const HASOFFERS_SEED = 4_120_2026;
export const AFFILIATE_COUNT = 520;
/** The store's clock starts here; each change moves it on by one second. */
export const HASOFFERS_CLOCK_START = Date.UTC(2026, 10, 20, 12, 0, 0);

/** HasOffers writes datetimes the MySQL way. */
export function hoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const NAME_HEADS = [
  'Acme',
  'Blue Wave',
  'Northstar',
  'Red Fox',
  'Pixel',
  'Orbit',
  'Granite',
  'Lumen',
  'Nimbus',
  'Vertex',
  'Cobalt',
  'Maple',
  'Atlas',
  'Sierra',
  'Harbor',
  'Quantum',
  'Kite',
  'Summit',
  'Evergreen',
  'Falcon',
  'Helix',
  'Juniper',
  'Lighthouse',
  'Mosaic',
  'Nova',
  'Saffron',
  'Tidal',
  'Velvet',
  'Zenith',
  'Bright Path',
  'Müller & Söhne',
  'Crédit Leads',
];
const NAME_TAILS = [
  'Media',
  'Digital',
  'Traffic',
  'Ads',
  'Performance',
  'Marketing',
  'Interactive',
  'Networks',
  'Leads',
  'Partners',
  'Mobile',
  'Growth',
];
const NAME_SUFFIXES = ['Ltd', 'LLC', 'GmbH', 'Inc.', 'S.A.', 'B.V.', 'Pty Ltd', 'OÜ', ''];

const COUNTRIES: readonly (readonly [string, string, number])[] = [
  ['US', 'Austin', 14],
  ['GB', 'London', 9],
  ['DE', 'Berlin', 8],
  ['FR', 'Lyon', 4],
  ['ES', 'Valencia', 4],
  ['IT', 'Milan', 3],
  ['NL', 'Amsterdam', 4],
  ['PL', 'Kraków', 3],
  ['BR', 'São Paulo', 5],
  ['MX', 'Guadalajara', 3],
  ['IN', 'Bengaluru', 6],
  ['ID', 'Jakarta', 4],
  ['NG', 'Lagos', 3],
  ['ZA', 'Cape Town', 2],
  ['KE', 'Nairobi', 2],
  ['AE', 'Dubai', 4],
  ['TR', 'Istanbul', 3],
  ['VN', 'Hanoi', 2],
  ['TH', 'Bangkok', 2],
  ['PH', 'Manila', 2],
  ['CY', 'Limassol', 3],
  ['UA', 'Kyiv', 2],
  ['CA', 'Toronto', 4],
  ['AU', 'Sydney', 3],
  ['JP', 'Osaka', 1],
];

function seedAffiliates(prng: Prng): Affiliate[] {
  const affiliates: Affiliate[] = [];
  const used = new Set<string>();
  let id = 0;
  for (let i = 0; i < AFFILIATE_COUNT; i += 1) {
    // 2, 4, 6 exist as in the vendor's example; afterwards ids skip now and then.
    id =
      i < 3
        ? 2 + 2 * i
        : id +
          prng.weighted([
            [1, 6],
            [2, 3],
            [3, 1],
          ]);
    let company = `${prng.pick(NAME_HEADS)} ${prng.pick(NAME_TAILS)}`;
    const suffix = prng.pick(NAME_SUFFIXES);
    if (suffix) company += ` ${suffix}`;
    if (used.has(company)) company += ` ${prng.pick(['East', 'West', 'Asia', 'EU', 'II', 'Labs'])}`;
    while (used.has(company)) company += ` ${prng.int(2, 99)}`;
    used.add(company);
    const [country, city] = prng.weighted(COUNTRIES.map(([c, town, w]) => [[c, town], w] as const));
    const slug = company
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 24);
    affiliates.push({
      id,
      company,
      status: prng.weighted([
        ['active', 70],
        ['pending', 12],
        ['blocked', 10],
        ['rejected', 8],
      ]),
      country,
      city,
      website: `https://www.${slug}.example`,
      account_manager_id: prng.pick([4, 7, 9, 12]),
      date_added: hoDateTime(
        Date.UTC(2019, 0, 1) + (i * 4 + prng.int(0, 3)) * 86_400_000 + prng.int(0, 86_399) * 1000,
      ),
    });
  }
  return affiliates;
}

const TARGET_RULE_NAMES: readonly (readonly [string, string])[] = [
  ['Mobile: iOS only', 'Devices running iOS 15 or later'],
  ['Mobile: Android only', 'Android 10 and later, phones and tablets'],
  ['Desktop browsers', 'Chrome, Firefox, Safari and Edge on desktop'],
  ['Tier-1 GEOs', 'US, GB, CA, AU, DE, FR, NL, SE, NO, DK'],
  ['EU / EEA', 'Member states of the EU plus IS, LI, NO'],
  ['Exclude proxies and VPN', 'Blocks clicks from known proxy, VPN and hosting ranges'],
  ['Wi-Fi only', 'Connection type Wi-Fi'],
  ['Carrier traffic', 'Mobile carrier (3G/4G/5G) connections'],
  ['Business hours CET', 'Weekdays 08:00–18:00 Europe/Berlin'],
  ['Weekend', 'Saturday and Sunday, any timezone'],
  ['Vodafone DE', 'Carrier Vodafone, Germany'],
  ['Safari iOS 17+', 'Mobile Safari on iOS 17 and later'],
  ['LATAM Spanish', 'Spanish-speaking Latin America'],
  ['Brazil mobile', 'Mobile devices in Brazil'],
  ['MENA Arabic', 'Arabic browser language in the MENA region'],
  ['SEA', 'ID, MY, PH, SG, TH, VN'],
  ['High-value cities', 'Top 50 metro areas by income'],
  ['New devices', 'Device models released in the last 18 months'],
  ['Tablet only', 'iPad and Android tablets'],
  ['Smart TV', 'Connected TV platforms'],
  ['Chrome 120+', 'Chrome desktop and mobile, version 120 and later'],
  ['Exclude bots', 'Drops clicks flagged by the bot filter'],
  ['English language', 'Browser language en-*'],
  ['German language', 'Browser language de-*'],
  ['Night owls', '22:00–04:00 local time'],
  ['Repeat visitors', 'Seen in the last 30 days'],
  ['Africa mobile', 'Mobile devices in NG, KE, ZA, GH, EG'],
  ['Test traffic', 'Internal QA devices (do not use for payouts)'],
  ['Nordics', 'DK, FI, IS, NO, SE'],
  ['DACH', 'DE, AT, CH'],
];

function seedTargetRules(): TargetRule[] {
  // Ids do not start at 1 and have gaps (deleted rules); 79 exists as in the vendor example.
  const ids = [
    70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 83, 84, 86, 91, 92, 95, 101, 102, 103, 108, 110, 117,
    118, 120, 125, 131, 132, 140, 141, 150,
  ];
  return TARGET_RULE_NAMES.map(([name, description], i) => ({
    id: ids[i] ?? 200 + i,
    name,
    description,
  }));
}

type GroupDraft = Omit<CashflowGroup, 'id' | 'modified' | 'affiliateIds'> & {
  /** How many affiliates to attach (0 = all affiliates). */
  affiliates: number;
};

const r = (
  field: RuleField,
  operator: RuleOperator,
  value: (string | number)[],
  negate: 0 | 1 = 0,
): CashflowRule => ({ field, operator, value: value.map(String), negate });

/** Hand-written so that together they use every field and operator, with negations. */
const GROUP_DRAFTS: readonly GroupDraft[] = [
  {
    name: 'Tier-1 countries',
    description: 'Higher payout for US, GB, CA, AU and DE traffic',
    rules: [r('country', 'IN', ['US', 'GB', 'CA', 'AU', 'DE'])],
    affiliates: 0,
  },
  {
    name: 'DACH premium',
    description: 'DACH traffic tagged as premium by the affiliate',
    rules: [r('country', 'IN', ['DE', 'AT', 'CH']), r('aff_sub1', 'STARTS_WITH', ['prem_'])],
    affiliates: 6,
  },
  {
    name: 'Outside the EU',
    description: 'Everything except EU member states',
    rules: [
      r(
        'country',
        'IN',
        ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE'],
        1,
      ),
    ],
    affiliates: 0,
  },
  {
    name: 'iOS app installs',
    description: 'Clicks matching the iOS-only targeting rule',
    rules: [r('advanced_targeting_rule', 'IN', [70]), r('source', 'CONTAINS', ['appstore'])],
    affiliates: 3,
  },
  {
    name: 'Android, no proxies',
    description: null,
    rules: [r('advanced_targeting_rule', 'IN', [71, 75])],
    affiliates: 0,
  },
  {
    name: 'Newsletter traffic',
    description: 'Email campaigns: aff_sub2 ends with _nl',
    rules: [r('aff_sub2', 'ENDS_WITH', ['_nl', '_newsletter'])],
    affiliates: 12,
  },
  {
    name: 'Brand bidding excluded',
    description: 'Search traffic that is not brand bidding',
    rules: [r('aff_sub3', 'CONTAINS', ['brand'], 1), r('source', 'IS', ['search'])],
    affiliates: 0,
  },
  {
    name: 'Push notifications',
    description: 'Push traffic sources',
    rules: [r('source', 'STARTS_WITH', ['push-', 'push_'])],
    affiliates: 4,
  },
  {
    name: 'Campaign spring26',
    description: 'Spring 2026 campaign sub-id',
    rules: [r('aff_sub4', 'IS', ['spring26'])],
    affiliates: 0,
  },
  {
    name: 'Creative A/B: variant B',
    description: 'Advertiser-side creative id B',
    rules: [r('adv_sub1', 'IN', ['creative_b', 'creative_b2'])],
    affiliates: 2,
  },
  {
    name: 'Advertiser funnel step 2',
    description: 'Conversions that passed KYC step 2',
    rules: [r('adv_sub2', 'STARTS_WITH', ['kyc2'])],
    affiliates: 0,
  },
  {
    name: 'Not test leads',
    description: 'Excludes test leads flagged by the advertiser',
    rules: [r('adv_sub3', 'CONTAINS', ['test', 'qa'], 1)],
    affiliates: 0,
  },
  {
    name: 'Deposit ≥ 100 USD',
    description: 'Advertiser marks first deposits of 100 USD or more',
    rules: [r('adv_sub4', 'IS', ['ftd_100plus'])],
    affiliates: 8,
  },
  {
    name: 'Partner program B',
    description: 'Second-tier partner program',
    rules: [r('adv_sub5', 'ENDS_WITH', ['_pb']), r('aff_sub5', 'IN', ['tier2', 'tier3'])],
    affiliates: 5,
  },
  {
    name: 'LATAM mobile',
    description: 'Spanish-speaking LATAM on mobile',
    rules: [
      r('country', 'IN', ['MX', 'CO', 'AR', 'CL', 'PE']),
      r('advanced_targeting_rule', 'IN', [83]),
    ],
    affiliates: 0,
  },
  {
    name: 'SEA excluding Vietnam',
    description: 'South-east Asia without VN',
    rules: [r('country', 'IN', ['ID', 'MY', 'PH', 'SG', 'TH']), r('country', 'IS', ['VN'], 1)],
    affiliates: 10,
  },
  {
    name: 'Influencers',
    description: 'Influencer sub-ids start with inf_',
    rules: [r('aff_sub1', 'STARTS_WITH', ['inf_']), r('aff_sub2', 'IS', ['instagram'], 1)],
    affiliates: 7,
  },
  {
    name: 'Weekend boost',
    description: 'Weekend targeting rule',
    rules: [r('advanced_targeting_rule', 'IS', [79])],
    affiliates: 0,
  },
  {
    name: 'Selected affiliates, any traffic',
    description: 'No conditions: only the listed affiliates',
    rules: [],
    affiliates: 9,
  },
  {
    name: 'Legacy group (do not use)',
    description: '',
    rules: [r('aff_sub3', 'ENDS_WITH', ['_old'])],
    affiliates: 1,
  },
];

function seedGroups(prng: Prng, affiliates: readonly Affiliate[]): CashflowGroup[] {
  const active = affiliates.filter((a) => a.status === 'active').map((a) => a.id);
  const first = Date.UTC(2025, 0, 15, 9, 30, 0);
  const span = HASOFFERS_CLOCK_START - first;
  return GROUP_DRAFTS.map((draft, i) => ({
    id: i + 1,
    name: draft.name,
    description: draft.description,
    rules: draft.rules.map((rule) => ({ ...rule, value: [...rule.value] })),
    affiliateIds: prng.sample(active, draft.affiliates).sort((a, b) => a - b),
    modified: hoDateTime(
      first + Math.floor((span * i) / GROUP_DRAFTS.length) + prng.int(0, 3600) * 1000,
    ),
  }));
}

export function seedHasOffers(seed: number = HASOFFERS_SEED): HasOffersSeed {
  const prng = createPrng(seed);
  const affiliates = seedAffiliates(prng);
  return { affiliates, targetRules: seedTargetRules(), groups: seedGroups(prng, affiliates) };
}

/**
 * Offers and goals that use a cashflow group for payout or revenue (findCashflowGroupUsage). Fixed,
 * not drawn from the PRNG, so the impact shown before a save is the same on every run. Each entry
 * uses a given group for one purpose only. Paused ones must not be reported (the method lists the
 * active offers and goals).
 */
export interface GroupUser {
  id: number;
  name: string;
  status: 'active' | 'paused';
  payoutGroupId?: number;
  revenueGroupId?: number;
}
export interface GroupUserGoal extends GroupUser {
  offerId: number;
}

export const SEED_OFFERS: readonly GroupUser[] = [
  { id: 101, name: 'Forex starter CPA', status: 'active', payoutGroupId: 1, revenueGroupId: 2 },
  { id: 102, name: 'Crypto deposit RevShare', status: 'active', payoutGroupId: 2 },
  { id: 103, name: 'Gold CFD hybrid', status: 'paused', payoutGroupId: 2 },
  { id: 104, name: 'LATAM mobile CPL', status: 'active', revenueGroupId: 3 },
];

export const SEED_GOALS: readonly GroupUserGoal[] = [
  { id: 501, name: 'First deposit', offerId: 101, status: 'active', payoutGroupId: 2 },
  { id: 502, name: 'KYC passed', offerId: 104, status: 'active', revenueGroupId: 1 },
  { id: 503, name: 'Second deposit', offerId: 102, status: 'paused', payoutGroupId: 2 },
];
