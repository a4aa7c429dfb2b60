// The 100-byte header at the start of every SQLite database file (sqlite.org/fileformat.html
// §1.3), read directly so a file can be judged before SQLite is let near it.
import { closeSync, openSync, readSync } from 'node:fs';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
export const HEADER_BYTES = 100;

/**
 * The header's application id says the file is a library and whether it was closed cleanly:
 * a library is stamped IN_USE (and checkpointed, so the stamp reaches the main file) when it
 * is opened, and CLOSED when it is closed. A main file that still says IN_USE with no -wal
 * beside it was copied or left without the write-ahead log that holds its latest commits.
 * Libraries from before the stamp carry 0 and count as closed.
 */
export const APPLICATION_ID_CLOSED = 0x42726643; // 'BrfC'
export const APPLICATION_ID_IN_USE = 0x42726655; // 'BrfU'
export const LIBRARY_APPLICATION_IDS: ReadonlySet<number> = new Set([0, APPLICATION_ID_CLOSED, APPLICATION_ID_IN_USE]);

export interface SqliteHeader {
  pageSize: number;
  /** Bytes 18–19 are 2 in WAL mode: the main file may need its -wal to be complete. */
  walMode: boolean;
  changeCounter: number;
  pageCount: number;
  /** The in-header page count is trustworthy only when its "version-valid-for" equals the change counter. */
  pageCountValid: boolean;
  userVersion: number;
  applicationId: number;
}

export function isSqliteHeader(bytes: Buffer): boolean {
  return bytes.length >= SQLITE_MAGIC.length && bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC);
}

/** Decodes the header fields we reason about; `header` must hold at least 100 bytes. */
export function parseHeader(header: Buffer): SqliteHeader {
  const rawPageSize = header.readUInt16BE(16);
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    walMode: header[18] === 2 && header[19] === 2,
    changeCounter,
    pageCount,
    pageCountValid: header.readUInt32BE(92) === changeCounter && pageCount > 0,
    userVersion: header.readInt32BE(60),
    applicationId: header.readInt32BE(68),
  };
}

/** The first `length` bytes of a file (fewer if it is shorter). */
export function readFileStart(path: string, length = HEADER_BYTES): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The header of a SQLite file, or null if the file is unreadable, short or not SQLite. */
export function readHeaderOrNull(path: string): SqliteHeader | null {
  try {
    const start = readFileStart(path);
    return start.length >= HEADER_BYTES && isSqliteHeader(start) ? parseHeader(start) : null;
  } catch {
    return null;
  }
}
