// The "Export PDF…" button of the editor pane, showing its keys.
import { Kbd } from '../ui/Kbd';
import { ariaShortcut } from '../ui/keyboard';
import { useExportPdf } from './ExportProvider';
import { EXPORT_PDF_SHORTCUT } from './shortcut';

export function ExportPdfButton() {
  const exportPdf = useExportPdf();
  return (
    <button
      type="button"
      className="button button--small export-button"
      aria-keyshortcuts={ariaShortcut(EXPORT_PDF_SHORTCUT)}
      onClick={exportPdf}
    >
      <PdfIcon />
      Export PDF…
      <Kbd shortcut={EXPORT_PDF_SHORTCUT} />
    </button>
  );
}

function PdfIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M9.5 1.5H4a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V5z" />
      <path d="M9.5 1.5V5H13" />
      <path d="M8 7.5v4.5M6 10l2 2 2-2" />
    </svg>
  );
}
