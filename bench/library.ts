// Library benchmarks that run in Node on real SQLite files: search at 100k and 1M claims,
// import throughput, and re-anchoring after edits.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibrary } from '../electron/services/createLibrary';
import { createAnchor, reanchor } from '../shared/anchoring';
import { makeVocabulary, percentile, prose, seededRandom, sentence, zipfPicker } from './fixtures';

const CACHE = join(import.meta.dirname, '.cache');
const SEED = 20261126;

/** A library with `count` generated claims, built once per size and reused by later runs. */
function claimLibrary(count: number): { path: string; vocabulary: string[]; statements: (i: number) => string } {
  const vocabulary = makeVocabulary(20_000, seededRandom(SEED));
  const sample: string[] = [];
  const path = join(CACHE, `claims-${count}-${SEED}.db`);
  const statementRandom = seededRandom(SEED + 1);
  const pickForStatements = zipfPicker(vocabulary, statementRandom);
  const nextStatement = () => sentence(pickForStatements, statementRandom, 8, 24);
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const building = `${path}.building`;
    rmSync(building, { force: true });
    const lib = createLibrary({ dbPath: building });
    const { db, claims } = lib.context;
    const started = performance.now();
    const batch = 20_000;
    for (let done = 0; done < count; done += batch) {
      db.transaction(() => {
        for (let i = done; i < Math.min(count, done + batch); i++) {
          const statement = nextStatement();
          if (sample.length < 2000) sample.push(statement);
          claims.insert(
            {
              statement,
              kind: 'fact',
              likelihood: null,
              confidence: null,
              credibility: null,
              status: i % 7 === 0 ? 'verified' : 'draft',
              tags: [`tag${i % 50}`],
            },
            '2026-01-01T00:00:00.000Z',
          );
        }
      })();
      process.stdout.write(
        `\r  building ${count.toLocaleString('en')} claims: ${Math.min(count, done + batch).toLocaleString('en')}`,
      );
    }
    db.exec(`INSERT INTO claims_fts(claims_fts) VALUES ('optimize')`);
    lib.close();
    renameSync(building, path);
    for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    process.stdout.write(` (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } else {
    for (let i = 0; i < 2000; i++) sample.push(nextStatement());
  }
  return { path, vocabulary, statements: (i) => sample[i % sample.length]! };
}

/** The 200 fixed queries: 50 rare words, 50 common words, 50 prefixes, 50 two-word phrases. */
function fixedQueries(vocabulary: string[], statements: (i: number) => string): string[] {
  const random = seededRandom(SEED + 2);
  const queries: string[] = [];
  for (let i = 0; i < 50; i++) queries.push(vocabulary[5000 + Math.floor(random() * 10_000)]!);
  for (let i = 0; i < 50; i++) queries.push(vocabulary[20 + Math.floor(random() * 180)]!);
  for (let i = 0; i < 50; i++) queries.push(vocabulary[200 + Math.floor(random() * 2000)]!.slice(0, 3));
  for (let i = 0; i < 50; i++) {
    const words = statements(Math.floor(random() * 2000))
      .replace(/\.$/, '')
      .toLowerCase()
      .split(' ');
    const at = Math.floor(random() * (words.length - 1));
    queries.push(`"${words[at]} ${words[at + 1]}"`);
  }
  return queries;
}

export async function benchSearch(count: number): Promise<{ p95: number; median: number; meanHits: number }> {
  const fixture = claimLibrary(count);
  const lib = createLibrary({ dbPath: fixture.path });
  try {
    const queries = fixedQueries(fixture.vocabulary, fixture.statements);
    for (const q of queries.slice(0, 20)) await lib.invoke('claims.search', { query: q, limit: 20 }); // warm the page cache
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const started = performance.now();
      const result = await lib.invoke('claims.search', { query, limit: 20 });
      times.push(performance.now() - started);
      hits += result.hits.length;
    }
    return { p95: percentile(times, 95), median: percentile(times, 50), meanHits: hits / queries.length };
  } finally {
    lib.close();
  }
}

export async function benchImport(dir: string): Promise<{ mbPerSecond: number; oneMbMs: number }> {
  const random = seededRandom(SEED + 3);
  const pick = zipfPicker(makeVocabulary(20_000, random), random);
  const tenMb = prose(1_700_000, pick, random).slice(0, 10 * 1024 * 1024);
  const lib = createLibrary({ dbPath: join(dir, 'import.db') });
  try {
    // A running app started its extraction worker with its first import; measure the steady state.
    await lib.invoke('sources.import', {
      content: { text: 'Warm-up: starts the extraction worker.' },
      metadata: { title: 'warm-up' },
    });
    let started = performance.now();
    await lib.invoke('sources.import', { content: { text: tenMb }, metadata: { title: '10 MB' } });
    const seconds = (performance.now() - started) / 1000;
    const oneMb = tenMb.slice(0, 1024 * 1024).replace(/^./, 'X');
    started = performance.now();
    await lib.invoke('sources.import', { content: { text: oneMb }, metadata: { title: '1 MB' } });
    const oneMbMs = performance.now() - started;
    return { mbPerSecond: Buffer.byteLength(tenMb) / 1024 / 1024 / seconds, oneMbMs };
  } finally {
    lib.close();
  }
}

/**
 * 1,000 citations in a 50,000-word source; 2 % of its characters edited at random; the new
 * version re-anchored. Success = a citation whose quote survived lands on its passage.
 */
export function benchReanchor(): { msPerCitation: number; successRate: number; wrongPassages: number } {
  const random = seededRandom(SEED + 4);
  const pick = zipfPicker(makeVocabulary(20_000, random), random);
  const text = prose(50_000, pick, random);
  const citations = Array.from({ length: 1000 }, () => {
    const length = 40 + Math.floor(random() * 120);
    const start = Math.floor(random() * (text.length - length));
    return createAnchor(text, start, start + length);
  });

  // Random character edits over 2 % of the text, tracking where each original character went.
  const chars: { ch: string; origin: number | null }[] = [...text].map((ch, i) => ({ ch, origin: i }));
  const edits = Math.floor(text.length * 0.02);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * chars.length);
    const kind = random();
    if (kind < 0.4) chars.splice(at, 1);
    else if (kind < 0.7) chars.splice(at, 0, { ch: 'abcdefghij'[Math.floor(random() * 10)]!, origin: null });
    else chars[at] = { ch: 'klmnopqrst'[Math.floor(random() * 10)]!, origin: null };
  }
  const newText = chars.map((c) => c.ch).join('');
  const newIndexOf = new Map<number, number>();
  let offset = 0;
  for (const c of chars) {
    if (c.origin !== null) newIndexOf.set(c.origin, offset);
    offset += c.ch.length;
  }

  let survived = 0;
  let correct = 0;
  let wrong = 0;
  const started = performance.now();
  const results = citations.map((anchor) => reanchor(anchor, newText));
  const ms = performance.now() - started;
  citations.forEach((anchor, i) => {
    const kept = Array.from({ length: anchor.end - anchor.start }, (_, k) => newIndexOf.get(anchor.start + k)).filter(
      (x) => x !== undefined,
    );
    const didSurvive = kept.length >= 0.9 * (anchor.end - anchor.start);
    if (didSurvive) survived++;
    const result = results[i]!;
    if (result.status === 'orphaned') return;
    const lo = Math.min(...kept);
    const hi = Math.max(...kept);
    const overlaps = kept.length > 0 && result.anchor.start <= hi && result.anchor.end > lo;
    if (overlaps && didSurvive) correct++;
    if (!overlaps) wrong++;
  });
  if (wrong > 0) console.warn(`  WARNING: ${wrong} citation(s) re-anchored to a wrong passage`);
  return { msPerCitation: ms / citations.length, successRate: survived ? correct / survived : 1, wrongPassages: wrong };
}
