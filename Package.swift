// swift-tools-version: 6.1
import PackageDescription

// The targets are the pipeline, in the only direction data may flow:
//
//   CYAML → GavelSyntax → GavelEngine → GavelLint, GavelLog → GavelCLI → gavel
//                CUnicodeSecurity ↗
//                                     ↘ GavelImport ↗     ↘ GavelLogPostgres → GavelServer ↗
//
// In short: syntax → engine → lint, log → server, CLI.
//
// GavelSyntax: bytes to located nodes (or bare values), diagnostics, JSON and digests.
// GavelEngine: the model, reading documents, compiling, evaluating,
//              screening, the decision record and the audit trail.
// GavelImport: official list files (OFAC, UN, EU, UK) to Gavel lists,
//              streamed, with history across dated snapshots.
// GavelLint:   lint rules, their settings, reporters and documentation.
// GavelLog:    the tamper-evident decision log: entries, their hash chain,
//              content-addressed bundle and case files, signed checkpoints,
//              verification, behind a store protocol (SQLite through GRDB).
// GavelLogPostgres: the same log in PostgreSQL (postgres-nio), for nodes
//              that share one chain; the chain head is serialised in the database.
// GavelServer: `gavel serve`, the HTTP decision service (Hummingbird 2):
//              routes, bearer-token roles, metrics, bundle reload.
// GavelCLI:    what each command does (exit codes, stderr wording, defaults,
//              the benchmark drivers), as library calls the tests run.
// gavel:       the executable: flags in, GavelCLI calls, output out.
let package = Package(
    name: "Gavel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gavel", targets: ["gavel"]),
        .library(name: "GavelEngine", targets: ["GavelEngine"]),
        .library(name: "GavelLint", targets: ["GavelLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Without its default traits: swift-configuration is not used and costs build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "GavelSyntax",
            dependencies: [
                "CYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // ICU's confusable skeletons (UTS #39) and UTS #46 domain mapping,
        // from the system ICU (libicu-dev), behind a C interface: ICU headers
        // imported into Swift clash with the ICU inside Foundation.
        .target(
            name: "CUnicodeSecurity",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "GavelEngine",
            dependencies: ["GavelSyntax", "CUnicodeSecurity"]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "GavelImport",
            dependencies: [
                "GavelSyntax", "GavelEngine", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "GavelLint", dependencies: ["GavelSyntax", "GavelEngine"]),
        .target(
            name: "GavelLog",
            dependencies: [
                "GavelSyntax",
                "GavelEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GavelLogPostgres",
            dependencies: [
                "GavelSyntax", "GavelLog",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "GavelServer",
            dependencies: [
                "GavelSyntax", "GavelEngine", "GavelLint", "GavelLog", "GavelLogPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "GavelCLI", dependencies: ["GavelSyntax", "GavelEngine", "GavelLint", "GavelLog", "GavelLogPostgres", "GavelImport"]),
        .executableTarget(
            name: "gavel",
            dependencies: [
                "GavelSyntax",
                "GavelEngine",
                "GavelLint",
                "GavelLog",
                "GavelCLI",
                "GavelServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GavelTests",
            dependencies: [
                "GavelSyntax", "GavelEngine", "GavelLint", "GavelLog", "GavelImport", "GavelCLI",
                "GavelLogPostgres", "GavelServer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
