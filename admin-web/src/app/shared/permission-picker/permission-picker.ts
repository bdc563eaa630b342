import {
  ChangeDetectionStrategy,
  Component,
  computed,
  forwardRef,
  input,
  signal,
} from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { permissionModule } from '../../core/auth/permission';

export interface PermissionOption {
  key: string;
  description: string;
}

interface PermissionGroup {
  module: string;
  label: string;
  options: PermissionOption[];
}

const MODULE_LABELS: Record<string, string> = {
  workspace: 'Workspace',
  users: 'Users',
  roles: 'Roles',
  api_keys: 'API keys',
  audit: 'Audit log',
  email: 'Platform email',
  customers: 'Customers',
  segments: 'Segments',
  campaigns: 'Campaigns',
  messaging: 'Messaging',
  analytics: 'Analytics',
  ai: 'AI assistant',
};

export function groupPermissions(
  options: readonly PermissionOption[],
): PermissionGroup[] {
  const groups = new Map<string, PermissionOption[]>();
  for (const option of options) {
    const module = permissionModule(option.key);
    groups.set(module, [...(groups.get(module) ?? []), option]);
  }
  return [...groups.entries()].map(([module, list]) => ({
    module,
    label: MODULE_LABELS[module] ?? module,
    options: list,
  }));
}

/** Checkboxes for a set of permission keys, grouped by module; a form control of `string[]`. */
@Component({
  selector: 'app-permission-picker',
  imports: [MatCheckboxModule],
  templateUrl: './permission-picker.html',
  styleUrl: './permission-picker.scss',
  providers: [
    {
      provide: NG_VALUE_ACCESSOR,
      useExisting: forwardRef(() => PermissionPicker),
      multi: true,
    },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PermissionPicker implements ControlValueAccessor {
  readonly options = input.required<readonly PermissionOption[]>();

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly disabled = signal(false);
  protected readonly groups = computed(() => groupPermissions(this.options()));

  private onChange: (value: string[]) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  writeValue(value: string[] | null): void {
    this.selected.set(new Set(value ?? []));
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected groupState(group: PermissionGroup): 'all' | 'some' | 'none' {
    const held = group.options.filter((o) => this.selected().has(o.key)).length;
    return held === 0 ? 'none' : held === group.options.length ? 'all' : 'some';
  }

  protected toggle(key: string, checked: boolean): void {
    this.update((next) => (checked ? next.add(key) : next.delete(key)));
  }

  protected toggleGroup(group: PermissionGroup, checked: boolean): void {
    this.update((next) =>
      group.options.forEach((o) =>
        checked ? next.add(o.key) : next.delete(o.key),
      ),
    );
  }

  private update(mutate: (next: Set<string>) => void): void {
    const next = new Set(this.selected());
    mutate(next);
    this.selected.set(next);
    // Keep the catalogue's order so the value is stable.
    this.onChange(
      this.options()
        .map((o) => o.key)
        .filter((k) => next.has(k)),
    );
    this.onTouched();
  }
}
