// The reference set semantics of workflow activities, over members (profile keys or addresses).
// Results are sorted (default string order) and distinct whatever the inputs' order or duplicates,
// so that the in-memory store and SQL stores can be compared member for member.
const sorted = (members: Iterable<string>): string[] => [...new Set(members)].sort();

/** Members in any input. */
export function unionOf(inputs: readonly Iterable<string>[]): string[] {
  return sorted(inputs.flatMap((input) => [...input]));
}

/** Members in every input; no input at all gives the empty set, never "everything". */
export function intersectionOf(inputs: readonly Iterable<string>[]): string[] {
  const [first, ...rest] = inputs.map((input) => new Set(input));
  if (first === undefined) return [];

  return sorted([...first].filter((member) => rest.every((other) => other.has(member))));
}

/** Members of the input that are in none of the excluded sets. */
export function exclusionOf(input: Iterable<string>, excluded: readonly Iterable<string>[]): string[] {
  const removed = new Set(excluded.flatMap((set) => [...set]));

  return sorted([...input].filter((member) => !removed.has(member)));
}
