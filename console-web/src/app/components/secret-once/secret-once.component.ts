import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

/** A secret the API returns once: shown in full with a copy button until dismissed. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'card', role: 'status' },
  selector: 'nta-secret-once',
  styles: `
    :host {
      border-color: var(--warn);
      display: block;
      margin: 12px 0;
    }
    .value {
      display: flex;
      gap: 8px;
      margin: 8px 0;
    }
    code {
      background: var(--bg);
      border: 1px solid var(--border);
      border-radius: 6px;
      flex: 1;
      overflow-x: auto;
      padding: 8px 10px;
      white-space: pre;
    }
  `,
  template: `
    <strong>{{ title() }}</strong>
    <p class="muted">This is shown only once. Copy it now; it cannot be read again.</p>
    <div class="value">
      <code data-test="secret">{{ value() }}</code>
      <button type="button" class="primary" (click)="copy()">
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
    </div>
    @if (copyError(); as message) {
      <p class="error">{{ message }}</p>
    }
    <button type="button" (click)="dismissed.emit()">Done</button>
  `,
})
export class SecretOnceComponent {
  readonly dismissed = output();
  readonly title = input.required<string>();
  readonly value = input.required<string>();

  protected readonly copied = signal(false);
  protected readonly copyError = signal<string | null>(null);

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value());
      this.copied.set(true);
      this.copyError.set(null);
    } catch {
      // Clipboard access needs a secure context (https or localhost).
      this.copyError.set('Copying is blocked here; select the text and copy it by hand.');
    }
  }
}
