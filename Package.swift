// swift-tools-version: 6.1
//
// Sigil: a pure-Swift, zero-dependency JSON Web Token stack.
//
// The root package has no dependencies and no C code, always. Peers that Sigil is
// measured against live in `Benchmarks/`, a separate package.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// A library module, its product and its test target.
func module(
    _ name: String,
    dependencies: [Target.Dependency] = [],
    testDependencies: [Target.Dependency] = [],
    testExclude: [String] = [],
    testResources: Bool = false
) -> [Target] {
    [
        .target(name: name, dependencies: dependencies, swiftSettings: strictSettings),
        .testTarget(
            name: "\(name)Tests",
            dependencies: [.target(name: name), "SigilTestSupport"] + dependencies + testDependencies,
            exclude: testExclude,
            swiftSettings: strictSettings
        ),
    ]
}

let libraries = [
    "SigilSHA2", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilJSON", "SigilJWT", "SigilRBAC", "SigilMCP",
    "SigilEC",
]

let package = Package(
    name: "Sigil",
    products: libraries.map { .library(name: $0, targets: [$0]) } + [
        .executable(name: "sigil-server", targets: ["sigil-server"]),
        .executable(name: "sigil-demo", targets: ["sigil-demo"]),
    ],
    dependencies: [],
    targets: [
        // Test-only helpers (vector files, hex); no library module depends on it.
        .target(name: "SigilTestSupport", path: "Tests/SigilTestSupport", swiftSettings: strictSettings),
        // Package-internal constant-time building blocks (value barrier, masks, selects) for
        // the signing code of the crypto modules; not a product.
        .target(name: "SigilConstantTime", swiftSettings: strictSettings),
    ]
        + module("SigilSHA2")
        + module("SigilHMAC", dependencies: ["SigilSHA2", "SigilBase64"])
        + module("SigilBase64")
        + module("SigilRSA", dependencies: ["SigilSHA2", "SigilBase64", "SigilConstantTime"])
        + module("SigilJSON")
        + module("SigilEC", dependencies: ["SigilSHA2", "SigilHMAC", "SigilBase64", "SigilConstantTime"])
        + module(
            "SigilJWT",
            dependencies: ["SigilSHA2", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilJSON"],
            // The CLI tests run the built sigil-token binary.
            testDependencies: ["sigil-token"],
            // PyJWT-made tokens and the script that makes them, read through #filePath.
            testExclude: ["Fixtures"]
        )
        + module("SigilRBAC", dependencies: ["SigilJSON"])
        + module("SigilMCP", dependencies: ["SigilJSON", "SigilJWT", "SigilRBAC"])
        + [
            // The token utility: generate / verify / decode / hash-password.
            .executableTarget(
                name: "sigil-token",
                dependencies: ["SigilJWT", "SigilJSON", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilRBAC"],
                swiftSettings: strictSettings
            ),
            // Test tooling: the batch driver of Scripts/differential.py (issue #8).
            .executableTarget(
                name: "sigil-difftest",
                dependencies: ["SigilSHA2", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilJWT"],
                swiftSettings: strictSettings
            ),
            // The example blog tool server (issue 6), a library so that `sigil-server` and
            // `sigil-demo --serve` run the very same code.
            .target(
                name: "SigilExampleServer",
                dependencies: [
                    "SigilMCP", "SigilJWT", "SigilRBAC", "SigilHMAC", "SigilJSON", "SigilBase64", "SigilSHA2",
                    "SigilRSA",
                ],
                swiftSettings: strictSettings
            ),
            .executableTarget(
                name: "sigil-server", dependencies: ["SigilExampleServer"], swiftSettings: strictSettings),
            .executableTarget(
                name: "sigil-demo",
                dependencies: ["SigilExampleServer", "SigilMCP", "SigilJWT", "SigilJSON", "SigilBase64"],
                swiftSettings: strictSettings
            ),
            // Integration tests: start the built `sigil-server` and speak JSON-RPC over its pipes.
            .testTarget(
                name: "SigilServerTests",
                dependencies: [
                    "SigilExampleServer", "sigil-server", "sigil-token", "SigilMCP", "SigilJWT", "SigilHMAC",
                    "SigilJSON", "SigilBase64", "SigilSHA2", "SigilRSA", "SigilTestSupport",
                ],
                // RSA test keys and the script that makes them, read through #filePath.
                exclude: ["Fixtures"],
                swiftSettings: strictSettings
            ),
        ],
    swiftLanguageModes: [.v6]
)
