import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'nta-root',
  template: `<p>hello</p>`,
})
export class AppComponent {}
