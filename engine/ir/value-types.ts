// The value types a fact or an attribute may be declared with, and how a value is checked against
// one: shared by the policy checker (defaults, conditions) and the case validator (case values).

/** Whether `v` is a value of the declared type (numbers must be finite). */
export function isOfType(type: string, v: unknown): boolean {
  if (type === 'string') return typeof v === 'string';
  if (type === 'boolean') return typeof v === 'boolean';
  if (type === 'integer') return Number.isInteger(v);
  return typeof v === 'number' && Number.isFinite(v);
}

/** `a number`, `an integer`: a type name with its article, for messages. */
export const withArticle = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
