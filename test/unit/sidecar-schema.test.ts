import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseSidecar, parseFolderDecisions } from '../../src/engine/sidecar';

const ROOT = path.resolve(__dirname, '../..');
const ajv = new Ajv({ allErrors: true, strict: false });
const sidecarSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/crosscheck.schema.json'), 'utf8')));
const folderSchema = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/crosscheck-folder.schema.json'), 'utf8')));

describe('JSON Schemas for editors', () => {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.yaml'));

  it('the seeds ship sidecars and a folder file, which Crosscheck and the schemas both accept', () => {
    assert.ok(seeds.includes('crosscheck.yaml') && seeds.length >= 2, seeds.join(', '));
    for (const f of seeds) {
      const text = fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8');
      const folder = f === 'crosscheck.yaml';
      const ours = folder ? parseFolderDecisions(text) : parseSidecar(text);
      assert.ok(ours.ok, `${f}: ${JSON.stringify(!ours.ok && ours.problems)}`);
      const validate = folder ? folderSchema : sidecarSchema;
      assert.ok(validate(parse(text)), `${f}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('the schemas reject what Crosscheck rejects', () => {
    const bad = [
      'version: 2\n',
      'version: 1\nannotations:\n  - {id: a, kind: opinion, target: {quote: x, start: 0, end: 1}}\n',
      'version: 1\nannotations:\n  - {id: a, kind: note, target: {quote: x, start: -1, end: 1}}\n',
      'version: 1\nannotations:\n  - {id: a, kind: note, target: {quote: x, start: 0, end: 1}, verdict: maybe}\n',
      'version: 1\nannotations:\n  - {kind: note, target: {quote: x, start: 0, end: 1}}\n',
    ];
    for (const text of bad) {
      assert.equal(parseSidecar(text).ok, false, text);
      assert.equal(sidecarSchema(parse(text)), false, text);
    }
    const badFolder = 'version: 1\nsources:\n  a.txt: {published: 2 June}\n';
    assert.equal(parseFolderDecisions(badFolder).ok, false);
    assert.equal(folderSchema(parse(badFolder)), false);
  });
});
