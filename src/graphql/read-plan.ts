import { DocumentNode, FragmentDefinitionNode, getNamedType, GraphQLCompositeType, GraphQLSchema, isCompositeType, isObjectType, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * The fields an operation selects on each object type, anywhere in it: through fragments and abstract types, and
 * whatever @skip and @include say, so a plan never holds less than a request reads. Loaders read a record's
 * columns of fields loaded on demand only when the plan selects them (src/graphql/loader-helpers.ts): a page of
 * 100 collaborations with their units need not read and hydrate every summary, description and timestamp.
 */
export type ReadPlan = ReadonlyMap<string, ReadonlySet<string>>;

/** A request context that carries the plan of the operation it runs (set by the executor before it runs). */
export interface PlannedContext {
  readPlan?: ReadPlan;
}

export function readPlanOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ReadPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const plan = new Map<string, Set<string>>();
  // A fragment is walked once per type it is spread on: nested spreads cost their size, not their copies.
  const walked = new Set<string>();
  const typeNamed = (name: string) => {
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : null;
  };
  const visit = (selectionSet: SelectionSetNode, type: GraphQLCompositeType) => {
    const objects = isObjectType(type) ? [type] : schema.getPossibleTypes(type);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        for (const object of objects) {
          const field = object.getFields()[selection.name.value];
          if (!field) continue;
          let fields = plan.get(object.name);
          if (!fields) plan.set(object.name, (fields = new Set()));
          fields.add(field.name);
          const target = getNamedType(field.type);
          if (selection.selectionSet && isCompositeType(target)) visit(selection.selectionSet, target);
        }
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : null;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${selection.name.value}@${type.name}`;
        if (!fragment || walked.has(key)) continue;
        walked.add(key);
      }
      const node = fragment ?? (selection.kind === Kind.INLINE_FRAGMENT ? selection : null);
      if (!node) continue;
      const condition = node.typeCondition ? typeNamed(node.typeCondition.name.value) : type;
      if (condition) visit(node.selectionSet, condition);
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) visit(operation.selectionSet, root);
  return plan;
}
