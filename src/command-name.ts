// Which command a command line runs, before the CLI (and yargs) is loaded: bin.ts sets V8's flags by it.

/** keyhound's commands. */
export const COMMANDS: ReadonlySet<string> = new Set(['scan', 'staged', 'history', 'hook', 'rules']);

/**
 * The command of `argv` (without node and script): the first argument that names one. A flag's value
 * may come before it (`keyhound -c keyhound.yml scan .`), paths and revisions after it.
 */
export function commandName(argv: readonly string[]): string | undefined {
  return argv.find((arg) => COMMANDS.has(arg));
}
