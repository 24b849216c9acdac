import { useMemo } from 'react';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { topicLabel } from '../lib/format';
import { useQuery } from '../lib/use-query';
import { Combobox } from './Combobox';

const AllTopics = graphql(`
  query AllTopics {
    topics(first: 100, orderBy: { field: LABEL, direction: ASC }) {
      nodes {
        key
        label
        labelEn
        parent {
          label
          labelEn
        }
      }
    }
  }
`);

interface Props {
  label: string;
  help?: string;
  /** What the API gets: a topic key when one was picked, otherwise the words typed. */
  text: string;
  onChange(text: string): void;
}

/** Topics from the topic tree (loaded once, filtered here) or free words, which the API matches against the tree. */
export function TopicPicker({ label, help, text, onChange }: Props) {
  const { lang } = useI18n();
  const topics = useQuery(AllTopics, {});
  const all = useMemo(
    () =>
      (topics.data?.topics.nodes ?? []).map((topic) => {
        const name = topicLabel(lang, topic);
        const parent = topic.parent ? topicLabel(lang, topic.parent) : undefined;
        return { value: topic.key, label: name, path: parent ? `${parent} › ${name}` : undefined };
      }),
    [topics.data, lang],
  );
  const picked = all.find((o) => o.value === text);
  const shown = picked ? picked.label : text;
  const needle = shown.toLowerCase();
  const options = picked ? [] : all.filter((o) => o.label.toLowerCase().includes(needle) || (o.path ?? '').toLowerCase().includes(needle)).slice(0, 15);
  return <Combobox name="topic" label={label} help={help} text={shown} onText={onChange} options={options} onPick={(option) => onChange(option.value)} />;
}
