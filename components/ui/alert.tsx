import type { ReactNode } from 'react';
import { ALERT_CLASSES } from './styles';

/** A message announced to screen readers as soon as it appears. */
export function Alert({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div
      id={id}
      role="alert"
      className={ALERT_CLASSES}
    >
      {children}
    </div>
  );
}
