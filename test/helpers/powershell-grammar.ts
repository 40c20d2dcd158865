// An independent PowerShell grammar (tree-sitter-powershell, loaded as wasm
// through web-tree-sitter) to check that generated scripts parse: returns
// every ERROR or MISSING node with its position, so a failure says where.

import path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

let parser: Parser | undefined;

export async function powershellParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const language = await Language.load(path.resolve('node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm'));
  parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** "ERROR at 3:14: <text>" for each broken node; empty when the script parses cleanly. */
export async function syntaxProblems(script: string): Promise<string[]> {
  const tree = (await powershellParser()).parse(script);
  if (!tree) return ['the parser returned no tree'];
  const problems: string[] = [];
  const walk = (node: Node) => {
    if (node.isError || node.isMissing) problems.push(`${node.isMissing ? 'MISSING' : 'ERROR'} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.text.slice(0, 60)}`);
    if (node.hasError || node.isMissing) for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return problems;
}
