import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/*
 * type-graphql wraps every resolver in a function that, on each call, looks up the resolver class instance, runs
 * the middleware chain (even an empty one), sorts the parameter list, converts each argument to its class and
 * validates it in an async function (so any resolver with an argument answers through Promise.all and a few
 * microtasks). On a page of 100 records with five nested fields that is thousands of calls per request. Both
 * functions below replace those wrappers where the outcome is known to be the same. They are valid only while the
 * schema is built without global middlewares, an auth checker, a validation function or an IoC container
 * (src/app/schema.ts): resolver classes hold no state, so one instance each serves every call.
 */

type Metadata = ReturnType<typeof getMetadataStorage>;
type HandlerMetadata = Metadata['queries'][number] | Metadata['fieldResolvers'][number];
type ParamMetadata = NonNullable<HandlerMetadata['params']>[number];

/**
 * Plain fields (a column, a getter) get graphql's default property read instead (or a bare getter where the
 * GraphQL name differs from the property or the value is a Promise), which compiled execution inlines. Fields with
 * a field resolver, middleware or roles keep theirs.
 */
export function usePlainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const resolvedBy = new Map<Function, Set<string>>();
  for (const r of storage.fieldResolvers) {
    const owner = r.getObjectType?.() ?? r.target;
    resolvedBy.set(owner, (resolvedBy.get(owner) ?? new Set()).add(r.methodName));
  }
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const declared = storage.fields.filter((f) => objectType.target === f.target || objectType.target.prototype instanceof f.target);
    for (const [name, graphqlField] of Object.entries(type.getFields())) {
      const declarations = declared.filter((f) => f.schemaName === name);
      const plain = declarations.every((f) => !resolvedBy.get(f.target)?.has(f.name) && !f.middlewares?.length && !f.roles);
      if (!graphqlField.resolve || !declarations.length || !plain || new Set(declarations.map((f) => f.name)).size > 1) continue;
      const { name: property, target } = declarations[0]!;
      // Compiled execution reads a field without a resolver as a plain value: one declared as a Promise keeps one.
      const promised = Reflect.getMetadata('design:type', target.prototype, property) === Promise;
      graphqlField.resolve = property === name && !promised ? undefined : (source: Record<string, unknown>) => source[property];
    }
  }
  return schema;
}

/** Marks a parameter value type-graphql would convert or check: that call goes through type-graphql's wrapper. */
const CONVERTED = Symbol('converted');

type ParamRead = (root: Record<string, unknown> | null | undefined, args: Record<string, unknown>, context: Record<string, unknown>, info: unknown) => unknown;

/** How to read a parameter as type-graphql's getParams would, or null when that needs its conversion. */
function paramRead(param: ParamMetadata): ParamRead | null {
  switch (param.kind) {
    case 'context': {
      const property = param.propertyName;
      return property ? (_root, _args, context) => context[property] : (_root, _args, context) => context;
    }
    case 'info':
      return (_root, _args, _context, info) => info;
    case 'root': {
      const property = param.propertyName;
      const type = param.getType?.();
      // type-graphql converts a root that is not an instance of the declared class into one.
      return (root) => {
        const value = property ? root?.[property] : root;
        return value == null || typeof type !== 'function' || value instanceof type ? value : CONVERTED;
      };
    }
    case 'arg': {
      if (param.validateFn) return null;
      const name = param.name;
      // Scalars and enum values come through unchanged; input objects and lists are converted to classes.
      return (_root, args) => {
        const value = args[name];
        return value == null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : CONVERTED;
      };
    }
    default:
      return null;
  }
}

/**
 * A resolver that reads the member directly (calling it when it is a method), or null when a parameter needs
 * type-graphql's own handling. `self` gives what the member is read on: the resolver class instance, or for a
 * getter or method of the object type itself, the parent when it is an instance of that type.
 */
function directResolver(
  handler: HandlerMetadata,
  self: (root: unknown) => object | typeof CONVERTED,
  wrapped: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> | null {
  if (handler.middlewares?.length || handler.roles) return null;
  const reads = [...(handler.params ?? [])].sort((a, b) => a.index - b.index).map(paramRead);
  if (reads.some((read) => read === null)) return null;
  const name = handler.methodName;
  return (root, args, context, info) => {
    const target = self(root);
    if (target === CONVERTED) return wrapped(root, args, context, info);
    const member = (target as Record<string, unknown>)[name];
    if (typeof member !== 'function') return member;
    const values = new Array<unknown>(reads.length);
    for (let i = 0; i < reads.length; i++) {
      const value = reads[i]!(root as Record<string, unknown>, args as Record<string, unknown>, context as Record<string, unknown>, info);
      if (value === CONVERTED) return wrapped(root, args, context, info);
      values[i] = value;
    }
    return member.apply(target, values);
  };
}

/**
 * Queries and field resolvers of the given resolver classes whose parameters are the context, the info, the
 * parent and scalar arguments are called directly: no per-call lookup, sorting, conversion or promise. A call
 * whose parent or argument type-graphql would convert (an object, a list, a parent of another class) still goes
 * through type-graphql's own wrapper, as does every resolver with other parameters, middleware or roles.
 */
export function useDirectResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<Function, object>();
  const ours = (handler: HandlerMetadata) => resolverClasses.includes(handler.target);
  const selfOf = (handler: HandlerMetadata): ((root: unknown) => object | typeof CONVERTED) => {
    if ('kind' in handler && handler.kind === 'internal') {
      const type = handler.getObjectType!();
      // type-graphql reads the member on the parent converted to the object type: an instance already is one.
      return (root) => (root instanceof type ? root : CONVERTED);
    }
    let instance = instances.get(handler.target);
    if (!instance) instances.set(handler.target, (instance = new (handler.target as new () => object)()));
    const resolver = instance;
    return () => resolver;
  };
  const replace = (fields: Record<string, { resolve?: GraphQLFieldResolver<unknown, unknown> }>, name: string, handlers: HandlerMetadata[]) => {
    const field = fields[name];
    if (!field?.resolve || handlers.length !== 1) return;
    field.resolve = directResolver(handlers[0]!, selfOf(handlers[0]!), field.resolve) ?? field.resolve;
  };
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const name of Object.keys(queryFields)) replace(queryFields, name, storage.queries.filter((q) => ours(q) && q.schemaName === name));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    // The type's own fields (those of its field resolvers included), else those it inherits.
    const inherited = storage.fields.filter((f) => objectType.target.prototype instanceof f.target);
    for (const name of Object.keys(fields)) {
      const own = (objectType.fields ?? []).filter((f) => f.schemaName === name);
      const declarations = own.length ? own : inherited.filter((f) => f.schemaName === name);
      if (new Set(declarations.map((f) => `${f.target.name}.${f.name}`)).size !== 1) continue;
      const { target, name: member } = declarations[0]!;
      // As type-graphql matches them: a getter or method of the type itself, or a field resolver of a resolver class.
      replace(fields, name, storage.fieldResolvers.filter((r) => (r.kind === 'internal' || ours(r)) && r.getObjectType?.() === target && r.methodName === member));
    }
  }
  return schema;
}
