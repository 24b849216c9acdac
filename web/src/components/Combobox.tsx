import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n';

export interface Option {
  value: string;
  label: string;
  /** Where it sits in its tree, shown under the label: Oslo kommune › Bydel Alna */
  path?: string;
}

interface Props {
  label: string;
  help?: string;
  text: string;
  onText(text: string): void;
  options: Option[];
  onPick(option: Option): void;
  name: string;
}

/** An ARIA 1.2 combobox (list autocomplete): type, move with arrow keys, pick with Enter, close with Escape. */
export function Combobox({ label, help, text, onText, options, onPick, name }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const pick = (option: Option) => {
    onPick(option);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault();
      pick(options[active]!);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  const listId = `${id}-list`;
  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={help ? `${id}-help` : undefined}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {help && (
        <small id={`${id}-help`} className="help">
          {help}
        </small>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="options" hidden={!open || options.length === 0}>
        {options.map((option, i) => (
          <li
            key={option.value}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(option);
            }}
          >
            <span>{option.label}</span>
            {option.path && option.path !== option.label && <small className="path">{option.path}</small>}
          </li>
        ))}
      </ul>
      {open && text.length > 0 && options.length === 0 && <small className="help">{t.picker.noMatches}</small>}
    </div>
  );
}
