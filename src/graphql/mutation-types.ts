import { ClassType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from './errors';
import { TargetField, VersionField } from './input-fields';

export interface Payload<T> {
  record: T | null;
  userErrors: UserError[];
}

/** `XCreatePayload`, `XUpdatePayload`…: the record under its own name (e.g. `collaboration`) plus userErrors. */
export function payloadType<T extends object>(name: string, field: string, cls: ClassType<T>): ClassType<Payload<T>> {
  @ObjectType(name, { description: `Result of ${name.replace(/Payload$/, '')}: the record, or the userErrors that kept it from changing.` })
  class PayloadType {
    @Field(() => cls, { name: field, nullable: true, description: 'The record as it is after the change; null when there are userErrors.' })
    record!: T | null;

    @Field(() => [UserError])
    userErrors!: UserError[];
  }
  return PayloadType;
}

export interface DeletedPayload {
  record: string | null;
  userErrors: UserError[];
}

/** `XDeletePayload`: the global id of the deleted record. */
export function deletePayloadType(name: string): ClassType<DeletedPayload> {
  @ObjectType(name, { description: 'Result of a delete: the id that was deleted, or userErrors.' })
  class DeletePayloadType {
    @Field(() => ID, { name: 'deletedId', nullable: true })
    record!: string | null;

    @Field(() => [UserError])
    userErrors!: UserError[];
  }
  return DeletePayloadType;
}

export interface DeleteInput {
  id: string;
  version: number;
}

/** `XDeleteInput`: which record (global id or key) and the version the caller last saw. */
export function deleteInputType(name: string): ClassType<DeleteInput> {
  @InputType(name)
  class DeleteInputType {
    @TargetField('Global id or key of the record.')
    id!: string;

    @VersionField()
    version!: number;
  }
  return DeleteInputType;
}
