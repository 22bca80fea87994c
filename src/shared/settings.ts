// Crosscheck's settings: names, types and defaults in one place. package.json `contributes.configuration`
// declares the same keys and defaults (test/unit/manifest.test.ts checks); src/extension/config.ts reads them.
import type { EntityType, Verdict } from '../engine/model';

export type DecorationStyle = 'background' | 'underline' | 'off';
export type DiagnosticLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  'articles.include': string;
  'articles.exclude': string[];
  'articles.maxFiles': number;
  'analysis.entityTypes': EntityType[];
  'editor.articleLanguage': boolean;
  'decorations.style': DecorationStyle;
  'decorations.verdicts': Verdict[];
  'decorations.entities': boolean;
  'hovers.enabled': boolean;
  'diagnostics.level': DiagnosticLevel;
}

export const SETTINGS_SECTION = 'crosscheck';

export const DEFAULT_SETTINGS: Settings = {
  'articles.include': '**/*.{txt,md}',
  'articles.exclude': [
    '**/node_modules/**', '**/.git/**', '**/.vscode-test/**', '**/dist/**', '**/out/**',
    '**/README*', '**/CHANGELOG*', '**/CHANGES*', '**/LICENSE*', '**/LICENCE*', '**/CONTRIBUTING*',
    '**/CODE_OF_CONDUCT*', '**/SECURITY*', '**/NOTICE*', '**/AUTHORS*',
  ],
  'articles.maxFiles': 10000,
  'analysis.entityTypes': ['person', 'place', 'organization', 'event', 'other'],
  'editor.articleLanguage': true,
  'decorations.style': 'background',
  'decorations.verdicts': ['conflict', 'variant', 'agree', 'single'],
  'decorations.entities': true,
  'hovers.enabled': true,
  'diagnostics.level': 'information',
};
