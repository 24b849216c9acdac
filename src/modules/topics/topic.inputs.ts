import { ArrayMaxSize, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsKey } from '../../common/validation';
import { SortDirection } from '../../graphql/pagination';

@InputType({ description: 'A new topic; the fields of the snapshot format.' })
export class TopicCreateInput {
  @Field({ description: 'Stable external key, unique among topics.' })
  @IsDefined()
  @IsKey()
  key!: string;

  @Field({ description: 'Norwegian label.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  labelEn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Broader topic (global id or key).' })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  synonyms?: string[] | null;
}

@InputType({ description: 'Changes to a topic; omitted fields stay as they are, null clears an optional one.' })
export class TopicUpdateInput {
  @Field(() => ID, { description: 'Global id or key of the topic.' })
  @IsString()
  id!: string;

  @Field(() => Int, { description: 'The version this change is based on.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'New key.' })
  @IsOptional()
  @IsKey()
  key?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  label?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  labelEn?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  synonyms?: string[] | null;
}

@InputType({ description: 'Which topics to list.' })
export class TopicFilter {
  @Field(() => ID, { nullable: true, description: 'Only the direct narrower topics of this one.' })
  parent?: string | null;

  @Field({ nullable: true, description: 'Only top-level topics (no parent).' })
  rootsOnly?: boolean;

  @Field({ nullable: true, description: 'Text in the label, English label, synonyms or key.' })
  text?: string;
}

export enum TopicOrderField {
  KEY = 'KEY',
  LABEL = 'LABEL',
}
registerEnumType(TopicOrderField, { name: 'TopicOrderField' });

@InputType()
export class TopicOrder {
  @Field(() => TopicOrderField)
  field!: TopicOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
