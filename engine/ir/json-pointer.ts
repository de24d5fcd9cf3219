// JSON pointers (RFC 6901) into the policy or the case, as diagnostics carry them.

/** One key as a pointer segment: `~` and `/` escaped. */
export const pointerPart = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
