// `npm run bench`: every performance target (TARGETS below) measured on fixed-seed fixtures, a printed table, and
// bench/results.json. Not part of `npm test`: speed is measured here, behaviour is tested there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport, benchReanchor, benchSearch } from './library';

type Results = Record<string, number>;

const TARGETS: Record<string, string> = {
  typing_p95_ms: '≤ 16',
  typing_ratio_vs_plain: '≤ 1.25',
  card_renders_per_keystroke: '0',
  serializations_per_caret_move: '0',
  open_brief_ms: '≤ 1000',
  search_p95_ms_100k: '≤ 20',
  search_p95_ms_1m: '≤ 60',
  import_mb_per_s: '',
  reanchor_ms_per_citation: '≤ 2',
  reanchor_success_rate: '≥ 0.98',
  pdf_s_per_page_100: '',
  pdf_s_per_page_400: '',
  pdf_ratio_vs_plain_html: '≤ 1.3',
  cold_start_ms: '',
  cold_start_ratio_vs_empty: '',
};

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'not found';
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wants = (group: string) => only.length === 0 || only.includes(group);
  const results: Results = {};
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    if (wants('search')) {
      console.log('search …');
      results.search_p95_ms_100k = (await benchSearch(100_000)).p95;
      results.search_p95_ms_1m = (await benchSearch(1_000_000)).p95;
    }
    if (wants('import')) {
      console.log('import …');
      const imported = await benchImport(dir);
      results.import_mb_per_s = imported.mbPerSecond;
      console.log(`  (1 MB text imported in ${imported.oneMbMs.toFixed(0)} ms)`);
    }
    if (wants('reanchor')) {
      console.log('re-anchoring …');
      const r = benchReanchor();
      results.reanchor_ms_per_citation = r.msPerCitation;
      results.reanchor_success_rate = r.successRate;
    }
    if (wants('pdf')) {
      console.log('PDF export …');
      const { measureExport } = await import('./pdf');
      const hundred = await measureExport(66);
      const fourHundred = await measureExport(272);
      results.pdf_s_per_page_100 = hundred.exportMs / 1000 / hundred.pages;
      results.pdf_s_per_page_400 = fourHundred.exportMs / 1000 / fourHundred.pages;
      results.pdf_ratio_vs_plain_html = hundred.exportMs / hundred.plainMs;
    }
    if (wants('editor') || wants('start') || wants('reader')) {
      const { benchBrowser } = await import('./browser');
      Object.assign(
        results,
        await benchBrowser(dir, { editor: wants('editor'), start: wants('start'), reader: wants('reader') }),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('\n| measure | value | target |\n|---|---|---|');
  for (const key of Object.keys(TARGETS)) {
    if (key in results) console.log(`| ${key} | ${Number(results[key]!.toPrecision(4))} | ${TARGETS[key]} |`);
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium: chromiumVersion(),
  };
  const file = join(import.meta.dirname, 'results.json');
  // A partial run (`npm run bench -- pdf`) updates its own keys and keeps the others' last values.
  const previous = only.length > 0 && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : {};
  const merged = Object.fromEntries(
    Object.keys(TARGETS)
      .filter((key) => key in results || key in previous)
      .map((key) => [key, results[key] ?? previous[key]!]),
  );
  writeFileSync(file, `${JSON.stringify({ ...merged, machine, measuredAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
}

await main();
