// What a developer would reach for: compromise's people(), places() and organizations() over every
// article of a folder, read the same way the CLI reads it. Prints a JSON summary on stdout.
import nlp from 'compromise';
import { readArticleFolder } from '../../src/node/folder';

async function main(): Promise<void> {
  const folder = process.argv[2];
  const { inputs } = await readArticleFolder(folder);
  let characters = 0;
  let people = 0;
  let places = 0;
  let organizations = 0;
  for (const input of inputs) {
    const doc = nlp(input.text);
    people += (doc.people().out('array') as string[]).length;
    places += (doc.places().out('array') as string[]).length;
    organizations += (doc.organizations().out('array') as string[]).length;
    characters += input.text.length;
  }
  process.stdout.write(JSON.stringify({ articles: inputs.length, characters, people, places, organizations }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
