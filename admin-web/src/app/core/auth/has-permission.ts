import {
  computed,
  Directive,
  effect,
  EmbeddedViewRef,
  inject,
  input,
  Signal,
  TemplateRef,
  ViewContainerRef,
} from '@angular/core';
import type { Permission } from './permission';
import { SessionStore } from './session.store';

/** A signal that is true while the signed-in user holds the permission. Call in an injection context. */
export function hasPermission(permission: Permission): Signal<boolean> {
  const session = inject(SessionStore);
  return computed(() => session.permissions().has(permission));
}

/**
 * Renders its template only for users holding the permission(s):
 * `<button *appCan="'users:manage'">Invite</button>`. Controls a user may not use are not in the DOM.
 */
@Directive({ selector: '[appCan]' })
export class Can {
  readonly appCan = input.required<Permission | readonly Permission[]>();

  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);
  private readonly session = inject(SessionStore);
  private view: EmbeddedViewRef<unknown> | null = null;

  private readonly allowed = computed(() => {
    const wanted = this.appCan();
    const list: readonly Permission[] =
      typeof wanted === 'string' ? [wanted] : wanted;
    const held = this.session.permissions();
    return list.every((p) => held.has(p));
  });

  constructor() {
    effect(() => {
      if (this.allowed() && !this.view) {
        this.view = this.container.createEmbeddedView(this.template);
      } else if (!this.allowed() && this.view) {
        this.container.clear();
        this.view = null;
      }
    });
  }
}
