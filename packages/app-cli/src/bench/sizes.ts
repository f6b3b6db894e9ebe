/** How big each scenario runs; `--quick` picks sizes that finish in under a minute on 2 cores. */
export interface BenchSizes {
  readonly reconciliationIds: number;
  /** IDs the naive ORM baseline actually runs; above it, its time is extrapolated to `reconciliationIds`. */
  readonly naiveIds: number;
  readonly repetitions: number;
  readonly decryptionIds: number;
  readonly exportRows: number;
  readonly diffTargeted: number;
  readonly diffExisting: number;
  readonly memorySegments: readonly number[];
  readonly memoryProfiles: number;
  readonly apiSeconds: number;
  readonly apiRate: number;
  readonly apiImportIds: number;
}

/** The sizes design §6 names. */
export const fullSizes: BenchSizes = {
  reconciliationIds: 1_000_000,
  naiveIds: 100_000,
  repetitions: 3,
  decryptionIds: 1_000_000,
  exportRows: 1_000_000,
  diffTargeted: 1_000_000,
  diffExisting: 500_000,
  memorySegments: [100_000, 1_000_000, 5_000_000],
  memoryProfiles: 200_000,
  apiSeconds: 30,
  apiRate: 500,
  apiImportIds: 200_000,
};

/** Small enough for a check before a commit. */
export const quickSizes: BenchSizes = {
  reconciliationIds: 100_000,
  naiveIds: 20_000,
  repetitions: 3,
  decryptionIds: 200_000,
  exportRows: 200_000,
  diffTargeted: 100_000,
  diffExisting: 50_000,
  memorySegments: [50_000, 200_000],
  memoryProfiles: 50_000,
  apiSeconds: 10,
  apiRate: 500,
  apiImportIds: 50_000,
};
