import { FormControl, FormGroup } from '@angular/forms';

export { minSelected } from '../../../shared/forms/validators';

export type RoleForm = FormGroup<{
  name: FormControl<string>;
  description: FormControl<string>;
  permissions: FormControl<string[]>;
}>;

export type InviteForm = FormGroup<{
  email: FormControl<string>;
  roleId: FormControl<string>;
}>;
