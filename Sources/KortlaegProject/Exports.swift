// A front end depends on KortlaegProject and KortlaegReports alone: the domain values and the
// store's value types that the use cases take and return come with this module.
@_exported import KortlaegDomain
@_exported import KortlaegStore
