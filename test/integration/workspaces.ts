// The folders the integration suite runs in: one VS Code per kind, each running the test files of its
// subfolder of test/integration (the seeds' tests sit at the top). Shared by the launcher
// (scripts/test-integration.ts) and the suite index, so both pick the same files.
export type WorkspaceKind = 'seeds' | 'empty' | 'large' | 'hostile';

export interface WorkspaceSpec {
  /** The test files' folder, relative to test/integration ('' = the top). */
  dir: string;
  title: string;
  /**
   * 'seeds': a copy of seeds/; 'hostile': test/fixtures/hostile with its hostile file names; a number: that many
   * articles from the bench's generator (0: an empty folder).
   */
  articles: 'seeds' | 'hostile' | number;
  /** The generator's seed (same files every run). */
  seed: number;
  /** Whether Crosscheck should activate by itself on this folder (a folder of articles) before the tests start. */
  activatesOnItsOwn: boolean;
}

export const WORKSPACES: Record<WorkspaceKind, WorkspaceSpec> = {
  seeds: { dir: '', title: 'the seeds folder', articles: 'seeds', seed: 0, activatesOnItsOwn: true },
  empty: { dir: 'empty', title: 'an empty folder', articles: 0, seed: 0, activatesOnItsOwn: false },
  // Large enough that the first analysis takes seconds (progress shows, and can be cancelled).
  large: { dir: 'large', title: 'a folder of 400 generated articles', articles: 400, seed: 20251121, activatesOnItsOwn: true },
  // Articles, sidecars and file names that carry attacks (issue 9): nothing from them may run or format.
  hostile: { dir: 'hostile', title: 'the hostile folder', articles: 'hostile', seed: 0, activatesOnItsOwn: true },
};
