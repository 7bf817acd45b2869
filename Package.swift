// swift-tools-version: 6.2
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
    "SigilEd25519",
    "SigilEC",
]

let package = Package(
    name: "Sigil",
    // The minimums of the code, from Apple's documented availability of every API the
    // library modules use (README, "Platforms and static binaries"): no InlineArray, no
    // UInt128, no typed-throws function type as a generic argument.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: libraries.map { .library(name: $0, targets: [$0]) } + [
        .library(name: "SigilJSONCodable", targets: ["SigilJSONCodable"]),
        .library(name: "SigilJWTFoundation", targets: ["SigilJWTFoundation"]),
        .library(name: "SigilMCPTesting", targets: ["SigilMCPTesting"]),
        .executable(name: "sigil-server", targets: ["sigil-server"]),
        .executable(name: "sigil-demo", targets: ["sigil-demo"]),
    ],
    dependencies: [],
    targets: [
        // Test-only helpers (vector files, their fields, hex); no library module depends on it.
        .target(
            name: "SigilTestSupport", dependencies: ["SigilBase64"], path: "Tests/SigilTestSupport",
            swiftSettings: strictSettings),
        // Package-internal constant-time building blocks (value barrier, masks, selects) for
        // the signing code of the crypto modules; not a product.
        .target(name: "SigilConstantTime", swiftSettings: strictSettings),
        // Package-internal strict DER reader and writer and PEM documents, shared by the key
        // modules (RSA, and the elliptic-curve modules); not a product.
        .target(name: "SigilDER", dependencies: ["SigilBase64"], swiftSettings: strictSettings),
        // Package-internal operating-system services (writing all bytes to a file descriptor)
        // for the layers that run on an operating system; not a product, never Embedded.
        .target(name: "SigilSystem", swiftSettings: strictSettings),
    ]
        + module("SigilSHA2")
        + module("SigilHMAC", dependencies: ["SigilSHA2", "SigilBase64"])
        + module("SigilBase64")
        + module("SigilRSA", dependencies: ["SigilSHA2", "SigilBase64", "SigilConstantTime", "SigilDER"])
        + module(
            "SigilEd25519", dependencies: ["SigilSHA2", "SigilConstantTime", "SigilDER"],
            testDependencies: ["SigilBase64"])
        + module("SigilJSON")
        // Codable over SigilJSON (SigilJSONEncoder/SigilJSONDecoder), standard library only;
        // apart from SigilJSON because Codable cannot compile as Embedded Swift.
        + module("SigilJSONCodable", dependencies: ["SigilJSON"])
        + module("SigilEC", dependencies: ["SigilSHA2", "SigilHMAC", "SigilConstantTime", "SigilDER"])
        + module(
            "SigilJWT",
            dependencies: [
                "SigilSHA2", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilEd25519", "SigilEC", "SigilJSON",
                "SigilJSONCodable",
            ],
            testDependencies: ["SigilJWTFoundation"],
            // PyJWT-made tokens and the script that makes them, read through #filePath.
            testExclude: ["Fixtures"]
        )
        + [
            // Opt-in: Foundation's Date as a NumericDate in Codable payloads. The only library
            // module that imports Foundation (FoundationEssentials on Linux).
            .target(
                name: "SigilJWTFoundation", dependencies: ["SigilJWT", "SigilJSON", "SigilJSONCodable"],
                swiftSettings: strictSettings)
        ]
        + module("SigilRBAC", dependencies: ["SigilJSON"])
        + module(
            "SigilMCP", dependencies: ["SigilJSON", "SigilJWT", "SigilRBAC", "SigilSystem"],
            testDependencies: ["SigilMCPTesting"])
        + [
            // Test helpers for MCP servers (an in-memory transport, a child-process client),
            // apart from SigilMCP as swift-nio keeps NIOEmbedded apart from NIOCore.
            .target(name: "SigilMCPTesting", dependencies: ["SigilMCP", "SigilJSON"], swiftSettings: strictSettings)
        ]
        + [
            // The token utility: generate / verify / decode / hash-password.
            .executableTarget(
                name: "sigil-token",
                dependencies: [
                    "SigilExampleServer", "SigilJWT", "SigilJSON", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilRBAC",
                    "SigilSystem",
                ],
                swiftSettings: strictSettings
            ),
            // Test tooling: the batch driver of Scripts/differential.py (issue #8).
            .executableTarget(
                name: "sigil-difftest",
                dependencies: [
                    "SigilSHA2", "SigilHMAC", "SigilBase64", "SigilRSA", "SigilJWT", "SigilEC", "SigilEd25519",
                ],
                swiftSettings: strictSettings
            ),
            // Test tooling: the constant-time check driver run under valgrind by .ci/ctgrind (issue #15).
            .executableTarget(
                name: "sigil-ctgrind",
                dependencies: ["SigilRSA", "SigilEd25519", "SigilEC", "SigilSHA2"],
                swiftSettings: strictSettings
            ),
            // The example blog tool server (issue 6), a library so that `sigil-server` and
            // `sigil-demo --serve` run the very same code.
            .target(
                name: "SigilExampleServer",
                dependencies: [
                    "SigilMCP", "SigilJWT", "SigilRBAC", "SigilHMAC", "SigilJSON", "SigilBase64", "SigilSHA2",
                    "SigilRSA", "SigilSystem",
                ],
                swiftSettings: strictSettings
            ),
            .executableTarget(
                name: "sigil-server", dependencies: ["SigilExampleServer"], swiftSettings: strictSettings),
            .executableTarget(
                name: "sigil-demo",
                dependencies: [
                    "SigilExampleServer", "SigilMCP", "SigilMCPTesting", "SigilJWT", "SigilJSON", "SigilBase64",
                    "SigilSystem",
                ],
                swiftSettings: strictSettings
            ),
            // Integration tests of the token utility: run the built `sigil-token` binary.
            .testTarget(
                name: "SigilTokenTests",
                dependencies: ["sigil-token", "SigilJWT", "SigilJSON", "SigilBase64"],
                swiftSettings: strictSettings
            ),
            // Integration tests: start the built `sigil-server` and speak JSON-RPC over its pipes.
            .testTarget(
                name: "SigilServerTests",
                dependencies: [
                    "SigilExampleServer", "sigil-server", "sigil-token", "SigilMCP", "SigilMCPTesting", "SigilJWT",
                    "SigilHMAC", "SigilJSON", "SigilBase64", "SigilSHA2", "SigilRSA", "SigilTestSupport",
                    "SigilSystem",
                ],
                // RSA test keys and the script that makes them, read through #filePath.
                exclude: ["Fixtures"],
                swiftSettings: strictSettings
            ),
        ],
    swiftLanguageModes: [.v6]
)
