// The HasOffers emulator's resettable in-memory network, with a deterministic clock for
// `modified` so clients can detect a concurrent change without the data depending on real time.
import {
  HASOFFERS_CLOCK_START,
  hoDateTime,
  seedHasOffers,
  type Affiliate,
  type CashflowGroup,
  type TargetRule,
} from './seed';
import type { GroupInput, ValidationContext } from './validate-rules';

export class HasOffersStore implements ValidationContext {
  affiliates: Affiliate[] = [];
  targetRules: TargetRule[] = [];
  groups: CashflowGroup[] = [];
  private affiliateIndex = new Map<number, Affiliate>();
  private targetRuleIds = new Set<number>();
  private nextGroupId = 1;
  private tick = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    const seed = seedHasOffers();
    this.affiliates = seed.affiliates;
    this.targetRules = seed.targetRules;
    this.groups = seed.groups;
    this.affiliateIndex = new Map(seed.affiliates.map((a) => [a.id, a]));
    this.targetRuleIds = new Set(seed.targetRules.map((t) => t.id));
    this.nextGroupId = Math.max(0, ...seed.groups.map((g) => g.id)) + 1;
    this.tick = 0;
  }

  /** Seed time plus one second per change: strictly increasing, identical on every run. */
  private now(): string {
    this.tick += 1;
    return hoDateTime(HASOFFERS_CLOCK_START + this.tick * 1000);
  }

  affiliate(id: number): Affiliate | undefined {
    return this.affiliateIndex.get(id);
  }

  affiliateExists(id: number): boolean {
    return this.affiliateIndex.has(id);
  }

  targetRuleExists(id: number): boolean {
    return this.targetRuleIds.has(id);
  }

  groupIdByName(name: string): number | undefined {
    const wanted = name.trim().toLowerCase();
    return this.groups.find((g) => g.name.toLowerCase() === wanted)?.id;
  }

  group(id: number): CashflowGroup | undefined {
    return this.groups.find((g) => g.id === id);
  }

  createGroup(input: GroupInput): CashflowGroup {
    const group: CashflowGroup = { id: this.nextGroupId, ...input, modified: this.now() };
    this.nextGroupId += 1;
    this.groups.push(group);
    return group;
  }

  /** Replaces name, description and ALL rules and affiliates, as the real update does. */
  updateGroup(id: number, input: GroupInput): CashflowGroup | undefined {
    const group = this.group(id);
    if (!group) return undefined;
    Object.assign(group, input, { modified: this.now() });
    return group;
  }
}
