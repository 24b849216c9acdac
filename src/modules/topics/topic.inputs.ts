import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { KeyField, NameField, RefField, StringListField, TargetField, TextField, VersionField } from '../../graphql/input-fields';
import { SortDirection } from '../../graphql/pagination';

/** The most synonyms a topic holds; reads return at most as many (see the list sizes). */
export const MAX_SYNONYMS = 30;

@InputType({ description: 'A new topic; the fields of the snapshot format.' })
export class TopicCreateInput {
  @KeyField()
  key!: string;

  @NameField(300, { description: 'Norwegian label.' })
  label!: string;

  @TextField(300, 'English label.')
  labelEn?: string | null;

  @RefField({ optional: true, description: 'Broader topic (global id or key).' })
  parent?: string | null;

  @StringListField(MAX_SYNONYMS, 200, 'Other words for the same subject.')
  synonyms?: string[] | null;
}

@InputType({ description: 'Changes to a topic; omitted fields stay as they are, null clears an optional one.' })
export class TopicUpdateInput {
  @TargetField('Global id or key of the topic.')
  id!: string;

  @VersionField()
  version!: number;

  @KeyField({ optional: true })
  key?: string;

  @NameField(300, { optional: true, description: 'Norwegian label.' })
  label?: string;

  @TextField(300, 'English label.')
  labelEn?: string | null;

  @RefField({ optional: true, description: 'Broader topic (global id or key); null makes it a top-level topic.' })
  parent?: string | null;

  @StringListField(MAX_SYNONYMS, 200, 'Replaces the synonyms.')
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
