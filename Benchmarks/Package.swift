// swift-tools-version: 6.1
//
// sigil-bench: Sigil measured against the libraries it replaces, side by side in one process.
//
// This is a separate package so that the peers (swift-crypto, jwt-kit) never become
// dependencies of the root package. Only release builds are meaningful:
//
//     swift run -c release --package-path Benchmarks sigil-bench

import PackageDescription

/// The libraries Sigil is measured and checked against.
let peers: [Target.Dependency] = [
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "_CryptoExtras", package: "swift-crypto"),
    .product(name: "JWTKit", package: "jwt-kit"),
]

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "SigilBenchmarks",
    platforms: [.macOS(.v13)],  // the root package's minimum, which jwt-kit 5 shares
    dependencies: [
        .package(name: "Sigil", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", exact: "5.8.0"),
    ],
    targets: [
        // The command-line rules sigil-bench and sigil-dudect share.
        .target(name: "BenchmarkCommandLine", swiftSettings: strictSettings),
        .executableTarget(
            name: "sigil-bench",
            dependencies: [
                "BenchmarkCommandLine",
                .product(name: "SigilSHA2", package: "Sigil"),
                .product(name: "SigilHMAC", package: "Sigil"),
                .product(name: "SigilRSA", package: "Sigil"),
                .product(name: "SigilJWT", package: "Sigil"),
                .product(name: "SigilJSON", package: "Sigil"),
                .product(name: "SigilRBAC", package: "Sigil"),
                .product(name: "SigilEC", package: "Sigil"),
                .product(name: "SigilEd25519", package: "Sigil"),
            ] + peers,
            swiftSettings: strictSettings
        ),
        // Interop check: Sigil's tokens (HS*, RS*, PS*, ES*, EdDSA) verify with jwt-kit and back.
        //     swift run -c release --package-path Benchmarks sigil-interop
        .executableTarget(
            name: "sigil-interop",
            dependencies: [
                .product(name: "SigilBase64", package: "Sigil"),
                .product(name: "SigilJSON", package: "Sigil"),
                .product(name: "SigilJWT", package: "Sigil"),
                .product(name: "SigilEC", package: "Sigil"),
                .product(name: "SigilEd25519", package: "Sigil"),
            ] + peers,
            swiftSettings: strictSettings
        ),
        // Statistical timing test (dudect): fixed vs random inputs, Welch's t, per secret.
        //     swift run -c release --package-path Benchmarks sigil-dudect
        .executableTarget(
            name: "sigil-dudect",
            dependencies: [
                "BenchmarkCommandLine",
                .product(name: "SigilSHA2", package: "Sigil"),
                .product(name: "SigilHMAC", package: "Sigil"),
                .product(name: "SigilRSA", package: "Sigil"),
                .product(name: "SigilEC", package: "Sigil"),
                .product(name: "SigilEd25519", package: "Sigil"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
