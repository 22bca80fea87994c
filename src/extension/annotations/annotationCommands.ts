// The person's commands: annotate a selection (claim, note, entity mention), set a verdict, edit a note, link
// a claim to a fact, delete; rename / merge / split an entity, mark "not an entity"; re-attach or delete an
// orphan. Each change goes through the store, which never overwrites what someone else changed meanwhile.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import type { AnchoredAnnotation, Entity } from '../../engine/model';
import {
  TRUTH_VERDICTS, addAnnotation, changeAnnotation, ensureFact, linkFact, makeAnnotation, markNotEntity, nameEntity,
  newAnnotationId, removeAnnotation, retarget, setNote, setVerdict, splitEntity, type AnnotationKind, type TruthVerdict,
} from '../../engine/sidecar';
import { oneLine, plainMessage, truncate } from '../../shared/escape';
import { requireTrust } from '../setup/trust';
import { COMMANDS } from '../../shared/commands';
import type { AnnotationStore } from './annotationStore';
import { ANNOTATION_COMMANDS, annotationsAt, OrphanNode, type AnnotationRef } from './annotationViews';
import { AnnotationNode, ClaimNode, EntityNode } from '../views/nodes';
import type { ClaimRef } from '../../shared/analysisIndex';

const ENTITY_COMMANDS = {
  annotateClaim: COMMANDS.annotateClaim,
  annotateNote: COMMANDS.annotateNote,
  annotateEntity: COMMANDS.annotateEntity,
  renameEntity: COMMANDS.renameEntity,
  mergeEntity: COMMANDS.mergeEntity,
  splitEntity: COMMANDS.splitEntity,
  markNotEntity: COMMANDS.markNotEntity,
} as const;

function author(): string | undefined {
  try { return os.userInfo().username || undefined; } catch { return undefined; }
}

