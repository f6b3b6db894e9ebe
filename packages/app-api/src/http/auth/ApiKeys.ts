import { createHash, timingSafeEqual } from 'node:crypto';

import type { Principal } from '@audience-bridge/domain';

interface ApiKey {
  readonly orgId: string;
  readonly digest: Buffer;
  readonly index: number;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The local API keys of `AB_API_KEYS` (`org:key` pairs, comma-separated). A key gives a read-only
 * principal of its organisation; keys are compared by digest in constant time and never kept in clear.
 */
export class ApiKeys {
  private readonly keys: readonly ApiKey[];

  constructor(setting: string) {
    this.keys = setting
      .split(',')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '')
      .map((pair, index) => {
        const colon = pair.indexOf(':');
        if (colon <= 0 || colon === pair.length - 1) {
          throw new RangeError(`AB_API_KEYS entry ${index + 1} is not org:key`);
        }

        return { orgId: pair.slice(0, colon), digest: digest(pair.slice(colon + 1)), index };
      });
  }

  /** The principal a presented key stands for, or `null` when no configured key matches. */
  principalOf(presented: string): Principal | null {
    const candidate = digest(presented);
    const match = this.keys.find((key) => timingSafeEqual(key.digest, candidate));

    return match === undefined
      ? null
      : { orgId: match.orgId, subject: `api-key-${match.index + 1}`, authMethod: 'local' };
  }
}
