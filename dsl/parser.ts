// The grammar of the policy DSL, and nothing else: a chevrotain CstParser. Lowering to the IR is
// in to-ir.ts. Names: `name` accepts keywords too (used where only punctuation can follow),
// `ref` does not (used where a keyword could continue the sentence); both accept a "quoted" name.
import { CstParser, type CstNode, type IParserErrorMessageProvider, type TokenType, type IToken } from 'chevrotain';
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

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}
function shown(t: IToken | undefined): string {
  if (!t || t.tokenType.name === 'EOF') return 'end of file';
  const img = t.image.length > 40 ? `${t.image.slice(0, 37)}…` : t.image;
  return `'${img}'`;
}

export class PolicyParser extends CstParser {
  constructor(recover: boolean) {
    super(T.allTokens, { recoveryEnabled: recover, maxLookahead: 2, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  // ── names and values ──────────────────────────────────────────────────────
  name = this.RULE('name', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Ident) }, { ALT: () => this.CONSUME(T.Keyword) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  });
  ref = this.RULE('ref', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Ident) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  });
  /** a scalar: number, true/false, "string", or a bare word (a string) */
  value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.Ident) },
      { ALT: () => this.CONSUME(T.Keyword) },
      { ALT: () => this.CONSUME(T.DateLit) },
    ]);
  });
  valueList = this.RULE('valueList', () => {
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value) });
    this.CONSUME(T.RBracket);
  });
  /** `a, b, c` or `[]` */
  nameList = this.RULE('nameList', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) }) },
    ]);
  });
  dateList = this.RULE('dateList', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.date) }) },
    ]);
  });
  date = this.RULE('date', () => {
    this.OR([{ ALT: () => this.CONSUME(T.DateLit) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  });
  duration = this.RULE('duration', () => {
    this.OR([{ ALT: () => this.CONSUME(T.DurationLit) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  });
  zone = this.RULE('zone', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.ZoneName) },
      { ALT: () => this.CONSUME(T.Offset) },
      { ALT: () => this.CONSUME(T.Ident) },
      { ALT: () => this.CONSUME(T.StringLit) },
    ]);
  });
  clauseRef = this.RULE('clauseRef', () => {
    this.CONSUME(T.LParen);
    this.CONSUME(K.clause);
    this.SUBRULE(this.name);
    this.CONSUME(T.RParen);
  });

  // ── plan values: `X` or `by <plan> { option: X, … }` ──────────────────────
  byPlan(inner: () => void) {
    this.CONSUME9(K.by);
    this.SUBRULE9(this.ref);
    this.CONSUME9(T.LCurly);
    this.MANY9(() => {
      this.SUBRULE8(this.name);
      this.CONSUME9(T.Colon);
      inner();
      this.OPTION9(() => this.CONSUME9(T.Comma));
    });
    this.CONSUME9(T.RCurly);
  }
  pvDuration = this.RULE('pvDuration', () => {
    this.OR([{ ALT: () => this.byPlan(() => this.SUBRULE(this.duration)) }, { ALT: () => this.SUBRULE1(this.duration) }]);
  });
  pvString = this.RULE('pvString', () => {
    this.OR([{ ALT: () => this.byPlan(() => this.SUBRULE(this.ref)) }, { ALT: () => this.SUBRULE1(this.ref) }]);
  });
  limitValue = this.RULE('limitValue', () => {
    this.OR([{ ALT: () => this.CONSUME(T.NumberLit) }, { ALT: () => this.CONSUME(K.unlimited) }]);
  });
  pvLimit = this.RULE('pvLimit', () => {
    // `<attribute> of <event>` first: an attribute may be called `unlimited`
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.SUBRULE(this.name);
            this.CONSUME(K.of);
            this.SUBRULE(this.eventRef);
          },
        },
        { ALT: () => this.byPlan(() => this.SUBRULE(this.limitValue)) },
        { ALT: () => this.SUBRULE1(this.limitValue) },
      ],
    });
  });
  cost = this.RULE('cost', () => {
    this.CONSUME(T.NumberLit);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Percent);
          this.CONSUME(K.of);
          this.SUBRULE(this.ref);
        },
      },
      { ALT: () => this.OPTION(() => this.SUBRULE1(this.ref)) },
    ]);
  });
  pvCost = this.RULE('pvCost', () => {
    this.OR([{ ALT: () => this.byPlan(() => this.SUBRULE(this.cost)) }, { ALT: () => this.SUBRULE1(this.cost) }]);
  });

  // ── events and instants ───────────────────────────────────────────────────
  /** `[first|last] event [where a = v, b in [x, y]]` */
  eventRef = this.RULE('eventRef', () => {
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(K.first) }, { ALT: () => this.CONSUME(K.last) }]));
    this.SUBRULE(this.ref);
    this.OPTION1(() => this.SUBRULE(this.where));
  });
  where = this.RULE('where', () => {
    this.CONSUME(K.where);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LCurly);
          this.CONSUME(T.RCurly);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.whereEntry) }) },
    ]);
  });
  whereEntry = this.RULE('whereEntry', () => {
    this.SUBRULE(this.name);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Eq);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.in);
          this.SUBRULE(this.valueList);
        },
      },
    ]);
  });
  /** `instant name` or `event [+ duration] [on calendar]` */
  instant = this.RULE('instant', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.instant);
          this.SUBRULE(this.ref);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.eventRef);
          this.OPTION(() => {
            this.CONSUME(T.Plus);
            this.SUBRULE(this.pvDuration);
          });
          this.OPTION1(() => {
            this.CONSUME(K.on);
            this.SUBRULE1(this.ref);
          });
        },
      },
    ]);
  });

  // ── conditions ────────────────────────────────────────────────────────────
  conditions = this.RULE('conditions', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.always) },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: K.and, DEF: () => this.SUBRULE(this.condition) }) },
    ]);
  });
  condition = this.RULE('condition', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.factCond) },
      { ALT: () => this.SUBRULE(this.planCond) },
      { ALT: () => this.SUBRULE(this.eventCond) },
      { ALT: () => this.SUBRULE(this.nowCond) },
      { ALT: () => this.SUBRULE(this.deadlineCond) },
      { ALT: () => this.SUBRULE(this.counterCond) },
      { ALT: () => this.SUBRULE(this.entitlementCond) },
      { ALT: () => this.SUBRULE(this.openCond) },
    ]);
    this.OPTION(() => {
      this.CONSUME(K.because);
      this.CONSUME(T.StringLit);
    });
  });
  comparison = this.RULE('comparison', () => {
    this.OR([
      {
        ALT: () => {
          this.OR1([{ ALT: () => this.CONSUME(T.Eq) }, { ALT: () => this.CONSUME(T.NotEq) }]);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(K.not));
          this.CONSUME(K.in);
          this.SUBRULE(this.valueList);
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Gt) },
            { ALT: () => this.CONSUME(T.Lt) },
            { ALT: () => this.CONSUME(T.Gte) },
            { ALT: () => this.CONSUME(T.Lte) },
          ]);
          this.CONSUME(T.NumberLit);
        },
      },
    ]);
  });
  comparisons = this.RULE('comparisons', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.comparison) });
  });
  factCond = this.RULE('factCond', () => {
    this.CONSUME(K.fact);
    this.SUBRULE(this.ref);
    this.OPTION(() => this.SUBRULE(this.comparisons));
  });
  planCond = this.RULE('planCond', () => {
    this.CONSUME(K.plan);
    this.SUBRULE(this.ref);
    this.CONSUME(K.in);
    this.SUBRULE(this.valueList);
  });
  eventCond = this.RULE('eventCond', () => {
    this.OPTION(() => this.CONSUME(K.no));
    this.CONSUME(K.event);
    this.SUBRULE(this.ref);
    this.OPTION1(() => this.SUBRULE(this.where));
    this.OPTION2(() => this.CONSUME(K.exists));
    this.OPTION3(() => {
      this.CONSUME(K.before);
      this.SUBRULE(this.instant);
    });
    this.OPTION4(() => {
      this.CONSUME(K.after);
      this.SUBRULE1(this.instant);
    });
  });
  nowCond = this.RULE('nowCond', () => {
    this.CONSUME(K.now);
    this.CONSUME(K.before);
    this.SUBRULE(this.instant);
  });
  deadlineCond = this.RULE('deadlineCond', () => {
    this.CONSUME(K.deadline);
    this.SUBRULE(this.ref);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.where));
    this.OPTION1(() => {
      this.CONSUME(K.started);
      this.CONSUME(K.before);
      this.SUBRULE(this.instant);
    });
  });
  counterCond = this.RULE('counterCond', () => {
    this.CONSUME(K.counter);
    this.SUBRULE(this.ref);
    this.OPTION(() => this.SUBRULE(this.comparisons));
  });
  entitlementCond = this.RULE('entitlementCond', () => {
    this.CONSUME(K.entitlement);
    this.SUBRULE(this.ref);
    this.OPTION(() => this.CONSUME(K.not));
    this.CONSUME(K.allowed);
  });
  openCond = this.RULE('openCond', () => {
    this.CONSUME(K.open);
    this.SUBRULE(this.ref);
  });

  // ── the file ──────────────────────────────────────────────────────────────
  policy = this.RULE('policy', () => {
    this.SUBRULE(this.header);
    this.MANY(() => this.SUBRULE(this.item));
  });
  header = this.RULE('header', () => {
    this.CONSUME(K.policy);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLit);
    this.MANY({
      // `calendar x {` starts a calendar declaration; `calendar x` alone names the default calendar
      GATE: () => !(this.LA(1).tokenType === K.calendar && this.LA(3).tokenType === T.LCurly),
      DEF: () => this.SUBRULE(this.headerItem),
    });
  });
  headerItem = this.RULE('headerItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.version);
          this.OR1([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.CONSUME(T.DateLit) }, { ALT: () => this.CONSUME(T.NumberLit) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.effective);
          this.SUBRULE(this.date);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.zone);
          this.SUBRULE(this.zone);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.currency);
          this.SUBRULE(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.calendar);
          this.SUBRULE1(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.schema);
          this.CONSUME1(T.StringLit);
        },
      },
    ]);
  });
  item = this.RULE('item', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.sourceDecl) },
      { ALT: () => this.SUBRULE(this.planDecl) },
      { ALT: () => this.SUBRULE(this.factDecl) },
      { ALT: () => this.SUBRULE(this.eventDecl) },
      { ALT: () => this.SUBRULE(this.calendarDecl) },
      { ALT: () => this.SUBRULE(this.instantDecl) },
      { ALT: () => this.SUBRULE(this.counterDecl) },
      { ALT: () => this.SUBRULE(this.clauseDecl) },
      { ALT: () => this.SUBRULE(this.assumptionDecl) },
      { ALT: () => this.SUBRULE(this.deadlineDecl) },
      { ALT: () => this.SUBRULE(this.entitlementDecl) },
      { ALT: () => this.SUBRULE(this.refundDecl) },
      { ALT: () => this.SUBRULE(this.creditDecl) },
      { ALT: () => this.SUBRULE(this.noItem) },
    ]);
  });
  /** `no facts`, `no holidays`, `no excess`… : an explicitly empty list (or a false flag) */
  noItem = this.RULE('noItem', () => {
    this.CONSUME(K.no);
    this.SUBRULE(this.name);
  });
  sourceDecl = this.RULE('sourceDecl', () => {
    this.CONSUME(K.source);
    this.SUBRULE(this.name);
    this.CONSUME(T.StringLit);
    this.OPTION(() => this.CONSUME1(T.StringLit));
    this.OPTION1(() => {
      this.CONSUME(K.rendering);
      this.CONSUME(K.of);
      this.SUBRULE1(this.name);
    });
  });
  planDecl = this.RULE('planDecl', () => {
    this.CONSUME(K.plan);
    this.SUBRULE(this.name);
    this.CONSUME(T.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.SUBRULE1(this.name) });
    this.OPTION(() => {
      this.CONSUME(K.default);
      this.SUBRULE2(this.name);
    });
  });
  factDecl = this.RULE('factDecl', () => {
    this.CONSUME(K.fact);
    this.SUBRULE(this.name);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeSpec);
  });
  typeSpec = this.RULE('typeSpec', () => {
    this.SUBRULE(this.name);
    this.MANY(() => this.SUBRULE(this.typeMod));
  });
  typeMod = this.RULE('typeMod', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.in);
          this.SUBRULE(this.valueList);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Gte);
          this.CONSUME(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.default);
          this.SUBRULE(this.value);
        },
      },
      { ALT: () => this.CONSUME(K.required) },
      { ALT: () => this.CONSUME(K.optional) },
    ]);
  });
  eventDecl = this.RULE('eventDecl', () => {
    this.CONSUME(K.event);
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(K.with) }, { ALT: () => this.CONSUME(K.without) }]);
      this.CONSUME(K.duration);
    });
    this.OPTION1(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => this.SUBRULE(this.attributeDecl));
      this.CONSUME(T.RCurly);
    });
  });
  attributeDecl = this.RULE('attributeDecl', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeSpec);
    this.OPTION(() => this.CONSUME(T.Comma));
  });

  calendarDecl = this.RULE('calendarDecl', () => {
    this.CONSUME(K.calendar);
    this.SUBRULE(this.name);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.calendarItem));
    this.CONSUME(T.RCurly);
  });
  calendarItem = this.RULE('calendarItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.zone);
          this.SUBRULE(this.zone);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.base);
          this.SUBRULE(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.days);
          this.SUBRULE(this.dayList);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.hours);
          this.CONSUME(T.LCurly);
          this.MANY(() => this.SUBRULE(this.hoursLine));
          this.CONSUME(T.RCurly);
        },
      },
      { ALT: () => this.SUBRULE(this.holiday) },
      { ALT: () => this.SUBRULE(this.suspension) },
      {
        ALT: () => {
          this.CONSUME(K.extra);
          this.OR1([
            {
              ALT: () => {
                this.CONSUME1(K.days);
                this.CONSUME(K.off);
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.working);
                this.CONSUME2(K.days);
              },
            },
          ]);
          this.SUBRULE(this.dateList);
        },
      },
      { ALT: () => this.SUBRULE(this.noItem) },
    ]);
  });
  dayList = this.RULE('dayList', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dayItem) }) },
    ]);
  });
  dayItem = this.RULE('dayItem', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.SUBRULE1(this.name);
    });
  });
  hoursLine = this.RULE('hoursLine', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dayItem) });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => this.SUBRULE(this.timeRange) }) },
    ]);
  });
  timeRange = this.RULE('timeRange', () => {
    this.OR([{ ALT: () => this.CONSUME(T.TimeRange) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  });
  holiday = this.RULE('holiday', () => {
    this.CONSUME(K.holiday);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.on);
          this.SUBRULE(this.holidayDate);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.of);
          this.SUBRULE(this.name);
          this.OPTION1(() => {
            this.CONSUME(K.types);
            this.SUBRULE(this.nameList);
          });
        },
      },
    ]);
    this.MANY(() => this.SUBRULE(this.holidayMod));
  });
  holidayDate = this.RULE('holidayDate', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.MonthDay) },
      {
        ALT: () => {
          this.CONSUME(K.jalali);
          this.CONSUME1(T.MonthDay);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.name);
          this.CONSUME(K.easter);
          this.OPTION(() => {
            this.OR1([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
            this.CONSUME(T.DurationLit);
          });
        },
      },
      { ALT: () => this.SUBRULE(this.dateList) },
    ]);
  });
  holidayMod = this.RULE('holidayMod', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.from);
          this.SUBRULE(this.date);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.until);
          this.SUBRULE1(this.date);
        },
      },
      { ALT: () => this.CONSUME(K.substitute) },
      {
        ALT: () => {
          this.CONSUME(K.without);
          this.CONSUME1(K.substitute);
        },
      },
    ]);
  });
  suspension = this.RULE('suspension', () => {
    this.CONSUME(K.suspended);
    this.OPTION(() => {
      this.CONSUME(K.from);
      this.SUBRULE(this.date);
    });
    this.OPTION1(() => {
      this.CONSUME(K.until);
      this.SUBRULE1(this.date);
    });
    this.OPTION2(() => {
      this.CONSUME(K.because);
      this.CONSUME(T.StringLit);
    });
  });

  instantDecl = this.RULE('instantDecl', () => {
    this.CONSUME(K.instant);
    this.SUBRULE(this.name);
    this.CONSUME(T.Eq);
    this.SUBRULE(this.instant);
  });
  counterDecl = this.RULE('counterDecl', () => {
    this.CONSUME(K.counter);
    this.SUBRULE(this.name);
    this.CONSUME(T.Colon);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.breached);
          this.SUBRULE(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.count);
          this.SUBRULE(this.eventRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.sum);
          this.SUBRULE1(this.name);
          this.CONSUME(K.of);
          this.SUBRULE1(this.eventRef);
        },
      },
    ]);
    this.CONSUME(K.per);
    this.SUBRULE2(this.name);
  });
  clauseDecl = this.RULE('clauseDecl', () => {
    this.CONSUME(K.clause);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.SUBRULE(this.langTexts);
  });
  langTexts = this.RULE('langTexts', () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.name);
      this.CONSUME(T.Colon);
      this.CONSUME(T.StringLit);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });
  assumptionDecl = this.RULE('assumptionDecl', () => {
    this.CONSUME(K.assumption);
    this.SUBRULE(this.name);
    this.SUBRULE(this.clauseRef);
    this.SUBRULE(this.langTexts);
  });

  /** `<id> ["title"] [per <subject>] (clause <id>)` */
  itemHead = this.RULE('itemHead', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION1(() => {
      this.CONSUME(K.per);
      this.SUBRULE(this.ref);
    });
    this.OPTION2(() => this.SUBRULE(this.clauseRef));
  });
  applies = this.RULE('applies', () => {
    this.CONSUME(K.for);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.all);
          this.CONSUME(K.plans);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.ref);
          this.SUBRULE(this.nameList);
        },
      },
    ]);
  });
  deadlineDecl = this.RULE('deadlineDecl', () => {
    this.CONSUME(K.deadline);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.deadlineItem));
    this.CONSUME(T.RCurly);
  });
  deadlineItem = this.RULE('deadlineItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.applies) },
      {
        // <party> owes|should|must <stop> within <duration> after <start>
        ALT: () => {
          this.SUBRULE(this.ref);
          this.OR1([{ ALT: () => this.CONSUME(K.owes) }, { ALT: () => this.CONSUME(K.should) }, { ALT: () => this.CONSUME(K.must) }]);
          this.SUBRULE(this.eventRef);
          this.CONSUME(K.within);
          this.SUBRULE(this.pvDuration);
          this.CONSUME(K.after);
          this.SUBRULE1(this.eventRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.calendar);
          this.SUBRULE1(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.priority);
          this.SUBRULE(this.pvString);
        },
      },
      { ALT: () => this.CONSUME(K.internal) },
      { ALT: () => this.CONSUME(K.reported) },
    ]);
  });
  entitlementDecl = this.RULE('entitlementDecl', () => {
    this.CONSUME(K.entitlement);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.entitlementItem));
    this.CONSUME(T.RCurly);
  });
  entitlementItem = this.RULE('entitlementItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.applies) },
      {
        ALT: () => {
          this.CONSUME(K.limit);
          this.SUBRULE(this.pvLimit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.kind);
          this.SUBRULE(this.name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.used);
          this.SUBRULE(this.used);
        },
      },
      { ALT: () => this.CONSUME(K.excess) },
      {
        ALT: () => {
          this.CONSUME(K.opens);
          this.CONSUME(K.at);
          this.SUBRULE(this.eventRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.until);
          this.SUBRULE(this.instant);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.closed);
          this.CONSUME(K.by);
          this.SUBRULE1(this.eventRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.paused);
          this.CONSUME(K.from);
          this.SUBRULE2(this.eventRef);
          this.CONSUME1(K.until);
          this.SUBRULE3(this.eventRef);
          this.CONSUME(K.max);
          this.SUBRULE(this.duration);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.when);
          this.SUBRULE(this.conditions);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.cost);
          this.SUBRULE(this.pvCost);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.field);
          this.SUBRULE1(this.name);
          this.CONSUME(T.Colon);
          this.SUBRULE(this.condition);
        },
      },
      { ALT: () => this.SUBRULE(this.noItem) },
    ]);
  });
  used = this.RULE('used', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.count);
          this.SUBRULE(this.eventRef);
          this.OPTION(() => {
            this.CONSUME(K.after);
            this.SUBRULE1(this.eventRef);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.fact);
          this.SUBRULE(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.sum);
          this.SUBRULE(this.name);
          this.CONSUME(K.of);
          this.SUBRULE2(this.eventRef);
          this.OPTION1(() => {
            this.CONSUME1(K.after);
            this.SUBRULE3(this.eventRef);
          });
        },
      },
    ]);
  });
  refundDecl = this.RULE('refundDecl', () => {
    this.CONSUME(K.refund);
    this.SUBRULE(this.clauseRef);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.refundItem));
    this.CONSUME(T.RCurly);
  });
  refundItem = this.RULE('refundItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.basis);
          this.SUBRULE(this.ref);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.requested);
          this.CONSUME(K.at);
          this.SUBRULE(this.eventRef);
        },
      },
      { ALT: () => this.SUBRULE(this.refundRule) },
      {
        ALT: () => {
          this.CONSUME(K.otherwise);
          this.CONSUME(T.StringLit);
        },
      },
    ]);
  });
  refundRule = this.RULE('refundRule', () => {
    this.CONSUME(K.rule);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.clauseRef));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.ruleItem));
    this.CONSUME(T.RCurly);
  });
  ruleItem = this.RULE('ruleItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.when);
          this.SUBRULE(this.conditions);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.refund);
          this.CONSUME(T.NumberLit);
          this.CONSUME(T.Percent);
          this.CONSUME(K.because);
          this.CONSUME(T.StringLit);
        },
      },
      { ALT: () => this.SUBRULE(this.exclusion) },
      { ALT: () => this.SUBRULE(this.noItem) },
    ]);
  });
  exclusion = this.RULE('exclusion', () => {
    this.CONSUME(K.except);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.clauseRef));
    this.CONSUME(K.because);
    this.CONSUME(T.StringLit);
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
    this.OR([
      { ALT: () => this.SUBRULE(this.applies) },
      {
        ALT: () => {
          this.CONSUME(K.per);
          this.SUBRULE(this.name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.downtime);
          this.SUBRULE(this.eventRef);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.below);
          this.CONSUME(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.pays);
          this.CONSUME1(T.NumberLit);
          this.CONSUME(K.times);
          this.CONSUME1(K.downtime);
          this.SUBRULE1(this.name);
        },
      },
    ]);
  });
}

export type { CstNode };
