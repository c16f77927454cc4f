import type { InputHTMLAttributes } from 'react';
import { FIELD_CLASSES } from './styles';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id: string; label: string; hint?: string; error?: string; alsoDescribedBy?: string };

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ id, label, hint, error, alsoDescribedBy, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, alsoDescribedBy, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={FIELD_CLASSES.group}>
      <label htmlFor={id} className={FIELD_CLASSES.label}>
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${FIELD_CLASSES.input} ${error ? FIELD_CLASSES.inputBorderInvalid : FIELD_CLASSES.inputBorder}`}
        {...input}
      />
      {error ? (
        <p id={errorId} className={FIELD_CLASSES.error}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className={FIELD_CLASSES.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
