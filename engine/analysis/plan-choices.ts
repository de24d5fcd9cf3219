// Every choice of options for some plan dimensions: what analyses enumerate to compare values that
// are chosen by plan.
export function planChoices(dimensions: readonly string[], optionsOf: (dimension: string) => readonly string[]): Record<string, string>[] {
  return dimensions.reduce<Record<string, string>[]>((acc, dim) => acc.flatMap((plans) => optionsOf(dim).map((o) => ({ ...plans, [dim]: o }))), [{}]);
}
