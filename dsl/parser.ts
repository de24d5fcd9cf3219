// The grammar of the policy DSL, and nothing else: a chevrotain CstParser. Lowering to the IR is
// in lower/ (a CST visitor); where a rule has several children of one kind it labels them, so the
// visitor reads them by name. Names: `name` accepts keywords too (used where the name is required
// and what follows cannot be mistaken for it), `ref` does not (used where a keyword could continue
// the sentence); both accept a "quoted" name.
import {
  CstParser,
  type CstNode,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type OrMethodOpts,
  type TokenType,
  type IToken,
} from 'chevrotain';
import * as T from './tokens.ts';

const { K } = T;

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${label(expected)} but found ${shown(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `unexpected ${shown(firstRedundant)} here`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) => {
    const starts = new Set<string>();
    for (const alt of expectedPathsPerAlt) for (const path of alt) if (path[0]) starts.add(label(path[0]));
    return `unexpected ${shown(actual[0])}; expected ${[...starts].slice(0, 12).join(', ')}`;
  },
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) => {
    const starts = new Set(expectedIterationPaths.map((p) => (p[0] ? label(p[0]) : '')).filter(Boolean));
    return `unexpected ${shown(actual[0])}; expected ${[...starts].join(', ')}`;
  },
};

/** Labels shared by several rules: the name a declaration declares, the operator of a comparison,
 *  and a plan value's two forms (see `byPlan`). */
const ID = { LABEL: 'id' };
const OP = { LABEL: 'op' };
const OPTION_VALUE = { LABEL: 'optionValue' };
const SINGLE = { LABEL: 'single' };

/** An alternative of OR. (A function, not `alt(() => …)`, so that no name is inferred for the
 *  arrow function: some loaders define a `name` property on every such function, on every call.) */
const alt = (ALT: () => void) => ({ ALT });

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}
function shown(t: IToken | undefined): string {
  if (!t || t.tokenType.name === 'EOF') return 'end of file';
  const img = t.image.length > 40 ? `${t.image.slice(0, 37)}…` : t.image;
  return `'${img}'`;
}

/** Thrown to stop a recovering parse that has found enough errors. */
export class TooManyErrors extends Error {}

interface ErrorSaver {
  SAVE_ERROR(e: IRecognitionException): IRecognitionException;
}

/** What chevrotain's tree builder needs to start a node. */
interface TreeBuilding {
  CST_STACK: CstNode[];
  setInitialNodeLocation(node: CstNode): void;
}

/** The prototype of every node's children: it holds nothing, so no label can meet an inherited
 *  property (what chevrotain's `Object.create(null)` ensures too). */
const CHILDREN_PROTO: object = Object.freeze(Object.create(null));

export class PolicyParser extends CstParser {
  /** a recovering parse stops after this many errors: resynchronising on a large garbled file is slow */
  maxErrors = Infinity;
  /** The alternatives of each OR, numbered by place in the grammar, made once per parser: built at
   *  every call, their arrays and closures were a good part of what parsing allocated. They hold no
   *  state of a call (each closure only calls this parser back). */
  private readonly alts: (IOrAlt<unknown>[] | OrMethodOpts<unknown>)[] = [];

  /** `validate`: run chevrotain's grammar checks (ambiguities, left recursion…), which the tests
   *  do; at run time they are skipped, which halves the time to build the parser. */
  constructor(recover: boolean, validate = false) {
    super(T.allTokens, {
      recoveryEnabled: recover,
      maxLookahead: 2,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider: messages,
      skipValidations: !validate,
    });
    const self = this as unknown as ErrorSaver;
    const save = self.SAVE_ERROR.bind(this);
    self.SAVE_ERROR = (e) => {
      const saved = save(e);
      if (this.errorCount() >= this.maxErrors) throw new TooManyErrors();
      return saved;
    };
    this.performSelfAnalysis();
  }

  /** Starts a rule's node as chevrotain does, but with children that V8 keeps as an ordinary object
   *  (chevrotain's `Object.create(null)` is kept as a hash table): reading them while lowering, by
   *  label, is then an inline-cached property load rather than a hash lookup. */
  cstInvocationStateUpdate(fullRuleName: string): void {
    const self = this as unknown as TreeBuilding;
    const node: CstNode = { name: fullRuleName, children: Object.create(CHILDREN_PROTO) };
    self.setInitialNodeLocation(node);
    self.CST_STACK.push(node);
  }

  private errorCount(): number {
    return this.errors.length;
  }

