// Stable diagnostic codes, one per problem, each documented in docs/diagnostics.md. Ranges:
// SLA10xx source syntax · SLA11xx the DSL's syntax · SLA2xxx schema · SLA3xxx policy semantics
// SLA4xxx case validation · SLA5xxx test files and tools.
// `at: 'key'` marks problems that lie in a key (an unknown or forbidden property): their span is
// the key's, not the value's.
export interface CodeInfo {
  summary: string;
  at?: 'key';
}

export const codes = {
  // source syntax
  SLA1001: { summary: 'YAML syntax error' },
  SLA1002: { summary: 'YAML alias' },
  SLA1003: { summary: 'duplicate key', at: 'key' },
  SLA1004: { summary: 'input too large' },
  SLA1005: { summary: 'nesting too deep' },
  SLA1006: { summary: 'empty document' },
  SLA1007: { summary: 'not text' },
  SLA1008: { summary: 'forbidden key', at: 'key' },
  SLA1009: { summary: 'more than one document' },
  SLA1010: { summary: 'JSON syntax error' },
  SLA1011: { summary: 'YAML tag' },
  SLA1020: { summary: 'key that is not a plain scalar', at: 'key' },
  // DSL syntax (SLA11xx)
  SLA1101: { summary: 'DSL: unexpected character' },
  SLA1102: { summary: 'DSL: syntax error' },
  SLA1103: { summary: 'DSL: brackets nested too deep' },
  SLA1104: { summary: 'DSL: invalid string escape' },
  SLA1105: { summary: 'DSL: defined twice' },
  SLA1106: { summary: 'DSL: number out of range' },
  SLA1107: { summary: 'DSL: invalid range of weekdays' },
  SLA1108: { summary: 'DSL: Easter offset not in days' },
  SLA1109: { summary: 'DSL: `no …` not understood here' },
  SLA1110: { summary: 'DSL: `no event … exists` contradicts itself' },
  SLA1111: { summary: 'DSL: group inside a group' },
  SLA1112: { summary: 'DSL: group of one condition' },
  SLA1113: { summary: 'DSL: credit with a subject' },
  SLA1114: { summary: 'DSL: reserved name' },
  SLA1115: { summary: 'DSL: keyword used as a name' },
  SLA1116: { summary: 'DSL: unterminated or invalid string' },
  SLA1117: { summary: 'DSL front end not given' },
  // schema
  SLA2001: { summary: 'schema violation' },
  SLA2002: { summary: 'unknown property', at: 'key' },
  SLA2003: { summary: 'missing property' },
  SLA2004: { summary: 'value of the wrong type' },
  SLA2005: { summary: 'value not among those allowed' },
  SLA2006: { summary: 'invalid name', at: 'key' },
  SLA2007: { summary: 'value not in the expected form' },
  SLA2008: { summary: '`any` nested in `any`' },
  // semantics
  SLA3001: { summary: 'unknown instant' },
  SLA3002: { summary: 'unknown fact' },
  SLA3003: { summary: 'unknown event type' },
  SLA3004: { summary: 'unknown attribute' },
  SLA3005: { summary: 'unknown plan dimension' },
  SLA3006: { summary: 'missing plan value' },
  SLA3007: { summary: 'invalid time zone' },
  SLA3008: { summary: 'unknown calendar' },
  SLA3009: { summary: 'unknown clause' },
  SLA3010: { summary: 'duplicate id' },
  SLA3011: { summary: 'value of the wrong type' },
  SLA3012: { summary: 'invalid calendar date' },
  SLA3014: { summary: 'clause without text' },
  SLA3015: { summary: 'invalid duration' },
  SLA3016: { summary: 'number out of range' },
  SLA3017: { summary: 'unknown operator' },
  SLA3018: { summary: 'malformed compiled policy' },
  SLA3030: { summary: 'unknown deadline' },
  SLA3031: { summary: 'unknown counter' },
  SLA3032: { summary: 'unknown entitlement' },
  SLA3033: { summary: 'unknown plan option' },
  SLA3034: { summary: 'business duration without a calendar' },
  SLA3035: { summary: 'value not among the declared values' },
  SLA3036: { summary: 'number needed' },
  SLA3037: { summary: 'downtime event without a duration' },
  SLA3038: { summary: 'fact condition without exactly one comparison' },
  SLA3039: { summary: 'invalid holiday rule or range' },
  SLA3040: { summary: 'unknown holiday country' },
  SLA3041: { summary: 'invalid business week' },
  SLA3042: { summary: 'contradictory calendar' },
  SLA3043: { summary: 'calendar bases in a cycle' },
  // case validation
  SLA4001: { summary: 'case not a mapping' },
  SLA4002: { summary: 'time without offset' },
  SLA4003: { summary: 'invalid instant' },
  SLA4004: { summary: 'unknown event type' },
  SLA4005: { summary: 'unknown attribute', at: 'key' },
  SLA4006: { summary: 'unknown fact', at: 'key' },
  SLA4007: { summary: 'unknown plan option' },
  SLA4008: { summary: 'value of the wrong type' },
  SLA4009: { summary: 'missing value' },
  SLA4010: { summary: 'until before at' },
  SLA4011: { summary: 'negative quantity' },
  SLA4012: { summary: 'unknown policy' },
  SLA4013: { summary: 'unsupported language' },
  SLA4014: { summary: 'computation out of range' },
  SLA4015: { summary: 'policy reference that is not an id' },
  SLA4016: { summary: 'number out of range' },
  SLA4030: { summary: 'unknown case field', at: 'key' },
  SLA4031: { summary: 'until on an event without a duration', at: 'key' },
  SLA4032: { summary: 'unknown plan dimension', at: 'key' },
  SLA4033: { summary: 'value not among the declared values' },
  SLA4034: { summary: 'case for another policy' },
  // tests and tools
  SLA5001: { summary: 'invalid test file' },
  SLA5003: { summary: 'file not found' },
  SLA5004: { summary: 'bad usage' },
  SLA5005: { summary: 'not a regular file' },
  SLA5010: { summary: 'unknown key in a test file', at: 'key' },
  SLA5011: { summary: 'too many problems' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof codes;

/** Whether a problem with this code lies in a key rather than in its value. */
export const isKeyProblem = (code: Code): boolean => (codes[code] as CodeInfo).at === 'key';
