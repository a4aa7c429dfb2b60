// A child process that writes to a library as fast as it can — new claim cards, edits that
// make revisions, brief saves — and acknowledges every commit on stdout only after the
// COMMIT has returned. The crash test kills it with SIGKILL at random moments; the backup
// test runs it as a writer in another process.
//
// Run: node --import tsx tests/durability/libraryWriter.ts LIBRARY.db SEED [--wait-go] [--max-ops N [--end close|leave-open|exit]]
// (the tests run an esbuild bundle of this file: the same code, 0.2 s to start instead of 1.5 s).
//
// It opens the library exactly as createLibrary does (openLibraryDatabase, the service context,
// the claim and brief handlers) but does not load the source-import and export modules, whose
// dependencies (jsdom, pdf-lib, …) take over a second to load, nor zod: it passes complete,
// already-valid inputs (typed as the contract's parsed inputs), so there is nothing to validate.
//
// Protocol, one JSON object per line: {"op":"loaded"} when the code is loaded; with --wait-go
// it then waits for a line "go" on stdin before opening the library; {"op":"ready"} once the
// library is open; then one acknowledgement per committed transaction.
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openLibraryDatabase } from '../../electron/db/connection';
import { createBriefHandlers } from '../../electron/services/briefs/handlers';
import { createClaimHandlers } from '../../electron/services/claims/handlers';
import { createServiceContext } from '../../electron/services/context';
import type { Brief, BriefSummary } from '../../shared/api/briefs';
import type { Claim } from '../../shared/api/claims';
import type { ParsedInput } from '../../shared/api/contract';
import { claimCardNode, documentOf, headingNode, paragraphNode, textNode } from '../../shared/briefs/document';
import { mulberry32, type WriterAck } from './writerProtocol';

const [dbPath, seedText, ...flags] = process.argv.slice(2);
if (!dbPath || !seedText) {
  process.stderr.write('usage: libraryWriter LIBRARY.db SEED [--wait-go] [--max-ops N]\n');
  process.exit(2);
}
const maxOpsIndex = flags.indexOf('--max-ops');
const maxOps = maxOpsIndex >= 0 ? Number(flags[maxOpsIndex + 1]) : Number.POSITIVE_INFINITY;
const random = mulberry32(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Writes one line straight to the stdout pipe, synchronously, so an acknowledgement is never held in a buffer. */
function send(message: WriterAck | { op: 'loaded' } | { op: 'ready'; claims: number; briefs: number }): void {
  const bytes = Buffer.from(`${JSON.stringify(message)}\n`);
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

const TAGS = ['logistics', 'border', 'ports', 'energy', 'cyber', 'health'] as const;
const STATUSES = ['draft', 'verified', 'disputed', 'retracted'] as const;
const WORDS = [
  'convoy',
  'bridge',
  'harbour',
  'pipeline',
  'checkpoint',
  'outage',
  'shipment',
  'talks',
  'ceasefire',
  'depot',
];

function run(): void {
  const opened = openLibraryDatabase(dbPath!);
  const ctx = createServiceContext(opened.db, opened.path);
  const handlers = { ...createClaimHandlers(ctx), ...createBriefHandlers(ctx) };
  const claimIds = ctx.db.prepare('SELECT id FROM claims').pluck().all() as number[];
  const briefIds = ctx.db.prepare('SELECT id FROM briefs').pluck().all() as number[];
  send({ op: 'ready', claims: claimIds.length, briefs: briefIds.length });

  for (let n = 0; n < maxOps; n++) {
    const nonce = `${seedText}-${n}`;
    const sentence = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${nonce}`;
    const tags = TAGS.filter(() => random() < 0.3);
    const roll = random();
    if (claimIds.length < 3 || roll < 0.4) {
      const input: ParsedInput<'claims.create'> = {
        statement: `Claim ${sentence}`,
        kind: 'fact',
        likelihood: null,
        confidence: null,
        credibility: null,
        status: 'draft',
        tags,
        citations: [],
      };
      const claim = handlers['claims.create'](input) as Claim;
      claimIds.push(claim.id);
      send({ op: 'create', claimId: claim.id, revision: claim.revision, statement: claim.statement });
    } else if (roll < 0.75) {
      const claimId = pick(claimIds);
      const input: ParsedInput<'claims.update'> = {
        claimId,
        fields: { statement: `Edited ${sentence}`, tags, status: pick(STATUSES) },
      };
      const claim = handlers['claims.update'](input) as Claim;
      send({ op: 'update', claimId, revision: claim.revision, statement: claim.statement });
    } else if (briefIds.length < 3 || roll < 0.78) {
      const input: ParsedInput<'briefs.create'> = {
        title: `Brief ${nonce}`,
        marking: '',
        author: null,
        template: 'empty',
      };
      const brief = handlers['briefs.create'](input) as Brief;
      briefIds.push(brief.id);
      send({ op: 'brief', briefId: brief.id, revision: brief.revision });
    } else {
      const briefId = pick(briefIds);
      const embedded = [...new Set(Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(claimIds)))];
      const document = documentOf([
        headingNode(`Save ${nonce}`),
        ...embedded.map((id) => claimCardNode(id)),
        paragraphNode([textNode(`nonce ${nonce}`)]),
      ]);
      const input: ParsedInput<'briefs.save'> = { briefId, document };
      const saved = handlers['briefs.save'](input) as BriefSummary;
      send({ op: 'save', briefId, revision: saved.revision, claimIds: embedded, nonce });
    }
  }
  // After --max-ops: close the library (default), leave it open and let the process end, or process.exit() with it open.
  const end = flags[flags.indexOf('--end') + 1] ?? 'close';
  if (!flags.includes('--end') || end === 'close') opened.close();
  else if (end === 'exit') process.exit(0);
}

send({ op: 'loaded' });
if (flags.includes('--wait-go')) {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'go') return;
    lines.close();
    process.stdin.pause();
    run();
  });
} else {
  run();
}
