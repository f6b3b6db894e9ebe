import { afterEach, beforeEach } from 'vitest';

import { noOptOut, type Profile } from '../../profiles/Profile.js';

/** What every kit factory returns: the adapter(s) under test and an optional teardown. */
export interface Closable {
  readonly close?: () => Promise<void>;
}

/** Creates a fresh fixture before each test and closes it after; the getter reads the current one. */
export function useFixture<T extends Closable>(factory: () => Promise<T>): () => T {
  let current: T | null = null;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.close?.();
    current = null;
  });

  return () => {
    if (current === null) throw new Error('the fixture is only available inside a test');

    return current;
  };
}

let orgCounter = 0;

/** A fresh organisation id, so property runs on one adapter instance never see each other's data. */
export const freshOrg = (label = 'org'): string => {
  orgCounter += 1;

  return `${label}-${Date.now().toString(36)}-${orgCounter}`;
};

/** A profile with only a key, and whatever else the test sets. */
export const profile = (key: string, parts: Partial<Omit<Profile, 'key'>> = {}): Profile => ({
  key,
  email: null,
  mobilePhone: null,
  visitorId: null,
  customKeys: {},
  attributes: {},
  optOut: noOptOut,
  ...parts,
});

/** Everything an async iterable yields, batch by batch. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);

  return out;
}

/** Numbers of runs for the kits' properties: small, so database adapters can run them in seconds. */
export const kitRuns = 20;
