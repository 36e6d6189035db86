// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Xiezuo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "xiezuo", targets: ["xiezuo"]),
        .executable(name: "xiezuo-bench", targets: ["xiezuo-bench"]),
        .executable(name: "xiezuo-fuzz", targets: ["xiezuo-fuzz"]),
        .library(name: "XiezuoCore", targets: ["XiezuoCore"]),
        .library(name: "XiezuoSite", targets: ["XiezuoSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system C library libcmark (Debian: libcmark-dev), found by pkg-config.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The system C library libxlsxwriter (Debian: libxlsxwriter-dev), for writing .xlsx.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Office files: .xlsx read (ZIPFoundation and Foundation's XMLParser) and written
        // (libxlsxwriter), .docx read. Knows cells and paragraphs, not plans.
        .target(
            name: "XiezuoOffice",
            dependencies: [
                "XiezuoCore",
                "CXlsxWriter",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The engine: model, loading, validation, computation. No I/O in its computing parts.
        .target(
            name: "XiezuoCore",
            dependencies: [
                "CMark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Mustache templates, compiled once: parsed, linked to their partials, drawn from
        // typed values (MustacheValue), and checked against the data each page declares.
        .target(name: "XiezuoMustache"),
        // Runs the Mustache specification's JSON tests against XiezuoMustache (scripts/mustache-spec).
        .executableTarget(name: "mustache-spec", dependencies: ["XiezuoMustache"]),
        // Render and write: reports, the static site, its templates.
        .target(
            name: "XiezuoSite",
            dependencies: [
                "XiezuoCore",
                "XiezuoOffice",
                "XiezuoMustache",
            ],
            // The default look, templates/ at the top of the repository, is embedded into the
            // binary so that a site folder need only hold the templates it changes.
            plugins: ["EmbedTemplates"]
        ),
        // The on-ramp: plan tables and filled progress sheets in, content files out.
        .target(
            name: "XiezuoImport",
            dependencies: [
                "XiezuoCore",
                "XiezuoOffice",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `xiezuo serve`: the preview server (HTTP by FlyingFox), its folder watcher and reloads.
        .target(
            name: "XiezuoServe",
            dependencies: [
                "XiezuoSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(name: "embed-templates"),
        // Benchmarks: workload generator and timed builds (commands that print figures).
        .executableTarget(
            name: "xiezuo-bench",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/XiezuoBench"
        ),
        // A bounded mutation fuzzer for the loader and the import readers (a command, not a test).
        .executableTarget(
            name: "xiezuo-fuzz",
            dependencies: ["XiezuoCore", "XiezuoImport", "XiezuoOffice", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Fuzz/XiezuoFuzz"
        ),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        // The command line: a thin shell over the engine.
        .executableTarget(
            name: "xiezuo",
            dependencies: [
                "XiezuoCore",
                "XiezuoSite",
                "XiezuoImport",
                "XiezuoServe",
                "XiezuoOffice",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian libjemalloc-dev) in place of glibc's malloc, for this command only:
            // a large build makes and frees millions of small objects from two threads, and
            // glibc's allocator slows as the heap grows (the share of a build's samples inside it
            // rose from 10.8 % at 100 plans to 14.4 % at 1,000). Measured side by side at 1,000 plans: 41.5 s
            // → 34.5 s, peak memory 134 → 143 MB; at 100 plans the same speed.
            //
            // In a release build the Swift runtime and Foundation are linked into the command
            // (-static-stdlib, as `swift build --static-swift-stdlib` does): calls into them are
            // direct, not through the dynamic linker's tables, and the binary runs on a server
            // with no Swift installed. FlyingFox's proxy handler brings in FoundationNetworking,
            // which links Debian's libcurl (libcurl4-openssl-dev, installed by scripts/bootstrap).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.linkedLibrary("jemalloc"), .unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "XiezuoTests",
            dependencies: [
                "XiezuoCore",
                "XiezuoSite",
                "XiezuoImport",
                "XiezuoServe",
                "XiezuoOffice",
                "XiezuoMustache",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The seed tables, read by path in the import tests.
            exclude: ["Fixtures"]
        ),
    ]
)
