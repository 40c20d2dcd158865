// The vocabulary the lexer and the parser of the console language share:
// token kinds (with their extents), the character classes PowerShell's
// tokenizer uses, and the parse errors both stages report in PowerShell's words.

import type { Extent, ParseErrorInfo, SubExpr, VariableExpr } from './ast';

/**
 * PowerShell scans the same characters differently depending on where they are:
 * in command (argument) mode `-Name` is a parameter and `site:Redmond` a bare
 * word; in expression mode `-eq` is an operator and a bare word is an error.
 * The parser, which knows the context, picks the mode for every token.
 */
export type LexMode = 'command' | 'expression';

export type PunctuatorKind =
  | 'EndOfInput'
  | 'NewLine'
  | 'Semi'
  | 'Pipe'
  | 'Ampersand'
  | 'LParen'
  | 'RParen'
  | 'LCurly'
  | 'RCurly'
  | 'LBracket'
  | 'RBracket'
  | 'AtParen'
  | 'AtCurly'
  | 'DollarParen'
  | 'Comma'
  | 'Dot'
  | 'DotDot'
  | 'ColonColon'
  | 'Plus'
  | 'Minus'
  | 'PlusPlus'
  | 'MinusMinus'
  | 'Multiply'
  | 'Divide'
  | 'Rem'
  | 'Exclaim'
  | 'Equals'
  | 'PlusEquals'
  | 'MinusEquals'
  | 'MultiplyEquals'
  | 'DivideEquals'
  | 'RemEquals';

/** A literal piece of an expandable string, or an embedded `$var` / `$( … )`. */
export type StringPart = string | VariableExpr | SubExpr;

interface TokenBase {
  readonly extent: Extent;
  /** The source text of the token, exactly as typed. */
  readonly text: string;
}

export interface PunctuatorToken extends TokenBase {
  readonly kind: PunctuatorKind;
}

export interface NumberToken extends TokenBase {
  readonly kind: 'Number';
  readonly value: number;
  readonly numberKind: 'int' | 'double';
}

export interface VariableToken extends TokenBase {
  readonly kind: 'Variable';
  readonly name: string;
}

/** 'single-quoted' or a @' here-string '@: no escapes, no expansion. */
export interface StringLiteralToken extends TokenBase {
  readonly kind: 'StringLiteral';
  readonly value: string;
}

/** "double-quoted" or a @" here-string "@, with escapes applied and expansions found. */
export interface ExpandableStringToken extends TokenBase {
  readonly kind: 'ExpandableString';
  readonly parts: readonly StringPart[];
}

/**
 * A bare word. In command mode: an argument or command name with escapes and
 * embedded quotes resolved (`parts` is set when it holds `$var` or `$( … )`).
 * In expression mode: an identifier, which is only ever an error there.
 */
export interface GenericToken extends TokenBase {
  readonly kind: 'Generic';
  readonly value: string;
  readonly parts: readonly StringPart[] | null;
}

/** `-Name` or `-Name:` in command mode. */
export interface ParameterToken extends TokenBase {
  readonly kind: 'Parameter';
  readonly name: string;
  readonly colon: boolean;
}

/** `-word` in expression mode: an operator such as -eq or -not, or an unknown word. */
export interface DashWordToken extends TokenBase {
  readonly kind: 'DashWord';
  /** Lower-case, without the dash. */
  readonly word: string;
}

/** A character that starts no token of the language (reported when reached). */
export interface UnknownToken extends TokenBase {
  readonly kind: 'Unknown';
}

/** `>`, `>>`, `2>`, `2>>`, `2>&1`, `*>&1`, …: `from` is the stream ('1' when none is written). */
export interface RedirectionToken extends TokenBase {
  readonly kind: 'Redirection';
  readonly from: '*' | '1' | '2' | '3' | '4' | '5' | '6';
  readonly append: boolean;
  /** True for `n>&1`: the stream merges into the output instead of going to a file. */
  readonly merge: boolean;
}

/** `@name` in command mode: splatting. */
export interface SplatToken extends TokenBase {
  readonly kind: 'Splat';
  readonly name: string;
}

export type Token =
  | PunctuatorToken
  | NumberToken
  | VariableToken
  | StringLiteralToken
  | ExpandableStringToken
  | GenericToken
  | ParameterToken
  | DashWordToken
  | UnknownToken
  | RedirectionToken
  | SplatToken;

// ---- characters -----------------------------------------------------------
// Indexing past the end of a string yields undefined; every class below
// answers false for it, so scanners can read one character ahead freely.

