// The shared hostile-HTML corpus through the command line's import path: every file imports
// as clean text (or is refused with a one-line reason), and nothing hidden or executable is kept.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { createLibrary } from '../../electron/services/createLibrary';
import { FORBIDDEN_IN_TEXT, HOSTILE_PAYLOADS } from '../fixtures/hostile/payloads';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.remove());

describe('briefing import with hostile HTML files', () => {
  it(`imports all ${HOSTILE_PAYLOADS.length} payloads as visible text only`, async () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    const db = temp.path('cli.db');
    const outcomes: Array<{ name: string; code: number; sourceId?: number; stderr: string }> = [];
    for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
      const file = temp.path(`payload-${index}.html`);
      writeFileSync(file, payload.html);
      let stdout = '';
      let stderr = '';
      const code = await main(['--db', db, '--json', 'import', file, '--title', payload.name], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      outcomes.push({ name: payload.name, code, stderr, sourceId: code === 0 ? (JSON.parse(stdout) as { sourceId: number }).sourceId : undefined });
    }
    // A refusal is allowed only as bad input (exit 2) with a reason on one line.
    for (const o of outcomes) {
      expect([0, 2], o.name).toContain(o.code);
      if (o.code === 2) expect(o.stderr.trim().split('\n'), o.name).toHaveLength(1);
    }
    const library = createLibrary({ dbPath: db, logError: () => {} });
    try {
      for (const [index, o] of outcomes.entries()) {
        if (o.sourceId === undefined) continue;
        const { text } = await library.invoke('sources.get', { sourceId: o.sourceId });
        for (const forbidden of FORBIDDEN_IN_TEXT) expect(text.toLowerCase(), `${o.name} keeps ${forbidden}`).not.toContain(forbidden.toLowerCase());
        for (const visible of HOSTILE_PAYLOADS[index]!.visible) expect(text, `${o.name} loses "${visible}"`).toContain(visible);
      }
    } finally {
      library.close();
    }
    expect(outcomes.filter((o) => o.code === 0).length).toBeGreaterThan(HOSTILE_PAYLOADS.length / 2);
  });
});
