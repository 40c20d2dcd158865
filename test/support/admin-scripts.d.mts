// Types for admin-scripts.mjs, which TypeScript tests import.
export const FIXTURES: string;
export function listFixtures(): string[];
interface Outcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  store: string[];
  file: string | undefined;
}
export function runFixture(cliBundle: string, name: string): { actual: Outcome; expected: Outcome };
