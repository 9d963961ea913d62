// The export formats and the manifest appear in ``ExportRequest`` and ``ExportResult``: a front end
// names them through KortlaegProject, without importing the writers' module.
@_exported import enum KortlaegExport.ExportFormat
@_exported import enum KortlaegExport.ExportShape
@_exported import enum KortlaegExport.CSVExportStyle
@_exported import struct KortlaegExport.ExportManifest
