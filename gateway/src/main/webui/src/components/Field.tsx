import { useId, type ReactNode } from "react";

/** A labelled control: the label names it for everyone, screen readers included. */
export function Field({ label, children, hint }: { label: string; hint?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <small>{hint}</small>}
    </div>
  );
}

/** A text, number or date input with its label. */
export function Input({ label, value, onChange, type = "text", hint, required, step, min }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  hint?: string;
  required?: boolean;
  step?: string;
  min?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input id={id} type={type} value={value} required={required} step={step} min={min} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/** A choice among options, with its label. */
export function Select({ label, value, onChange, options, hint }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}
