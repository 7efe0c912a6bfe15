/**
 * The labelled controls the library's filter bars share: a menu and a "from … to" pair of
 * days. Each control carries a data attribute naming its filter (`data-filter` in the
 * search bar, `data-reading-filter` in the reading list), which tests and keys find it by.
 */

type FilterAttribute = 'data-filter' | 'data-reading-filter';

export interface FilterSelectProps {
  label: string;
  /** The data attribute and its value that name this control. */
  attribute: FilterAttribute;
  field: string;
  value: string;
  onChange: (value: string) => void;
  /** [value, label] pairs, the "any" choice first when there is one. */
  options: Array<[string, string]>;
}

export function FilterSelect({ label, attribute, field, value, onChange, options }: FilterSelectProps) {
  // A value chosen before its option went (a tag deleted, the last article of a site removed) stays, so it can be seen and cleared.
  const all = value && !options.some(([v]) => v === value) ? [...options, [value, value] as [string, string]] : options;
  return (
    <label className="lib-filter">
      <span>{label}</span>
      <select {...{ [attribute]: field }} value={value} onChange={(e) => onChange(e.target.value)}>
        {all.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface DayRangeFilterProps {
  attribute: FilterAttribute;
  /** Labels of the two days, e.g. "From" and "To". */
  labels: [string, string];
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
}

/** Two day pickers, each bounded by the other so the range cannot be turned inside out. */
export function DayRangeFilter({ attribute, labels, from, to, onFrom, onTo }: DayRangeFilterProps) {
  return (
    <>
      <label className="lib-filter">
        <span>{labels[0]}</span>
        <input
          type="date"
          {...{ [attribute]: 'from' }}
          value={from}
          max={to || undefined}
          onChange={(e) => onFrom(e.target.value)}
        />
      </label>
      <label className="lib-filter">
        <span>{labels[1]}</span>
        <input
          type="date"
          {...{ [attribute]: 'to' }}
          value={to}
          min={from || undefined}
          onChange={(e) => onTo(e.target.value)}
        />
      </label>
    </>
  );
}
