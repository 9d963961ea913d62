// A front end depends on KortlaegProject and KortlaegReports alone: the domain values and the
// store's value types that the use cases take and return come with this module.
@_exported import KortlaegDomain
@_exported import KortlaegStore
// Values of the import requests and results (issue 13): missing codes and the child-id choice.
@_exported import struct KortlaegReaders.MissingCode
@_exported import struct KortlaegReaders.ChildIdChoice
// The draft of `kortlaeg profile suggest`.
@_exported import struct KortlaegReaders.ProfileSuggestion
