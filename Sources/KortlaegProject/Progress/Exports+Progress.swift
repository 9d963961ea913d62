// The progress use cases take ``ProgressSettings`` and return ``ProgressAnalysis`` and
// ``ChildOverview`` values: a front end gets them with this module.
@_exported import KortlaegProgress
