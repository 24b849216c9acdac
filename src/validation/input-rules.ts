import { plainToInstance } from 'class-transformer';
import {
  registerDecorator,
  validate,
  ValidationArguments,
  ValidationError,
  ValidationOptions,
} from 'class-validator';
import { isIsoDate } from './dates';
import { ErrorCode, FieldProblem, RegistryError } from '../errors/registry-error';
import { isValidDistrictNumber, isValidMunicipalityNumber, isValidOrgNumber } from './identifiers';

/** Keys are short, URL-safe and readable: `bydel-alna`, `c-000018`. */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

function simpleRule(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions) =>
    (target: object, propertyName: string): void => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName,
        options: { message, ...options },
        validator: { validate: (value: unknown) => test(value) },
      });
    };
}

export const IsKey = simpleRule(
  'isKey',
  (v) => typeof v === 'string' && KEY_PATTERN.test(v),
  'must be 1–200 characters of letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
);
export const IsCalendarDate = simpleRule('isCalendarDate', isIsoDate, 'must be a calendar date written YYYY-MM-DD');
export const IsOrgNumber = simpleRule(
  'isOrgNumber',
  (v) => typeof v === 'string' && isValidOrgNumber(v),
  'must be a Norwegian organisation number: 9 digits with a valid mod-11 check digit',
);
export const IsMunicipalityNumber = simpleRule(
  'isMunicipalityNumber',
  (v) => typeof v === 'string' && isValidMunicipalityNumber(v),
  'must be a municipality number (kommunenummer) of 4 digits',
);
export const IsDistrictNumber = simpleRule(
  'isDistrictNumber',
  (v) => typeof v === 'string' && isValidDistrictNumber(v),
  'must be a district number (bydelsnummer) of 6 digits',
);

/** On an end date: must not be before the start date named by `startProperty` (when both are set). */
export function NotBefore(startProperty: string, options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName,
      constraints: [startProperty],
      options: { message: `must not be before ${startProperty}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startProperty];
          if (!isIsoDate(value) || !isIsoDate(start)) return true;
          return value >= start;
        },
      },
    });
  };
}

const CODE_OF_CONSTRAINT: Record<string, ErrorCode> = {
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  arrayMinSize: 'REQUIRED',
  maxLength: 'TOO_LONG',
  arrayMaxSize: 'TOO_LONG',
};

function flatten(errors: ValidationError[], prefix: string, out: FieldProblem[]): void {
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = prefix === '' ? (isIndex ? `[${error.property}]` : error.property) : isIndex ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const code = constraint === 'whitelistValidation' ? 'INVALID' : (CODE_OF_CONSTRAINT[constraint] ?? 'INVALID');
      const text = constraint === 'whitelistValidation' ? 'is not a known field' : message.replace(new RegExp(`^${error.property} `), '');
      out.push({ field, code, message: text });
    }
    if (error.children?.length) flatten(error.children, field, out);
  }
}

/** Problems with an input object, each naming its field; empty when the input is valid. */
export async function inputProblems(input: object): Promise<FieldProblem[]> {
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const problems: FieldProblem[] = [];
  flatten(errors, '', problems);
  return problems;
}

/** Validates an input with class-validator and throws a RegistryError naming every bad field. */
export async function assertValidInput(input: object): Promise<void> {
  const problems = await inputProblems(input);
  if (problems.length) throw new RegistryError(problems);
}

/** Builds an input class instance (with nested inputs) from plain data, as the importer reads it. */
export function toInput<T extends object>(cls: new () => T, plain: unknown): T {
  return plainToInstance(cls, plain, { exposeDefaultValues: false });
}
