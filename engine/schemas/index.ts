// JSON Schemas (TypeBox) of what crosses the engine's boundary: the case asked, the answer given,
// the diagnostics. Platform-neutral: the HTTP API and the playground use the same ones.
export { Case, CaseEvent, PartialCase, Instant } from './case.ts';
export { Answer, ConditionTrace, CreditItem, DeadlineItem, EntitlementItem, Explanation, Money, PolicyRef, RefundAnswer } from './answer.ts';
export { Diagnostic, ErrorBody } from './diagnostic.ts';
