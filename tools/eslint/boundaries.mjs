// The hexagon's dependency rule, shared by the lint configuration and the test that proves it bites.
// The domain depends on nothing of ours and on pure libraries only; adapters on the domain; the
// emulator on the domain and the People core formats; apps on anything.
export const domainLibraries = [
  'zod',
  'libphonenumber-js',
  'libphonenumber-js/*',
  'vitest',
  'fast-check',
  '@fast-check/vitest',
];

export const boundaryRuleOptions = {
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], allowedExternalImports: domainLibraries },
    { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:adapter'] },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:domain', 'type:adapter', 'type:tool', 'type:app'],
    },
  ],
};
