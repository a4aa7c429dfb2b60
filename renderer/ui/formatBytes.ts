// File sizes as people read them: "812 B", "48 KB", "3.2 MB" (binary units, as file managers on
// Linux and Windows show them).
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
