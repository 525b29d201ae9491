import { ValidatorFn, Validators } from '@angular/forms';

// Wrapped: the static method passed bare trips the unbound-method lint.
export const required: ValidatorFn = (control) => Validators.required(control);
