// YAML-aware editors validate and complete sidecars only if the manifest registers the schemas for their names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FOLDER_FILE, SIDECAR_SUFFIX } from '../../src/engine/sidecar';

const ROOT = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string; url: string }[] }; files?: string[] };

describe('sidecar schemas in the manifest', () => {
  it('registers a schema for article sidecars and one for crosscheck.yaml, and both files exist', () => {
    const byMatch = new Map(pkg.contributes.yamlValidation.map((v) => [v.fileMatch, v.url]));
    const article = byMatch.get(`*${SIDECAR_SUFFIX}`);
    const folder = byMatch.get(FOLDER_FILE);
    assert.ok(article && folder, JSON.stringify(pkg.contributes.yamlValidation));
    for (const url of [article, folder]) {
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, url), 'utf8')) as { $schema?: string; properties?: { version?: unknown } };
      assert.ok(schema.properties?.version, `${url} describes the version key`);
    }
  });
});
