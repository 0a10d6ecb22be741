/**
 * Hands a file built in the browser to the user as a download: a Blob URL behind a temporary `<a download>`,
 * revoked once the browser has taken it.
 */
export function downloadFile(file: { filename: string; mimeType: string; body: Uint8Array }): void {
  // A copy into a fresh ArrayBuffer: a Blob takes ArrayBuffer-backed views only.
  const bytes = new Uint8Array(file.body.byteLength);
  bytes.set(file.body);
  const url = URL.createObjectURL(new Blob([bytes.buffer], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
