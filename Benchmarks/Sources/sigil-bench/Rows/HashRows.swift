import Crypto
import SigilSHA2

/// SHA-256 and SHA-512, long (16 KiB, throughput) and short (64 B, latency) inputs.
///
/// Every SHA-256 row shows BoringSSL twice: with the CPU's SHA extensions (SHA-NI), and
/// without them (measured in a child process, see `ProcessVariant`), because pure Swift
/// cannot reach those instructions and the scalar assembly path is the fair bar.
enum HashRows {
    static func make() throws -> [Row] {
        let long = [UInt8](pseudoRandomCount: 16 * 1024)
        let short = [UInt8](pseudoRandomCount: 64)
        for input in [long, short] {
            try expectSameBytes(SigilSHA2.SHA256.hash(data: input), Crypto.SHA256.hash(data: input), row: "SHA-256")
            try expectSameBytes(SigilSHA2.SHA512.hash(data: input), Crypto.SHA512.hash(data: input), row: "SHA-512")
        }
        return [
            Row(
                "SHA-256 16 KiB", .megabytesPerSecond, bytes: long.count,
                sigil: { blackHole(SigilSHA2.SHA256.hash(data: long)) },
                peers: boringSSLWithAndWithoutSHAExtensions { blackHole(Crypto.SHA256.hash(data: long)) }
            ),
            Row(
                "SHA-512 16 KiB", .megabytesPerSecond, bytes: long.count,
                sigil: { blackHole(SigilSHA2.SHA512.hash(data: long)) },
                peers: [.peer("swift-crypto (BoringSSL)") { blackHole(Crypto.SHA512.hash(data: long)) }]
            ),
            Row(
                "SHA-256 64 B", .nanoseconds(per: "hash"), bytes: short.count,
                sigil: { blackHole(SigilSHA2.SHA256.hash(data: short)) },
                peers: boringSSLWithAndWithoutSHAExtensions { blackHole(Crypto.SHA256.hash(data: short)) }
            ),
            Row(
                "SHA-512 64 B", .nanoseconds(per: "hash"), bytes: short.count,
                sigil: { blackHole(SigilSHA2.SHA512.hash(data: short)) },
                peers: [.peer("swift-crypto (BoringSSL)") { blackHole(Crypto.SHA512.hash(data: short)) }]
            ),
        ]
    }
}

/// The same swift-crypto operation as two peers: BoringSSL with SHA-NI (in process) and without
/// (in the `boringSSLWithoutSHAExtensions` child).
func boringSSLWithAndWithoutSHAExtensions(
    _ name: String = "swift-crypto",
    _ body: @escaping @Sendable () throws -> Void
) -> [Implementation] {
    [
        .peer("\(name) (BoringSSL, SHA-NI)", body),
        .peer("\(name) (BoringSSL, no SHA-NI)", in: .boringSSLWithoutSHAExtensions, body),
    ]
}

extension [UInt8] {
    /// Deterministic filler bytes (a 64-bit LCG started at `stream`), so every run hashes the
    /// same input.
    init(pseudoRandomCount count: Int, stream: UInt64 = 0x5EED_516C) {
        var state = stream
        self = (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }
}
