import { inject, Injectable, signal } from '@angular/core';
import { WorkspaceService } from '@lodestar/contracts';
import { Observable, tap } from 'rxjs';
import type { Workspace } from '../../../core/api/models';
import { call } from '../../../core/api/call';
import { SessionStore } from '../../../core/auth/session.store';
import { LoadStatus } from '../../../shared/data/load-status';

/** The current workspace: its details, and renaming it (owners). */
@Injectable()
export class WorkspaceStore {
  private readonly api = inject(WorkspaceService);
  private readonly session = inject(SessionStore);

  private readonly _workspace = signal<Workspace | null>(null);
  private readonly status = new LoadStatus();

  readonly workspace = this._workspace.asReadonly();
  readonly loading = this.status.loading;
  readonly error = this.status.error;

  load(): void {
    this.status.run(
      call(() => this.api.getWorkspace()),
      (workspace) => this._workspace.set(workspace),
    );
  }

  /** Renames the workspace; the toolbar and account menu show the new name at once. */
  rename(name: string): Observable<Workspace> {
    return call(() => this.api.updateWorkspace({ body: { name } })).pipe(
      tap((workspace) => {
        this._workspace.set(workspace);
        this.session.workspaceRenamed(workspace);
      }),
    );
  }
}
