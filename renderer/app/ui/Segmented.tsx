import { useState } from 'react';

interface Option<T extends string> {
  value: T;
  label: string;
  /** The option's own language, for names like 中文 shown inside an English page. */
  lang?: string;
}

interface SegmentedProps<T extends string> {
  name: string;
  legend: string;
  /** Where the options speak for themselves, the legend is for screen readers only. */
  legendHidden?: boolean;
  options: readonly Option<T>[];
  value: T;
  /** Usually a save; the choice shows as made until it settles, then the saved value rules. */
  onChange(value: T): Promise<unknown>;
}

/**
 * A row of mutually exclusive choices built on native radios, so arrow keys, Space and screen
 * readers work as they do everywhere else. A click shows at once, not after the save's round trip.
 */
export function Segmented<T extends string>({ name, legend, legendHidden, options, value, onChange }: SegmentedProps<T>) {
  const [pending, setPending] = useState<T | null>(null);
  const shown = pending ?? value;
  const choose = (next: T) => {
    setPending(next);
    void onChange(next).finally(() => setPending(null));
  };
  return (
    <fieldset className="segmented">
      <legend className={legendHidden ? 'sr-only' : 'segmented__legend'}>{legend}</legend>
      <div className="segmented__track">
        {options.map((option) => (
          <label key={option.value} className="segmented__option" lang={option.lang}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === shown}
              onChange={() => choose(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
