import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import { request } from '../lib/client';
import { treePath } from '../lib/format';
import { Combobox, type Option } from './Combobox';

const UnitSearch = graphql(`
  query UnitSearch($text: String!) {
    units(filter: { text: $text }, first: 15, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        key
        name
        ancestors {
          name
        }
      }
    }
  }
`);

interface Props {
  label: string;
  help?: string;
  /** The picked unit's key (or '' for none) and its path for display. */
  value: Option | null;
  onChange(option: Option | null): void;
}

/** Type-ahead over the unit tree: each keystroke (after a pause) asks `units(filter: { text })`. */
export function UnitPicker({ label, help, value, onChange }: Props) {
  const [text, setText] = useState(value?.path ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => setText(value?.path ?? ''), [value?.value, value?.path]);
  useEffect(() => {
    const words = text.includes('›') ? text.split('›').pop()!.trim() : text.trim();
    if (words.length < 2 || text === value?.path) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request(UnitSearch, { text: words }, { signal: controller.signal }).then(
        ({ data }) => setOptions(data.units.nodes.map((u) => ({ value: u.key, label: u.name, path: treePath(u) }))),
        () => setOptions([]),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, value?.path]);
  return (
    <Combobox
      name="unit"
      label={label}
      help={help}
      text={text}
      onText={(next) => {
        setText(next);
        if (value) onChange(null);
      }}
      options={options}
      onPick={(option) => {
        setText(option.path ?? option.label);
        onChange(option);
      }}
    />
  );
}
