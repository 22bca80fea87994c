// Issue 9, untrusted text, in the real extension host: the workspace is test/fixtures/hostile (articles,
// sidecars, folder decisions and file names that carry HTML, script, markdown and command links, entities,
// bidi and zero-width characters; see test/fixtures/hostileWorkspace.ts). Whatever Crosscheck shows from
// them must be inert text: hovers, tree items, the Compare panel, diagnostics.
import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import * as vscode from 'vscode';
import { crosscheck, until } from '../crosscheckApi';
import { manifest } from '../helpers';

/** The command ids Crosscheck contributes: the only ones a hover link may name. */
const OWN_COMMANDS = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
/** Raw characters that would reorder or hide text, or break a one-line label. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Elements the fixture's text tries to inject. */
// (Crosscheck's own markdown makes p, strong, table and list elements; none of these.)
const INJECTED = /<(script|img|iframe|svg|style|b|a|h\d|blockquote|code|em|del|input)\b/i;

type Snapshot = NonNullable<Awaited<ReturnType<typeof crosscheck>>['analysis']['current']>;

function render(md: string): string {
  return marked.parse(md, { async: false, gfm: true }) as string;
}

/** Every link of rendered markdown: its href, decoded from HTML. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
}

/** The rendered markdown without its own links (Crosscheck's), so what is left is what came from files. */
function withoutOwnLinks(html: string): string {
  return html.replace(/<a\b[^>]*href="command:crosscheck\.[^"]*"[^>]*>([^<]*)<\/a>/g, '$1');
}

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A hover position on every mention and claim of every article (the article's own analysis says where). */
function hoverTargets(snapshot: Snapshot): { uri: vscode.Uri; offset: number; what: string }[] {
  const out: { uri: vscode.Uri; offset: number; what: string }[] = [];
  const a = snapshot.index.analysis;
  for (const e of a.entities) for (const m of e.mentions) out.push({ uri: snapshot.uriOf(m.article)!, offset: m.start, what: `mention ${m.text}` });
  for (const f of a.facts) for (const c of f.claims) out.push({ uri: snapshot.uriOf(c.article)!, offset: c.start, what: `claim ${c.text}` });
  return out.filter((t) => t.uri);
}

describe('hostile articles and sidecars in VS Code (issue 9)', function () {
  this.timeout(120_000);
  let snapshot: Snapshot;

  before(async () => {
    const api = await crosscheck();
    // The sidecars and folder decisions are applied over the analysis: wait for the renamed entity.
    snapshot = await until('the folder decisions applied', () => {
      const s = api.analysis.current;
      return s && s.index.analysis.entities.some((e) => e.name.includes("onerror=alert('name')")) ? s : undefined;
    }, 30_000);
    assert.equal(snapshot.index.analysis.articles.length, 4);
  });

  it('hovers: trusted only for Crosscheck commands, no HTML, every link a Crosscheck command with JSON arguments', async () => {
    const targets = hoverTargets(snapshot);
    assert.ok(targets.length >= 30, `only ${targets.length} places to hover`);
    let limitedTrust = 0;
    let links = 0;
    const seen = new Set<string>();
    for (const t of targets) {
      const doc = await vscode.workspace.openTextDocument(t.uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', t.uri, doc.positionAt(t.offset + 1));
      const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && /command:crosscheck\./.test(c.value));
      assert.ok(ours.length > 0, `no Crosscheck hover at ${t.what}`);
      for (const md of ours) {
        const where = `${t.what}: ${md.value.slice(0, 300)}`;
        assert.notEqual(md.supportHtml, true, where);
        assert.notEqual(md.isTrusted, true, `fully trusted markdown at ${where}`);
        if (typeof md.isTrusted === 'object') {
          limitedTrust++;
          for (const id of md.isTrusted.enabledCommands) assert.ok(OWN_COMMANDS.has(id), `${id} enabled at ${where}`);
        }
        assert.doesNotMatch(md.value, INVISIBLE, where);
        const html = render(md.value);
        for (const href of hrefs(html)) {
          links++;
          const m = /^command:(crosscheck\.[\w.]+)\?(.*)$/.exec(href);
          assert.ok(m && OWN_COMMANDS.has(m[1]), `link ${href} at ${where}`);
          const args = JSON.parse(decodeURIComponent(m[2])) as unknown;
          assert.ok(Array.isArray(args) && args.every((x) => x !== null && typeof x === 'object'), `arguments of ${href}`);
        }
        assert.doesNotMatch(withoutOwnLinks(html), INJECTED, where);
        seen.add(textOf(html));
      }
    }
    // The checks above held on real data: VS Code kept the limited trust, and links were there to check.
    assert.ok(limitedTrust > 0, 'no hover carried isTrusted.enabledCommands');
    assert.ok(links >= targets.length, `only ${links} links in ${targets.length} hovers`);
    // The attacks were shown, as text: the renamed entity, the hostile file name (with its override as a code).
    const all = [...seen].join('\n');
    assert.ok(all.includes("Tomas <img src=x onerror=alert('name')> [Velasco](command:workbench.action.quit)"), all.slice(0, 2000));
    assert.ok(all.includes('02_[x](command:workbench.action.quit) <img src=x onerror=alert(1)> a) \u2039U+202E\u203Atxt.exe'), all.slice(0, 2000));
  });

  it('the hover of a person\'s hostile note shows it as text, with only the annotation commands', async () => {
    const uri = snapshot.uriOf(snapshot.index.analysis.articles.find((a) => a.file === '01_flood.txt')!.id)!;
    const doc = await vscode.workspace.openTextDocument(uri);
    const position = doc.positionAt(doc.getText().indexOf('42 people') + 2);
    const md = await until('the annotation hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      return hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('Your claim'));
    }, 15_000);
    assert.notEqual(md.supportHtml, true);
    assert.ok(typeof md.isTrusted === 'object' && md.isTrusted.enabledCommands.every((id) => OWN_COMMANDS.has(id)), JSON.stringify(md.isTrusted));
    const html = render(md.value);
    assert.doesNotMatch(withoutOwnLinks(html), INJECTED, html);
    const ids: string[] = [];
    for (const href of hrefs(html)) {
      const m = /^command:(crosscheck\.[\w.]+)\?(.*)$/.exec(href);
      assert.ok(m && OWN_COMMANDS.has(m[1]), href);
      const [ref] = JSON.parse(decodeURIComponent(m[2])) as [{ id: string }];
      ids.push(ref.id);
    }
    // The sidecar's id holds ") [evil](command:…": each action link still carries it whole, as data.
    assert.deepEqual(ids, Array(4).fill('n1) [evil](command:workbench.action.quit'));
    const text = textOf(html);
    assert.ok(text.includes("<script>alert('note')</script> <img src=x onerror=alert(1)> [run](command:workbench.action.terminal.new)"), text);
    assert.ok(text.includes('\u2039U+202E\u203Aevil'), text);
    assert.doesNotMatch(md.value, INVISIBLE);
  });

  it('tree items: one plain line each, invisible characters shown, hostile names there as text', async () => {
    const api = await crosscheck();
    const all: { label: string; description?: string; tooltip?: string }[] = [];
    const walk = (nodes: ReturnType<typeof api.views.snapshot>) => { for (const n of nodes) { all.push(n); walk(n.children); } };
    for (const view of ['articles', 'entities', 'findings'] as const) walk(api.views.snapshot(view, 4));
    assert.ok(all.length > 50, `${all.length} tree items`);
    for (const n of all) {
      const where = JSON.stringify(n).slice(0, 300);
      for (const s of [n.label, n.description ?? '']) {
        assert.doesNotMatch(s, /[\r\n]/, where);
        assert.ok(s.length <= 300, `${s.length} characters: ${where}`);
      }
      for (const s of [n.label, n.description ?? '', n.tooltip ?? '']) {
        assert.doesNotMatch(s, INVISIBLE, where);
        assert.doesNotMatch(s, CONTROL, where);
      }
    }
    const labels = all.map((n) => `${n.label} ${n.description ?? ''}`).join('\n');
    assert.ok(labels.includes("Tomas <img src=x onerror=alert('name')>"), labels.slice(0, 3000));
    assert.ok(labels.includes('RIVERTON FLOOD \u2039U+2066\u203AEXCLUSIVE\u2039U+2069\u203A <style>'), labels.slice(0, 3000));
    assert.ok(labels.includes('02_[x](command:workbench.action.quit) <img src=x onerror=alert(1)> a) \u2039U+202E\u203Atxt.exe\u2039U+200B\u203A.md'), labels.slice(0, 3000));
  });

  it('the Compare panel: nonce CSP, one nonce script, no command URIs, article text only as message data', async () => {
    const api = await crosscheck();
    const facts = snapshot.index.analysis.facts;
    assert.ok(facts.length >= 10);
    const sentences: string[] = [];
    for (const fact of facts) {
      await vscode.commands.executeCommand('crosscheck.compareClaim', { fact: fact.id });
      const panel = await until('the Compare panel', () => api.comparePanel()?.view?.fact === fact.id && api.comparePanel());
      const html = panel.panel.webview.html;
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&#39;/g, "'") ?? '';
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      assert.ok(nonce && nonce.length >= 16, csp);
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-|(^|\s)(\*|data:|https?:)(;|\s|$)/);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.equal(scripts.length, 1, html);
      assert.ok(scripts[0][1].includes(`nonce="${nonce}"`) && /\bsrc="/.test(scripts[0][1]) && scripts[0][2].trim() === '', html);
      assert.doesNotMatch(html, /\son\w+\s*=/i, 'an inline event handler');
      // Article text never enters the page's HTML: the webview gets it as data and sets it as text.
      for (const row of panel.view!.rows) {
        assert.ok(!html.includes(row.words), `"${row.words}" in the page HTML`);
        sentences.push(`${row.before}${row.words}${row.after}`);
      }
      assert.equal(panel.panel.webview.options.enableCommandUris, false);
      const roots = (panel.panel.webview.options.localResourceRoots ?? []).map((u) => u.fsPath);
      const ext = vscode.extensions.getExtension(`${manifest.publisher}.${manifest.name}`)!.extensionUri.fsPath;
      assert.ok(roots.length > 0 && roots.every((r) => r.startsWith(ext)), roots.join(', '));
    }
    // The hostile sentences reached the panel as data, verbatim (the webview sets them as text).
    assert.ok(sentences.some((s) => s.includes('<img src=x onerror="alert(1)">')), sentences.join('\n'));
    assert.ok(sentences.some((s) => s.includes('[Reuters](command:crosscheck.openSpan?')), sentences.join('\n'));
    assert.doesNotMatch(api.comparePanel()!.panel.title, INVISIBLE);
  });

  it('diagnostics: plain one-line messages, invisible characters shown', async () => {
    const api = await crosscheck();
    const all = await until('conflict diagnostics', () => {
      const list: vscode.Diagnostic[] = [];
      api.diagnostics.collection.forEach((_uri, ds) => list.push(...ds));
      return list.length >= 3 ? list : undefined;
    });
    for (const d of all) {
      assert.equal(typeof d.message, 'string');
      assert.doesNotMatch(d.message, /[\r\n]/, d.message);
      assert.doesNotMatch(d.message, INVISIBLE, d.message);
      assert.doesNotMatch(d.message, CONTROL, d.message);
      for (const r of d.relatedInformation ?? []) {
        assert.doesNotMatch(r.message, INVISIBLE, r.message);
        assert.doesNotMatch(r.message, /[\r\n]/, r.message);
      }
    }
    assert.ok(all.some((d) => d.message.includes('\u2039U+202E\u203Atxt.exe')), all.map((d) => d.message).join('\n'));
  });

  it('hostile sidecars (alias bomb, custom tags) are clear problems on their files; the others still apply', async () => {
    const problems = (name: string) => until(`the problems of ${name}`, () => {
      const entry = vscode.languages.getDiagnostics().find(([uri]) => uri.path.endsWith(name));
      return entry && entry[1].length > 0 ? entry[1] : undefined;
    }, 15_000);
    const bomb = await problems('03_wire.crosscheck.yaml');
    assert.match(bomb[0].message, /billion laughs/);
    const tags = await problems('04_long.crosscheck.yaml');
    assert.match(tags[0].message, /js\/function/);
    assert.match(tags.map((d) => d.message).join('\n'), /python\/object/);
    for (const d of [...bomb, ...tags]) assert.doesNotMatch(d.message, /[\r\n]/);
    // The valid sidecar and the folder decisions were applied all the same.
    assert.ok(snapshot.index.analysis.entities.some((e) => e.name.startsWith('Tomas <img')));
  });
});
