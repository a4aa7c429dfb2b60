// PDF export in the app: the pre-flight dialog and its entry points.
export { ExportPdfButton } from './ExportPdfButton';
export { ExportProvider, useExportPdf, type ExportProviderProps } from './ExportProvider';
export { noteEditorStatus } from './flushBrief';
export { EXPORT_PDF_SHORTCUT } from './shortcut';
