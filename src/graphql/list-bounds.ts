import {
  defaultFieldResolver,
  getNullableType,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * The most items a list field returns. With `countArg`, the list has one item per value of that argument
 * (`nodes(ids:)`), and more than `max` values are refused before anything runs.
 */
export interface ListBound {
  max: number;
  countArg?: string;
}

/**
 * Every plain list field's maximum, by `Type.field` (or `*.field` for a field of that name on every type).
 * `page` marks lists sized by the page-size argument of the field above them (whoWorksWith's `limit`).
 */
export type ListSizes = Record<string, number | 'page'>;

const EXTENSION = 'listBound';

/** On a list field with one item per value of an argument: counts that argument and bounds it. */
export const CountedList = (bound: Required<ListBound>) => Extensions({ [EXTENSION]: bound });

export function listBoundOf(field: GraphQLField<unknown, unknown>): ListBound | undefined {
  return field.extensions?.[EXTENSION] as ListBound | undefined;
}

/** Connection types' `edges` and `nodes` hold one page, counted by the connection's own `first`/`last`. */
const isPageOfConnection = (typeName: string, field: string) => typeName.endsWith('Connection') && (field === 'edges' || field === 'nodes');

const cut =
  (max: number) =>
  (value: unknown): unknown =>
    Array.isArray(value) && value.length > max ? value.slice(0, max) : value;

/**
 * Gives every list-returning field of the schema its bound: the cost limit multiplies by it, and the resolver
 * returns at most that many items (a longer list is cut; inputs keep the data itself within the bound where
 * they can). A list field without a declared bound stops the schema build, so a new one cannot slip in unbounded.
 */
export function boundLists(schema: GraphQLSchema, sizes: ListSizes): GraphQLSchema {
  const unbounded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type)) || isPageOfConnection(type.name, field.name) || listBoundOf(field)?.countArg) continue;
      const size = sizes[`${type.name}.${field.name}`] ?? sizes[`*.${field.name}`];
      if (size === undefined) {
        unbounded.push(`${type.name}.${field.name}`);
        continue;
      }
      if (size === 'page') continue;
      field.extensions = { ...field.extensions, [EXTENSION]: { max: size } satisfies ListBound };
      field.description = `${field.description ? `${field.description.replace(/\.?$/, '.')} ` : ''}At most ${size}.`;
      if (isObjectType(type)) {
        const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
        const limit = cut(size);
        field.resolve = (source, args, context, info) => {
          const value = resolve(source, args, context, info);
          return value instanceof Promise ? value.then(limit) : limit(value);
        };
      }
    }
  }
  if (unbounded.length) throw new Error(`List fields without a declared maximum (add them to the list sizes): ${unbounded.join(', ')}`);
  return schema;
}
