import { DomainError } from '@audience-bridge/domain';

/** Refuses keys that could escape the exchange root or are not plain relative paths. */
export function checkKey(key: string): string {
  const parts = key.split('/');
  if (
    key === '' ||
    key.startsWith('/') ||
    key.includes('\\') ||
    parts.some((part) => part === '..' || part === '.')
  ) {
    throw DomainError.invalid(`"${key}" is not a valid exchange key`);
  }
  return key;
}