  // ── names and values ──────────────────────────────────────────────────────
  name = this.RULE('name', () => {
    this.OR((this.alts[0] ??= [alt(() => this.CONSUME(T.Ident)), alt(() => this.CONSUME(T.Keyword)), alt(() => this.CONSUME(T.StringLit))]));
  });
  ref = this.RULE('ref', () => {
    this.OR((this.alts[1] ??= [alt(() => this.CONSUME(T.Ident)), alt(() => this.CONSUME(T.StringLit))]));
  });
  /** a scalar: number, true/false, "string", or a bare word (a string) */
  value = this.RULE('value', () => {
    this.OR(
      (this.alts[2] ??= [
        alt(() => this.CONSUME(T.NumberLit)),
        alt(() => this.CONSUME(T.True)),
        alt(() => this.CONSUME(T.False)),
        alt(() => this.CONSUME(T.StringLit)),
        alt(() => this.CONSUME(T.Ident)),
        alt(() => this.CONSUME(T.Keyword)),
        alt(() => this.CONSUME(T.DateLit)),
      ]),
    );
  });
  valueList = this.RULE('valueList', () => {
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value) });
    this.CONSUME(T.RBracket);
  });
  /** `a, b, c` or `[]` */
  nameList = this.RULE('nameList', () => {
    this.OR(
      (this.alts[3] ??= [
        alt(() => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        }),
        alt(() => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) })),
      ]),
    );
  });
  dateList = this.RULE('dateList', () => {
    this.OR(
      (this.alts[4] ??= [
        alt(() => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        }),
        alt(() => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.date) })),
      ]),
    );
  });
  date = this.RULE('date', () => {
    this.OR((this.alts[5] ??= [alt(() => this.CONSUME(T.DateLit)), alt(() => this.CONSUME(T.StringLit))]));
  });
  duration = this.RULE('duration', () => {
    this.OR((this.alts[6] ??= [alt(() => this.CONSUME(T.DurationLit)), alt(() => this.CONSUME(T.StringLit))]));
  });
  zone = this.RULE('zone', () => {
    this.OR(
      (this.alts[7] ??= [
        alt(() => this.CONSUME(T.ZoneName)),
        alt(() => this.CONSUME(T.Offset)),
        alt(() => this.CONSUME(T.Ident)),
        alt(() => this.CONSUME(T.StringLit)),
      ]),
    );
  });
  clauseRef = this.RULE('clauseRef', () => {
    this.CONSUME(T.LParen);
    this.CONSUME(K.clause);
    this.SUBRULE(this.name, { LABEL: 'clause' });
    this.CONSUME(T.RParen);
  });

  // ── plan values: `X` or `by <plan> { option: X, … }` ──────────────────────
  /** `inner` parses one option's value, labelled `optionValue`; the plain alternative of a plan
   *  value is labelled `single` */
  byPlan(inner: () => void) {
    this.CONSUME9(K.by);
    this.SUBRULE9(this.ref, { LABEL: 'plan' });
    this.CONSUME9(T.LCurly);
    this.MANY9(() => {
      this.SUBRULE8(this.name, { LABEL: 'option' });
      this.CONSUME9(T.Colon);
      inner();
      this.OPTION9(() => this.CONSUME9(T.Comma));
    });
    this.CONSUME9(T.RCurly);
  }
  pvDuration = this.RULE('pvDuration', () => {
    this.OR((this.alts[8] ??= [alt(() => this.byPlan(() => this.SUBRULE(this.duration, OPTION_VALUE))), alt(() => this.SUBRULE1(this.duration, SINGLE))]));
  });
  pvString = this.RULE('pvString', () => {
    this.OR((this.alts[9] ??= [alt(() => this.byPlan(() => this.SUBRULE(this.ref, OPTION_VALUE))), alt(() => this.SUBRULE1(this.ref, SINGLE))]));
  });
  limitValue = this.RULE('limitValue', () => {
    this.OR((this.alts[10] ??= [alt(() => this.CONSUME(T.NumberLit)), alt(() => this.CONSUME(K.unlimited))]));
  });
  pvLimit = this.RULE('pvLimit', () => {
    // `<attribute> of <event>` first: an attribute may be called `unlimited`
    this.OR(
      (this.alts[11] ??= {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          alt(() => {
            this.SUBRULE(this.name, { LABEL: 'attribute' });
            this.CONSUME(K.of);
            this.SUBRULE(this.eventRef, { LABEL: 'of' });
          }),
          alt(() => this.byPlan(() => this.SUBRULE(this.limitValue, OPTION_VALUE))),
          alt(() => this.SUBRULE1(this.limitValue, SINGLE)),
        ],
      }),
    );
  });
  /** a number read from the case: `fact <f>`, or `<attribute> of [first|last|each] <event>` */
  amountSource = this.RULE('amountSource', () => {
    this.OR(
      (this.alts[12] ??= [
        alt(() => {
          this.CONSUME(K.fact);
          this.SUBRULE(this.ref, { LABEL: 'fact' });
        }),
        alt(() => {
          this.SUBRULE(this.name, { LABEL: 'attribute' });
          this.CONSUME(K.of);
          this.OPTION(() => this.CONSUME(K.each));
          this.SUBRULE(this.eventRef, { LABEL: 'of' });
        }),
      ]),
    );
  });
  /** `25 [EUR]`, `<percent>% of <fact>`, a source, `max(…)` / `min(…)`; the grammar takes any
   *  term in any place, lowering says which may stand where (a percentage's candidates are numbers). */
  amount = this.RULE('amount', () => {
    this.OR(
      (this.alts[13] ??= [
        alt(() => this.CONSUME(T.NumberLit, { LABEL: 'number' })),
        alt(() => this.SUBRULE(this.amountSource)),
        alt(() => {
          this.OR1((this.alts[14] ??= [alt(() => this.CONSUME(K.max, { LABEL: 'pick' })), alt(() => this.CONSUME(K.min, { LABEL: 'pick' }))]));
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.amount, { LABEL: 'candidate' }) });
          this.CONSUME(T.RParen);
        }),
      ]),
    );
    this.OPTION(() =>
      this.OR2(
        (this.alts[15] ??= [
          alt(() => {
            this.CONSUME(T.Percent);
            this.CONSUME1(K.of);
            this.SUBRULE(this.ref, { LABEL: 'basis' });
          }),
          alt(() => this.SUBRULE1(this.ref, { LABEL: 'currency' })),
        ]),
      ),
    );
  });
  pvAmount = this.RULE('pvAmount', () => {
    this.OR((this.alts[16] ??= [alt(() => this.byPlan(() => this.SUBRULE(this.amount, OPTION_VALUE))), alt(() => this.SUBRULE1(this.amount, SINGLE))]));
  });

  // ── events and instants ───────────────────────────────────────────────────
  /** `[first|last] event [where a = v, b in [x, y]]` */
  eventRef = this.RULE('eventRef', () => {
    this.OPTION(() => this.OR((this.alts[17] ??= [alt(() => this.CONSUME(K.first)), alt(() => this.CONSUME(K.last))])));
    this.SUBRULE(this.ref, { LABEL: 'event' });
    this.OPTION1(() => this.SUBRULE(this.where));
  });
  where = this.RULE('where', () => {
    this.CONSUME(K.where);
    this.OR(
      (this.alts[18] ??= [
        alt(() => {
          this.CONSUME(T.LCurly);
          this.CONSUME(T.RCurly);
        }),
        alt(() => {
          this.SUBRULE(this.whereEntry);
          // a comma before an amount's next candidate (`max(x of each e where a = 1, 5)`) ends the filter
          this.MANY({
            GATE: () => !this.startsCandidate(),
            DEF: () => {
              this.CONSUME(T.Comma);
              this.SUBRULE1(this.whereEntry);
            },
          });
        }),
      ]),
    );
  });
  /** whether the tokens after a comma begin an amount candidate rather than a filter entry */
  private startsCandidate(): boolean {
    const [a, b] = [this.LA(2).tokenType, this.LA(3).tokenType];
    // (or, in `by <plan> { a: …, b: … }`, the next option)
    return a === T.NumberLit || b === K.of || b === T.LParen || b === T.Colon || (a === K.fact && (b === T.Ident || b === T.StringLit));
  }
  /** `a = v`, `a in [x, y]`, `a >= 3`, or several comparisons of one attribute `a { >= 3, < 8 }` */
  whereEntry = this.RULE('whereEntry', () => {
    this.SUBRULE(this.name, { LABEL: 'attribute' });
    this.OR(
      (this.alts[19] ??= [
        alt(() => {
          this.CONSUME(T.LCurly);
          this.OPTION(() => this.SUBRULE(this.comparisons));
          this.CONSUME(T.RCurly);
        }),
        alt(() => this.SUBRULE(this.comparison)),
      ]),
    );
  });
  /** `[known] instant name` or `[known] event [+ duration] [on calendar]`; `known`: the comparison
   *  needs the instant known (its anchor event happened) and does not hold while it is pending */
  instant = this.RULE('instant', () => {
    this.OPTION2(() => this.CONSUME(K.known));
    this.OR(
      (this.alts[20] ??= [
        alt(() => {
          this.CONSUME(K.instant);
          this.SUBRULE(this.ref, { LABEL: 'instant' });
        }),
        alt(() => {
          this.SUBRULE(this.eventRef, { LABEL: 'from' });
          this.OPTION(() => {
            this.CONSUME(T.Plus);
            this.SUBRULE(this.pvDuration, { LABEL: 'add' });
          });
          this.OPTION1(() => {
            this.CONSUME(K.on);
            this.SUBRULE1(this.ref, { LABEL: 'calendar' });
          });
        }),
      ]),
    );
  });

  // ── conditions ────────────────────────────────────────────────────────────
  conditions = this.RULE('conditions', () => {
    this.OR((this.alts[21] ??= [alt(() => this.CONSUME(K.always)), alt(() => this.AT_LEAST_ONE_SEP({ SEP: K.and, DEF: () => this.SUBRULE(this.condition) }))]));
  });
  condition = this.RULE('condition', () => {
    this.OR(
      (this.alts[22] ??= [
        alt(() => this.SUBRULE(this.factCond)),
        alt(() => this.SUBRULE(this.planCond)),
        alt(() => this.SUBRULE(this.eventCond)),
        alt(() => this.SUBRULE(this.nowCond)),
        alt(() => this.SUBRULE(this.deadlineCond)),
        alt(() => this.SUBRULE(this.counterCond)),
        alt(() => this.SUBRULE(this.entitlementCond)),
        alt(() => this.SUBRULE(this.openCond)),
        alt(() => this.SUBRULE(this.anyCond)),
      ]),
    );
    this.OPTION(() => {
      this.CONSUME(K.because);
      this.CONSUME(T.StringLit, { LABEL: 'reason' });
    });
  });
  /** `(<condition> or <condition> …)`: at least one holds (the IR's `any`). The grammar takes any
   *  number of any conditions; lowering reports a group of one and a group inside a group. */
  anyCond = this.RULE('anyCond', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: K.or, DEF: () => this.SUBRULE(this.condition) });
    this.CONSUME(T.RParen);
  });
  comparison = this.RULE('comparison', () => {
    this.OR(
      (this.alts[23] ??= [
        alt(() => {
          this.OR1((this.alts[24] ??= [alt(() => this.CONSUME(T.Eq, OP)), alt(() => this.CONSUME(T.NotEq, OP))]));
          this.SUBRULE(this.value);
        }),
        alt(() => {
          this.OPTION(() => this.CONSUME(K.not, OP));
          this.CONSUME(K.in, OP);
          this.SUBRULE(this.valueList);
        }),
        alt(() => {
          this.OR2(
            (this.alts[25] ??= [
              alt(() => this.CONSUME(T.Gt, OP)),
              alt(() => this.CONSUME(T.Lt, OP)),
              alt(() => this.CONSUME(T.Gte, OP)),
              alt(() => this.CONSUME(T.Lte, OP)),
            ]),
          );
          this.CONSUME(T.NumberLit, { LABEL: 'number' });
        }),
      ]),
    );
  });
  comparisons = this.RULE('comparisons', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.comparison) });
  });
  factCond = this.RULE('factCond', () => {
    this.CONSUME(K.fact);
    this.SUBRULE(this.name, { LABEL: 'fact' });
    this.OPTION(() => this.SUBRULE(this.comparisons));
  });
  planCond = this.RULE('planCond', () => {
    this.CONSUME(K.plan);
    this.SUBRULE(this.name, { LABEL: 'plan' });
    this.CONSUME(K.in);
    this.SUBRULE(this.valueList, { LABEL: 'options' });
  });
  eventCond = this.RULE('eventCond', () => {
    this.OPTION(() => this.CONSUME(K.no));
    this.CONSUME(K.event);
    this.SUBRULE(this.name, { LABEL: 'event' });
    this.OPTION1(() => this.SUBRULE(this.where));
    this.OPTION2(() => this.CONSUME(K.exists));
    this.OPTION3(() => {
      this.CONSUME(K.before);
      this.SUBRULE(this.instant, { LABEL: 'before' });
    });
    this.OPTION4(() => {
      this.CONSUME(K.after);
      this.SUBRULE1(this.instant, { LABEL: 'after' });
    });
  });
  nowCond = this.RULE('nowCond', () => {
    this.CONSUME(K.now);
    this.CONSUME(K.before);
    this.SUBRULE(this.instant);
  });
  deadlineCond = this.RULE('deadlineCond', () => {
    this.CONSUME(K.deadline);
    this.SUBRULE(this.name, { LABEL: 'deadline' });
    this.SUBRULE1(this.name, { LABEL: 'status' });
    this.OPTION(() => this.SUBRULE(this.where));
    this.OPTION1(() => {
      this.CONSUME(K.started);
      this.CONSUME(K.before);
      this.SUBRULE(this.instant, { LABEL: 'startedBefore' });
    });
  });
  counterCond = this.RULE('counterCond', () => {
    this.CONSUME(K.counter);
    this.SUBRULE(this.name, { LABEL: 'counter' });
    this.OPTION(() => this.SUBRULE(this.comparisons));
  });
  entitlementCond = this.RULE('entitlementCond', () => {
    this.CONSUME(K.entitlement);
    this.SUBRULE(this.name, { LABEL: 'entitlement' });
    this.OPTION(() => this.CONSUME(K.not));
    this.CONSUME(K.allowed);
  });
  openCond = this.RULE('openCond', () => {
    this.CONSUME(K.open);
    this.SUBRULE(this.name, { LABEL: 'calendar' });
  });

  // ── the file ──────────────────────────────────────────────────────────────
  policy = this.RULE('policy', () => {
    this.SUBRULE(this.header);
    this.MANY(() => this.SUBRULE(this.item));
  });
  header = this.RULE('header', () => {
    this.CONSUME(K.policy);
    this.SUBRULE(this.name, { LABEL: 'id' });
    this.CONSUME(T.StringLit, { LABEL: 'title' });
    this.MANY({
      // `calendar x {` starts a calendar declaration; `calendar x` alone names the default calendar
      GATE: () => !(this.LA(1).tokenType === K.calendar && this.LA(3).tokenType === T.LCurly),
      DEF: () => this.SUBRULE(this.headerItem),
    });
  });
  headerItem = this.RULE('headerItem', () => {
    this.OR(
      (this.alts[26] ??= [
        alt(() => {
          this.CONSUME(K.version);
          const version = { LABEL: 'version' };
          this.OR1(
            (this.alts[27] ??= [
              alt(() => this.CONSUME(T.StringLit, version)),
              alt(() => this.CONSUME(T.DateLit, version)),
              alt(() => this.CONSUME(T.NumberLit, version)),
            ]),
          );
        }),
        alt(() => {
          this.CONSUME(K.effective);
          this.SUBRULE(this.date);
        }),
        alt(() => {
          this.CONSUME(K.zone);
          this.SUBRULE(this.zone);
        }),
        alt(() => {
          this.CONSUME(K.currency);
          this.SUBRULE(this.ref, { LABEL: 'currency' });
        }),
        alt(() => {
          this.CONSUME(K.calendar);
          this.SUBRULE1(this.ref, { LABEL: 'calendar' });
        }),
        alt(() => {
          this.CONSUME(K.schema);
          this.CONSUME1(T.StringLit, { LABEL: 'schema' });
        }),
      ]),
    );
  });
  item = this.RULE('item', () => {
    this.OR(
      (this.alts[28] ??= [
        alt(() => this.SUBRULE(this.sourceDecl)),
        alt(() => this.SUBRULE(this.planDecl)),
        alt(() => this.SUBRULE(this.factDecl)),
        alt(() => this.SUBRULE(this.eventDecl)),
        alt(() => this.SUBRULE(this.calendarDecl)),
        alt(() => this.SUBRULE(this.instantDecl)),
        alt(() => this.SUBRULE(this.counterDecl)),
        alt(() => this.SUBRULE(this.clauseDecl)),
        alt(() => this.SUBRULE(this.assumptionDecl)),
        alt(() => this.SUBRULE(this.deadlineDecl)),
        alt(() => this.SUBRULE(this.entitlementDecl)),
        alt(() => this.SUBRULE(this.amountDecl)),
        alt(() => this.SUBRULE(this.refundDecl)),
        alt(() => this.SUBRULE(this.creditDecl)),
        alt(() => this.SUBRULE(this.noItem)),
      ]),
    );
  });
  /** `no facts`, `no holidays`, `no excess`… : an explicitly empty list (or a false flag) */
  noItem = this.RULE('noItem', () => {
    this.CONSUME(K.no);
    this.SUBRULE(this.name, { LABEL: 'what' });
  });
  sourceDecl = this.RULE('sourceDecl', () => {
    this.CONSUME(K.source);
    this.SUBRULE(this.name, { LABEL: 'lang' });
    this.CONSUME(T.StringLit, { LABEL: 'file' });
    this.OPTION(() => this.CONSUME1(T.StringLit, { LABEL: 'title' }));
    this.OPTION1(() => {
      this.CONSUME(K.rendering);
      this.CONSUME(K.of);
      this.SUBRULE1(this.name, { LABEL: 'renderingOf' });
    });
  });
  planDecl = this.RULE('planDecl', () => {
    this.CONSUME(K.plan);
    this.SUBRULE(this.name, ID);
    this.CONSUME(T.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.SUBRULE1(this.name, { LABEL: 'option' }) });
    this.OPTION(() => {
      this.CONSUME(K.default);
      this.SUBRULE2(this.name, { LABEL: 'default' });
    });
  });
  factDecl = this.RULE('factDecl', () => {
    this.CONSUME(K.fact);
    this.SUBRULE(this.name, ID);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeSpec);
  });
  typeSpec = this.RULE('typeSpec', () => {
    this.SUBRULE(this.name, { LABEL: 'type' });
    this.MANY(() => this.SUBRULE(this.typeMod));
  });
  typeMod = this.RULE('typeMod', () => {
    this.OR(
      (this.alts[29] ??= [
        alt(() => {
          this.CONSUME(K.in);
          this.SUBRULE(this.valueList);
        }),
        alt(() => {
          this.CONSUME(T.Gte);
          this.CONSUME(T.NumberLit, { LABEL: 'minimum' });
        }),
        alt(() => {
          this.CONSUME(K.default);
          this.SUBRULE(this.value);
        }),
        alt(() => this.CONSUME(K.required)),
        alt(() => this.CONSUME(K.optional)),
      ]),
    );
  });
  eventDecl = this.RULE('eventDecl', () => {
    this.CONSUME(K.event);
    this.SUBRULE(this.name, ID);
    this.OPTION(() => {
      this.OR((this.alts[30] ??= [alt(() => this.CONSUME(K.with)), alt(() => this.CONSUME(K.without))]));
      this.CONSUME(K.duration);
    });
    this.OPTION1(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => this.SUBRULE(this.attributeDecl));
      this.CONSUME(T.RCurly);
    });
  });
  attributeDecl = this.RULE('attributeDecl', () => {
    this.SUBRULE(this.name, ID);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeSpec);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  calendarDecl = this.RULE('calendarDecl', () => {
    this.CONSUME(K.calendar);
    this.SUBRULE(this.name, ID);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.calendarItem));
    this.CONSUME(T.RCurly);
  });
  calendarItem = this.RULE('calendarItem', () => {
    this.OR(
      (this.alts[31] ??= [
        alt(() => {
          this.CONSUME(K.zone);
          this.SUBRULE(this.zone);
        }),
        alt(() => {
          this.CONSUME(K.base);
          this.SUBRULE(this.ref, { LABEL: 'base' });
        }),
        alt(() => {
          this.CONSUME(K.days);
          this.SUBRULE(this.dayList);
        }),
        alt(() => {
          this.CONSUME(K.hours);
          this.CONSUME(T.LCurly);
          this.MANY(() => this.SUBRULE(this.hoursLine));
          this.CONSUME(T.RCurly);
        }),
        alt(() => this.SUBRULE(this.holiday)),
        alt(() => this.SUBRULE(this.suspension)),
        alt(() => {
          this.CONSUME(K.extra);
          this.OR1(
            (this.alts[32] ??= [
              alt(() => {
                this.CONSUME1(K.days);
                this.CONSUME(K.off);
              }),
              alt(() => {
                this.CONSUME(K.working);
                this.CONSUME2(K.days);
              }),
            ]),
          );
          this.SUBRULE(this.dateList);
        }),
        alt(() => this.SUBRULE(this.noItem)),
      ]),
    );
  });
  dayList = this.RULE('dayList', () => {
    this.OR(
      (this.alts[33] ??= [
        alt(() => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        }),
        alt(() => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dayItem) })),
      ]),
    );
  });
  dayItem = this.RULE('dayItem', () => {
    this.SUBRULE(this.name, { LABEL: 'from' });
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.SUBRULE1(this.name, { LABEL: 'to' });
    });
  });
  hoursLine = this.RULE('hoursLine', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dayItem) });
    this.OR(
      (this.alts[34] ??= [
        alt(() => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        }),
        alt(() => this.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => this.SUBRULE(this.timeRange) })),
      ]),
    );
  });
  timeRange = this.RULE('timeRange', () => {
    this.OR((this.alts[35] ??= [alt(() => this.CONSUME(T.TimeRange)), alt(() => this.CONSUME(T.StringLit))]));
  });
  holiday = this.RULE('holiday', () => {
    this.CONSUME(K.holiday);
    this.OPTION(() => this.CONSUME(T.StringLit, { LABEL: 'name' }));
    this.OR(
      (this.alts[36] ??= [
        alt(() => {
          this.CONSUME(K.on);
          this.SUBRULE(this.holidayDate);
        }),
        alt(() => {
          this.CONSUME(K.of);
          this.SUBRULE(this.name, { LABEL: 'country' });
          this.OPTION1(() => {
            this.CONSUME(K.types);
            this.SUBRULE(this.nameList);
          });
        }),
      ]),
    );
    this.MANY(() => this.SUBRULE(this.holidayMod));
  });
  holidayDate = this.RULE('holidayDate', () => {
    this.OR(
      (this.alts[37] ??= [
        alt(() => this.CONSUME(T.MonthDay)),
        alt(() => {
          this.CONSUME(K.jalali);
          this.CONSUME1(T.MonthDay);
        }),
        alt(() => {
          this.SUBRULE(this.name, { LABEL: 'church' });
          this.CONSUME(K.easter);
          this.OPTION(() => {
            this.OR1((this.alts[38] ??= [alt(() => this.CONSUME(T.Plus)), alt(() => this.CONSUME(T.Minus))]));
            this.CONSUME(T.DurationLit, { LABEL: 'offset' });
          });
        }),
        alt(() => this.SUBRULE(this.dateList)),
      ]),
    );
  });
  holidayMod = this.RULE('holidayMod', () => {
    this.OR(
      (this.alts[39] ??= [
        alt(() => {
          this.CONSUME(K.from);
          this.SUBRULE(this.date, { LABEL: 'from' });
        }),
        alt(() => {
          this.CONSUME(K.until);
          this.SUBRULE1(this.date, { LABEL: 'until' });
        }),
        alt(() => this.CONSUME(K.substitute)),
        alt(() => {
          this.CONSUME(K.without);
          this.CONSUME1(K.substitute);
        }),
      ]),
    );
  });
  suspension = this.RULE('suspension', () => {
    this.CONSUME(K.suspended);
    this.OPTION(() => {
      this.CONSUME(K.from);
      this.SUBRULE(this.date, { LABEL: 'from' });
    });
    this.OPTION1(() => {
      this.CONSUME(K.until);
      this.SUBRULE1(this.date, { LABEL: 'until' });
    });
    this.OPTION2(() => {
      this.CONSUME(K.because);
      this.CONSUME(T.StringLit, { LABEL: 'reason' });
    });
  });

  instantDecl = this.RULE('instantDecl', () => {
    this.CONSUME(K.instant);
    this.SUBRULE(this.name, ID);
    this.CONSUME(T.Eq);
    this.SUBRULE(this.instant);
  });
  counterDecl = this.RULE('counterDecl', () => {
    this.CONSUME(K.counter);
    this.SUBRULE(this.name, ID);
    this.CONSUME(T.Colon);
    this.OR(
      (this.alts[40] ??= [
        alt(() => {
          this.CONSUME(K.breached);
          this.SUBRULE(this.ref, { LABEL: 'deadline' });
        }),
        alt(() => {
          this.CONSUME(K.count);
          this.SUBRULE(this.eventRef, { LABEL: 'count' });
        }),
        alt(() => {
          this.CONSUME(K.sum);
          this.SUBRULE1(this.name, { LABEL: 'attribute' });
          this.CONSUME(K.of);
          this.SUBRULE1(this.eventRef, { LABEL: 'of' });
        }),
      ]),
    );
    this.CONSUME(K.per);
    this.SUBRULE2(this.name, { LABEL: 'per' });
  });
  clauseDecl = this.RULE('clauseDecl', () => {
    this.CONSUME(K.clause);
    this.SUBRULE(this.name, ID);
    this.OPTION(() => this.CONSUME(T.StringLit, { LABEL: 'title' }));
    this.SUBRULE(this.langTexts);
  });
  langTexts = this.RULE('langTexts', () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.name, { LABEL: 'lang' });
      this.CONSUME(T.Colon);
      this.CONSUME(T.StringLit, { LABEL: 'text' });
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });
  assumptionDecl = this.RULE('assumptionDecl', () => {
    this.CONSUME(K.assumption);
    this.SUBRULE(this.name, ID);
    this.SUBRULE(this.clauseRef);
    this.SUBRULE(this.langTexts);
  });

  /** `<id> ["title"] [per <subject>] (clause <id>)` */
  itemHead = this.RULE('itemHead', () => {
    this.SUBRULE(this.name, ID);
    this.OPTION(() => this.CONSUME(T.StringLit, { LABEL: 'title' }));
    this.OPTION1(() => {
      this.CONSUME(K.per);
      this.SUBRULE(this.ref, { LABEL: 'subject' });
    });
    this.OPTION2(() => this.SUBRULE(this.clauseRef));
  });
  applies = this.RULE('applies', () => {
    this.CONSUME(K.for);
    this.OR(
      (this.alts[41] ??= [
        alt(() => {
          this.CONSUME(K.all);
          this.CONSUME(K.plans);
        }),
        alt(() => {
          this.SUBRULE(this.ref, { LABEL: 'plan' });
          this.SUBRULE(this.nameList, { LABEL: 'options' });
        }),
      ]),
    );
  });
  deadlineDecl = this.RULE('deadlineDecl', () => {
    this.CONSUME(K.deadline);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.deadlineItem));
    this.CONSUME(T.RCurly);
  });
  deadlineItem = this.RULE('deadlineItem', () => {
    this.OR(
      (this.alts[42] ??= [
        alt(() => this.SUBRULE(this.applies)),
        // <party> owes|should|must <stop> within <duration> after <start>
        alt(() => {
          this.SUBRULE(this.ref, { LABEL: 'party' });
          this.OR1((this.alts[43] ??= [alt(() => this.CONSUME(K.owes)), alt(() => this.CONSUME(K.should)), alt(() => this.CONSUME(K.must))]));
          this.SUBRULE(this.eventRef, { LABEL: 'stop' });
          this.CONSUME(K.within);
          this.SUBRULE(this.pvDuration);
          this.CONSUME(K.after);
          this.SUBRULE1(this.eventRef, { LABEL: 'start' });
        }),
        alt(() => {
          this.CONSUME(K.calendar);
          this.SUBRULE1(this.ref, { LABEL: 'calendar' });
        }),
        alt(() => {
          this.CONSUME(K.priority);
          this.SUBRULE(this.pvString);
        }),
        alt(() => this.CONSUME(K.internal)),
        alt(() => this.CONSUME(K.reported)),
      ]),
    );
  });
  entitlementDecl = this.RULE('entitlementDecl', () => {
    this.CONSUME(K.entitlement);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.entitlementItem));
    this.CONSUME(T.RCurly);
  });
  entitlementItem = this.RULE('entitlementItem', () => {
    this.OR(
      (this.alts[44] ??= [
        alt(() => this.SUBRULE(this.applies)),
        alt(() => {
          this.CONSUME(K.each);
          this.SUBRULE(this.ref, { LABEL: 'each' });
          this.OPTION(() => this.SUBRULE(this.where));
          this.OPTION1(() => {
            this.CONSUME1(K.by);
            this.SUBRULE1(this.ref, { LABEL: 'eachSubject' });
          });
        }),
        alt(() => {
          this.CONSUME(K.limit);
          this.SUBRULE(this.pvLimit);
        }),
        alt(() => {
          this.CONSUME(K.kind);
          this.SUBRULE(this.name, { LABEL: 'kind' });
        }),
        alt(() => {
          this.CONSUME(K.used);
          this.SUBRULE(this.used);
        }),
        alt(() => this.CONSUME(K.excess)),
        alt(() => this.SUBRULE(this.ledger)),
        alt(() => {
          this.CONSUME(K.opens);
          this.CONSUME(K.at);
          this.SUBRULE2(this.instant, { LABEL: 'opens' });
        }),
        alt(() => {
          this.CONSUME(K.until);
          this.SUBRULE(this.instant);
        }),
        alt(() => {
          this.CONSUME(K.closed);
          this.CONSUME(K.by);
          this.SUBRULE1(this.eventRef, { LABEL: 'closedBy' });
        }),
        alt(() => {
          this.CONSUME(K.paused);
          this.CONSUME(K.from);
          this.SUBRULE2(this.eventRef, { LABEL: 'pauseStart' });
          this.CONSUME1(K.until);
          this.SUBRULE3(this.eventRef, { LABEL: 'pauseStop' });
          this.CONSUME(K.max);
          this.SUBRULE(this.duration, { LABEL: 'pauseMax' });
        }),
        alt(() => {
          this.CONSUME(K.when);
          this.SUBRULE(this.conditions);
        }),
        alt(() => {
          this.CONSUME(K.cost);
          this.SUBRULE(this.pvAmount);
        }),
        alt(() => {
          this.CONSUME(K.field);
          this.SUBRULE1(this.name, { LABEL: 'field' });
          this.CONSUME(T.Colon);
          this.SUBRULE(this.condition);
        }),
        alt(() => this.SUBRULE(this.noItem)),
      ]),
    );
  });
  /** `ledger <attr> of <event> [in { <value>: <n>, … }] [within <duration>] [on <calendar>] [and plan <plan>]` */
  ledger = this.RULE('ledger', () => {
    this.CONSUME(K.ledger);
    this.SUBRULE(this.name, { LABEL: 'attribute' });
    this.CONSUME(K.of);
    this.SUBRULE(this.eventRef, { LABEL: 'grant' });
    this.OPTION(() => {
      this.CONSUME(K.in);
      this.CONSUME(T.LCurly);
      this.MANY(() => {
        this.SUBRULE1(this.name, { LABEL: 'value' });
        this.CONSUME(T.Colon);
        this.CONSUME(T.NumberLit, { LABEL: 'size' });
        this.OPTION1(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RCurly);
    });
    this.OPTION2(() => {
      this.CONSUME(K.within);
      this.SUBRULE(this.pvDuration, { LABEL: 'expires' });
    });
    this.OPTION3(() => {
      this.CONSUME(K.on);
      this.SUBRULE(this.ref, { LABEL: 'calendar' });
    });
    this.OPTION4(() => {
      this.CONSUME(K.and);
      this.CONSUME(K.plan);
      this.SUBRULE1(this.ref, { LABEL: 'plan' });
    });
  });
  used = this.RULE('used', () => {
    this.OR(
      (this.alts[45] ??= [
        alt(() => {
          this.CONSUME(K.count);
          this.SUBRULE(this.eventRef, { LABEL: 'count' });
          this.OPTION(() => {
            this.CONSUME(K.after);
            this.SUBRULE1(this.eventRef, { LABEL: 'after' });
          });
        }),
        alt(() => {
          this.CONSUME(K.fact);
          this.SUBRULE(this.ref, { LABEL: 'fact' });
        }),
        alt(() => {
          this.CONSUME(K.sum);
          this.SUBRULE(this.name, { LABEL: 'attribute' });
          this.CONSUME(K.of);
          this.SUBRULE2(this.eventRef, { LABEL: 'of' });
          this.OPTION1(() => {
            this.CONSUME1(K.after);
            this.SUBRULE3(this.eventRef, { LABEL: 'after' });
          });
        }),
      ]),
    );
  });
  amountDecl = this.RULE('amountDecl', () => {
    this.CONSUME(K.amount);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.amountItem));
    this.CONSUME(T.RCurly);
  });
  amountItem = this.RULE('amountItem', () => {
    this.OR(
      (this.alts[46] ??= [
        alt(() => this.SUBRULE(this.applies)),
        alt(() => {
          this.CONSUME(K.value);
          this.SUBRULE(this.pvAmount);
        }),
      ]),
    );
  });
  refundDecl = this.RULE('refundDecl', () => {
    this.CONSUME(K.refund);
    this.SUBRULE(this.clauseRef);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.refundItem));
    this.CONSUME(T.RCurly);
  });
  refundItem = this.RULE('refundItem', () => {
    this.OR(
      (this.alts[47] ??= [
        alt(() => {
          this.CONSUME(K.basis);
          this.SUBRULE(this.ref, { LABEL: 'basis' });
        }),
        alt(() => {
          this.CONSUME(K.requested);
          this.CONSUME(K.at);
          this.SUBRULE(this.eventRef, { LABEL: 'request' });
        }),
        alt(() => this.SUBRULE(this.refundRule)),
        alt(() => {
          this.CONSUME(K.otherwise);
          this.CONSUME(T.StringLit, { LABEL: 'otherwise' });
        }),
      ]),
    );
  });
  refundRule = this.RULE('refundRule', () => {
    this.CONSUME(K.rule);
    this.SUBRULE(this.name, ID);
    this.OPTION(() => this.SUBRULE(this.clauseRef));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.ruleItem));
    this.CONSUME(T.RCurly);
  });
  ruleItem = this.RULE('ruleItem', () => {
    this.OR(
      (this.alts[48] ??= [
        alt(() => {
          this.CONSUME(K.when);
          this.SUBRULE(this.conditions);
        }),
        alt(() => {
          this.CONSUME(K.refund);
          this.CONSUME(T.NumberLit, { LABEL: 'percent' });
          this.CONSUME(T.Percent);
          this.CONSUME(K.because);
          this.CONSUME(T.StringLit, { LABEL: 'reason' });
        }),
        alt(() => this.SUBRULE(this.exclusion)),
        alt(() => this.SUBRULE(this.noItem)),
      ]),
    );
  });
  exclusion = this.RULE('exclusion', () => {
    this.CONSUME(K.except);
    this.SUBRULE(this.name, ID);
    this.OPTION(() => this.SUBRULE(this.clauseRef));
    this.CONSUME(K.because);
    this.CONSUME(T.StringLit, { LABEL: 'reason' });
    this.CONSUME(K.when);
    this.SUBRULE(this.condition);
  });
  creditDecl = this.RULE('creditDecl', () => {
    this.CONSUME(K.credit);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.creditItem));
    this.CONSUME(T.RCurly);
  });
  creditItem = this.RULE('creditItem', () => {
    this.OR(
      (this.alts[49] ??= [
        alt(() => this.SUBRULE(this.applies)),
        alt(() => {
          this.CONSUME(K.per);
          this.SUBRULE(this.name, { LABEL: 'per' });
        }),
        alt(() => {
          this.CONSUME(K.downtime);
          this.SUBRULE(this.eventRef, { LABEL: 'downtime' });
        }),
        alt(() => {
          this.CONSUME(K.below);
          this.CONSUME(T.NumberLit, { LABEL: 'below' });
        }),
        alt(() => {
          this.CONSUME(K.pays);
          this.CONSUME1(T.NumberLit, { LABEL: 'multiplier' });
          this.CONSUME(K.times);
          this.CONSUME1(K.downtime);
          this.SUBRULE1(this.name, { LABEL: 'unit' });
        }),
      ]),
    );
  });
}

export type { CstNode };
