// Typed access to Crosscheck's settings (keys and defaults in src/shared/settings.ts).
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type Settings } from '../shared/settings';

export function setting<K extends keyof Settings>(key: K, scope?: vscode.ConfigurationScope): Settings[K] {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<Settings[K]>(key) ?? DEFAULT_SETTINGS[key];
}

/** True when the change touches any of the given settings. */
export function changed(e: vscode.ConfigurationChangeEvent, ...keys: (keyof Settings)[]): boolean {
  return keys.some((k) => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`));
}
