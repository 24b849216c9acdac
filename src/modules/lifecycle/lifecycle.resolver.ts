import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { mutationPayload, UserError } from '../../graphql/errors';
import { TargetField } from '../../graphql/input-fields';
import { payloadType } from '../../graphql/mutation-types';
import { Node } from '../../graphql/node';
import { Role } from '../auth/api-token.entity';
import { Person } from '../people/person.entity';

@InputType({ description: 'Which deleted record to bring back.' })
class RecordRestoreInput {
  @TargetField('Global id of the deleted record.')
  id!: string;
}

@InputType({ description: 'Whose personal data to erase.' })
class PersonEraseInput {
  @TargetField('Global id of the person.')
  id!: string;
}

@ObjectType({ description: 'Result of recordRestore.' })
class RecordRestorePayload {
  @Field(() => Node, { name: 'record', nullable: true, description: 'The restored record; null when there are userErrors.' })
  record!: Node | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

const PersonErasePayload = payloadType('PersonErasePayload', 'person', Person);

@Resolver()
export class RecordsResolver {
  @Mutation(() => RecordRestorePayload, {
    description:
      'Brings a deleted record back with its relations (ADMIN; a COORDINATOR may restore a collaboration a merge removed, which undoes the merge). Refused while something it refers to is still deleted.',
  })
  recordRestore(@Arg('input', () => RecordRestoreInput) input: RecordRestoreInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.recordRestore(input.id);
      return ctx.services.records.restore(input.id) as Promise<unknown> as Promise<Node>;
    });
  }

  @Mutation(() => PersonErasePayload, {
    description: "Replaces a person's name and contact data with a placeholder and their key with `erased-person-<n>` (a key is often the name as a slug), in the record and in every history entry naming them, keeping where they took part (ADMIN). The global id stays.",
  })
  personErase(@Arg('input', () => PersonEraseInput) input: PersonEraseInput, @Ctx() ctx: Context) {
    return mutationPayload(() => {
      ctx.access.require(Role.ADMIN, 'Erasing personal data');
      return ctx.services.records.erasePerson(input.id);
    });
  }

  @Query(() => GraphQLJSON, { description: 'All data the registry holds on one person: record, participation and history (ADMIN).' })
  personExport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    ctx.access.require(Role.ADMIN, 'Exporting a person’s data');
    return ctx.services.records.exportPerson(id);
  }
}
