import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ClassType, Field, ID, Int } from 'type-graphql';
import { IsCalendarDate, IsKey, NotBefore } from '../validation/input-rules';
import { DateScalar } from './scalars';

/**
 * One decorator per kind of input field: the GraphQL type and the validation rules travel together, so create and
 * update inputs (and the importer, which validates snapshot records with the create inputs) cannot disagree.
 * `optional` marks a field that may be left out (and, where it is nullable, cleared with null).
 */
interface Options {
  optional?: boolean;
  description?: string;
}

type FieldDecorator = (target: object, property: string) => void;

function compose(...decorators: FieldDecorator[]): FieldDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

const presence = (optional?: boolean): FieldDecorator => (optional ? IsOptional() : IsDefined());
const HTTP_URL = { require_protocol: true, protocols: ['http', 'https'] };

/** The record's stable external key. */
export const KeyField = ({ optional, description }: Options = {}) =>
  compose(Field(() => String, { nullable: optional, description: description ?? (optional ? 'New key.' : undefined) }), presence(optional), IsKey());

/** The record an update, delete or add/remove acts on: its global id or key. */
export const TargetField = (description?: string) => compose(Field(() => ID, { description }), IsString(), IsNotEmpty());

/** The version a change is based on (optimistic concurrency). */
export const VersionField = () =>
  compose(Field(() => Int, { description: 'The version this change is based on; a stale one is a CONFLICT.' }), IsInt(), Min(1));

/** Text that must not be empty when given: names, titles, labels. */
export const NameField = (max: number, { optional, description }: Options = {}) =>
  compose(Field(() => String, { nullable: optional, description }), presence(optional), IsString(), IsNotEmpty(), MaxLength(max));

/** Optional free text; null clears it. */
export const TextField = (max: number, description?: string) =>
  compose(Field(() => String, { nullable: true, description }), IsOptional(), IsString(), MaxLength(max));

export const EmailField = (description?: string) =>
  compose(Field(() => String, { nullable: true, description }), IsOptional(), IsEmail(), MaxLength(300));

export const UrlField = (description?: string) =>
  compose(Field(() => String, { nullable: true, description }), IsOptional(), IsUrl(HTTP_URL), MaxLength(500));

export const EnumField = (type: object, { optional, description }: Options = {}) =>
  compose(Field(() => type, { nullable: optional, description }), presence(optional), IsEnum(type));

/** An optional calendar date; with `notBefore`, it may not be earlier than that other date field. */
export const DateField = ({ notBefore, description }: { notBefore?: string; description?: string } = {}) =>
  compose(
    Field(() => DateScalar, { nullable: true, description }),
    IsOptional(),
    IsCalendarDate(),
    ...(notBefore ? [NotBefore(notBefore)] : []),
  );

/** A reference to another record by global id or key. */
export const RefField = ({ optional, description }: Options = {}) =>
  compose(Field(() => ID, { nullable: optional, description }), presence(optional), IsString(), IsNotEmpty());

/** A list of references; with `min`, a list that must name at least that many. */
export const RefListField = (max: number, { optional, description, min, minMessage }: Options & { min?: number; minMessage?: string } = {}) =>
  compose(
    Field(() => [ID], { nullable: optional, description }),
    presence(optional),
    IsArray(),
    ...(min ? [ArrayMinSize(min, { message: minMessage })] : []),
    ArrayMaxSize(max),
    IsString({ each: true }),
  );

/** A list of short strings (synonyms, keywords). */
export const StringListField = (max: number, itemMax: number, description?: string) =>
  compose(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(itemMax, { each: true }),
  );

export const UrlListField = (max: number, description?: string) =>
  compose(Field(() => [String], { nullable: true, description }), IsOptional(), IsArray(), ArrayMaxSize(max), IsUrl(HTTP_URL, { each: true }));

/** A list of enum values, at most as many as the enum has (the list's bound when read back). */
export const EnumListField = (type: object, description?: string) =>
  compose(Field(() => [type], { nullable: true, description }), IsOptional(), IsArray(), ArrayMaxSize(Object.values(type).length), IsEnum(type, { each: true }));

/** A list of nested inputs, each validated; `defaultValue` lets GraphQL clients leave a required list out. */
export function NestedListField<T extends object>(
  cls: ClassType<T>,
  max: number,
  { optional, description, min, minMessage, defaultValue }: Options & { min?: number; minMessage?: string; defaultValue?: T[] } = {},
) {
  return compose(
    Field(() => [cls], { nullable: optional, description, ...(defaultValue ? { defaultValue } : {}) }),
    presence(optional),
    IsArray(),
    ...(min ? [ArrayMinSize(min, { message: minMessage })] : []),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => cls),
  );
}

/** One nested input object, validated. */
export function NestedField<T extends object>(cls: ClassType<T>, description?: string) {
  return compose(Field(() => cls, { nullable: true, description }), IsOptional(), ValidateNested(), Type(() => cls));
}
