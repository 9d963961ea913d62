import Foundation
import KortlaegReaders

/// The definitions of one instruments folder: instruments, batteries (mapping tools), mapping
/// profiles and the national trivsel reference, loaded on demand.
///
/// Every use case and front end gets its definitions here; errors are ``KortlaegError``s that
/// name the folder and how it was found.
public struct InstrumentLibrary: Sendable {
    /// The folder and how it was found.
    public var location: InstrumentLocation

    /// The definitions of `location`.
    public init(location: InstrumentLocation) {
        self.location = location
    }

    /// The definitions of the folder the search finds (see ``InstrumentLocation``).
    /// - Parameter option: the folder the user named (`--instruments`), if any.
    /// - Throws: ``KortlaegError`` when no folder is found.
    public static func find(option: String?, environment: InstrumentLocation.Environment = .current) throws(KortlaegError)
        -> InstrumentLibrary {
        InstrumentLibrary(location: try InstrumentLocation.find(option: option, environment: environment))
    }

    /// The instruments folder.
    public var directory: String { location.directory }

    /// Every instrument of the folder.
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) when a file cannot be read, two files
    ///   define one version, or the folder holds no instrument at all.
    public func instruments() throws(KortlaegError) -> InstrumentCatalog {
        let catalog: InstrumentCatalog
        do {
            catalog = try InstrumentCatalog.load(directory: directory)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
        guard !catalog.entries.isEmpty else {
            throw KortlaegError(.invalidInput, "No instrument definitions in \(location): no JSON file there has 'items' and "
                + "'answerScales'. Name the instruments folder with --instruments DIR or KORTLAEG_INSTRUMENTS.")
        }
        return catalog
    }

    /// A catalog that resolves `reference`: only that instrument when its file is found by name
    /// (`<id>@<version>.json`, see ``InstrumentCatalog/loadByFileName(directory:reference:)``),
    /// otherwise every instrument of the folder, so that the messages stay those of a full load.
    /// - Throws: what ``instruments()`` throws, when the folder has to be read whole.
    public func catalog(resolving reference: String) throws(KortlaegError) -> InstrumentCatalog {
        if let instrument = InstrumentCatalog.loadByFileName(directory: directory, reference: reference),
           let catalog = try? InstrumentCatalog(instruments: [instrument]) {
            return catalog
        }
        return try instruments()
    }

    /// The instrument `reference` names (`id`, the newest version, or `id@version`).
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for an unknown id or version (with the
    ///   closest id and the known ones), ``Severity/invalidInput`` when the folder cannot be read.
    public func instrument(_ reference: String) throws(KortlaegError) -> Instrument {
        let catalog = try catalog(resolving: reference)
        do {
            return try catalog.resolve(reference)
        } catch {
            throw KortlaegError(.usage, "\(error)")
        }
    }

    /// Every battery (mapping tool) of the folder.
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) when a file cannot be read or the
    ///   folder holds no battery at all.
    public func batteries() throws(KortlaegError) -> BatteryCatalog {
        let catalog: BatteryCatalog
        do {
            catalog = try BatteryCatalog.load(directory: directory)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
        guard !catalog.entries.isEmpty else {
            throw KortlaegError(.invalidInput, "No battery (mapping tool) definitions in \(location): no JSON file there has "
                + "\"kind\": \"battery\". Name the instruments folder with --instruments DIR or KORTLAEG_INSTRUMENTS.")
        }
        return catalog
    }

    /// The battery `reference` names (`id`, the newest version, or `id@version`).
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for an unknown id or version,
    ///   ``Severity/invalidInput`` when the folder cannot be read or has no batteries.
    public func battery(_ reference: String) throws(KortlaegError) -> Battery {
        let catalog = try batteries()
        do {
            return try catalog.resolve(reference)
        } catch {
            throw KortlaegError(.usage, "\(error)")
        }
    }

    /// The mapping profiles of `profiles/` (none when the folder has no `profiles/`).
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) naming a profile that cannot be read.
    public func profiles() throws(KortlaegError) -> MappingProfileCatalog {
        do {
            return try MappingProfileCatalog.load(directory: profilesDirectory)
        } catch {
            throw KortlaegError(.invalidInput, error.description)
        }
    }

    /// The mapping profiles folder (`profiles/` of the instruments folder).
    public var profilesDirectory: String { (directory as NSString).appendingPathComponent("profiles") }

    /// The national trivsel reference file's default path (`trivsel/national-reference.json`).
    public var nationalTrivselReferencePath: String {
        (directory as NSString).appendingPathComponent("trivsel/national-reference.json")
    }

    /// The national trivsel means, from `path` or the folder's reference file.
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) naming the file and the problem.
    public func nationalTrivselReference(path: String? = nil) throws(KortlaegError) -> NationalTrivselReference {
        do {
            return try NationalTrivselReference.load(path: path ?? nationalTrivselReferencePath,
                                                     indicators: TrivselIndicators(catalog: instruments()))
        } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
    }
}