export function registerAnnotationCommands(analysis: AnalysisService, store: AnnotationStore, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const run = (fn: (...args: unknown[]) => Promise<void>) => async (...args: unknown[]) => {
    // Every command here writes a sidecar: in Restricted Mode, say so (and how to trust) instead.
    if (!(await requireTrust('your change'))) return;
    try {
      await fn(...args);
    } catch (e) {
      output.error((e as Error).stack ?? String(e));
      void vscode.window.showErrorMessage(plainMessage(`Crosscheck: ${(e as Error).message}`));
    }
  };

  /** The article in the active editor, with the selection as offsets. */
  const selection = (): { uri: vscode.Uri; text: string; start: number; end: number; articleId: string } => {
    const editor = vscode.window.activeTextEditor;
    const articleId = editor ? analysis.current?.articleIdOf(editor.document.uri) : undefined;
    if (!editor || !articleId) throw new Error('open an article and select the words to annotate');
    const doc = editor.document;
    return { uri: doc.uri, text: doc.getText(), start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end), articleId };
  };

  /** The annotation a command is about: its argument (hover link, tree), else the one under the cursor. */
  const target = (arg: unknown): AnchoredAnnotation => {
    const ref = (arg instanceof OrphanNode || arg instanceof AnnotationNode ? arg.annotation : arg) as Partial<AnnotationRef> | undefined;
    if (ref && typeof ref.id === 'string' && typeof ref.sidecar === 'string') {
      const a = store.annotations.find((x) => x.id === ref.id && x.sidecar === ref.sidecar);
      if (a) return a;
    }
    const editor = vscode.window.activeTextEditor;
    const here = editor ? annotationsAt(analysis, store, editor.document, editor.document.offsetAt(editor.selection.active))[0] : undefined;
    if (!here) throw new Error('put the cursor on one of your annotations first');
    return here;
  };

  /**
   * The claim a command is about, when it is given one: a claim node of the Articles or Findings view, or
   * `{ claim: <claim id> }` (the Compare panel). With the person's annotation that judges it, if there is one.
   */
  const claimOf = (arg: unknown): { ref: ClaimRef; existing?: AnchoredAnnotation } | undefined => {
    const id = arg instanceof ClaimNode ? arg.ref.claim.id : (arg as { claim?: unknown } | undefined)?.claim;
    if (typeof id !== 'string') return undefined;
    const ref = analysis.current?.index.claim(id);
    if (!ref) throw new Error('that claim is no longer in the analysis');
    const from = new Set(ref.claim.review?.from ?? []);
    const existing = store.annotations.find((a) => from.has(a.id) && a.article === ref.claim.article && a.anchor !== 'orphaned');
    return { ref, ...(existing ? { existing } : {}) };
  };

  /** A new claim annotation on a claim's words, judged: the person's verdict or note on what the engine found. */
  const annotateClaimWords = async (ref: ClaimRef, extra: { verdict?: TruthVerdict; note?: string }): Promise<void> => {
    const snapshot = analysis.current;
    const uri = snapshot?.uriOf(ref.claim.article);
    const article = snapshot?.index.articles.get(ref.claim.article);
    if (!uri || !article) throw new Error('the claim\'s article is no longer in the analysis');
    const a = makeAnnotation({ id: newAnnotationId(Math.random, store.ids()), kind: 'claim', text: article.text, start: ref.claim.start, end: ref.claim.end, author: author(), now: new Date().toISOString(), ...extra });
    await store.changeSidecar(uri, (f) => addAnnotation(f, a));
  };

  const change = async (a: AnchoredAnnotation, fn: Parameters<typeof changeAnnotation>[3]): Promise<void> => {
    const file = store.sidecarPathOf(a);
    if (!file) throw new Error(`cannot find the sidecar ${a.sidecar}`);
    await store.changeSidecarAt(file, undefined, (f) => changeAnnotation(f, a.id, new Date().toISOString(), fn));
  };

  const pickVerdict = async (current?: TruthVerdict): Promise<TruthVerdict | null | undefined> => {
    const items = [...TRUTH_VERDICTS.map((v) => ({ label: v, picked: v === current })), { label: 'clear the verdict', picked: false }];
    const pick = await vscode.window.showQuickPick(items, { title: 'Your verdict: is it true?', placeHolder: current ? `now: ${current}` : undefined });
    if (!pick) return undefined;
    return pick.label === 'clear the verdict' ? null : (pick.label as TruthVerdict);
  };

  const annotate = async (kind: AnnotationKind, extra: { note?: string; entity?: string; verdict?: TruthVerdict } = {}): Promise<void> => {
    const s = selection();
    if (s.end <= s.start) throw new Error('select the words to annotate first');
    const a = makeAnnotation({ id: newAnnotationId(Math.random, store.ids()), kind, text: s.text, start: s.start, end: s.end, author: author(), now: new Date().toISOString(), ...extra });
    await store.changeSidecar(s.uri, (f) => addAnnotation(f, a));
  };

  /**
   * The entity a command is about: the Entities view's node (its context menu), `{ entity: <entity id> }`
   * (scripts, tests), else the name under the cursor.
   */
  const entityOf = (arg: unknown): Entity => {
    if (arg instanceof EntityNode) return arg.entity;
    const given = (arg as { entity?: unknown } | undefined)?.entity;
    if (typeof given === 'string') {
      const found = analysis.current?.index.entities.get(given);
      if (!found) throw new Error('that entity is no longer in the analysis');
      return found;
    }
    const editor = vscode.window.activeTextEditor;
    const snapshot = analysis.current;
    const id = editor && snapshot?.articleIdOf(editor.document.uri);
    const ref = id ? snapshot!.index.mentionAt(id, editor!.document.offsetAt(editor!.selection.active), true) : undefined;
    if (!ref) throw new Error('put the cursor on a name, or use the Entities view');
    return ref.entity;
  };

  return [
    // Each command also takes its answers as arguments (scripts, keybindings, tests); it asks only for what is missing.
    vscode.commands.registerCommand(ENTITY_COMMANDS.annotateClaim, run(async (arg) => {
      const given = (arg as { verdict?: TruthVerdict | null } | undefined)?.verdict;
      const verdict = given !== undefined ? given : await pickVerdict();
      if (verdict === undefined) return;
      await annotate('claim', verdict ? { verdict } : {});
    })),
    vscode.commands.registerCommand(ENTITY_COMMANDS.annotateNote, run(async (arg) => {
      const given = (arg as { note?: string } | undefined)?.note;
      const note = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: 'Note on the selection', prompt: 'Saved in the article\'s .crosscheck.yaml beside it' });
      if (note === undefined) return;
      await annotate('note', { note });
    })),
    vscode.commands.registerCommand(ENTITY_COMMANDS.annotateEntity, run(async (arg) => {
      const given = (arg as { entity?: string } | undefined)?.entity;
      if (typeof given === 'string' && given.trim()) {
        await annotate('entity', { entity: given.trim() });
        return;
      }
      const names = [...new Set((analysis.current?.index.analysis.entities ?? []).map((e) => e.name))].sort();
      const s = selection();
      const typed = s.text.slice(s.start, s.end).trim();
      const pick = await vscode.window.showQuickPick([...(typed && !names.includes(typed) ? [typed] : []), ...names].map((label) => ({ label })), { title: 'Which entity do these words refer to? (type a new name to create one)' });
      if (!pick) return;
      await annotate('entity', { entity: pick.label });
    })),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.setVerdict, run(async (arg, given) => {
      const isGiven = given === null || (typeof given === 'string' && (TRUTH_VERDICTS as readonly string[]).includes(given));
      const onClaim = claimOf(arg);
      if (onClaim && !onClaim.existing) {
        const verdict = isGiven ? (given as TruthVerdict | null) : await pickVerdict();
        // null: clear a verdict there is none of.
        if (verdict) await annotateClaimWords(onClaim.ref, { verdict });
        return;
      }
      const a = onClaim?.existing ?? target(arg);
      const verdict = isGiven ? (given as TruthVerdict | null) : await pickVerdict(a.verdict);
      if (verdict === undefined) return;
      await change(a, (x) => setVerdict(x.kind === 'note' ? { ...x, kind: 'claim' } : x, verdict ?? undefined));
    })),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.editNote, run(async (arg, given) => {
      const onClaim = claimOf(arg);
      if (onClaim && !onClaim.existing) {
        const quote = truncate(oneLine(onClaim.ref.claim.text), 40);
        const note = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: `Your note on \u201c${quote}\u201d`, prompt: 'Saved in the article\'s .crosscheck.yaml beside it' });
        if (note) await annotateClaimWords(onClaim.ref, { note });
        return;
      }
      const a = onClaim?.existing ?? target(arg);
      const note = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: `Note on \u201c${truncate(oneLine(a.quote), 40)}\u201d`, value: a.note ?? '' });
      if (note === undefined) return;
      await change(a, (x) => setNote(x, note || undefined));
    })),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.linkFact, run(async (arg, given) => {
      const a = target(arg);
      const facts = store.decisions.facts;
      // A fact of crosscheck.yaml named by its id (scripts, tests): linked without asking.
      if (typeof given === 'string' && given) {
        if (!facts.some((f) => f.id === given)) throw new Error(`crosscheck.yaml names no fact "${truncate(oneLine(given), 60)}"`);
        await change(a, (x) => linkFact(x, given));
        return;
      }
      const NEW = '$(add) New fact…';
      const pick = await vscode.window.showQuickPick([{ label: NEW, id: '' }, ...facts.map((f) => ({ label: f.label ? oneLine(f.label) : f.id, description: f.id, id: f.id }))], { title: 'Link this claim to a fact' });
      if (!pick) return;
      let id = pick.id;
      if (!id) {
        const label = await vscode.window.showInputBox({ title: 'What the fact is about', value: oneLine(a.quote) });
        if (!label) return;
        id = label.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'fact';
        const taken = new Set(facts.map((f) => f.id));
        for (let i = 2, base = id; taken.has(id); i++) id = `${base}-${i}`;
        await store.changeFolderDecisions((d) => ensureFact(d, id, label));
      }
      await change(a, (x) => linkFact(x, id));
    })),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.deleteAnnotation, run(async (arg) => {
      const a = target(arg);
      const ok = await vscode.window.showWarningMessage(`Delete your ${a.kind} on \u201c${truncate(oneLine(a.quote), 60)}\u201d?`, { modal: true }, 'Delete');
      if (ok !== 'Delete') return;
      const file = store.sidecarPathOf(a);
      if (file) await store.changeSidecarAt(file, undefined, (f) => removeAnnotation(f, a.id));
    })),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.deleteOrphan, run(async (arg) => {
      await vscode.commands.executeCommand(ANNOTATION_COMMANDS.deleteAnnotation, arg instanceof OrphanNode ? { id: arg.annotation.id, sidecar: arg.annotation.sidecar } : arg);
    })),
    vscode.commands.registerCommand(ANNOTATION_COMMANDS.reattachOrphan, run(async (arg) => {
      const a = target(arg);
      const s = selection();
      if (s.end <= s.start) throw new Error('select the words the annotation belongs to, in its article, then re-attach');
      const file = store.sidecarPathOf(a);
      if (!file || path.resolve(file) !== path.resolve(store.sidecarOf(s.uri))) throw new Error(`select the words in ${a.file}: this annotation belongs to that article`);
      await store.changeSidecarAt(file, undefined, (f) => changeAnnotation(f, a.id, new Date().toISOString(), (x) => retarget(x, s.text, s.start, s.end)));
    })),
    // The entity commands take their answers as further arguments too: (entity, new name), (entity, [entity ids]),
    // (entity, [spellings], new name).
    vscode.commands.registerCommand(ENTITY_COMMANDS.renameEntity, run(async (arg, given) => {
      const e = entityOf(arg);
      const to = typeof given === 'string' ? given.trim() : await vscode.window.showInputBox({ title: `Rename \u201c${truncate(oneLine(e.name), 50)}\u201d`, value: e.name });
      if (!to || to === e.name) return;
      await store.changeFolderDecisions((d) => nameEntity(d, [e.name], to, e.type));
    })),
    vscode.commands.registerCommand(ENTITY_COMMANDS.mergeEntity, run(async (arg, given) => {
      const e = entityOf(arg);
      const others = (analysis.current?.index.analysis.entities ?? []).filter((x) => x.id !== e.id);
      const ids = Array.isArray(given) ? new Set(given.filter((x): x is string => typeof x === 'string')) : undefined;
      const picks = ids ? others.filter((x) => ids.has(x.id)).map((entity) => ({ entity })) : await vscode.window.showQuickPick(others.map((x) => ({ label: oneLine(x.name), description: `${x.type} · ${x.articles.length} sources`, entity: x })), { canPickMany: true, title: `Merge into \u201c${truncate(oneLine(e.name), 50)}\u201d: the same ${e.type}` });
      if (!picks?.length) return;
      await store.changeFolderDecisions((d) => nameEntity(d, [e.name, ...picks.map((p) => p.entity.name)], e.name, e.type));
    })),
    vscode.commands.registerCommand(ENTITY_COMMANDS.splitEntity, run(async (arg, givenSpellings, givenName) => {
      const e = entityOf(arg);
      if (e.spellings.length < 2) throw new Error(`\u201c${e.name}\u201d has one spelling: nothing to split off`);
      const wanted = Array.isArray(givenSpellings) ? new Set(givenSpellings.filter((x): x is string => typeof x === 'string')) : undefined;
      const picks = wanted ? e.spellings.filter((x) => wanted.has(x.text)).map((x) => ({ text: x.text })) : await vscode.window.showQuickPick(e.spellings.map((s) => ({ label: oneLine(s.text), description: `${s.articles.length} sources`, text: s.text })), { canPickMany: true, title: 'Which spellings are a different entity?' });
      if (!picks?.length) return;
      const name = typeof givenName === 'string' && givenName.trim() ? givenName.trim() : await vscode.window.showInputBox({ title: 'Name of the other entity', value: picks[0].text });
      if (!name) return;
      await store.changeFolderDecisions((d) => splitEntity(d, picks.map((p) => p.text), name, e.type));
    })),
    vscode.commands.registerCommand(ENTITY_COMMANDS.markNotEntity, run(async (arg) => {
      const e = entityOf(arg);
      await store.changeFolderDecisions((d) => markNotEntity(d, e.name));
    })),
  ];
}
