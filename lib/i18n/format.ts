// Fills `{name}` placeholders in a catalogue string. Unknown placeholders stay visible, so a missing
// value shows up in review instead of vanishing.
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
