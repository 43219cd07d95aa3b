import type { Face } from './face.js';

/**
 * Domain errors of the operation layer. They carry structure (what was asked, what is close)
 * so each face can render them its own way: the MCP boundary turns them into `isError` answers,
 * the CLI into a stderr message and exit code 1. Hints that point at another operation ask the face
 * for its name, so nothing here knows about either face.
 */

export interface DocSuggestion {
  path: string;
  title: string;
}

export abstract class DocsError extends Error {
  abstract readonly code: string;
  /** Extra Markdown lines (suggestions, available values) appended after the message. */
  hints(_face: Face): string[] {
    return [];
  }
}

/** A caller-supplied argument is unusable (wrong shape, out of range, forbidden characters). */
export class InvalidArgumentError extends DocsError {
  readonly code = 'invalid_argument';
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidArgumentError';
  }
}

export class DocNotFoundError extends DocsError {
  readonly code = 'doc_not_found';
  constructor(
    readonly requested: string,
    readonly suggestions: DocSuggestion[],
  ) {
    super(`No doc at "${requested}".`);
    this.name = 'DocNotFoundError';
  }
  override hints(face: Face): string[] {
    if (this.suggestions.length === 0) return [`Use ${face.name('search')} to find the right page.`];
    return ['Did you mean:', ...this.suggestions.map((s) => `- \`${s.path}\` — ${s.title}`)];
  }
}

export class SectionNotFoundError extends DocsError {
  readonly code = 'section_not_found';
  constructor(
    readonly path: string,
    readonly section: string,
    readonly available: { anchor: string; heading: string }[],
  ) {
    super(`Doc "${path}" has no section "${section}".`);
    this.name = 'SectionNotFoundError';
  }
  override hints(): string[] {
    const shown = this.available.slice(0, 30);
    const lines = [
      'Sections (pass the anchor as `section`):',
      ...shown.map((s) => `- \`${s.anchor}\` — ${s.heading}`),
    ];
    if (this.available.length > shown.length) lines.push(`- … ${this.available.length - shown.length} more`);
    return lines;
  }
}

export class UnknownLanguageError extends DocsError {
  readonly code = 'unknown_language';
  constructor(
    readonly language: string,
    readonly available: string[],
  ) {
    super(`Unknown language "${language}".`);
    this.name = 'UnknownLanguageError';
  }
  override hints(): string[] {
    return [`Available: ${this.available.join(', ')}.`];
  }
}

export class UnknownPackageError extends DocsError {
  readonly code = 'unknown_package';
  constructor(
    readonly pkg: string,
    readonly available: string[],
  ) {
    super(`No changelog for package "${pkg}".`);
    this.name = 'UnknownPackageError';
  }
  override hints(): string[] {
    return [`Available packages: ${this.available.map((p) => `\`${p}\``).join(', ')}.`];
  }
}

/** The corpus bundle is missing or unreadable; the message names the command that fixes it. */
export class CorpusUnavailableError extends DocsError {
  readonly code = 'corpus_unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'CorpusUnavailableError';
  }
}

/** One Markdown text for any error: domain errors with their hints, anything else by its message only. */
export function describeError(err: unknown, face: Face): string {
  if (err instanceof DocsError) return [err.message, ...err.hints(face)].join('\n');
  if (err instanceof Error) return err.message;
  return String(err);
}
