// The layering rule from STYLE.md, as a test (folders say what a file may import):
//   - nothing under src-main/engine/ imports electron or electron-store;
//   - src-main/host imports no electron, and app/ and preview/ reach the
//     engine only through it (no statement runs on their thread);
//   - nothing under src-renderer/ imports runtime code from src-main/, nor
//     electron or Node built-ins (`import type` from src-main/ is fine).
//
// Imports are read with the TypeScript parser, not regexes, so multi-line
// imports, `export … from`, dynamic import() and require() are all seen, and
// `import type` is told apart from `import { type X }` (which, under
// verbatimModuleSyntax, still loads the module at run time).

import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC_MAIN = path.join(ROOT, 'src-main');

interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

function listFiles(dir: string, extensions: readonly string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The TypeScript/JavaScript code of a file; for .svelte, its <script> blocks. */
function scriptSources(fileName: string, text: string): string[] {
  if (!fileName.endsWith('.svelte')) return [text];
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
}

function collectImports(fileName: string, text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const source of scriptSources(fileName, text)) {
    const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const add = (node: ts.Node, specifier: ts.Expression, typeOnly: boolean): void => {
      if (!ts.isStringLiteralLike(specifier)) return;
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      refs.push({ specifier: specifier.text, typeOnly, line });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) {
        add(node, node.moduleSpecifier, node.importClause?.isTypeOnly === true);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
        add(node, node.moduleSpecifier, node.isTypeOnly);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        add(node, node.moduleReference.expression, node.isTypeOnly);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
        const [first] = node.arguments;
        if ((isDynamicImport || isRequire) && first !== undefined) add(node, first, false);
      } else if (ts.isImportTypeNode(node)) {
        // `typeof import('x')` in a type position: erased, so type-only.
        const argument = node.argument;
        if (ts.isLiteralTypeNode(argument)) add(node, argument.literal, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return refs;
}

const isElectron = (specifier: string): boolean =>
  specifier === 'electron' ||
  specifier.startsWith('electron/') ||
  specifier === 'electron-store' ||
  specifier.startsWith('electron-store/');

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');

function pointsIntoSrcMain(fromFile: string, specifier: string): boolean {
  if (/(^|[/\\])src-main([/\\]|$)/.test(specifier)) return true;
  if (!specifier.startsWith('.')) return false;
  const target = path.resolve(path.dirname(fromFile), specifier);
  return target === SRC_MAIN || target.startsWith(SRC_MAIN + path.sep);
}

function violations(
  files: readonly string[],
  isForbidden: (file: string, ref: ImportRef) => boolean,
): string[] {
  return files.flatMap((file) =>
    collectImports(file, readFileSync(file, 'utf8'))
      .filter((ref) => isForbidden(file, ref))
      .map((ref) => `${path.relative(ROOT, file)}:${ref.line} imports '${ref.specifier}'`),
  );
}

describe('collectImports', () => {
  it('sees every import form and tells type-only imports apart', () => {
    const source = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "import { type C } from 'c';",
      "import {\n  d,\n  e,\n} from 'd';",
      "import 'side-effect';",
      "export { f } from 'f';",
      "export type { G } from 'g';",
      "export * from 'h';",
      "const i = await import('i');",
      "const j = require('j');",
      "import k = require('k');",
      "type L = typeof import('l');",
      "// import x from 'commented-out';",
      "const s = \"import y from 'in-a-string'\";",
    ].join('\n');
    expect(collectImports('x.ts', source)).toEqual([
      { specifier: 'a', typeOnly: false, line: 1 },
      { specifier: 'b', typeOnly: true, line: 2 },
      { specifier: 'c', typeOnly: false, line: 3 },
      { specifier: 'd', typeOnly: false, line: 4 },
      { specifier: 'side-effect', typeOnly: false, line: 8 },
      { specifier: 'f', typeOnly: false, line: 9 },
      { specifier: 'g', typeOnly: true, line: 10 },
      { specifier: 'h', typeOnly: false, line: 11 },
      { specifier: 'i', typeOnly: false, line: 12 },
      { specifier: 'j', typeOnly: false, line: 13 },
      { specifier: 'k', typeOnly: false, line: 14 },
      { specifier: 'l', typeOnly: true, line: 15 },
    ]);
  });

  it('reads the <script> blocks of .svelte files', () => {
    const source = [
      '<script module lang="ts">',
      "  import { x } from '../../src-main/app/x';",
      '</script>',
      '<script lang="ts">',
      "  import type { Y } from '../../src-main/preload/api';",
      '</script>',
      "<p>import z from 'not-code'</p>",
    ].join('\n');
    expect(collectImports('App.svelte', source).map((ref) => [ref.specifier, ref.typeOnly])).toEqual([
      ['../../src-main/app/x', false],
      ['../../src-main/preload/api', true],
    ]);
  });
});

describe('layering', () => {
  const engineFiles = listFiles(path.join(SRC_MAIN, 'engine'), ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
  const rendererFiles = listFiles(path.join(ROOT, 'src-renderer'), [
    '.ts',
    '.mts',
    '.js',
    '.mjs',
    '.svelte',
  ]);

  it('finds the files it is meant to check', () => {
    expect(engineFiles.length).toBeGreaterThan(0);
    expect(rendererFiles.length).toBeGreaterThan(0);
  });

  it('src-main/engine never imports electron or electron-store', () => {
    expect(violations(engineFiles, (_file, ref) => isElectron(ref.specifier))).toEqual([]);
  });

  it('src-main/host (the session worker and its host, run by plain Node too) never imports electron', () => {
    const hostFiles = listFiles(path.join(SRC_MAIN, 'host'), ['.ts']);
    expect(hostFiles.length).toBeGreaterThan(0);
    expect(violations(hostFiles, (_file, ref) => isElectron(ref.specifier))).toEqual([]);
  });

  it('the app and the preview reach the engine only through the session host (nothing runs on their thread)', () => {
    const callers = [...listFiles(path.join(SRC_MAIN, 'app'), ['.ts']), ...listFiles(path.join(SRC_MAIN, 'preview'), ['.ts'])];
    const direct = (file: string, ref: ImportRef): boolean =>
      !ref.typeOnly && /\/(engine\/session|engine\/store(\/index)?|ipc\/engine-service)$/.test(path.resolve(path.dirname(file), ref.specifier));
    expect(violations(callers, direct)).toEqual([]);
  });

  it('src-renderer imports nothing from src-main at run time', () => {
    expect(
      violations(rendererFiles, (file, ref) => !ref.typeOnly && pointsIntoSrcMain(file, ref.specifier)),
    ).toEqual([]);
  });

  it('src-renderer imports neither electron nor Node built-ins', () => {
    expect(
      violations(rendererFiles, (_file, ref) => isElectron(ref.specifier) || isNodeBuiltin(ref.specifier)),
    ).toEqual([]);
  });

  it('flags a renderer file that imports src-main at run time (self-check)', () => {
    const file = path.join(ROOT, 'src-renderer', 'src', 'Bad.svelte');
    const refs = collectImports(file, "<script lang=\"ts\">import { x } from '../../src-main/engine/x';</script>");
    expect(refs.filter((ref) => !ref.typeOnly && pointsIntoSrcMain(file, ref.specifier))).toHaveLength(1);
  });
});
