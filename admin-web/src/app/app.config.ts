import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import {
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { provideApiConfiguration } from '@lodestar/contracts';
import { provideEchartsCore } from 'ngx-echarts';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { provideAppIcons } from './core/icons/icons';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling(),
    ),
    provideHttpClient(withInterceptors([authInterceptor])),
    // Operation paths already start with /api; the console is served by the API process.
    provideApiConfiguration(''),
    provideNativeDateAdapter(),
    provideAppIcons(),
    // ECharts is loaded with the first chart shown, not with the app (see core/charts/echarts.ts).
    provideEchartsCore({ echarts: () => import('./core/charts/echarts') }),
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
  ],
};
