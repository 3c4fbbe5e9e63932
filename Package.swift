// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Inzage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "inzage", targets: ["inzage"]),
        .library(name: "InzageCore", targets: ["InzageCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The memory allocator of the whole process (see Sources/InzageCore/Support/Allocator.swift).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(name: "CInzageSystem"),
        // Lets libcmark-gfm parse inlines on several threads at once (see its header).
        .target(name: "CCmarkInlineCharacters", dependencies: ["CCmarkGFM"]),
        // A memory arena per thread for libcmark-gfm (see its header).
        .target(name: "CCmarkArena", dependencies: ["CCmarkGFM"]),
        .target(
            name: "InzageCore",
            dependencies: [
                "CCmarkGFM",
                "CInzageSystem",
                "CCmarkInlineCharacters",
                "CCmarkArena",
                "CMimalloc",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "inzage",
            dependencies: [
                "InzageCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "InzageCoreTests",
            dependencies: ["InzageCore"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "inzageTests",
            dependencies: ["inzage", "InzageCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
