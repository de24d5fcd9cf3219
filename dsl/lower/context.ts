// What every lowering rule shares: the visitor (to lower a child node), the source map, the
// diagnostics, and `put`, which builds IR objects from names the author wrote.
import type { CstNode } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/index.ts';
import type { Code } from '../../engine/diagnostics/codes.ts';
import { pointerSegment } from '../json-pointer.ts';
import { startOffset, type Children, type Lines, type Located } from './cst.ts';
import { SourceMap } from './source-map.ts';

export type Obj = Record<string, unknown>;

/** Names that would reach into an object's prototype: refused as keys, as the YAML front end does. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export class Lowering {
  readonly diagnostics: Diagnostic[] = [];
  readonly map: SourceMap;
  /** set by the visitor: lowers a child node (undefined for a part left out). What it gives is
   *  what the child's rule returns, which the caller names: the grammar, not the types, links them. */
  visit!: <T>(node: CstNode | undefined, arg?: unknown) => T;

  constructor(
    private readonly file: string | undefined,
    /** the `##` description written right before the token that starts at an offset */
    private readonly docs: ReadonlyMap<number, string>,
    private readonly lines: Lines,
  ) {
    this.map = new SourceMap(lines);
  }

  report(code: Code, message: string, at: Located, help: string): void {
    this.diagnostics.push(diagnostic(code, message, { ...(this.file ? { file: this.file } : {}), ...this.lines.spanOf(at), help }));
  }

  /** sets `obj[key]` and records where it came from, reporting a second definition */
  put(obj: Obj, key: string, value: unknown, ptr: string, at: Located, what?: string): void {
    if (RESERVED_NAMES.has(key)) {
      this.report(
        'SLA1114',
        `the name \`${key}\` is reserved`,
        at,
        `\`__proto__\`, \`constructor\` and \`prototype\` cannot name anything in a policy: choose another name`,
      );
      return;
    }
    if (Object.hasOwn(obj, key)) {
      this.report('SLA1105', `${what ?? `\`${key}\``} is given twice`, at, 'keep one of them');
      return;
    }
    obj[key] = value;
    this.map.at(`${ptr}/${pointerSegment(key)}`, at);
  }

  /** puts a named declaration into the IR map `p[key]` (made if need be) */
  declare(p: Obj, key: string, what: string, id: CstNode, value: unknown): void {
    const name: string = this.visit(id);
    this.put((p[key] ??= {}) as Obj, name, value, `/${key}`, id, `${what} \`${name}\``);
  }

  /** copies the `##` description written before `at` onto `target` */
  description(target: Obj, at: CstNode | Children): void {
    const offset = startOffset(at);
    const d = offset === undefined ? undefined : this.docs.get(offset);
    if (d !== undefined) target.description = d;
  }
}
