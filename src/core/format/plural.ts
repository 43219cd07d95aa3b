/** `1 entry`, `2 entries`, `1 example`: counts in answers read as English ("1 entries" did not). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
