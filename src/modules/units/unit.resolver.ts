import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertValidInput } from '../../validation/input-rules';
import { Context } from '../../app/context';
import { mutationPayload } from '../../graphql/errors';
import { DeleteInput, deleteInputType, deletePayloadType, payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType } from '../../graphql/pagination';
import { ancestorsOf } from '../../graphql/tree';
import { Unit, UnitIdentifiers } from './unit.entity';
import { UnitCreateInput, UnitFilter, UnitOrder, UnitUpdateInput } from './unit.inputs';

export const UnitConnection = connectionType(Unit, 'Unit');
const UnitCreatePayload = payloadType('UnitCreatePayload', 'unit', Unit);
const UnitUpdatePayload = payloadType('UnitUpdatePayload', 'unit', Unit);
const UnitDeletePayload = deletePayloadType('UnitDeletePayload');
const UnitDeleteInput = deleteInputType('UnitDeleteInput');

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: 'One unit by global id or key.' })
  unit(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('key', () => String, { nullable: true }) key?: string,
  ) {
    return ctx.services.units.lookup(id, key, ctx.readPlan);
  }

  @Query(() => UnitConnection, { description: 'Units (kommuner, bydeler, services, universities, faculties…), a page at a time.' })
  units(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => UnitFilter, { nullable: true }) filter?: UnitFilter,
    @Arg('orderBy', () => UnitOrder, { nullable: true }) orderBy?: UnitOrder,
  ) {
    return ctx.services.units.list(filter, page, orderBy, ctx.loaders.unit);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit one level up, e.g. the kommune of a bydel.' })
  parent(@Root() unit: Unit, @Ctx() ctx: Context) {
    return unit.parentId === null ? null : ctx.loaders.unit.load(unit.parentId);
  }

  @FieldResolver(() => [Unit], { description: 'All units above, nearest first.' })
  ancestors(@Root() unit: Unit, @Ctx() ctx: Context) {
    return ancestorsOf(unit, ctx.loaders.unit);
  }

  @FieldResolver(() => [Unit], { description: 'The units one level down.' })
  children(@Root() unit: Unit, @Ctx() ctx: Context) {
    return ctx.loaders.unitChildren.load(unit.id);
  }

  @FieldResolver(() => UnitIdentifiers)
  identifiers(@Root() unit: Unit): UnitIdentifiers {
    return {
      orgNumber: unit.orgNumber,
      municipalityNumber: unit.municipalityNumber,
      districtNumber: unit.districtNumber,
      ror: unit.ror,
      cristin: unit.cristin,
    };
  }

  @Mutation(() => UnitCreatePayload)
  unitCreate(@Arg('input', () => UnitCreateInput) input: UnitCreateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.unitWrite(null, input.parent);
      await assertValidInput(input);
      return ctx.services.units.create(input);
    });
  }

  @Mutation(() => UnitUpdatePayload)
  unitUpdate(@Arg('input', () => UnitUpdateInput) input: UnitUpdateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.unitWrite(input.id, input.parent);
      await assertValidInput(input);
      return ctx.services.units.update(input);
    });
  }

  @Mutation(() => UnitDeletePayload, { description: 'Deletes a unit that nothing refers to any more.' })
  unitDelete(@Arg('input', () => UnitDeleteInput) input: DeleteInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.unitWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.units.delete(input);
    });
  }
}
