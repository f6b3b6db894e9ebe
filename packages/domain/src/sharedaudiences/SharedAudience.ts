/** An item of the People core service: only a segment can be imported into a campaign audience. */
export interface SharedAudience {
  /** The Audience Manager SID, as a string. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'segment' | 'trait';
  /** The DPID the item belongs to. */
  readonly dataSourceId: number;
  readonly description: string;
}
