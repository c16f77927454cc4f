import type { ButtonHTMLAttributes } from 'react';
import { BUTTON_CLASSES, type ButtonVariant } from './styles';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

export function Button({ variant = 'primary', className, type = 'submit', ...rest }: Props) {
  return <button type={type} className={`${BUTTON_CLASSES[variant]} ${className ?? ''}`} {...rest} />;
}
