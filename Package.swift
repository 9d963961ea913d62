// swift-tools-version: 6.0
import PackageDescription

// Targets follow the data flow:
// files -> readers -> mapping/validation -> responses -> scoring -> store -> progress -> export.
// KortlaegDomain and KortlaegStatistics are pure (no C, no I/O beyond reading instrument files).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kortlaeg",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kortlaeg", targets: ["kortlaeg"]),
        .library(name: "KortlaegDomain", targets: ["KortlaegDomain"]),
        .library(name: "KortlaegStatistics", targets: ["KortlaegStatistics"]),
        .library(name: "KortlaegReaders", targets: ["KortlaegReaders"]),
        .library(name: "KortlaegStore", targets: ["KortlaegStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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

        // MARK: - Readers and writers
        .target(
            name: "KortlaegReaders",
            dependencies: ["KortlaegDomain", "CLibXML2"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Project store (SQLite via GRDB behind the ProjectStore protocol)
        .target(
            name: "KortlaegStore",
            dependencies: [
                "KortlaegDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Exports and reports
        .target(
            name: "KortlaegExport",
            dependencies: [
                "KortlaegDomain", "KortlaegReaders", "CReadStat",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Command-line tool (thin)
        .executableTarget(
            name: "kortlaeg",
            dependencies: [
                "KortlaegDomain",
                "KortlaegStatistics",
                "KortlaegProgress",
                "KortlaegReaders",
                "KortlaegStore",
                "KortlaegExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests
        .testTarget(
            name: "KortlaegDomainTests",
            dependencies: ["KortlaegDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegStatisticsTests",
            dependencies: ["KortlaegStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegProgressTests",
            dependencies: ["KortlaegProgress", "KortlaegDomain", "KortlaegStatistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegReadersTests",
            dependencies: ["KortlaegReaders", "KortlaegDomain"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        // Process running, temporary folders and the repository paths, shared by the test targets.
        .target(name: "KortlaegTestSupport", path: "Tests/KortlaegTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "KortlaegStoreTests",
            dependencies: [
                "KortlaegStore", "KortlaegDomain", "kortlaeg", "KortlaegTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegExportTests",
            dependencies: ["KortlaegExport", "KortlaegDomain", "KortlaegTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KortlaegCLITests",
            dependencies: ["kortlaeg", "KortlaegStore", "KortlaegExport", "KortlaegDomain", "KortlaegTestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
