// What a marketplace listing and a first-time user rely on in package.json: the listing's fields and files,
// commands a person can find (category, icon), settings in titled, ordered, described sections, the
// walkthrough's media, and the Restricted Mode declaration.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../../../');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('marketplace listing', () => {
  it('has the fields a listing needs, and the files they name', () => {
    for (const k of ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'icon', 'repository', 'galleryBanner', 'categories', 'keywords']) {
      assert.ok(pkg[k], `package.json lacks ${k}`);
    }
    assert.ok(pkg.categories.length > 0 && pkg.keywords.length >= 5);
    assert.ok(pkg.keywords.length <= 30, 'the marketplace accepts at most 30 keywords');
    assert.deepEqual(pngSize(path.join(root, pkg.icon)), { width: 128, height: 128 });
    for (const f of ['LICENSE', 'CHANGELOG.md', 'README.md']) assert.ok(fs.existsSync(path.join(root, f)), f);
    assert.match(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${pkg.version.replace(/\./g, '\\.')}`));
  });

  it('builds the production bundle before packaging', () => {
    assert.match(pkg.scripts['vscode:prepublish'], /build\.mjs --production/);
  });

  it('groups every command under Crosscheck, with an icon', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Crosscheck', c.command);
      assert.ok(c.icon, `${c.command} has no icon`);
    }
  });

  it('has settings in titled, ordered sections, each described', () => {
    const sections = pkg.contributes.configuration as { title: string; order: number; properties: Record<string, { order?: number; markdownDescription?: string; description?: string }> }[];
    assert.ok(sections.length >= 2);
    for (const s of sections) {
      assert.ok(s.title && Number.isInteger(s.order), JSON.stringify(s.title));
      for (const [k, p] of Object.entries(s.properties)) {
        assert.ok(Number.isInteger(p.order), `${k} has no order`);
        assert.ok((p.markdownDescription ?? p.description ?? '').length > 10, `${k} has no description`);
      }
    }
    const keys = sections.flatMap((s) => Object.keys(s.properties));
    for (const k of ['crosscheck.articles.include', 'crosscheck.decorations.style', 'crosscheck.decorations.verdicts', 'crosscheck.diagnostics.level', 'crosscheck.analysis.entityTypes']) {
      assert.ok(keys.includes(k), k);
    }
  });

  it('has a walkthrough whose steps name existing media', () => {
    const [w] = pkg.contributes.walkthroughs;
    assert.ok(w.steps.length >= 4);
    for (const s of w.steps) {
      const media = s.media.markdown ?? s.media.image;
      assert.ok(fs.existsSync(path.join(root, media)), media);
      // Images a step's markdown shows must exist too (relative to the markdown file).
      if (s.media.markdown) {
        const md = fs.readFileSync(path.join(root, media), 'utf8');
        for (const m of md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(fs.existsSync(path.join(root, path.dirname(media), m[1])), `${media}: ${m[1]}`);
      }
    }
  });

  it('declares limited support for untrusted workspaces, saying what needs trust', () => {
    const u = pkg.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    assert.match(u.description, /sidecar/i);
  });
});
