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
  /** The statements of the body (the `end` block when named blocks are used). */
  readonly statements: readonly StatementAst[];
  /** `param( … )` at the top of a script or script block. */
  readonly paramBlock?: ParamBlockAst;
  /** `begin { }` / `process { }` / `end { }` when the body is written with named blocks. */
  readonly namedBlocks?: NamedBlocks;
}

export interface NamedBlocks {
  readonly begin: readonly StatementAst[] | null;
  readonly process: readonly StatementAst[] | null;
  readonly end: readonly StatementAst[] | null;
}

export type StatementAst =
  | PipelineAst
  | AssignmentAst
  | ExitAst
  | IfAst
  | LoopAst
  | ForEachAst
  | SwitchAst
  | JumpAst
  | ReturnAst
  | ThrowAst
  | TryAst
  | TrapAst
  | FunctionDefinitionAst;

/** A `{ … }` body of a keyword statement. */
export interface StatementBlockAst extends NodeBase {
  readonly statements: readonly StatementAst[];
}

/** `if (…) { } elseif (…) { } else { }`. */
export interface IfAst extends NodeBase {
  readonly type: 'If';
  readonly clauses: readonly { readonly condition: StatementAst; readonly body: StatementBlockAst }[];
  readonly elseBody: StatementBlockAst | null;
}

/** `while`, `do { } while ( )`, `do { } until ( )` and `for ( ; ; )`. */
export interface LoopAst extends NodeBase {
  readonly type: 'Loop';
  readonly kind: 'while' | 'dowhile' | 'dountil' | 'for';
  readonly label: string | null;
  readonly initializer: StatementAst | null;
  readonly condition: StatementAst | null;
  readonly iterator: StatementAst | null;
  readonly body: StatementBlockAst;
}

/** `foreach ($item in <pipeline>) { }`. */
export interface ForEachAst extends NodeBase {
  readonly type: 'ForEach';
  readonly label: string | null;
  readonly variable: VariableExpr;
  readonly collection: StatementAst;
  readonly body: StatementBlockAst;
}

/** `switch [-Regex|-Wildcard|-Exact|-CaseSensitive] (<pipeline>) { <pattern> { } default { } }`. */
export interface SwitchAst extends NodeBase {
  readonly type: 'Switch';
  readonly label: string | null;
  readonly mode: 'equals' | 'regex' | 'wildcard';
  readonly caseSensitive: boolean;
  readonly condition: StatementAst;
  readonly clauses: readonly { readonly pattern: ExpressionAst; readonly body: StatementBlockAst }[];
  readonly defaultBody: StatementBlockAst | null;
}

/** `break` / `continue`, with an optional label (a word or an expression). */
export interface JumpAst extends NodeBase {
  readonly type: 'Jump';
  readonly kind: 'break' | 'continue';
  readonly label: ExpressionAst | null;
}

export interface ReturnAst extends NodeBase {
  readonly type: 'Return';
  readonly pipeline: StatementAst | null;
}

export interface ThrowAst extends NodeBase {
  readonly type: 'Throw';
  readonly pipeline: StatementAst | null;
}

/** `try { } catch [T1], [T2] { } catch { } finally { }`. */
export interface TryAst extends NodeBase {
  readonly type: 'Try';
  readonly body: StatementBlockAst;
  readonly catches: readonly { readonly types: readonly TypeNameAst[]; readonly body: StatementBlockAst }[];
  readonly finallyBody: StatementBlockAst | null;
}

/** `trap [T] { }`: handles the terminating errors of the statement list it sits in. */
export interface TrapAst extends NodeBase {
  readonly type: 'Trap';
  readonly trapType: TypeNameAst | null;
  readonly body: StatementBlockAst;
}

/** `function Name { … }`, `function Name($a, $b) { … }`, `filter Name { … }`. */
export interface FunctionDefinitionAst extends NodeBase {
  readonly type: 'FunctionDefinition';
  readonly name: string;
  readonly isFilter: boolean;
  readonly body: ScriptBlockExpr;
}

/** `param( [attributes] [type] $name = default, … )`. */
export interface ParamBlockAst extends NodeBase {
  readonly attributes: readonly AttributeAst[];
  readonly parameters: readonly ParameterAst[];
}

export interface ParameterAst extends NodeBase {
  readonly name: string;
  readonly attributes: readonly AttributeAst[];
  /** The type constraints written before the name, innermost last (`[string[]]`). */
  readonly types: readonly TypeNameAst[];
  readonly defaultValue: ExpressionAst | null;
}

/** `[Parameter(Mandatory = $true, Position = 0)]`, `[ValidateRange(1, 10)]`. */
export interface AttributeAst extends NodeBase {
  readonly name: string;
  readonly positional: readonly ExpressionAst[];
  readonly named: readonly { readonly name: string; readonly value: ExpressionAst | null }[];
}

