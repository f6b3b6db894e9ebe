/** A scalar attribute value carried by a profile and usable in filters. */
export type AttributeValue = string | number | boolean | null;

/** Per-channel opt-out flags (the campaign's denylist). */
export interface OptOut {
  readonly all: boolean;
  readonly email: boolean;
  readonly sms: boolean;
}

/** A person in the campaign database, with every identifier already normalised. */
export interface Profile {
  /** The profile key: unique per organisation, chosen by the team that loads profiles. */
  readonly key: string;
  /** Trimmed and lower-cased. */
  readonly email: string | null;
  /** E.164, with the leading `+`. */
  readonly mobilePhone: string | null;
  /** The Experience Cloud ID (ECID) seen for this person, 38 digits. */
  readonly visitorId: string | null;
  /** Declared keys such as a CRM id, by key name. */
  readonly customKeys: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly optOut: OptOut;
}

export const noOptOut: OptOut = Object.freeze({ all: false, email: false, sms: false });
