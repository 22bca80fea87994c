// Hover cards over names (the entity and its spellings) and claims (the fact in every source). The markdown
// comes from src/shared/hoverMarkdown.ts; here it is wrapped as untrusted except for Crosscheck's own commands.
import * as vscode from 'vscode';
import { LINKABLE_COMMANDS } from '../../shared/commands';
import { entityHoverMarkdown, factHoverMarkdown } from '../../shared/hoverMarkdown';
import type { AnalysisService } from '../analysis/analysisService';
import { changed, setting } from '../config';

export function safeMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = { enabledCommands: [...LINKABLE_COMMANDS] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

export class HoverProvider implements vscode.HoverProvider, vscode.Disposable {
  // Read once and on change, not per hover: reading a setting is a configuration lookup on the hover's path.
  private enabled = setting('hovers.enabled');
  private readonly listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (changed(e, 'hovers.enabled')) this.enabled = setting('hovers.enabled');
  });

  constructor(private readonly service: AnalysisService) {}

  dispose(): void {
    this.listener.dispose();
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.enabled) return undefined;
    const found = this.service.articleFor(doc);
    if (!found) return undefined;
    const { snapshot, article } = found;
    const offset = doc.offsetAt(position);
    const mention = snapshot.index.mentionAt(article.id, offset);
    const claim = snapshot.index.claimAt(article.id, offset);
    const parts: vscode.MarkdownString[] = [];
    let start = Number.MAX_SAFE_INTEGER;
    let end = -1;
    if (mention) {
      parts.push(safeMarkdown(entityHoverMarkdown(snapshot.index, mention.entity, article.id)));
      start = mention.mention.start;
      end = mention.mention.end;
    }
    // A name can also be a claim (who led a delegation): show the fact after the entity.
    if (claim) {
      parts.push(safeMarkdown(factHoverMarkdown(snapshot.index, claim.fact, claim.claim)));
      start = Math.min(start, claim.claim.start);
      end = Math.max(end, claim.claim.end);
    }
    if (parts.length === 0) return undefined;
    return new vscode.Hover(parts, new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
  }
}
