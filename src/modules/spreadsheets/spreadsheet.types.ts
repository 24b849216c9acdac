import { IsBase64, IsBoolean, IsIn, IsObject, IsOptional, MaxLength } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/errors';
import { TableImportReport } from './table-import';
import { TABLE_TYPES, TableType } from './table-columns';

/** The GraphQL names of the table types, valued as the snapshot sections they fill. */
export const TableTypeEnum = Object.fromEntries(TABLE_TYPES.map((t) => [t.toUpperCase(), t])) as Record<Uppercase<TableType>, TableType>;
registerEnumType(TableTypeEnum, { name: 'TableType', description: 'The kind of record each row of a spreadsheet is.' });

export enum TableFormatEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(TableFormatEnum, {
  name: 'TableFormat',
  description: 'A spreadsheet file format.',
  valuesConfig: {
    CSV: { description: 'Delimited text (any of , ; tab |), UTF-8, UTF-16 or Windows-1252; exported as UTF-8 with ";".' },
    XLSX: { description: 'An Excel workbook (its first sheet).' },
  },
});

export enum TableRowAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(TableRowAction, {
  name: 'TableRowAction',
  description: 'What an import does (or would do) with a row.',
  valuesConfig: {
    CREATE: { description: 'A new record.' },
    UPDATE: { description: 'An existing record, changed in the fields listed.' },
    UNCHANGED: { description: 'An existing record the row does not change.' },
  },
});

/** Base64 of a file at most as large as a request body may be (1 MiB by default). */
const MAX_FILE_CHARACTERS = 1_500_000;

@InputType({ description: 'A spreadsheet to import: a dry run unless `apply` is true.' })
export class TableImportInput {
  @Field(() => TableTypeEnum, { description: 'The kind of record each row is.' })
  @IsIn(TABLE_TYPES)
  type!: TableType;

  @Field({ description: 'The file’s bytes in base64: CSV (any delimiter; UTF-8, UTF-16 or Windows-1252) or XLSX.' })
  @IsBase64()
  @MaxLength(MAX_FILE_CHARACTERS)
  file!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Column header → field name (e.g. {"Prosjekt": "title", "Notater": null}; null leaves a column out). Without it, columns are recognised by their headers.',
  })
  @IsOptional()
  @IsObject()
  mapping?: Record<string, unknown> | null;

  @IsBoolean()
  @Field({ defaultValue: false, description: 'Write the changes (all or nothing). False: report what would happen and write nothing.' })
  apply!: boolean;
}

@ObjectType({ description: 'A column of the file and the field it fills.' })
export class TableColumn {
  @Field({ description: 'The header as the file writes it.' })
  header!: string;

  @Field(() => String, { nullable: true, description: 'The record field the column fills; null when it is left out (see note).' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: 'Why a column is left out.' })
  note!: string | null;
}

@ObjectType({ description: 'A registered collaboration a new row probably duplicates.' })
export class TableDuplicate {
  @Field({ description: 'Its key: put it in the row’s key column to update it instead of creating a second record.' })
  key!: string;

  @Field()
  title!: string;

  @Field(() => Float, { description: 'How sure the registry is, from 0 to 1 (as in duplicateCandidates).' })
  score!: number;
}

@ObjectType({ description: 'What an import does with one row.' })
export class TableRowOutcome {
  @Field(() => Int, { description: 'Row number as a spreadsheet shows it (the header is row 1).' })
  row!: number;

  @Field({ description: 'The record’s key: the key cell, the existing record the row names, or a key made from its name.' })
  key!: string;

  @Field(() => TableRowAction, { description: 'What the import does with the row.' })
  action!: TableRowAction;

  @Field(() => [String], { description: 'For UPDATE: the fields that change.' })
  fields!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The key the row gave when that collaboration was merged into this one (collaborationMerge): the row updates the one it went into.',
  })
  mergedFrom!: string | null;

  @Field(() => [TableDuplicate], { description: 'For a new collaboration: registered ones it probably duplicates, most certain first.' })
  possibleDuplicates!: TableDuplicate[];
}

@ObjectType({ description: 'A row (or the file) that cannot be imported, and why.' })
export class TableProblem {
  @Field(() => Int, { nullable: true, description: 'Row number (the header is row 1); null for the whole file.' })
  row!: number | null;

  @Field(() => String, { nullable: true, description: 'The column header at fault.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The record field at fault.' })
  field!: string | null;

  @Field({ description: 'What is wrong, in words that say how to fix it.' })
  message!: string;
}

@ObjectType('TableImportReport', { description: 'The report of a spreadsheet import or dry run. Nothing is written when `problems` is not empty.' })
export class TableImportReportType implements Omit<TableImportReport, 'rows'> {
  @Field(() => TableTypeEnum, { description: 'The kind of record the rows are.' })
  type!: TableType;

  @Field({ description: 'True when the changes were written.' })
  applied!: boolean;

  @Field(() => TableFormatEnum, { description: 'How the file was read.' })
  format!: TableFormatEnum;

  @Field(() => String, { nullable: true, description: 'How a CSV file’s bytes were read: UTF-8, UTF-16 or WINDOWS-1252.' })
  encoding!: TableImportReport['encoding'];

  @Field(() => String, { nullable: true, description: 'The character that separates a CSV file’s columns.' })
  delimiter!: string | null;

  @Field(() => [TableColumn], { description: 'Every column of the file, in order, and the field it fills.' })
  columns!: TableColumn[];

  @Field(() => [TableRowOutcome], { name: 'rows', description: 'Every readable row and what the import does with it.' })
  outcomes!: TableRowOutcome[];

  @Field(() => [TableProblem], { description: 'Every row (or the file) that cannot be imported; nothing is written while there are any.' })
  problems!: TableProblem[];

  @Field(() => Int, { description: 'Rows that create a record.' })
  created!: number;

  @Field(() => Int, { description: 'Rows that change a record.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that leave a record as it is.' })
  unchanged!: number;
}

@ObjectType({ description: 'Result of tableImport: the report (with its problems), or userErrors about the request itself.' })
export class TableImportPayload {
  @Field(() => TableImportReportType, { name: 'report', nullable: true, description: 'The report; null when the request itself is wrong (see userErrors).' })
  record!: TableImportReportType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'A spreadsheet file.' })
export class TableFile {
  @Field({ description: 'A file name to save it under, e.g. collaborations.xlsx.' })
  fileName!: string;

  @Field({ description: 'Its media type.' })
  mediaType!: string;

  @Field({ description: 'The file’s bytes in base64.' })
  base64!: string;
}
