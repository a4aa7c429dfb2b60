// PDF export in the app (issue 4, items 3 and 5): the pre-flight dialog and its entry points.
export { ExportPdfButton } from './ExportPdfButton';
export { ExportProvider, useExportPdf, type ExportProviderProps } from './ExportProvider';
export { noteEditorStatus } from './flushBrief';
export { EXPORT_PDF_SHORTCUT } from './shortcut';
