// Parsing of option values and the help text shared by several commands.
import { AppError } from '../../shared/api/errors';

/** One `--cite` value: a passage of a source, found by its exact quote. */
export interface CiteTarget {
  sourceId: number;
  quote: string;
}

/** Parses a repeated `--cite SOURCE_ID:"quote"` value. */
export function parseCite(value: string, previous: CiteTarget[] = []): CiteTarget[] {
  const match = /^(\d+):(.+)$/s.exec(value);
  if (!match)
    throw new AppError(
      'INVALID_INPUT',
      `--cite takes SOURCE_ID:"exact quote", e.g. --cite 3:"troops crossed the river"; got ${JSON.stringify(value)}.`,
    );
  return [...previous, { sourceId: Number(match[1]), quote: match[2]!.replace(/^"(.*)"$/s, '$1') }];
}

/** Collects a repeatable option (`--tag a --tag b`) into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A parser for ids and counts: a whole number of at least 1, else a sentence naming `what`. */
export function positiveInt(what: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new AppError('INVALID_INPUT', `${what} must be a positive whole number; got ${JSON.stringify(value)}.`);
    return Number(value);
  };
}

/**
 * Help text listing a closed vocabulary. Claim fields are checked by the contract, not by
 * commander's `.choices()`, so a wrong value gets the same field-named sentence ("likelihood:
 * Likelihood must be one of: …") here as in the app, and `--json` reports it as an AppError.
 */
export function oneOf(values: readonly (string | number)[]): string {
  return values.join(' | ');
}

/** The "Example:" block every command's `--help` ends with. */
export function example(commandLine: string): string {
  return `\nExample:\n  ${commandLine}`;
}
