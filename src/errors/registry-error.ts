/**
 * The one error model. Services throw RegistryError; the GraphQL layer turns it into `userErrors`
 * on mutation payloads and into errors with `extensions.code` on queries; the CLI prints it.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'REQUIRED'
  | 'INVALID'
  | 'TOO_LONG'
  | 'UNKNOWN_REFERENCE'
  | 'DUPLICATE_KEY'
  | 'CYCLE'
  | 'IN_USE'
  | 'NOT_FOUND'
  | 'CONFLICT';

export interface FieldProblem {
  /** Path of the offending field inside the input, e.g. `units[0].unit`; null when it concerns the whole input. */
  field: string | null;
  code: ErrorCode;
  message: string;
}

export class RegistryError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[] | FieldProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '));
    this.name = 'RegistryError';
    this.problems = list;
  }

  /** The code the whole error carries on a query path (the first problem's, folded to the public codes). */
  get code(): 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' {
    const code = this.problems[0]?.code;
    if (code === 'NOT_FOUND' || code === 'CONFLICT') return code;
    return 'BAD_USER_INPUT';
  }

  static of(field: string | null, code: ErrorCode, message: string): RegistryError {
    return new RegistryError({ field, code, message });
  }
}
