// package.json and the code must agree on command ids and settings (a typo in either breaks a menu or a setting silently).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/shared/commands';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../../src/shared/settings';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));

describe('manifest', () => {
  it('declares exactly the commands the code registers', () => {
    const declared = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(COMMANDS).sort());
  });

  it('only refers to declared commands in menus and keybindings', () => {
    const ids = new Set<string>(Object.values(COMMANDS));
    const menus = Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat();
    for (const m of [...menus, ...pkg.contributes.keybindings]) assert.ok(ids.has(m.command), m.command);
  });

  it('declares every setting with the code default', () => {
    const props: Record<string, { default: unknown }> = Object.assign({}, ...pkg.contributes.configuration.map((s: { properties: object }) => s.properties));
    const declared = Object.keys(props).sort();
    assert.deepEqual(declared, Object.keys(DEFAULT_SETTINGS).map((k) => `${SETTINGS_SECTION}.${k}`).sort());
    for (const [k, v] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(props[`${SETTINGS_SECTION}.${k}`].default, v, k);
  });

  it('contributes a theme colour for every colour the code uses, for light, dark and high contrast', () => {
    const colors = new Map<string, { defaults: Record<string, string> }>(pkg.contributes.colors.map((c: { id: string }) => [c.id, c]));
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/ThemeColor\(`?'?(crosscheck\.[\w${}.]+)/g)) used.add(m[1]);
      }
    };
    walk(path.join(__dirname, '../../../src/extension'));
    const expanded = [...used].flatMap((id) => (id.includes('${v}') ? ['conflict', 'variant', 'agree', 'single'].map((v) => id.replace('${v}', v)) : [id]));
    assert.ok(expanded.length > 5);
    for (const id of expanded) {
      const c = colors.get(id);
      assert.ok(c, `${id} is not contributed`);
      for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) assert.ok(c.defaults[theme], `${id} has no ${theme} default`);
    }
  });

  it('ships the grammar, icon and webview assets it names', () => {
    const root = path.join(__dirname, '../../../');
    for (const g of pkg.contributes.grammars) assert.ok(fs.existsSync(path.join(root, g.path)), g.path);
    for (const c of pkg.contributes.viewsContainers.activitybar) assert.ok(fs.existsSync(path.join(root, c.icon)), c.icon);
    assert.ok(fs.existsSync(path.join(root, 'media/compare.css')));
  });
});
