/** Small DOM helpers for component specs. */
export function buttonByText(root: HTMLElement, text: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
}

export function setValue(root: HTMLElement, selector: string, value: string): void {
  const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!control) throw new Error(`no control ${selector}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Picks an option by its visible text (reactive selects bind values the DOM does not show). */
export function choose(root: HTMLElement, selector: string, text: string): void {
  const control = root.querySelector<HTMLSelectElement>(selector);
  const index = [...(control?.options ?? [])].findIndex((o) => o.textContent?.trim() === text);
  if (!control || index < 0) throw new Error(`no option "${text}" in ${selector}`);
  control.selectedIndex = index;
  control.dispatchEvent(new Event('change'));
}
