// The floor: read every article of a folder the way the CLI does and split it into word and punctuation
// tokens. No analysis can be faster than this. Prints a JSON summary on stdout.
import { readArticleFolder } from '../../src/node/folder';

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

async function main(): Promise<void> {
  const { inputs } = await readArticleFolder(process.argv[2]);
  let characters = 0;
  let tokens = 0;
  for (const input of inputs) {
    tokens += input.text.match(TOKEN)?.length ?? 0;
    characters += input.text.length;
  }
  process.stdout.write(JSON.stringify({ articles: inputs.length, characters, tokens }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
