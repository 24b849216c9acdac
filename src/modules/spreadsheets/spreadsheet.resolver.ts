import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { mutationPayload } from '../../graphql/errors';
import { OncePerRequest } from '../../graphql/limits';
import { assertValidInput } from '../../validation/input-rules';
import { Role } from '../auth/api-token.entity';
import { TableType } from './table-columns';
import { exportTable } from './table-export';
import { TableFile, TableFormatEnum, TableImportInput, TableImportPayload, TableImportReportType, TableTypeEnum } from './spreadsheet.types';

const MEDIA_TYPE: Record<TableFormatEnum, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

@Resolver()
export class SpreadsheetResolver {
  @Mutation(() => TableImportPayload, {
    description:
      'Imports a spreadsheet of units, people, agreements or collaborations (EDITOR within its scope, COORDINATOR, ADMIN). A dry run unless `apply`: the report says what each row creates or changes and every row that cannot be read; applying is all or nothing, with history entries.',
  })
  tableImport(@Arg('input', () => TableImportInput) input: TableImportInput, @Ctx() ctx: Context) {
    return mutationPayload(async (): Promise<TableImportReportType> => {
      ctx.access.require(Role.EDITOR, 'Importing a spreadsheet');
      await assertValidInput(input);
      const report = await ctx.services.tables.import({ type: input.type, file: Buffer.from(input.file, 'base64'), mapping: input.mapping ?? null, apply: input.apply });
      const count = (action: string) => report.rows.filter((r) => r.action === action).length;
      return { ...report, format: report.format as TableFormatEnum, outcomes: report.rows as TableImportReportType['outcomes'], created: count('CREATE'), updated: count('UPDATE'), unchanged: count('UNCHANGED') };
    });
  }

  @Query(() => TableFile, { description: 'One record type as a spreadsheet whose columns are the snapshot’s field names: it imports back unchanged. One per request.' })
  @OncePerRequest()
  async tableExport(@Arg('type', () => TableTypeEnum) type: TableType, @Arg('format', () => TableFormatEnum) format: TableFormatEnum, @Ctx() ctx: Context): Promise<TableFile> {
    ctx.access.require(Role.VIEWER, 'Exporting a table (people’s tables hold personal data)');
    const bytes = await exportTable(ctx.dataSource, type, format);
    return { fileName: `${type}.${format.toLowerCase()}`, mediaType: MEDIA_TYPE[format], base64: bytes.toString('base64') };
  }
}
