// Find All References (every mention of a name in every article), Go to Definition (its first mention) and
// the Outline (the article's claims in reading order).
import * as vscode from 'vscode';
import type { ClaimKind } from '../../engine/model';
import { oneLine, truncate } from '../../shared/escape';
import { VERDICT_TITLES } from '../../shared/hoverMarkdown';
import type { AnalysisService } from '../analysis/analysisService';
import { locationOf } from '../locations';

const SYMBOL_KINDS: Record<ClaimKind, vscode.SymbolKind> = {
  quantity: vscode.SymbolKind.Number,
  time: vscode.SymbolKind.Event,
  date: vscode.SymbolKind.Event,
  duration: vscode.SymbolKind.Number,
  name: vscode.SymbolKind.Constant,
  role: vscode.SymbolKind.Property,
  place: vscode.SymbolKind.Struct,
  statement: vscode.SymbolKind.String,
};

export class NavigationProvider implements vscode.ReferenceProvider, vscode.DefinitionProvider, vscode.DocumentSymbolProvider {
  constructor(private readonly service: AnalysisService) {}

  private entityAt(doc: vscode.TextDocument, position: vscode.Position) {
    const found = this.service.articleFor(doc);
    if (!found) return undefined;
    const hit = found.snapshot.index.mentionAt(found.article.id, doc.offsetAt(position), true);
    return hit && { snapshot: found.snapshot, entity: hit.entity };
  }

  provideReferences(doc: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const hit = this.entityAt(doc, position);
    if (!hit) return undefined;
    const index = hit.snapshot.index;
    return [...hit.entity.mentions]
      .sort((a, b) => index.orderOf(a.article) - index.orderOf(b.article) || a.start - b.start)
      .flatMap((m) => locationOf(hit.snapshot, m.article, m.start, m.end) ?? []);
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const hit = this.entityAt(doc, position);
    const first = hit && hit.snapshot.index.firstMention(hit.entity);
    return first && locationOf(hit.snapshot, first.article, first.start, first.end);
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const found = this.service.articleFor(doc);
    if (!found) return undefined;
    return found.snapshot.index.claimsOf(found.article.id).map(({ claim, fact }) => {
      const range = new vscode.Range(doc.positionAt(claim.sentence?.start ?? claim.start), doc.positionAt(claim.sentence?.end ?? claim.end));
      const selection = new vscode.Range(doc.positionAt(claim.start), doc.positionAt(claim.end));
      const full = range.contains(selection) ? range : selection;
      return new vscode.DocumentSymbol(
        truncate(oneLine(claim.value), 60) || '(claim)',
        `${truncate(oneLine(fact.label), 60)} \u00b7 ${VERDICT_TITLES[fact.verdict]}`,
        SYMBOL_KINDS[claim.kind] ?? vscode.SymbolKind.Field,
        full,
        selection,
      );
    });
  }
}

/**
 * Registers the Outline's provider again whenever an analysis is published. VS Code caches document symbols
 * per document version (OutlineModelService), and the API has no event to say they changed: an Outline or
 * breadcrumbs asked before the analysis finished (or before an edit was analysed) would stay empty until the
 * person typed. A new registration invalidates that cache and refreshes the Outline.
 */
export function registerOutline(selector: vscode.DocumentSelector, provider: vscode.DocumentSymbolProvider, service: AnalysisService): vscode.Disposable {
  const metadata = { label: 'Crosscheck claims' };
  let registration = vscode.languages.registerDocumentSymbolProvider(selector, provider, metadata);
  const onPublish = service.onDidChange(() => {
    registration.dispose();
    registration = vscode.languages.registerDocumentSymbolProvider(selector, provider, metadata);
  });
  return { dispose: () => { onPublish.dispose(); registration.dispose(); } };
}
