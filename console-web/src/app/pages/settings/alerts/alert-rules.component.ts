import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { AlertKind, AlertRule } from '@nta/contracts';
import type { Observable } from 'rxjs';
import { AlertsService } from '../../../services/alerts.service';
import { apiErrorMessage } from '../../../services/api-error';
import { loadable } from '../../../services/loadable';
import { PermissionsService } from '../../../services/permissions.service';
import { required } from '../../../services/validators';
import { ALERT_KIND_LABELS, describeRule, thresholdUnit } from './alert-kinds';

const KINDS = Object.keys(ALERT_KIND_LABELS) as AlertKind[];
const orNull = (text: string): string | null => text.trim() || null;

/** Alert rules: everyone reads them; admins create, enable/disable and delete. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  selector: 'nta-alert-rules',
  templateUrl: './alert-rules.component.html',
})
export class AlertRulesComponent {
  private readonly alerts = inject(AlertsService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly describe = describeRule;
  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    forSeconds: [60, [required, Validators.min(0), Validators.max(86_400)]],
    group: [''],
    host: [''],
    kind: this.fb.control<AlertKind>('throughput-above'),
    name: ['', required],
    threshold: this.fb.control<number | null>(null, Validators.min(0)),
    webhookUrl: ['', Validators.pattern(/^https?:\/\/\S+$/)],
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });
  protected readonly kindLabels = ALERT_KIND_LABELS;
  protected readonly kinds = KINDS;
  protected readonly pending = signal(false);
  protected readonly permissions = inject(PermissionsService);
  protected readonly rules = loadable(() => this.alerts.rules());
  protected readonly unit = thresholdUnit;

  protected create(): void {
    const v = this.form.getRawValue();
    const needsThreshold = thresholdUnit(v.kind) !== null;
    if (this.form.invalid || (needsThreshold && v.threshold === null)) {
      this.form.markAllAsTouched();
      this.error.set(needsThreshold && v.threshold === null ? 'Give a threshold.' : null);
      return;
    }
    const request = {
      forSeconds: v.forSeconds,
      group: orNull(v.group),
      host: orNull(v.host),
      kind: v.kind,
      name: v.name.trim(),
      threshold: needsThreshold ? v.threshold : null,
      webhookUrl: orNull(v.webhookUrl),
    };
    this.run(this.alerts.createRule(request), () => this.form.reset());
  }

  protected remove(rule: AlertRule): void {
    if (!confirm(`Delete the alert rule "${rule.name}"?`)) return;
    this.run(this.alerts.deleteRule(rule.id));
  }

  protected toggle(rule: AlertRule): void {
    this.run(this.alerts.setEnabled(rule.id, !rule.enabled));
  }

  private run(call: Observable<unknown>, done?: () => void): void {
    this.pending.set(true);
    this.error.set(null);
    call.subscribe({
      error: (err: unknown) => {
        this.pending.set(false);
        this.error.set(apiErrorMessage(err));
      },
      next: () => {
        this.pending.set(false);
        done?.();
        this.rules.load();
      },
    });
  }
}