/** A type name as written between brackets: `int`, `string[]`, `System.Collections.Generic.List[string]`. */
export interface TypeNameAst extends NodeBase {
  readonly name: string;
}

/** `exit` or `exit <pipeline>`: ends the script; the value (converted to Int32) is the exit code. */
export interface ExitAst extends NodeBase {
  readonly type: 'Exit';
  /** The exit code's pipeline; null for a bare `exit` (code 0). */
  readonly pipeline: StatementAst | null;
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=';

export interface AssignmentAst extends NodeBase {
  readonly type: 'Assignment';
  /** A variable, a member ($x.Prop) or an index ($x[0]); `[type]$x` constrains the variable's type. */
  readonly target: VariableExpr | MemberExpr | IndexExpr | ConvertExpr | ArrayLiteralExpr;
  readonly operator: AssignmentOperator;
  /** The right-hand side: a pipeline, so `$x = Get-Foo | Where ...` works. */
  readonly value: StatementAst;
}

export interface PipelineAst extends NodeBase {
  readonly type: 'Pipeline';
  /** At least one element. Only the first may be a CommandExpression. */
  readonly elements: readonly (CommandAst | CommandExpressionAst)[];
}

/** `2>$null`, `2>&1`, `*>&1`, `> file`, `>> file`. Stream '*' is all, '1' output, '2' errors, 3–6 the others. */
export interface RedirectionAst extends NodeBase {
  readonly from: '*' | '1' | '2' | '3' | '4' | '5' | '6';
  /** A file (or $null), or a merge into the output stream (`2>&1`). */
  readonly to: { readonly kind: 'file'; readonly path: ExpressionAst; readonly append: boolean } | { readonly kind: 'merge' };
}

export interface CommandAst extends NodeBase {
  readonly type: 'Command';
  /** The command name as written (bareword), e.g. "Get-CsPersistentChatConfiguration", "?", "%". */
  readonly name: string;
  readonly nameExtent: Extent;
  /** Parameters and arguments after the name, in source order. */
  readonly elements: readonly CommandElementAst[];
  /** `& <name or expression>` or `. <name or expression>`: how it was invoked; absent for a plain command. */
  readonly invocation?: 'call' | 'dot';
  /** With `&`/`.`: the expression that names the command or holds the script block. */
  readonly nameExpression?: ExpressionAst;
  readonly redirections?: readonly RedirectionAst[];
}

export type CommandElementAst = CommandParameterAst | SplatExpr | ExpressionAst;

/** `@params` in a command's arguments: a hashtable gives named parameters, an array positional ones. */
export interface SplatExpr extends NodeBase {
  readonly type: 'Splat';
  readonly name: string;
}

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
  readonly redirections?: readonly RedirectionAst[];
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
  | ScriptBlockExpr
  | TypeExpr;

/** `[int]` on its own: the type as a value (for `[int]::MaxValue`, `-is [string]`, `-as [int]`). */
export interface TypeExpr extends NodeBase {
  readonly type: 'TypeLiteral';
  readonly typeName: string;
}

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

/** `target.Member` (no whitespace before the dot), or `[type]::Member` (`isStatic`). `member` is a name, or an expression for `$x.$name`. */
export interface MemberExpr extends NodeBase {
  readonly type: 'Member';
  readonly target: ExpressionAst;
  readonly member: string | ExpressionAst;
  readonly isStatic?: boolean;
}

/** `target.Method(args)` or `[type]::Method(args)`. */
export interface InvokeMemberExpr extends NodeBase {
  readonly type: 'InvokeMember';
  readonly target: ExpressionAst;
  readonly member: string;
  readonly args: readonly ExpressionAst[];
  readonly isStatic?: boolean;
}

/** `target[index]`. */
export interface IndexExpr extends NodeBase {
  readonly type: 'Index';
  readonly target: ExpressionAst;
  readonly index: ExpressionAst;
}

/**
 * Binary operators, lower-cased: '..', '-f', '+', '-', '*', '/', '%', '-band', '-bor', '-bxor', '-shl', '-shr',
 * '-is', '-isnot', '-as', '-replace', '-split', '-join' (with their case variants), '-eq', '-ne', '-gt', '-ge', '-lt',
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

/** '-not', '!', '-' (negation), '+', '-bnot', '-split', '-join'. */
export interface UnaryExpr extends NodeBase {
  readonly type: 'Unary';
  readonly operator: string;
  readonly operand: ExpressionAst;
}

/** A cast: `[int]'42'`, `[void]$x.Add(1)`, `[ordered]@{…}`; also a type constraint on an assignment target (`[int]$x = …`). */
export interface ConvertExpr extends NodeBase {
  readonly type: 'Convert';
  readonly typeName: string;
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
