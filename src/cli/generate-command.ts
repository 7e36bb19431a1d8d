/** `qxml generate`: the generators live in generators/; this is the CLI's door to them. */
export async function runGenerateCommand(args: string[]): Promise<number> {
  const { runGenerate } = await import("../../generators/cli.js");
  return runGenerate(args);
}
