// The syntax tree of the console language (a Windows PowerShell 5.1 subset).
// Every node carries its extent: offsets into the source text, so errors can
// point at the offending characters ("At line:1 char:35" and the ~~~ line).

export interface Extent {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

interface NodeBase {
  readonly extent: Extent;
}

// ---- statements -----------------------------------------------------------

export interface ScriptAst extends NodeBase {
  readonly type: 'Script';
  readonly statements: readonly StatementAst[];
}

export type StatementAst = PipelineAst | AssignmentAst | ExitAst;

/** `exit` or `exit <pipeline>`: ends the script; the value (converted to Int32) is the exit code. */
export interface ExitAst extends NodeBase {
  readonly type: 'Exit';
  /** The exit code's pipeline; null for a bare `exit` (code 0). */
  readonly pipeline: StatementAst | null;
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=';

export interface AssignmentAst extends NodeBase {
  readonly type: 'Assignment';
  /** A variable, a member ($x.Prop) or an index ($x[0]). */
  readonly target: VariableExpr | MemberExpr | IndexExpr;
  readonly operator: AssignmentOperator;
  /** The right-hand side: a pipeline, so `$x = Get-Foo | Where ...` works. */
  readonly value: StatementAst;
}

export interface PipelineAst extends NodeBase {
  readonly type: 'Pipeline';
  /** At least one element. Only the first may be a CommandExpression. */
  readonly elements: readonly (CommandAst | CommandExpressionAst)[];
}

export interface CommandAst extends NodeBase {
  readonly type: 'Command';
  /** The command name as written (bareword), e.g. "Get-CsPersistentChatConfiguration", "?", "%". */
  readonly name: string;
  readonly nameExtent: Extent;
  /** Parameters and arguments after the name, in source order. */
  readonly elements: readonly CommandElementAst[];
}

export type CommandElementAst = CommandParameterAst | ExpressionAst;

/** `-Name`, or `-Name:value` (argument set, colon form). */
export interface CommandParameterAst extends NodeBase {
  readonly type: 'CommandParameter';
  /** The name without the dash, as typed (may be a prefix or an alias). */
  readonly name: string;
  /** Present for the `-Name:value` form only. */
  readonly argument?: ExpressionAst;
}

/** A pipeline element that is an expression, e.g. `$x | Set-…` or `1,2,3 | % {…}`. */
export interface CommandExpressionAst extends NodeBase {
  readonly type: 'CommandExpression';
  readonly expression: ExpressionAst;
}

// ---- expressions ----------------------------------------------------------

export type ExpressionAst =
  | ConstantExpr
  | StringConstantExpr
  | ExpandableStringExpr
  | VariableExpr
  | MemberExpr
  | InvokeMemberExpr
  | IndexExpr
  | BinaryExpr
  | UnaryExpr
  | ConvertExpr
  | IncrementExpr
  | ArrayLiteralExpr
  | ArrayExpr
  | SubExpr
  | ParenExpr
  | HashtableExpr
  | ScriptBlockExpr;

/** A number literal: 42, 0x1F, 1.5, 1e3, 10kb. `text` is the source spelling. */
export interface ConstantExpr extends NodeBase {
  readonly type: 'Constant';
  readonly value: number;
  /** 'int' for integer literals (Int32/Int64 in PowerShell), 'double' otherwise. */
  readonly numberKind: 'int' | 'double';
  readonly text: string;
}

/** 'single-quoted' (with '' unescaped), or a bareword in argument mode (site:Redmond). */
export interface StringConstantExpr extends NodeBase {
  readonly type: 'StringConstant';
  readonly value: string;
  readonly quote: 'single' | 'bare';
}

/** "double-quoted": backtick escapes already applied to literal parts;
 * `$var`, `$var.Prop` is NOT expanded in strings (PowerShell expands only $var),
 * `$(…)` sub-expressions are expanded. */
export interface ExpandableStringExpr extends NodeBase {
  readonly type: 'ExpandableString';
  /** Literal text and embedded expressions in order. */
  readonly parts: readonly (string | VariableExpr | SubExpr)[];
}

/** `$name`, `${name}`; `$true`, `$false`, `$null`, `$_`, `$PSItem`, `$?` are variables too. */
export interface VariableExpr extends NodeBase {
  readonly type: 'Variable';
  readonly name: string;
}

/** `target.Member` (no whitespace before the dot). `member` is a name, or an expression for `$x.$name`. */
export interface MemberExpr extends NodeBase {
  readonly type: 'Member';
  readonly target: ExpressionAst;
  readonly member: string | ExpressionAst;
}

/** `target.Method(args)`. */
export interface InvokeMemberExpr extends NodeBase {
  readonly type: 'InvokeMember';
  readonly target: ExpressionAst;
  readonly member: string;
  readonly args: readonly ExpressionAst[];
}

/** `target[index]`. */
export interface IndexExpr extends NodeBase {
  readonly type: 'Index';
  readonly target: ExpressionAst;
  readonly index: ExpressionAst;
}

/**
 * Binary operators, lower-cased: '+', '-', '*', '/', '%', '-eq', '-ne', '-gt', '-ge', '-lt',
 * '-le', '-like', '-notlike', '-match', '-notmatch', '-contains', '-notcontains', '-in',
 * '-notin', their '-c…' and '-i…' variants ('-ceq', '-ieq', …), '-and', '-or', '-xor'.
 */
export interface BinaryExpr extends NodeBase {
  readonly type: 'Binary';
  readonly operator: string;
  readonly operatorExtent: Extent;
  readonly left: ExpressionAst;
  readonly right: ExpressionAst;
}

/** '-not', '!', '-' (negation), '+'. */
export interface UnaryExpr extends NodeBase {
  readonly type: 'Unary';
  readonly operator: string;
  readonly operand: ExpressionAst;
}

/** A cast, `[void](…)` / `[void]$x.Method()`: so far `void` is the one type the console knows (it discards the value). */
export interface ConvertExpr extends NodeBase {
  readonly type: 'Convert';
  readonly typeName: 'void';
  readonly operand: ExpressionAst;
}

/**
 * `++$x`, `$x++`, `--$x`, `$x--` (also on a property or an element). Prefix
 * gives the new value, postfix the old; as a whole statement, nothing.
 */
export interface IncrementExpr extends NodeBase {
  readonly type: 'Increment';
  readonly operator: '++' | '--';
  readonly prefix: boolean;
  readonly operand: VariableExpr | MemberExpr | IndexExpr;
}

/** The comma operator: `1,2,3` (also a unary `,x`: one element). */
export interface ArrayLiteralExpr extends NodeBase {
  readonly type: 'ArrayLiteral';
  readonly elements: readonly ExpressionAst[];
}

/** `@( statements )`: always an array. */
export interface ArrayExpr extends NodeBase {
  readonly type: 'ArrayExpression';
  readonly statements: readonly StatementAst[];
}

/** `$( statements )`. */
export interface SubExpr extends NodeBase {
  readonly type: 'SubExpression';
  readonly statements: readonly StatementAst[];
}

/** `( pipeline )`, also `( $x = 5 )`. */
export interface ParenExpr extends NodeBase {
  readonly type: 'Paren';
  readonly statement: StatementAst;
}

/** `@{ Key = value; 'Other' = value }`. Keys are expressions (barewords become StringConstant). */
export interface HashtableExpr extends NodeBase {
  readonly type: 'Hashtable';
  readonly entries: readonly { readonly key: ExpressionAst; readonly value: StatementAst }[];
}

/** `{ statements }`. `text` is the source between the braces (for display). */
export interface ScriptBlockExpr extends NodeBase {
  readonly type: 'ScriptBlock';
  readonly body: ScriptAst;
  readonly text: string;
}

// ---- parse errors ---------------------------------------------------------

/** A parse error in PowerShell's style: an error id, a message and where. */
export interface ParseErrorInfo {
  /** e.g. 'MissingEndCurlyBrace', 'UnexpectedToken', 'ExpectedValueExpression', 'MissingArgument'. */
  readonly id: string;
  readonly message: string;
  readonly extent: Extent;
  /** True when more input could complete the statement (multi-line console input). */
  readonly incomplete: boolean;
}

export type ParseResult = { ok: true; script: ScriptAst } | { ok: false; errors: readonly ParseErrorInfo[] };
