// Generated from the grammar (dsl/parser.ts) by chevrotain's generateCstDts: the CST node types the
// lowering reads. test/dsl/visitor.test.ts keeps it current (`npx vitest run test/dsl/visitor.test.ts -u`).
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface NameCstNode extends CstNode {
  name: "name";
  children: NameCstChildren;
}

export type NameCstChildren = {
  Ident?: IToken[];
  Keyword?: IToken[];
  StringLit?: IToken[];
};

export interface RefCstNode extends CstNode {
  name: "ref";
  children: RefCstChildren;
}

export type RefCstChildren = {
  Ident?: IToken[];
  StringLit?: IToken[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  NumberLit?: IToken[];
  K_true?: IToken[];
  K_false?: IToken[];
  StringLit?: IToken[];
  Ident?: IToken[];
  Keyword?: IToken[];
  DateLit?: IToken[];
};

export interface ValueListCstNode extends CstNode {
  name: "valueList";
  children: ValueListCstChildren;
}

export type ValueListCstChildren = {
  LBracket: IToken[];
  value?: ValueCstNode[];
  Comma?: IToken[];
  RBracket: IToken[];
};

export interface NameListCstNode extends CstNode {
  name: "nameList";
  children: NameListCstChildren;
}

export type NameListCstChildren = {
  LBracket?: IToken[];
  RBracket?: IToken[];
  name?: NameCstNode[];
  Comma?: IToken[];
};

export interface DateListCstNode extends CstNode {
  name: "dateList";
  children: DateListCstChildren;
}

export type DateListCstChildren = {
  LBracket?: IToken[];
  RBracket?: IToken[];
  date?: DateCstNode[];
  Comma?: IToken[];
};

export interface DateCstNode extends CstNode {
  name: "date";
  children: DateCstChildren;
}

export type DateCstChildren = {
  DateLit?: IToken[];
  StringLit?: IToken[];
};

export interface DurationCstNode extends CstNode {
  name: "duration";
  children: DurationCstChildren;
}

export type DurationCstChildren = {
  DurationLit?: IToken[];
  StringLit?: IToken[];
};

export interface ZoneCstNode extends CstNode {
  name: "zone";
  children: ZoneCstChildren;
}

export type ZoneCstChildren = {
  ZoneName?: IToken[];
  Offset?: IToken[];
  Ident?: IToken[];
  StringLit?: IToken[];
};

export interface ClauseRefCstNode extends CstNode {
  name: "clauseRef";
  children: ClauseRefCstChildren;
}

export type ClauseRefCstChildren = {
  LParen: IToken[];
  K_clause: IToken[];
  clause: NameCstNode[];
  RParen: IToken[];
};

export interface PvDurationCstNode extends CstNode {
  name: "pvDuration";
  children: PvDurationCstChildren;
}

export type PvDurationCstChildren = {
  K_by?: IToken[];
  plan?: RefCstNode[];
  LCurly?: IToken[];
  option?: NameCstNode[];
  Colon?: IToken[];
  optionValue?: DurationCstNode[];
  Comma?: IToken[];
  RCurly?: IToken[];
  single?: DurationCstNode[];
};

export interface PvStringCstNode extends CstNode {
  name: "pvString";
  children: PvStringCstChildren;
}

export type PvStringCstChildren = {
  K_by?: IToken[];
  plan?: RefCstNode[];
  LCurly?: IToken[];
  option?: NameCstNode[];
  Colon?: IToken[];
  optionValue?: RefCstNode[];
  Comma?: IToken[];
  RCurly?: IToken[];
  single?: RefCstNode[];
};

export interface LimitValueCstNode extends CstNode {
  name: "limitValue";
  children: LimitValueCstChildren;
}

export type LimitValueCstChildren = {
  NumberLit?: IToken[];
  K_unlimited?: IToken[];
};

export interface PvLimitCstNode extends CstNode {
  name: "pvLimit";
  children: PvLimitCstChildren;
}

export type PvLimitCstChildren = {
  attribute?: NameCstNode[];
  K_of?: IToken[];
  of?: EventRefCstNode[];
  K_by?: IToken[];
  plan?: RefCstNode[];
  LCurly?: IToken[];
  option?: NameCstNode[];
  Colon?: IToken[];
  optionValue?: LimitValueCstNode[];
  Comma?: IToken[];
  RCurly?: IToken[];
  single?: LimitValueCstNode[];
};

export interface AmountSourceCstNode extends CstNode {
  name: "amountSource";
  children: AmountSourceCstChildren;
}

export type AmountSourceCstChildren = {
  K_fact?: IToken[];
  fact?: RefCstNode[];
  attribute?: NameCstNode[];
  K_of?: IToken[];
  K_each?: IToken[];
  of?: EventRefCstNode[];
};

export interface AmountCstNode extends CstNode {
  name: "amount";
  children: AmountCstChildren;
}

export type AmountCstChildren = {
  number?: IToken[];
  amountSource?: AmountSourceCstNode[];
  pick?: (IToken)[];
  LParen?: IToken[];
  candidate?: AmountCstNode[];
  Comma?: IToken[];
  RParen?: IToken[];
  Percent?: IToken[];
  K_of?: IToken[];
  basis?: RefCstNode[];
  currency?: RefCstNode[];
};

export interface PvAmountCstNode extends CstNode {
  name: "pvAmount";
  children: PvAmountCstChildren;
}

export type PvAmountCstChildren = {
  K_by?: IToken[];
  plan?: RefCstNode[];
  LCurly?: IToken[];
  option?: NameCstNode[];
  Colon?: IToken[];
  optionValue?: AmountCstNode[];
  Comma?: IToken[];
  RCurly?: IToken[];
  single?: AmountCstNode[];
};

export interface EventRefCstNode extends CstNode {
  name: "eventRef";
  children: EventRefCstChildren;
}

export type EventRefCstChildren = {
  K_first?: IToken[];
  K_last?: IToken[];
  event: RefCstNode[];
  where?: WhereCstNode[];
};

export interface WhereCstNode extends CstNode {
  name: "where";
  children: WhereCstChildren;
}

export type WhereCstChildren = {
  K_where: IToken[];
  LCurly?: IToken[];
  RCurly?: IToken[];
  whereEntry?: (WhereEntryCstNode)[];
  Comma?: IToken[];
};

export interface WhereEntryCstNode extends CstNode {
  name: "whereEntry";
  children: WhereEntryCstChildren;
}

export type WhereEntryCstChildren = {
  attribute: NameCstNode[];
  LCurly?: IToken[];
  comparisons?: ComparisonsCstNode[];
  RCurly?: IToken[];
  comparison?: ComparisonCstNode[];
};

export interface InstantCstNode extends CstNode {
  name: "instant";
  children: InstantCstChildren;
}

export type InstantCstChildren = {
  K_known?: IToken[];
  K_instant?: IToken[];
  instant?: RefCstNode[];
  from?: EventRefCstNode[];
  Plus?: IToken[];
  add?: PvDurationCstNode[];
  K_on?: IToken[];
  calendar?: RefCstNode[];
};

export interface ConditionsCstNode extends CstNode {
  name: "conditions";
  children: ConditionsCstChildren;
}

export type ConditionsCstChildren = {
  K_always?: IToken[];
  condition?: ConditionCstNode[];
  K_and?: IToken[];
};

export interface ConditionCstNode extends CstNode {
  name: "condition";
  children: ConditionCstChildren;
}

export type ConditionCstChildren = {
  factCond?: FactCondCstNode[];
  planCond?: PlanCondCstNode[];
  eventCond?: EventCondCstNode[];
  nowCond?: NowCondCstNode[];
  deadlineCond?: DeadlineCondCstNode[];
  counterCond?: CounterCondCstNode[];
  entitlementCond?: EntitlementCondCstNode[];
  openCond?: OpenCondCstNode[];
  anyCond?: AnyCondCstNode[];
  K_because?: IToken[];
  reason?: IToken[];
};

export interface AnyCondCstNode extends CstNode {
  name: "anyCond";
  children: AnyCondCstChildren;
}

export type AnyCondCstChildren = {
  LParen: IToken[];
  condition: ConditionCstNode[];
  K_or?: IToken[];
  RParen: IToken[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  op?: (IToken)[];
  value?: ValueCstNode[];
  valueList?: ValueListCstNode[];
  number?: IToken[];
};

export interface ComparisonsCstNode extends CstNode {
  name: "comparisons";
  children: ComparisonsCstChildren;
}

export type ComparisonsCstChildren = {
  comparison: ComparisonCstNode[];
  Comma?: IToken[];
};

export interface FactCondCstNode extends CstNode {
  name: "factCond";
  children: FactCondCstChildren;
}

export type FactCondCstChildren = {
  K_fact: IToken[];
  fact: NameCstNode[];
  comparisons?: ComparisonsCstNode[];
};

export interface PlanCondCstNode extends CstNode {
  name: "planCond";
  children: PlanCondCstChildren;
}

export type PlanCondCstChildren = {
  K_plan: IToken[];
  plan: NameCstNode[];
  K_in: IToken[];
  options: ValueListCstNode[];
};

export interface EventCondCstNode extends CstNode {
  name: "eventCond";
  children: EventCondCstChildren;
}

export type EventCondCstChildren = {
  K_no?: IToken[];
  K_event: IToken[];
  event: NameCstNode[];
  where?: WhereCstNode[];
  K_exists?: IToken[];
  K_before?: IToken[];
  before?: InstantCstNode[];
  K_after?: IToken[];
  after?: InstantCstNode[];
};

export interface NowCondCstNode extends CstNode {
  name: "nowCond";
  children: NowCondCstChildren;
}

export type NowCondCstChildren = {
  K_now: IToken[];
  K_before: IToken[];
  instant: InstantCstNode[];
};

export interface DeadlineCondCstNode extends CstNode {
  name: "deadlineCond";
  children: DeadlineCondCstChildren;
}

export type DeadlineCondCstChildren = {
  K_deadline: IToken[];
  deadline: NameCstNode[];
  status: NameCstNode[];
  where?: WhereCstNode[];
  K_started?: IToken[];
  K_before?: IToken[];
  startedBefore?: InstantCstNode[];
};

export interface CounterCondCstNode extends CstNode {
  name: "counterCond";
  children: CounterCondCstChildren;
}

export type CounterCondCstChildren = {
  K_counter: IToken[];
  counter: NameCstNode[];
  comparisons?: ComparisonsCstNode[];
};

export interface EntitlementCondCstNode extends CstNode {
  name: "entitlementCond";
  children: EntitlementCondCstChildren;
}

export type EntitlementCondCstChildren = {
  K_entitlement: IToken[];
  entitlement: NameCstNode[];
  K_not?: IToken[];
  K_allowed: IToken[];
};

export interface OpenCondCstNode extends CstNode {
  name: "openCond";
  children: OpenCondCstChildren;
}

export type OpenCondCstChildren = {
  K_open: IToken[];
  calendar: NameCstNode[];
};

export interface PolicyCstNode extends CstNode {
  name: "policy";
  children: PolicyCstChildren;
}

export type PolicyCstChildren = {
  header: HeaderCstNode[];
  item?: ItemCstNode[];
};

export interface HeaderCstNode extends CstNode {
  name: "header";
  children: HeaderCstChildren;
}

export type HeaderCstChildren = {
  K_policy: IToken[];
  id: NameCstNode[];
  title: IToken[];
  headerItem?: HeaderItemCstNode[];
};

export interface HeaderItemCstNode extends CstNode {
  name: "headerItem";
  children: HeaderItemCstChildren;
}

export type HeaderItemCstChildren = {
  K_version?: IToken[];
  version?: (IToken)[];
  K_effective?: IToken[];
  date?: DateCstNode[];
  K_zone?: IToken[];
  zone?: ZoneCstNode[];
  K_currency?: IToken[];
  currency?: RefCstNode[];
  K_calendar?: IToken[];
  calendar?: RefCstNode[];
  K_schema?: IToken[];
  schema?: IToken[];
};

export interface ItemCstNode extends CstNode {
  name: "item";
  children: ItemCstChildren;
}

export type ItemCstChildren = {
  sourceDecl?: SourceDeclCstNode[];
  planDecl?: PlanDeclCstNode[];
  factDecl?: FactDeclCstNode[];
  eventDecl?: EventDeclCstNode[];
  calendarDecl?: CalendarDeclCstNode[];
  instantDecl?: InstantDeclCstNode[];
  counterDecl?: CounterDeclCstNode[];
  clauseDecl?: ClauseDeclCstNode[];
  assumptionDecl?: AssumptionDeclCstNode[];
  deadlineDecl?: DeadlineDeclCstNode[];
  entitlementDecl?: EntitlementDeclCstNode[];
  amountDecl?: AmountDeclCstNode[];
  refundDecl?: RefundDeclCstNode[];
  creditDecl?: CreditDeclCstNode[];
  noItem?: NoItemCstNode[];
};

export interface NoItemCstNode extends CstNode {
  name: "noItem";
  children: NoItemCstChildren;
}

export type NoItemCstChildren = {
  K_no: IToken[];
  what: NameCstNode[];
};

export interface SourceDeclCstNode extends CstNode {
  name: "sourceDecl";
  children: SourceDeclCstChildren;
}

export type SourceDeclCstChildren = {
  K_source: IToken[];
  lang: NameCstNode[];
  file: IToken[];
  title?: IToken[];
  K_rendering?: IToken[];
  K_of?: IToken[];
  renderingOf?: NameCstNode[];
};

export interface PlanDeclCstNode extends CstNode {
  name: "planDecl";
  children: PlanDeclCstChildren;
}

export type PlanDeclCstChildren = {
  K_plan: IToken[];
  id: NameCstNode[];
  Colon: IToken[];
  option: NameCstNode[];
  Pipe?: IToken[];
  K_default?: IToken[];
  default?: NameCstNode[];
};

export interface FactDeclCstNode extends CstNode {
  name: "factDecl";
  children: FactDeclCstChildren;
}

export type FactDeclCstChildren = {
  K_fact: IToken[];
  id: NameCstNode[];
  Colon: IToken[];
  typeSpec: TypeSpecCstNode[];
};

export interface TypeSpecCstNode extends CstNode {
  name: "typeSpec";
  children: TypeSpecCstChildren;
}

export type TypeSpecCstChildren = {
  type: NameCstNode[];
  typeMod?: TypeModCstNode[];
};

export interface TypeModCstNode extends CstNode {
  name: "typeMod";
  children: TypeModCstChildren;
}

export type TypeModCstChildren = {
  K_in?: IToken[];
  valueList?: ValueListCstNode[];
  Gte?: IToken[];
  minimum?: IToken[];
  K_default?: IToken[];
  value?: ValueCstNode[];
  K_required?: IToken[];
  K_optional?: IToken[];
};

export interface EventDeclCstNode extends CstNode {
  name: "eventDecl";
  children: EventDeclCstChildren;
}

export type EventDeclCstChildren = {
  K_event: IToken[];
  id: NameCstNode[];
  K_with?: IToken[];
  K_without?: IToken[];
  K_duration?: IToken[];
  LCurly?: IToken[];
  attributeDecl?: AttributeDeclCstNode[];
  RCurly?: IToken[];
};

export interface AttributeDeclCstNode extends CstNode {
  name: "attributeDecl";
  children: AttributeDeclCstChildren;
}

export type AttributeDeclCstChildren = {
  id: NameCstNode[];
  Colon: IToken[];
  typeSpec: TypeSpecCstNode[];
  Comma?: IToken[];
};

export interface CalendarDeclCstNode extends CstNode {
  name: "calendarDecl";
  children: CalendarDeclCstChildren;
}

export type CalendarDeclCstChildren = {
  K_calendar: IToken[];
  id: NameCstNode[];
  LCurly: IToken[];
  calendarItem?: CalendarItemCstNode[];
  RCurly: IToken[];
};

export interface CalendarItemCstNode extends CstNode {
  name: "calendarItem";
  children: CalendarItemCstChildren;
}

export type CalendarItemCstChildren = {
  K_zone?: IToken[];
  zone?: ZoneCstNode[];
  K_base?: IToken[];
  base?: RefCstNode[];
  K_days?: (IToken)[];
  dayList?: DayListCstNode[];
  K_hours?: IToken[];
  LCurly?: IToken[];
  hoursLine?: HoursLineCstNode[];
  RCurly?: IToken[];
  holiday?: HolidayCstNode[];
  suspension?: SuspensionCstNode[];
  K_extra?: IToken[];
  K_off?: IToken[];
  K_working?: IToken[];
  dateList?: DateListCstNode[];
  noItem?: NoItemCstNode[];
};

export interface DayListCstNode extends CstNode {
  name: "dayList";
  children: DayListCstChildren;
}

export type DayListCstChildren = {
  LBracket?: IToken[];
  RBracket?: IToken[];
  dayItem?: DayItemCstNode[];
  Comma?: IToken[];
};

export interface DayItemCstNode extends CstNode {
  name: "dayItem";
  children: DayItemCstChildren;
}

export type DayItemCstChildren = {
  from: NameCstNode[];
  DotDot?: IToken[];
  to?: NameCstNode[];
};

export interface HoursLineCstNode extends CstNode {
  name: "hoursLine";
  children: HoursLineCstChildren;
}

export type HoursLineCstChildren = {
  dayItem: DayItemCstNode[];
  Comma?: (IToken)[];
  LBracket?: IToken[];
  RBracket?: IToken[];
  timeRange?: TimeRangeCstNode[];
};

export interface TimeRangeCstNode extends CstNode {
  name: "timeRange";
  children: TimeRangeCstChildren;
}

export type TimeRangeCstChildren = {
  TimeRange?: IToken[];
  StringLit?: IToken[];
};

export interface HolidayCstNode extends CstNode {
  name: "holiday";
  children: HolidayCstChildren;
}

export type HolidayCstChildren = {
  K_holiday: IToken[];
  name?: IToken[];
  K_on?: IToken[];
  holidayDate?: HolidayDateCstNode[];
  K_of?: IToken[];
  country?: NameCstNode[];
  K_types?: IToken[];
  nameList?: NameListCstNode[];
  holidayMod?: HolidayModCstNode[];
};

export interface HolidayDateCstNode extends CstNode {
  name: "holidayDate";
  children: HolidayDateCstChildren;
}

export type HolidayDateCstChildren = {
  MonthDay?: (IToken)[];
  K_jalali?: IToken[];
  church?: NameCstNode[];
  K_easter?: IToken[];
  Plus?: IToken[];
  Minus?: IToken[];
  offset?: IToken[];
  dateList?: DateListCstNode[];
};

export interface HolidayModCstNode extends CstNode {
  name: "holidayMod";
  children: HolidayModCstChildren;
}

export type HolidayModCstChildren = {
  K_from?: IToken[];
  from?: DateCstNode[];
  K_until?: IToken[];
  until?: DateCstNode[];
  K_substitute?: (IToken)[];
  K_without?: IToken[];
};

export interface SuspensionCstNode extends CstNode {
  name: "suspension";
  children: SuspensionCstChildren;
}

export type SuspensionCstChildren = {
  K_suspended: IToken[];
  K_from?: IToken[];
  from?: DateCstNode[];
  K_until?: IToken[];
  until?: DateCstNode[];
  K_because?: IToken[];
  reason?: IToken[];
};

export interface InstantDeclCstNode extends CstNode {
  name: "instantDecl";
  children: InstantDeclCstChildren;
}

export type InstantDeclCstChildren = {
  K_instant: IToken[];
  id: NameCstNode[];
  Eq: IToken[];
  instant: InstantCstNode[];
};

export interface CounterDeclCstNode extends CstNode {
  name: "counterDecl";
  children: CounterDeclCstChildren;
}

export type CounterDeclCstChildren = {
  K_counter: IToken[];
  id: NameCstNode[];
  Colon: IToken[];
  K_breached?: IToken[];
  deadline?: RefCstNode[];
  K_count?: IToken[];
  count?: EventRefCstNode[];
  K_sum?: IToken[];
  attribute?: NameCstNode[];
  K_of?: IToken[];
  of?: EventRefCstNode[];
  K_per: IToken[];
  per: NameCstNode[];
};

export interface ClauseDeclCstNode extends CstNode {
  name: "clauseDecl";
  children: ClauseDeclCstChildren;
}

export type ClauseDeclCstChildren = {
  K_clause: IToken[];
  id: NameCstNode[];
  title?: IToken[];
  langTexts: LangTextsCstNode[];
};

export interface LangTextsCstNode extends CstNode {
  name: "langTexts";
  children: LangTextsCstChildren;
}

export type LangTextsCstChildren = {
  LCurly: IToken[];
  lang?: NameCstNode[];
  Colon?: IToken[];
  text?: IToken[];
  Comma?: IToken[];
  RCurly: IToken[];
};

export interface AssumptionDeclCstNode extends CstNode {
  name: "assumptionDecl";
  children: AssumptionDeclCstChildren;
}

export type AssumptionDeclCstChildren = {
  K_assumption: IToken[];
  id: NameCstNode[];
  clauseRef: ClauseRefCstNode[];
  langTexts: LangTextsCstNode[];
};

export interface ItemHeadCstNode extends CstNode {
  name: "itemHead";
  children: ItemHeadCstChildren;
}

export type ItemHeadCstChildren = {
  id: NameCstNode[];
  title?: IToken[];
  K_per?: IToken[];
  subject?: RefCstNode[];
  clauseRef?: ClauseRefCstNode[];
};

export interface AppliesCstNode extends CstNode {
  name: "applies";
  children: AppliesCstChildren;
}

export type AppliesCstChildren = {
  K_for: IToken[];
  K_all?: IToken[];
  K_plans?: IToken[];
  plan?: RefCstNode[];
  options?: NameListCstNode[];
};

export interface DeadlineDeclCstNode extends CstNode {
  name: "deadlineDecl";
  children: DeadlineDeclCstChildren;
}

export type DeadlineDeclCstChildren = {
  K_deadline: IToken[];
  itemHead: ItemHeadCstNode[];
  LCurly: IToken[];
  deadlineItem?: DeadlineItemCstNode[];
  RCurly: IToken[];
};

export interface DeadlineItemCstNode extends CstNode {
  name: "deadlineItem";
  children: DeadlineItemCstChildren;
}

export type DeadlineItemCstChildren = {
  applies?: AppliesCstNode[];
  party?: RefCstNode[];
  K_owes?: IToken[];
  K_should?: IToken[];
  K_must?: IToken[];
  stop?: EventRefCstNode[];
  K_within?: IToken[];
  pvDuration?: PvDurationCstNode[];
  K_after?: IToken[];
  start?: EventRefCstNode[];
  K_calendar?: IToken[];
  calendar?: RefCstNode[];
  K_priority?: IToken[];
  pvString?: PvStringCstNode[];
  K_internal?: IToken[];
  K_reported?: IToken[];
};

export interface EntitlementDeclCstNode extends CstNode {
  name: "entitlementDecl";
  children: EntitlementDeclCstChildren;
}

export type EntitlementDeclCstChildren = {
  K_entitlement: IToken[];
  itemHead: ItemHeadCstNode[];
  LCurly: IToken[];
  entitlementItem?: EntitlementItemCstNode[];
  RCurly: IToken[];
};

export interface EntitlementItemCstNode extends CstNode {
  name: "entitlementItem";
  children: EntitlementItemCstChildren;
}

export type EntitlementItemCstChildren = {
  applies?: AppliesCstNode[];
  K_each?: IToken[];
  each?: RefCstNode[];
  where?: WhereCstNode[];
  K_by?: (IToken)[];
  eachSubject?: RefCstNode[];
  K_limit?: IToken[];
  pvLimit?: PvLimitCstNode[];
  K_kind?: IToken[];
  kind?: NameCstNode[];
  K_used?: IToken[];
  used?: UsedCstNode[];
  K_excess?: IToken[];
  ledger?: LedgerCstNode[];
  K_opens?: IToken[];
  K_at?: IToken[];
  opens?: InstantCstNode[];
  K_until?: (IToken)[];
  instant?: InstantCstNode[];
  K_closed?: IToken[];
  closedBy?: EventRefCstNode[];
  K_paused?: IToken[];
  K_from?: IToken[];
  pauseStart?: EventRefCstNode[];
  pauseStop?: EventRefCstNode[];
  K_max?: IToken[];
  pauseMax?: DurationCstNode[];
  K_when?: IToken[];
  conditions?: ConditionsCstNode[];
  K_cost?: IToken[];
  pvAmount?: PvAmountCstNode[];
  K_field?: IToken[];
  field?: NameCstNode[];
  Colon?: IToken[];
  condition?: ConditionCstNode[];
  noItem?: NoItemCstNode[];
};

export interface LedgerCstNode extends CstNode {
  name: "ledger";
  children: LedgerCstChildren;
}

export type LedgerCstChildren = {
  K_ledger: IToken[];
  attribute: NameCstNode[];
  K_of: IToken[];
  grant: EventRefCstNode[];
  K_in?: IToken[];
  LCurly?: IToken[];
  value?: NameCstNode[];
  Colon?: IToken[];
  size?: IToken[];
  Comma?: IToken[];
  RCurly?: IToken[];
  K_within?: IToken[];
  expires?: PvDurationCstNode[];
  K_on?: IToken[];
  calendar?: RefCstNode[];
  K_and?: IToken[];
  K_plan?: IToken[];
  plan?: RefCstNode[];
};

export interface UsedCstNode extends CstNode {
  name: "used";
  children: UsedCstChildren;
}

export type UsedCstChildren = {
  K_count?: IToken[];
  count?: EventRefCstNode[];
  K_after?: (IToken)[];
  after?: (EventRefCstNode)[];
  K_fact?: IToken[];
  fact?: RefCstNode[];
  K_sum?: IToken[];
  attribute?: NameCstNode[];
  K_of?: IToken[];
  of?: EventRefCstNode[];
};

export interface AmountDeclCstNode extends CstNode {
  name: "amountDecl";
  children: AmountDeclCstChildren;
}

export type AmountDeclCstChildren = {
  K_amount: IToken[];
  itemHead: ItemHeadCstNode[];
  LCurly: IToken[];
  amountItem?: AmountItemCstNode[];
  RCurly: IToken[];
};

export interface AmountItemCstNode extends CstNode {
  name: "amountItem";
  children: AmountItemCstChildren;
}

export type AmountItemCstChildren = {
  applies?: AppliesCstNode[];
  K_value?: IToken[];
  pvAmount?: PvAmountCstNode[];
};

export interface RefundDeclCstNode extends CstNode {
  name: "refundDecl";
  children: RefundDeclCstChildren;
}

export type RefundDeclCstChildren = {
  K_refund: IToken[];
  clauseRef: ClauseRefCstNode[];
  LCurly: IToken[];
  refundItem?: RefundItemCstNode[];
  RCurly: IToken[];
};

export interface RefundItemCstNode extends CstNode {
  name: "refundItem";
  children: RefundItemCstChildren;
}

export type RefundItemCstChildren = {
  K_basis?: IToken[];
  basis?: RefCstNode[];
  K_requested?: IToken[];
  K_at?: IToken[];
  request?: EventRefCstNode[];
  refundRule?: RefundRuleCstNode[];
  K_otherwise?: IToken[];
  otherwise?: IToken[];
};

export interface RefundRuleCstNode extends CstNode {
  name: "refundRule";
  children: RefundRuleCstChildren;
}

export type RefundRuleCstChildren = {
  K_rule: IToken[];
  id: NameCstNode[];
  clauseRef?: ClauseRefCstNode[];
  LCurly: IToken[];
  ruleItem?: RuleItemCstNode[];
  RCurly: IToken[];
};

export interface RuleItemCstNode extends CstNode {
  name: "ruleItem";
  children: RuleItemCstChildren;
}

export type RuleItemCstChildren = {
  K_when?: IToken[];
  conditions?: ConditionsCstNode[];
  K_refund?: IToken[];
  percent?: IToken[];
  Percent?: IToken[];
  K_because?: IToken[];
  reason?: IToken[];
  exclusion?: ExclusionCstNode[];
  noItem?: NoItemCstNode[];
};

export interface ExclusionCstNode extends CstNode {
  name: "exclusion";
  children: ExclusionCstChildren;
}

export type ExclusionCstChildren = {
  K_except: IToken[];
  id: NameCstNode[];
  clauseRef?: ClauseRefCstNode[];
  K_because: IToken[];
  reason: IToken[];
  K_when: IToken[];
  condition: ConditionCstNode[];
};

export interface CreditDeclCstNode extends CstNode {
  name: "creditDecl";
  children: CreditDeclCstChildren;
}

export type CreditDeclCstChildren = {
  K_credit: IToken[];
  itemHead: ItemHeadCstNode[];
  LCurly: IToken[];
  creditItem?: CreditItemCstNode[];
  RCurly: IToken[];
};

export interface CreditItemCstNode extends CstNode {
  name: "creditItem";
  children: CreditItemCstChildren;
}

export type CreditItemCstChildren = {
  applies?: AppliesCstNode[];
  K_per?: IToken[];
  per?: NameCstNode[];
  K_downtime?: (IToken)[];
  downtime?: EventRefCstNode[];
  K_below?: IToken[];
  below?: IToken[];
  K_pays?: IToken[];
  multiplier?: IToken[];
  K_times?: IToken[];
  unit?: NameCstNode[];
};

export interface PolicyCstVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  name(children: NameCstChildren, param?: IN): OUT;
  ref(children: RefCstChildren, param?: IN): OUT;
  value(children: ValueCstChildren, param?: IN): OUT;
  valueList(children: ValueListCstChildren, param?: IN): OUT;
  nameList(children: NameListCstChildren, param?: IN): OUT;
  dateList(children: DateListCstChildren, param?: IN): OUT;
  date(children: DateCstChildren, param?: IN): OUT;
  duration(children: DurationCstChildren, param?: IN): OUT;
  zone(children: ZoneCstChildren, param?: IN): OUT;
  clauseRef(children: ClauseRefCstChildren, param?: IN): OUT;
  pvDuration(children: PvDurationCstChildren, param?: IN): OUT;
  pvString(children: PvStringCstChildren, param?: IN): OUT;
  limitValue(children: LimitValueCstChildren, param?: IN): OUT;
  pvLimit(children: PvLimitCstChildren, param?: IN): OUT;
  amountSource(children: AmountSourceCstChildren, param?: IN): OUT;
  amount(children: AmountCstChildren, param?: IN): OUT;
  pvAmount(children: PvAmountCstChildren, param?: IN): OUT;
  eventRef(children: EventRefCstChildren, param?: IN): OUT;
  where(children: WhereCstChildren, param?: IN): OUT;
  whereEntry(children: WhereEntryCstChildren, param?: IN): OUT;
  instant(children: InstantCstChildren, param?: IN): OUT;
  conditions(children: ConditionsCstChildren, param?: IN): OUT;
  condition(children: ConditionCstChildren, param?: IN): OUT;
  anyCond(children: AnyCondCstChildren, param?: IN): OUT;
  comparison(children: ComparisonCstChildren, param?: IN): OUT;
  comparisons(children: ComparisonsCstChildren, param?: IN): OUT;
  factCond(children: FactCondCstChildren, param?: IN): OUT;
  planCond(children: PlanCondCstChildren, param?: IN): OUT;
  eventCond(children: EventCondCstChildren, param?: IN): OUT;
  nowCond(children: NowCondCstChildren, param?: IN): OUT;
  deadlineCond(children: DeadlineCondCstChildren, param?: IN): OUT;
  counterCond(children: CounterCondCstChildren, param?: IN): OUT;
  entitlementCond(children: EntitlementCondCstChildren, param?: IN): OUT;
  openCond(children: OpenCondCstChildren, param?: IN): OUT;
  policy(children: PolicyCstChildren, param?: IN): OUT;
  header(children: HeaderCstChildren, param?: IN): OUT;
  headerItem(children: HeaderItemCstChildren, param?: IN): OUT;
  item(children: ItemCstChildren, param?: IN): OUT;
  noItem(children: NoItemCstChildren, param?: IN): OUT;
  sourceDecl(children: SourceDeclCstChildren, param?: IN): OUT;
  planDecl(children: PlanDeclCstChildren, param?: IN): OUT;
  factDecl(children: FactDeclCstChildren, param?: IN): OUT;
  typeSpec(children: TypeSpecCstChildren, param?: IN): OUT;
  typeMod(children: TypeModCstChildren, param?: IN): OUT;
  eventDecl(children: EventDeclCstChildren, param?: IN): OUT;
  attributeDecl(children: AttributeDeclCstChildren, param?: IN): OUT;
  calendarDecl(children: CalendarDeclCstChildren, param?: IN): OUT;
  calendarItem(children: CalendarItemCstChildren, param?: IN): OUT;
  dayList(children: DayListCstChildren, param?: IN): OUT;
  dayItem(children: DayItemCstChildren, param?: IN): OUT;
  hoursLine(children: HoursLineCstChildren, param?: IN): OUT;
  timeRange(children: TimeRangeCstChildren, param?: IN): OUT;
  holiday(children: HolidayCstChildren, param?: IN): OUT;
  holidayDate(children: HolidayDateCstChildren, param?: IN): OUT;
  holidayMod(children: HolidayModCstChildren, param?: IN): OUT;
  suspension(children: SuspensionCstChildren, param?: IN): OUT;
  instantDecl(children: InstantDeclCstChildren, param?: IN): OUT;
  counterDecl(children: CounterDeclCstChildren, param?: IN): OUT;
  clauseDecl(children: ClauseDeclCstChildren, param?: IN): OUT;
  langTexts(children: LangTextsCstChildren, param?: IN): OUT;
  assumptionDecl(children: AssumptionDeclCstChildren, param?: IN): OUT;
  itemHead(children: ItemHeadCstChildren, param?: IN): OUT;
  applies(children: AppliesCstChildren, param?: IN): OUT;
  deadlineDecl(children: DeadlineDeclCstChildren, param?: IN): OUT;
  deadlineItem(children: DeadlineItemCstChildren, param?: IN): OUT;
  entitlementDecl(children: EntitlementDeclCstChildren, param?: IN): OUT;
  entitlementItem(children: EntitlementItemCstChildren, param?: IN): OUT;
  ledger(children: LedgerCstChildren, param?: IN): OUT;
  used(children: UsedCstChildren, param?: IN): OUT;
  amountDecl(children: AmountDeclCstChildren, param?: IN): OUT;
  amountItem(children: AmountItemCstChildren, param?: IN): OUT;
  refundDecl(children: RefundDeclCstChildren, param?: IN): OUT;
  refundItem(children: RefundItemCstChildren, param?: IN): OUT;
  refundRule(children: RefundRuleCstChildren, param?: IN): OUT;
  ruleItem(children: RuleItemCstChildren, param?: IN): OUT;
  exclusion(children: ExclusionCstChildren, param?: IN): OUT;
  creditDecl(children: CreditDeclCstChildren, param?: IN): OUT;
  creditItem(children: CreditItemCstChildren, param?: IN): OUT;
}