export function isNewlineChar(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Spaces that separate tokens (not newlines, which are tokens themselves). */
export function isBlank(c: string | undefined): boolean {
  if (c === ' ' || c === '\t') return true;
  if (c === undefined || c === '\n' || c === '\r') return false;
  return c === '\f' || c === '\v' || c === '\u00a0' || c === '\u0085' || c === '\ufeff' || /\s/.test(c);
}

/** PowerShell accepts the en dash, em dash and horizontal bar wherever '-' goes (text pasted from documents). */
export function isDash(c: string | undefined): boolean {
  return c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2015';
}

/** Straight and typographic single quotes, as PowerShell accepts them. */
export function isSingleQuote(c: string | undefined): boolean {
  return c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201a' || c === '\u201b';
}

/** Straight and typographic double quotes, as PowerShell accepts them. */
export function isDoubleQuote(c: string | undefined): boolean {
  return c === '"' || c === '\u201c' || c === '\u201d' || c === '\u201e';
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

export function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c > '\u007f' && /\p{L}/u.test(c);
}

export function isIdentifierStart(c: string | undefined): boolean {
  return isLetter(c) || c === '_';
}

export function isIdentifierChar(c: string | undefined): boolean {
  return isLetter(c) || isDigit(c) || c === '_';
}

/** Characters of a `$name` (Windows PowerShell 5.1 allows '?' anywhere in it, hence `$?`). */
export function isVariableChar(c: string | undefined): boolean {
  return isIdentifierChar(c) || c === '?';
}

/** What may follow '-' for the token to be a parameter rather than a number or a bare word. */
export function isParameterStart(c: string | undefined): boolean {
  return isLetter(c) || c === '_' || c === '?';
}

/**
 * Characters that end a bare word or a number in command mode and start a new
 * token: `echo a,b` is two words, `stash@{0}` is `stash@` then a script block.
 */
export function endsCommandToken(c: string | undefined): boolean {
  if (c === undefined) return true;
  switch (c) {
    case '\n':
    case '\r':
    case ';':
    case '|':
    case '(':
    case ')':
    case '{':
    case '}':
    case ',':
    case '&':
    case '<':
    case '>':
      return true;
    default:
      return isBlank(c);
  }
}

/**
 * Characters that end a number in expression mode (and at the start of a
 * statement) besides those that end any command token: operators, so `2+2`
 * is three tokens there while `Write-Output 2+2` passes the text '2+2'.
 */
export function endsNumberInExpression(c: string | undefined): boolean {
  return endsCommandToken(c) || isDash(c) || (c !== undefined && '!#%*+./<=>]'.includes(c));
}

// ---- errors ---------------------------------------------------------------

/**
 * Thrown inside the lexer and parser to unwind to `parse()` once an error is
 * found (as in PowerShell, a script with a parse error never runs, so nothing
 * is gained by recovering). It never escapes `parse()`.
 */
export class ParseAbort extends Error {
  constructor(readonly errors: readonly ParseErrorInfo[]) {
    super(errors[0]?.message ?? 'Parse error.');
    this.name = 'ParseAbort';
  }
}

export function parseError(id: string, message: string, extent: Extent, incomplete = false): ParseErrorInfo {
  return { id, message, extent: { start: extent.start, end: extent.end }, incomplete };
}

/** PowerShell's parse-error wording; entries PowerShell lacks say what this console does not support. */
export const messages = {
  unexpectedToken: (text: string) => `Unexpected token '${text}' in expression or statement.`,
  stringTerminator: (terminator: string) => `The string is missing the terminator: ${terminator}.`,
  expectedValue: (op: string) => `You must provide a value expression following the '${op}' operator.`,
  expectedValueLeft: (op: string) => `You must provide a value expression on the left-hand side of the '${op}' operator.`,
  missingAfterUnary: (op: string) => `Missing expression after unary operator '${op}'.`,
  missingAfterToken: (text: string) => `Missing expression after '${text}'.`,
  operatorRequiresVariable: (op: string) => `The '${op}' operator works only on variables or on properties.`,
  parameterRequiresArgument: (name: string) => `Parameter ${name} requires an argument.`,
  keywordNotSupported: (word: string) => `The '${word}' keyword is not supported in this version of the language.`,
  operatorNotSupported: (op: string) => `The '${op}' operator is not supported in this console.`,
  redirectionNotSupported: (op: string) => `The '${op}' operator is reserved for future use.`,
  invalidEndOfLine: (text: string) => `The token '${text}' is not a valid statement separator in this version.`,
  missingEndCurlyBrace: "Missing closing '}' in statement block or type definition.",
  missingEndParenExpression: "Missing closing ')' in expression.",
  missingEndParenSubexpression: "Missing closing ')' in subexpression.",
  missingEndParenMethodCall: "Missing ')' in method call.",
  missingEndSquareBracket: "Missing ']' after array index expression.",
  missingArrayIndex: 'Array index expression is missing or not valid.',
  missingPropertyName: 'Missing property name after reference operator.',
  expectedExpression: "An expression was expected after '('.",
  emptyPipeElement: 'An empty pipe element is not allowed.',
  expressionsFirst: 'Expressions are only allowed as the first element of a pipeline.',
  invalidLeftHandSide:
    'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
  missingKeyInHash: "Missing key before '=' in hash literal.",
  missingEqualsInHash: "Missing '=' operator after key in hash literal.",
  missingStatementInHash: "Missing statement after '=' in hash literal.",
  invalidVariable:
    "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  invalidVariableWithDrive:
    "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  emptyVariable: 'An empty ${} variable reference was found. A name is required inside the braces.',
  incompleteBracedVariable: "${variable} reference starting is missing the closing '}'.",
  missingCommentTerminator: "The terminator '#>' is missing from the multiline comment.",
  hereStringHeader: 'No characters are allowed after a here-string header but before the end of the line.',
  lineContinuation: 'The line continuation character (`) must be followed by the rest of the statement on the next line.',
  ampersand:
    'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
  splatInExpression: (name: string) =>
    `The splatting operator '@' cannot be used to reference variables in an expression. '@${name}' can be used only as an argument to a command. To reference variables in an expression use '$${name}'.`,
  redirectionMerge: (text: string) => `The '${text}' operator is reserved for future use.`,
  missingFileSpecification: 'Missing file specification after redirection operator.',
  missingCondition: (keyword: string) => `Missing condition in ${keyword} statement after '${keyword} ('.`,
  missingOpenParen: (keyword: string) => `Missing '(' after '${keyword}' in ${keyword} statement.`,
  missingEndParenAfterCondition: (keyword: string) => `Missing closing ')' after expression in '${keyword}' statement.`,
  missingStatementBlock: (keyword: string) => `Missing statement block after ${keyword} ( condition ).`,
  missingElseBlock: "Missing statement block after 'else' keyword.",
  missingForeachIn: "Missing 'in' after variable in foreach loop.",
  missingForeachVariable: "Missing variable name after foreach.",
  missingForeachPipeline: "Missing foreach loop pipeline.",
  missingForeachBlock: 'Missing statement body in foreach loop.',
  missingLoopBlock: (kind: string) => `Missing statement body in ${kind} loop.`,
  missingWhileOrUntil: "Missing 'while' or 'until' in do loop.",
  missingSwitchBody: "Missing opening '{' after switch statement.",
  missingSwitchCondition: 'Missing switch statement clauses.',
  missingSwitchClauseBlock: 'Missing statement block in switch statement clause.',
  switchDefaultTwice: "The switch statement contains more than one 'default' clause.",
  missingTryBlock: "Missing statement block after 'try'.",
  missingCatchOrFinally: 'The Try statement is missing its Catch or Finally block.',
  missingCatchBlock: 'Missing statement block in catch clause.',
  missingFinallyBlock: "Missing statement block after 'finally'.",
  missingTypeLiteral: "Missing type name after '['.",
  missingTrapBlock: 'Missing statement block in trap clause.',
  missingFunctionName: 'Missing name after function keyword.',
  missingFunctionBody: "Missing function body in function declaration.",
  missingEndParamBlock: "Missing ')' in function parameter list.",
  missingParamVariable: 'Missing variable name in parameter list.',
  missingAttributeClose: "Missing closing ']' after attribute.",
  missingEndTypeBracket: "Unexpected token ']'... Missing ']' after type name.",
  unexpectedAttribute: (name: string) => `Unexpected attribute '${name}'.`,
  keywordOutsideConstruct: (word: string) => `Unexpected token '${word}' in expression or statement.`,
  labelNotLoop: 'A loop label can only be used before a loop statement (foreach, for, while, do, switch).',
  unrecognizedToken: 'Unrecognized token in source text.',
  typeLiteral: "Type literals and casts such as '[int]' are not supported in this console.",
  nestedTooDeeply: 'The script is nested too deeply.',
  incompleteInput: 'The statement is incomplete: more input was expected.',
  tooLong: (max: number) => `The script is too long: at most ${max} characters are allowed.`,
} as const;
