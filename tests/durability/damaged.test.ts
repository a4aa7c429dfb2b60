// Damaged libraries: each kind of damage is named in a sentence that offers the latest
// backup and the command that restores it — by createLibrary (what the app opens with) and by
// the CLI (exit 2) — and the file is left byte-for-byte as it was, with no -wal or -shm made
// beside it. Its backups can still be listed, and restoring the offered backup works and keeps
// the damaged file aside intact.
import fc from 'fast-check';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryDatabase } from '../../electron/db/connection';
import { DamagedLibraryError, type LibraryProblem } from '../../electron/db/fileHealth';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { openLibraryOrRecover } from '../../electron/main/libraryRecovery';
import { createClosedLibrary } from '../../electron/services/createClosedLibrary';
import { createLibrary } from '../../electron/services/createLibrary';
import { api } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { cli, fillLibrary, listing, sha256 } from './support';
import { mulberry32 } from './writerProtocol';

const CLAIMS = 300;
let temp: TempDir;
/** A healthy, cleanly closed library with CLAIMS claims, and its daily backup. */
let origin: { dbPath: string; backup: string; pageSize: number; claimsRootPage: number };

beforeAll(async () => {
  temp = makeTempDir('briefing-damaged-');
  const dbPath = temp.path('origin/library.db');
  const filled = await fillLibrary(dbPath, CLAIMS);
  const pageSize = filled.context.db.pragma('page_size', { simple: true }) as number;
  const claimsRootPage = filled.context.db
    .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'claims'`)
    .pluck()
    .get() as number;
  filled.close();
  // Opening an existing library with no backup from the last 24 hours takes the daily one.
  const reopened = createLibrary({ dbPath, logError: () => {} });
  const backup = await reopened.automaticBackup;
  reopened.close();
  expect(backup?.kind).toBe('daily');
  origin = { dbPath, backup: backup!.path, pageSize, claimsRootPage };
});
afterAll(() => temp?.remove());

/** A folder holding a copy of the healthy library (and, unless told otherwise, its backups folder), then damaged. */
function damagedLibrary(name: string, damage: (dbPath: string) => void, options: { withBackup?: boolean } = {}) {
  const dir = temp.path(name);
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'library.db');
  copyFileSync(origin.dbPath, dbPath);
  let backup: string | null = null;
  if (options.withBackup ?? true) {
    mkdirSync(join(dir, 'backups'));
    backup = join(dir, 'backups', basename(origin.backup));
    copyFileSync(origin.backup, backup);
  }
  damage(dbPath);
  return { dir, dbPath, backup };
}

function refusal(dbPath: string): DamagedLibraryError {
  try {
    createLibrary({ dbPath, logError: () => {} }).close();
  } catch (error) {
    return error as DamagedLibraryError;
  }
  throw new Error(`${dbPath} was opened, but it is damaged`);
}

const random = mulberry32(7);
const randomBytes = (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));

const CASES: Array<{ name: string; problem: LibraryProblem; says: RegExp; damage: (dbPath: string) => void }> = [
  {
    name: 'a file cut short at a page boundary',
    problem: 'truncated',
    says: /library\.db is cut short: it is [\d,]+ bytes, but its header says [\d,]+ \([\d,]+ pages of 4,096 bytes\)/,
    damage: (dbPath) => truncateSync(dbPath, Math.floor(statSync(dbPath).size / 2 / origin.pageSize) * origin.pageSize),
  },
  {
    name: 'a file cut short in the middle of a page',
    problem: 'truncated',
    says: /library\.db is cut short/,
    damage: (dbPath) => truncateSync(dbPath, Math.floor(statSync(dbPath).size / 2) + 123),
  },
  {
    name: 'flipped bytes in a page (not the header)',
    problem: 'damaged',
    says: /library\.db is damaged: SQLite/,
    damage: (dbPath) => {
      const bytes = readFileSync(dbPath);
      const page = (origin.claimsRootPage - 1) * origin.pageSize; // the claims table's b-tree root
      for (let i = 0; i < 8; i++) bytes[page + i]! ^= 0xff;
      writeFileSync(dbPath, bytes);
    },
  },
  {
    name: 'a SQLite header over pages of random bytes',
    problem: 'damaged',
    says: /library\.db is damaged/,
    damage: (dbPath) => {
      const bytes = readFileSync(dbPath);
      randomBytes(bytes.length - origin.pageSize).copy(bytes, origin.pageSize);
      writeFileSync(dbPath, bytes);
    },
  },
  {
    name: 'a file of random bytes',
    problem: 'not-sqlite',
    says: /library\.db is not a Briefing Composer library: its first bytes are not a SQLite header/,
    damage: (dbPath) => writeFileSync(dbPath, randomBytes(statSync(dbPath).size)),
  },
  {
    name: 'a PDF saved under the library’s name',
    problem: 'not-sqlite',
    says: /library\.db is not a Briefing Composer library: it looks like a PDF document/,
    damage: (dbPath) =>
      writeFileSync(dbPath, `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${'0'.repeat(5000)}`),
  },
  {
    name: 'a text file saved under the library’s name',
    problem: 'not-sqlite',
    says: /library\.db is not a Briefing Composer library: it looks like a text file/,
    damage: (dbPath) => writeFileSync(dbPath, 'Meeting notes\n\nThe convoy left at dawn.\n'.repeat(300)),
  },
];

describe('a damaged library', () => {
  for (const { name, problem, says, damage } of CASES) {
    it(`${name}: refused by the app and the CLI with the latest backup offered, left untouched, its backups listed, then restored`, async () => {
      const { dir, dbPath, backup } = damagedLibrary(name.replace(/\W+/g, '-'), damage);
      const hash = sha256(dbPath);
      const files = listing(dir);

      const error = refusal(dbPath);
      expect(error).toBeInstanceOf(DamagedLibraryError);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('DATABASE_CORRUPT');
      expect(error.problem).toBe(problem);
      expect(error.message).toMatch(says);
      expect(error.message).toContain('The file was left untouched.');
      expect(error.latestBackup).toBe(backup);
      expect(error.message).toContain(`Open the latest backup (backups/${basename(backup!)}, made `);
      expect(error.message).toContain(`with: briefing restore ${backup} --db ${dbPath}`);

      const run = await cli('--db', dbPath, 'claims');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`briefing: ${error.message}\n`);

      expect(sha256(dbPath)).toBe(hash);
      expect(listing(dir)).toEqual(files); // no -wal, -shm or new library beside it

      // Its backups can be listed, and listing them opens nothing: no -wal, no new daily backup.
      const backupsBefore = listing(join(dir, 'backups'));
      const list = await cli('--db', dbPath, 'backup', '--list', '--json');
      expect(list.stderr).toBe('');
      expect(list.code).toBe(0);
      const listed = api['library.backups'].output.parse(JSON.parse(list.stdout));
      expect(listed).toMatchObject({ directory: join(dir, 'backups'), keep: 7 });
      expect(listed.backups.map((b) => [b.path, b.kind, b.schemaVersion])).toEqual([
        [backup, 'daily', LATEST_SCHEMA_VERSION],
      ]);
      expect(sha256(dbPath)).toBe(hash);
      expect(listing(dir)).toEqual(files);
      expect(listing(join(dir, 'backups'))).toEqual(backupsBefore);

      // The offered command works, and the damaged file is kept aside as it was.
      const restore = await cli('--db', dbPath, 'restore', backup!);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const replaced = readdirSync(dir).filter((f) => /^library\.replaced-.*\.db$/.test(f));
      expect(replaced).toHaveLength(1);
      expect(restore.stdout).toContain(`kept as ${join(dir, replaced[0]!)}`);
      expect(sha256(join(dir, replaced[0]!))).toBe(hash);
      const library = createLibrary({ dbPath, logError: () => {} });
      expect((await library.invoke('library.info', {})).counts.claims).toBe(CLAIMS);
      library.close();
    });
  }

  for (const { name, says } of CASES) {
    it(`${name}: the app offers the latest backup with a button; Quit leaves the file untouched, Open Latest Backup restores it`, async () => {
      const { dir, dbPath, backup } = damagedLibrary(
        `app-${name.replace(/\W+/g, '-')}`,
        CASES.find((c) => c.name === name)!.damage,
      );
      const hash = sha256(dbPath);
      const files = listing(dir);
      const open = () => createLibrary({ dbPath, logError: () => {} });
      const openFile = () => createClosedLibrary({ dbPath, logError: () => {} });
      // The native message box is the one part that cannot exist here: it answers as scripted and records what it showed.
      const shown: Array<{ message: string; detail: string; buttons: string[] }> = [];
      const answer = (button: string) => (box: { message: string; detail: string; buttons: string[] }) => (
        shown.push(box),
        Promise.resolve(box.buttons.indexOf(button))
      );

      expect((await openLibraryOrRecover(dbPath, open, answer('Quit'), openFile)).library).toBeNull();
      expect(shown).toHaveLength(1);
      expect(shown[0]!.buttons).toEqual(['Quit', 'Open Latest Backup']);
      expect(shown[0]!.detail).toMatch(says);
      expect(shown[0]!.detail).toContain(`The latest backup was made `);
      expect(shown[0]!.detail).toContain(basename(backup!));
      expect(shown[0]!.detail).not.toContain('briefing restore'); // a command line is for the CLI
      expect(sha256(dbPath)).toBe(hash);
      expect(listing(dir)).toEqual(files);

      const opened = await openLibraryOrRecover(dbPath, open, answer('Open Latest Backup'), openFile);
      expect(opened.library).not.toBeNull();
      expect((await opened.library!.invoke('library.info', {})).counts.claims).toBe(CLAIMS);
      opened.library!.close();
      const replaced = readdirSync(dir).filter((f) => /^library\.replaced-.*\.db$/.test(f));
      expect(replaced).toHaveLength(1);
      expect(sha256(join(dir, replaced[0]!))).toBe(hash);
      // What library.restore answers (the CLI's restore and the window's print the same), the restored copy proven to open.
      expect('restored' in opened ? opened.restored : null).toEqual({
        path: dbPath,
        restoredFrom: backup,
        replacedFile: join(dir, replaced[0]!),
        backupSchemaVersion: LATEST_SCHEMA_VERSION,
        schemaVersion: LATEST_SCHEMA_VERSION,
      });
      expect(shown).toHaveLength(2); // the offer each time, no further message
    });
  }

  it('a backup that will not open in this app: the app says so, and the damaged library is back in its place byte for byte', async () => {
    // This app's upgrade trips on the backup's data (every claim has the same kind), as an
    // upgrade can on a backup older than the app: the backup passes every check, then fails to open.
    const upgrade: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-one-claim-per-kind',
      up: (db) => db.exec('CREATE UNIQUE INDEX claims_one_per_kind ON claims(kind)'),
    };
    const migrations = [...MIGRATIONS, upgrade];
    const damage = CASES.find((c) => c.problem === 'damaged')!.damage;
    const { dir, dbPath, backup } = damagedLibrary('app-backup-will-not-open', damage);
    const hash = sha256(dbPath);
    const backupHash = sha256(backup!);
    const files = listing(dir);
    const shown: Array<{ message: string; detail: string; buttons: string[] }> = [];

    const opened = await openLibraryOrRecover(
      dbPath,
      () => createLibrary({ dbPath, migrations, logError: () => {} }),
      (box) => (shown.push(box), Promise.resolve(box.buttons.indexOf('Open Latest Backup'))),
      () => createClosedLibrary({ dbPath, migrations, logError: () => {} }),
    );

    expect(opened.library).toBeNull();
    expect(shown.map((box) => box.message)).toEqual(['The library cannot be opened', 'The backup could not be opened']);
    expect(shown[0]!.detail).toMatch(/library\.db is damaged: SQLite/);
    expect(shown[1]!.buttons).toEqual(['Quit']);
    expect(shown[1]!.detail).toMatch(
      /The restored library would not open \(.*UNIQUE constraint failed: claims\.kind.*\), so the previous library was put back\. The restored copy is kept as .*library\.failed-restore-[\dT-]+Z\.db\./,
    );
    expect(shown[1]!.detail).toContain('The damaged library is in its place, as it was.');
    // The damaged file is at the library's path exactly as it was; nothing is kept aside as "replaced".
    expect(sha256(dbPath)).toBe(hash);
    const failed = listing(dir).filter((f) => !files.includes(f));
    expect(failed).toEqual([expect.stringMatching(/^library\.failed-restore-[\dT-]+Z\.db$/)]);
    expect(sha256(backup!)).toBe(backupHash); // the backup itself is only read
    expect(refusal(dbPath)).toBeInstanceOf(DamagedLibraryError); // and it is still refused, offering the backup again
  });

  it('without any backup: the app says what is wrong and that there is no backup, and quits', async () => {
    const { dir, dbPath } = damagedLibrary('app-no-backup', (file) => truncateSync(file, origin.pageSize * 3), {
      withBackup: false,
    });
    const hash = sha256(dbPath);
    const files = listing(dir);
    const shown: Array<{ detail: string; buttons: string[] }> = [];
    const opened = await openLibraryOrRecover(
      dbPath,
      () => createLibrary({ dbPath, logError: () => {} }),
      (box) => (shown.push(box), Promise.resolve(0)),
      () => createClosedLibrary({ dbPath, logError: () => {} }),
    );
    expect(opened.library).toBeNull();
    expect(shown.map((box) => box.buttons)).toEqual([['Quit']]);
    expect(shown[0]!.detail).toMatch(
      /library\.db is cut short.*The file was left untouched\. No backup of it was found beside it\./,
    );
    expect(sha256(dbPath)).toBe(hash);
    expect(listing(dir)).toEqual(files);
  });

  it('without any backup: says so and how to restore a copy', () => {
    const { dir, dbPath } = damagedLibrary('no-backup', (file) => truncateSync(file, origin.pageSize * 3), {
      withBackup: false,
    });
    const hash = sha256(dbPath);
    const files = listing(dir);
    const error = refusal(dbPath);
    expect(error.problem).toBe('truncated');
    expect(error.latestBackup).toBeNull();
    expect(error.message).toContain(
      `No backup was found beside it; if you have a copy of the library, restore it with: briefing restore FILE --db ${dbPath}`,
    );
    expect(sha256(dbPath)).toBe(hash);
    expect(listing(dir)).toEqual(files);
  });
});

describe('a library without the -wal that holds its latest commits', () => {
  it('is refused when copied alone while in use, untouched; with its -wal back it opens with everything', async () => {
    // A library in use: its newest commits live in library.db-wal, not yet in library.db.
    const live = damagedLibrary('live', () => {});
    const library = createLibrary({ dbPath: live.dbPath, logError: () => {} });
    for (let i = 0; i < 40; i++) await library.invoke('claims.create', { statement: `Late claim ${i}` });
    expect(statSync(`${live.dbPath}-wal`).size).toBeGreaterThan(0);

    // Copied the way a careless backup or sync tool would: the main file only.
    const copy = damagedLibrary('copied-without-wal', (dbPath) => copyFileSync(live.dbPath, dbPath));
    const wal = temp.path('saved-library.db-wal');
    copyFileSync(`${live.dbPath}-wal`, wal);
    const hash = sha256(copy.dbPath);
    const files = listing(copy.dir);

    const error = refusal(copy.dbPath);
    expect(error.problem).toBe('missing-wal');
    expect(error.message).toMatch(
      /library\.db was not closed cleanly and its write-ahead log \(library\.db-wal\) is missing: changes saved since its last checkpoint may not be in this file\./,
    );
    expect(error.message).toContain('put it back beside library.db');
    expect(error.message).toContain(
      `. To keep the library as this file has it instead, run: briefing restore ${copy.dbPath} --db ${copy.dbPath}`,
    );
    expect(error.latestBackup).toBe(copy.backup);
    const run = await cli('--db', copy.dbPath, 'claims');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/write-ahead log \(library\.db-wal\) is missing/);
    expect(sha256(copy.dbPath)).toBe(hash);
    expect(listing(copy.dir)).toEqual(files);

    // The last resort works: the file is kept aside as it was, and a copy opens as the library, without the late claims.
    const acceptAsIs = damagedLibrary('accepted-as-is', (dbPath) => copyFileSync(copy.dbPath, dbPath));
    const kept = await cli('--db', acceptAsIs.dbPath, 'restore', acceptAsIs.dbPath);
    expect(kept.stderr).toBe('');
    expect(kept.stdout).toContain(`It holds ${CLAIMS} claim(s)`);
    const keptAside = readdirSync(acceptAsIs.dir).find((f) => f.startsWith('library.replaced-'))!;
    expect(sha256(join(acceptAsIs.dir, keptAside))).toBe(hash);

    // Following the first advice: the -wal put back, every commit is there.
    copyFileSync(wal, `${copy.dbPath}-wal`);
    const recovered = createLibrary({ dbPath: copy.dbPath, logError: () => {} });
    expect((await recovered.invoke('library.info', {})).counts.claims).toBe(CLAIMS + 40);
    recovered.close();

    // No false alarm: once the library is closed cleanly, its main file alone is complete.
    library.close();
    const closedCopy = damagedLibrary('copied-after-close', (dbPath) => copyFileSync(live.dbPath, dbPath));
    const reopened = createLibrary({ dbPath: closedCopy.dbPath, logError: () => {} });
    expect((await reopened.invoke('library.info', {})).counts.claims).toBe(CLAIMS + 40);
    reopened.close();
  });

  it('a -wal left without its library is not overwritten by a new library', () => {
    const dir = temp.path('orphan-wal');
    mkdirSync(dir);
    const dbPath = join(dir, 'library.db');
    writeFileSync(`${dbPath}-wal`, randomBytes(8192));
    const files = listing(dir);
    const error = refusal(dbPath);
    expect(error.problem).toBe('orphan-wal');
    expect(error.message).toMatch(
      /library\.db is missing or empty, but its write-ahead log \(library\.db-wal, 8,192 bytes\) is still there/,
    );
    expect(listing(dir)).toEqual(files);
  });
});

describe('random damage', () => {
  it('is either refused as DATABASE_CORRUPT with the file untouched, or the file passes SQLite’s check — never anything else', () => {
    const dir = temp.path('random-damage');
    mkdirSync(dir);
    const dbPath = join(dir, 'library.db');
    const healthy = readFileSync(origin.dbPath);
    const outcomes = { refused: 0, opened: 0 };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat({ max: healthy.length - 1 }),
            length: fc.integer({ min: 1, max: 64 }),
            mask: fc.integer({ min: 1, max: 255 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.option(fc.nat({ max: healthy.length }), { freq: 4 }),
        (flips, cutAt) => {
          for (const name of readdirSync(dir)) rmSync(join(dir, name));
          let bytes = Buffer.from(healthy);
          for (const { at, length, mask } of flips)
            for (let i = at; i < Math.min(at + length, bytes.length); i++) bytes[i]! ^= mask;
          if (cutAt !== null) bytes = bytes.subarray(0, Math.max(1, cutAt));
          writeFileSync(dbPath, bytes);
          const hash = sha256(dbPath);
          try {
            const opened = openLibraryDatabase(dbPath);
            // Damage SQLite cannot see (inside a text value, in free space) opens: then the file is structurally sound.
            expect(opened.db.pragma('quick_check', { simple: true })).toBe('ok');
            opened.close();
            outcomes.opened += 1;
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(DamagedLibraryError);
            expect((error as DamagedLibraryError).code).toBe('DATABASE_CORRUPT');
            expect(sha256(dbPath)).toBe(hash);
            expect(readdirSync(dir)).toEqual(['library.db']);
            outcomes.refused += 1;
          }
        },
      ),
      { numRuns: 150, seed: 20260501 },
    );
    console.log(`random damage: ${JSON.stringify(outcomes)}`);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
