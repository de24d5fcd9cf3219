// What every command module exports.
export interface CommandModule {
  /** the text of `sla <command> --help` */
  help: string;
  /** runs with the arguments after the command name; resolves to the exit code */
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  name: string;
  synopsis: string;
  summary: string;
  load: () => Promise<CommandModule>;
}
