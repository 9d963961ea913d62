// swift-tools-version: 6.0
import PackageDescription

// Targets follow the data flow:
// files -> readers -> mapping/validation -> responses -> scoring -> store -> progress -> reports/exports.
// KortlaegDomain, KortlaegStatistics and KortlaegProgress are pure (no C, no I/O). KortlaegProject
// holds the use cases every front end calls; the `kortlaeg` executable is thin over it.
// docs/architecture.md draws the graph.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The release executable on Linux is linked by lld with packed relative relocations (DT_RELR,
// glibc 2.36), without exporting its symbols, and with the functions the benchmarked commands
// run laid out together (scripts/link-order.sh writes the list): the loader reads 30 KB of
// relocations instead of 3.5 MB, and a command's code is resident in a few MB instead of ~14,
// which every command pays at start-up in time and memory (docs/decisions.md, 2026-12-07 afternoon).
let releaseLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(
        ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
         "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/link-order.txt",
         "-Xlinker", "--no-warn-symbol-ordering"],
        .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Kortlaeg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kortlaeg", targets: ["kortlaeg"]),
        .library(name: "KortlaegDomain", targets: ["KortlaegDomain"]),
        .library(name: "KortlaegStatistics", targets: ["KortlaegStatistics"]),
        .library(name: "KortlaegReaders", targets: ["KortlaegReaders"]),
        .library(name: "KortlaegStore", targets: ["KortlaegStore"]),
        .library(name: "KortlaegProject", targets: ["KortlaegProject"]),
        .library(name: "KortlaegReports", targets: ["KortlaegReports"]),
        .library(name: "KortlaegWeb", targets: ["KortlaegWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - Pure domain
        .target(name: "KortlaegDomain", swiftSettings: swiftSettings),
        .target(name: "KortlaegStatistics", swiftSettings: swiftSettings),
        .target(
            name: "KortlaegProgress",
            dependencies: ["KortlaegDomain", "KortlaegStatistics"],
            swiftSettings: swiftSettings
        ),

        // MARK: - C libraries, each wrapped once
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // ReadStat has no pkg-config file on Debian: the module map links "readstat".
        .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),

        // MARK: - Readers and writers (file formats only)
        .target(
            name: "KortlaegReaders",
            dependencies: ["KortlaegDomain", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),

        // MARK: - Project store: the protocol and the import rules; one target per backend
        .target(
            name: "KortlaegStore",
            dependencies: [
                "KortlaegDomain",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KortlaegStoreSQLite",
            dependencies: [
                "KortlaegDomain", "KortlaegStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the import's hot inserts (DirectStatement.swift only).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // The shared store of a municipality (issue 17): PostgreSQL through postgres-nio, behind
        // the same ProjectStore and the same import rules.
        .target(
            name: "KortlaegStorePostgres",
            dependencies: [
                "KortlaegDomain", "KortlaegStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Exports (datasets and statistical file writers)
        .target(
            name: "KortlaegExport",
            dependencies: [
                "KortlaegDomain", "KortlaegReaders", "CReadStat",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Reports: view models and renderers (text, CSV, JSON, HTML)
        .target(
            name: "KortlaegReports",
            dependencies: ["KortlaegDomain", "KortlaegStatistics", "KortlaegProgress", "KortlaegStore", "KortlaegExport", "KortlaegReaders"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Use cases, for every front end
        .target(
            name: "KortlaegProject",
            dependencies: [
                "KortlaegDomain", "KortlaegStatistics", "KortlaegProgress", "KortlaegReaders",
                "KortlaegStore", "KortlaegStoreSQLite", "KortlaegStorePostgres", "KortlaegExport", "KortlaegReports",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Web front end (routes, pages, sessions; thin over KortlaegProject/KortlaegReports)
        .target(
            name: "KortlaegWeb",
            dependencies: [
                "KortlaegProject", "KortlaegReports", "KortlaegProgress",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Assets")],
            swiftSettings: swiftSettings
        ),

        // MARK: - Command-line tool (thin: arguments, diagnostics, exit codes)
        .executableTarget(
            name: "kortlaeg",
            dependencies: [
                "KortlaegProject",
                "KortlaegReports",
                "KortlaegWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: releaseLinkerSettings
        ),

        // MARK: - Tests
        .testTarget(
            name: "KortlaegDomainTests",
            dependencies: ["KortlaegDomain", "KortlaegReaders", "KortlaegTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegStatisticsTests",
            dependencies: ["KortlaegStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegProgressTests",
            dependencies: ["KortlaegProgress", "KortlaegDomain", "KortlaegStatistics", "KortlaegReaders", "KortlaegTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegReadersTests",
            dependencies: ["KortlaegReaders", "KortlaegDomain", "KortlaegTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        // Process running, temporary folders and the repository paths, shared by the test targets.
        .target(name: "KortlaegTestSupport", dependencies: ["KortlaegDomain"], path: "Tests/KortlaegTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "KortlaegStoreTests",
            dependencies: ["KortlaegStore", "KortlaegDomain", "KortlaegTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegStoreSQLiteTests",
            dependencies: [
                "KortlaegStore", "KortlaegStoreSQLite", "KortlaegDomain", "KortlaegReaders", "KortlaegTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegStorePostgresTests",
            dependencies: [
                "KortlaegStore", "KortlaegStorePostgres", "KortlaegStoreSQLite", "KortlaegProject", "KortlaegDomain",
                "KortlaegTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
                // The web application on a PostgreSQL project (log-in, sessions across servers).
                "KortlaegWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegExportTests",
            dependencies: ["KortlaegExport", "KortlaegDomain", "KortlaegReaders", "KortlaegTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegReportsTests",
            dependencies: [
                "KortlaegReports", "KortlaegExport", "KortlaegDomain", "KortlaegProgress", "KortlaegStatistics",
                "KortlaegStore", "KortlaegReaders", "KortlaegTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegProjectTests",
            dependencies: [
                "KortlaegProject", "KortlaegReports", "KortlaegStore", "KortlaegStoreSQLite", "KortlaegDomain",
                "KortlaegReaders", "KortlaegExport", "KortlaegProgress", "KortlaegTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegWebTests",
            dependencies: [
                "KortlaegWeb", "KortlaegProject", "KortlaegReports", "KortlaegStore", "KortlaegDomain", "KortlaegStatistics", "KortlaegProgress",
                "KortlaegTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegCLITests",
            dependencies: [
                "kortlaeg", "KortlaegStore", "KortlaegStoreSQLite", "KortlaegExport", "KortlaegDomain",
                "KortlaegTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (scripts/fuzz.sh): only with KORTLAEG_FUZZ set, built with -sanitize=fuzzer in
// their own scratch path, so ordinary builds and tests never see them.
if Context.environment["KORTLAEG_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "KortlaegFuzz", dependencies: ["KortlaegReaders"], path: "Fuzz/KortlaegFuzz",
        swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]))
}
