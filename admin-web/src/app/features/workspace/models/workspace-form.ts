import { FormControl, FormGroup } from '@angular/forms';

/** Same limit as the API's column. */
export const MAX_WORKSPACE_NAME_LENGTH = 200;

export type WorkspaceNameForm = FormGroup<{ name: FormControl<string> }>;
