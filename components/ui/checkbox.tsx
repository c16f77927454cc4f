import type { InputHTMLAttributes, ReactNode } from 'react';
import { CHECKBOX_CLASSES, FIELD_CLASSES } from './styles';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { id: string; label: ReactNode; hint?: ReactNode };

export function Checkbox({ id, label, hint, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={CHECKBOX_CLASSES.row}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={hintId}
        className={CHECKBOX_CLASSES.input}
        {...input}
      />
      <div className={CHECKBOX_CLASSES.text}>
        <label htmlFor={id} className={FIELD_CLASSES.label}>
          {label}
        </label>
        {hint ? (
          <p id={hintId} className={FIELD_CLASSES.hint}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
