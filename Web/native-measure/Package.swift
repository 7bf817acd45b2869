// swift-tools-version:6.0
// The native side of the WebAssembly throughput comparison in the README: the same work
// per call as one `sigil.verify` of Web/sigil.mjs, through SigilJWT in a release build.
//
//   swift run -c release --package-path Web/native-measure native-measure
import PackageDescription

let package = Package(
    name: "native-measure",
    dependencies: [.package(name: "Sigil", path: "../..")],
    targets: [
        .executableTarget(
            name: "native-measure",
            dependencies: [
                .product(name: "SigilJWT", package: "Sigil"), .product(name: "SigilJSON", package: "Sigil"),
            ])
    ]
)
