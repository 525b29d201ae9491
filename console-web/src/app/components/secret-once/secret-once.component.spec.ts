import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SecretOnceComponent } from './secret-once.component';

describe(SecretOnceComponent.name, () => {
  let fixture: ComponentFixture<SecretOnceComponent>;
  const el = () => fixture.nativeElement as HTMLElement;
  const button = (text: string) =>
    [...el().querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

  beforeEach(async () => {
    fixture = TestBed.createComponent(SecretOnceComponent);
    fixture.componentRef.setInput('title', 'Install command');
    fixture.componentRef.setInput('value', 'curl -fsSL http://c/api/install.sh | sudo sh');
    await fixture.whenStable();
  });

  it('shows the secret and copies it to the clipboard', async () => {
    const write = spyOn(navigator.clipboard, 'writeText').and.resolveTo();
    expect(el().querySelector('[data-test=secret]')?.textContent).toBe(
      'curl -fsSL http://c/api/install.sh | sudo sh',
    );
    button('Copy').click();
    await fixture.whenStable();
    expect(write).toHaveBeenCalledWith('curl -fsSL http://c/api/install.sh | sudo sh');
    expect(button('Copied')).toBeDefined();
  });

  it('says so when the clipboard is blocked', async () => {
    spyOn(navigator.clipboard, 'writeText').and.rejectWith(new Error('denied'));
    button('Copy').click();
    await fixture.whenStable();
    expect(el().querySelector('.error')?.textContent).toContain('copy it by hand');
  });

  it('tells the page when the user is done', () => {
    let done = 0;
    fixture.componentInstance.dismissed.subscribe(() => done++);
    button('Done').click();
    expect(done).toBe(1);
  });
});
