import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { CustomerImportDetail } from '../../models/import-api';
import { fileSize, formatLabel } from '../../models/import-file';

/** How the file was read (format, delimiter) and its first rows as the API parsed them. */
@Component({
  selector: 'app-import-preview',
  templateUrl: './import-preview.html',
  styleUrl: './import-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreview {
  readonly detail = input.required<CustomerImportDetail>();

  protected readonly format = computed(() =>
    formatLabel(this.detail().format, this.detail().delimiter),
  );
  protected readonly size = computed(() => fileSize(this.detail().sizeBytes));
}
