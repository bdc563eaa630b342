import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterOutlet } from '@angular/router';

/** Centered card for the signed-out pages. */
@Component({
  selector: 'app-public-layout',
  imports: [RouterOutlet, MatIconModule],
  template: `
    <main class="wrap">
      <div class="brand">
        <mat-icon svgIcon="star" aria-hidden="true" />
        <span>Lodestar</span>
      </div>
      <div class="card">
        <router-outlet />
      </div>
    </main>
  `,
  styles: `
    .wrap {
      min-height: 100vh;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      padding: 24px 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-headline-small);
      margin-bottom: 16px;
    }
    .brand mat-icon {
      color: var(--mat-sys-primary);
    }
    .card {
      width: 100%;
      max-width: 420px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 16px;
      padding: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicLayout {}
