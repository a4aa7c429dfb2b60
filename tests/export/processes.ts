// The browsers a test started, seen from outside: the direct children of this test process
// (vitest runs each file in a process of its own) whose command is Chromium.
import { readdirSync, readFileSync } from 'node:fs';

export function chromiumChildren(parent = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(ppid) === parent && state !== 'Z' && /chrom/i.test(command)) pids.push(Number(entry));
  }
  return pids.sort((a, b) => a - b);
}
