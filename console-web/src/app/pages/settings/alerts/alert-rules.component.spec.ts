import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { buttonByText, choose, setValue } from '../../../../testing/dom';
import { FakePermissionsService } from '../../../../testing/fake-permissions.service';
import { page } from '../../../../testing/fleet-fixtures';
import { PermissionsService } from '../../../services/permissions.service';
import { alertRule } from './alert-fixtures';
import { AlertRulesComponent } from './alert-rules.component';

const LIST_URL = '/api/alerts/rules?limit=500';

describe(AlertRulesComponent.name, () => {
  let fixture: ComponentFixture<AlertRulesComponent>;
  let http: HttpTestingController;
  let permissions: FakePermissionsService;
  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`[data-rule="${id}"]`)!;

  beforeEach(async () => {
    permissions = new FakePermissionsService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: PermissionsService, useValue: permissions },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AlertRulesComponent);
    await fixture.whenStable();
    http
      .expectOne(LIST_URL)
      .flush(page([alertRule(), alertRule({ enabled: false, group: 'prod', id: 'r2' })]));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists rules with their condition and scope', () => {
    expect(row('r1').textContent).toContain('Throughput above 1.00 MB/s for 60 s');
    expect(row('r1').textContent).toContain('every host');
    expect(row('r2').textContent).toContain('group prod');
  });

  it('lets an admin enable, disable and delete', async () => {
    row('r2').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/alerts/rules/r2' });
    expect(patch.request.body).toEqual({ enabled: true });
    patch.flush(alertRule({ id: 'r2' }));
    http.expectOne(LIST_URL).flush(page([alertRule()]));
    await fixture.whenStable();

    spyOn(window, 'confirm').and.returnValue(true);
    buttonByText(row('r1'), 'Delete')!.click();
    http.expectOne({ method: 'DELETE', url: '/api/alerts/rules/r1' }).flush(null);
    http.expectOne(LIST_URL).flush(page([]));
    await fixture.whenStable();
    expect(el().querySelector('[data-test=rules-empty]')).not.toBeNull();
  });

  it('creates a throughput rule, and an offline rule without a threshold', async () => {
    setValue(el(), '[data-test=rule-name]', 'too busy');
    buttonByText(el(), 'Add rule')!.click();
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('Give a threshold');
    http.expectNone({ method: 'POST', url: '/api/alerts/rules' });

    setValue(el(), '[data-test=rule-threshold]', '5000000');
    setValue(el(), '[data-test=rule-host]', 'web-1');
    setValue(el(), '[data-test=rule-webhook]', 'https://hooks.example/x');
    buttonByText(el(), 'Add rule')!.click();
    const post = http.expectOne({ method: 'POST', url: '/api/alerts/rules' });
    post.flush(alertRule());
    expect(post.request.body).toEqual({
      forSeconds: 60,
      group: null,
      host: 'web-1',
      kind: 'throughput-above',
      name: 'too busy',
      threshold: 5_000_000,
      webhookUrl: 'https://hooks.example/x',
    });
    http.expectOne(LIST_URL).flush(page([]));
    await fixture.whenStable();

    choose(el(), '[data-test=rule-kind]', 'Host offline');
    await fixture.whenStable();
    expect(el().querySelector('[data-test=rule-threshold]')).toBeNull();
    setValue(el(), '[data-test=rule-name]', 'down');
    buttonByText(el(), 'Add rule')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/alerts/rules' });
    expect(req.request.body.kind).toBe('host-offline');
    expect(req.request.body.threshold).toBeNull();
    req.flush(alertRule());
    http.expectOne(LIST_URL).flush(page([]));
  });

  it('shows a viewer the rules without any control', async () => {
    permissions.role.set('viewer');
    await fixture.whenStable();
    expect(el().querySelector('form')).toBeNull();
    expect(el().querySelector('input[type=checkbox]')).toBeNull();
    expect(buttonByText(row('r1'), 'Delete')).toBeUndefined();
    expect(row('r2').textContent).toContain('no');
  });
});
