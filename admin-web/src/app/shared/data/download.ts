/** Saves a Blob as a file through a temporary object URL. */
export function downloadBlob(
  doc: Document,
  blob: Blob,
  filename: string,
): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
