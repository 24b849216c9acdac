import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type of a record: its class's `nodeType`. */
export const nodeTypeOf = (value: object): string | undefined => (value.constructor as { nodeType?: string }).nodeType;

/** The Relay Node interface: any record can be fetched again by its global id through `node(id:)`. */
@InterfaceType('Node', {
  description: 'A record with a globally unique, opaque id.',
  resolveType: nodeTypeOf,
})
export abstract class Node {
  // Same property as RecordBase.globalId, so implementing types resolve `id` through that getter.
  @Field(() => ID, { name: 'id', description: 'Opaque global identifier.' })
  globalId!: string;
}
