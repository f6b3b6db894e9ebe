import type { ImportPath } from '../audiences/Audience.js';
import { isAes, type SharedDataSource } from '../datasources/SharedDataSource.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import type { SharedAudience } from '../sharedaudiences/SharedAudience.js';

/**
 * How an import of a segment through this data source runs (design §1, §3.1): decrypt-to-file
 * for an AES source of channel email or SMS unless reconciliation is forced, reconcile otherwise.
 * Forcing is refused on a source that does not encrypt. A hashed (SHA-256) source can never be
 * decrypt-to-file — a hash cannot be reversed into an address — and this function never picks it.
 */
export function chooseImportPath(source: SharedDataSource, forceReconciliation: boolean): Result<ImportPath> {
  const encrypted = isAes(source.encryption);
  if (forceReconciliation && !encrypted) {
    return err(
      new DomainError(
        'DATASOURCE.FORCE_NOT_ALLOWED',
        `Data source ${source.id} does not encrypt its IDs, so there is nothing to force: import without force reconciliation`,
        { dataSourceId: source.id, algorithm: source.encryption.algorithm },
      ),
    );
  }

  const addresses = source.channel === 'email' || source.channel === 'sms';

  return ok(encrypted && addresses && !forceReconciliation ? 'decrypt-to-file' : 'reconcile');
}

/** Refuses decrypt-to-file where no address can come out: an unencrypted or hashed source, or channel other. */
export function assertDecryptToFile(source: SharedDataSource): Result<SharedDataSource> {
  if (isAes(source.encryption) && source.channel !== 'other') return ok(source);

  return err(
    new DomainError(
      'DATASOURCE.DECRYPT_TO_FILE_IMPOSSIBLE',
      `Data source ${source.id} cannot be decrypted into addresses (it needs AES and channel email or SMS): reconcile with profiles instead`,
      { dataSourceId: source.id, algorithm: source.encryption.algorithm, channel: source.channel },
    ),
  );
}

/** Only a segment carries a membership People core delivers; a trait cannot be imported. */
export function assertImportable(item: SharedAudience): Result<SharedAudience> {
  if (item.kind === 'segment') return ok(item);

  return err(
    new DomainError(
      'AUDIENCE.NOT_IMPORTABLE',
      `Shared audience ${item.id} is a ${item.kind}: only segments can be imported, pick a segment`,
      { sharedAudienceId: item.id, kind: item.kind },
    ),
  );
}
