import { Field, ID, InterfaceType } from 'type-graphql';

/** The Relay Node interface: any record can be fetched again by its global id through `node(id:)`. */
@InterfaceType('Node', {
  description: 'A record with a globally unique, opaque id.',
  resolveType: (value: object) => (value.constructor as { nodeType?: string }).nodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global identifier.' })
  id!: string;
}
