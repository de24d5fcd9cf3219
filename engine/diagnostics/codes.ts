// Stable diagnostic codes, kept in one place. Ranges:
// SLA1xxx source syntax (YAML, DSL) · SLA2xxx schema · SLA3xxx policy semantics (compiler)
// SLA4xxx case validation · SLA5xxx test files and tools · SLA6xxx the HTTP API.
export const codes = {
  // source syntax
  SLA1001: 'YAML syntax error',
  SLA1002: 'YAML aliases are not allowed',
  SLA1003: 'duplicate key',
  SLA1004: 'input too large',
  SLA1005: 'nesting too deep',
  SLA1006: 'empty document',
  SLA1007: 'not text (binary input)',
  SLA1008: 'forbidden key',
  SLA1009: 'more than one document',
  SLA1010: 'JSON syntax error',
  // DSL syntax (SLA11xx)
  SLA1101: 'DSL lexing error',
  SLA1102: 'DSL parse error',
  SLA1103: 'DSL nesting too deep',
  SLA1104: 'DSL value error',
  SLA1105: 'DSL duplicate definition',
  // schema
  SLA2001: 'schema violation',
  SLA2002: 'unknown property',
  SLA2003: 'missing property',
  SLA2004: 'wrong type',
  SLA2005: 'value not allowed',
  // semantics
  SLA3001: 'unknown reference',
  SLA3002: 'undeclared fact',
  SLA3003: 'undeclared event type',
  SLA3004: 'undeclared attribute',
  SLA3005: 'unknown plan dimension or option',
  SLA3006: 'missing plan value',
  SLA3007: 'invalid time zone',
  SLA3008: 'unknown calendar',
  SLA3009: 'unknown clause',
  SLA3010: 'duplicate id',
  SLA3011: 'value of the wrong type',
  SLA3012: 'invalid calendar definition',
  SLA3013: 'unused declaration',
  SLA3014: 'clause without text',
  SLA3015: 'invalid duration',
  // case validation
  SLA4001: 'invalid case',
  SLA4002: 'time without offset',
  SLA4003: 'invalid instant',
  SLA4004: 'unknown event type',
  SLA4005: 'unknown attribute',
  SLA4006: 'unknown fact',
  SLA4007: 'unknown plan option',
  SLA4008: 'wrong type',
  SLA4009: 'missing value',
  SLA4010: 'until before at',
  SLA4011: 'negative quantity',
  SLA4012: 'unknown policy',
  SLA4013: 'unsupported language',
  SLA4014: 'computation out of range',
  // tests and tools
  SLA5001: 'invalid test file',
  SLA5002: 'test failed',
  SLA5003: 'file not found',
  SLA5004: 'bad usage',
  // the HTTP API
  SLA6001: 'unknown route',
  SLA6002: 'body too large',
  SLA6003: 'unsupported media type',
  SLA6004: 'time budget exceeded',
  SLA6005: 'server overloaded',
  SLA6006: 'bad request',
  SLA6007: 'internal error',
} as const;

export type Code = keyof typeof codes;
