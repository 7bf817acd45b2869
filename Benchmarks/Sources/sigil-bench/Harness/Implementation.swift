/// One contender in a row: a name and the operation to time.
///
/// The body performs **one** operation and hands its result to `blackHole(_:)`. Inputs and
/// keys are prepared outside the body, when the row is built.
struct Implementation: Sendable {
    /// The operation: synchronous, or asynchronous for APIs that are (jwt-kit's key collection
    /// is an actor).
    enum Body: Sendable {
        case sync(@Sendable () throws -> Void)
        case async(@Sendable () async throws -> Void)
    }

    /// "Sigil", or the peer's name as printed in the table, such as "swift-crypto (BoringSSL)".
    var name: String
    /// When set, the implementation is measured in a child process with this environment.
    var variant: ProcessVariant?
    var body: Body

    init(_ name: String, in variant: ProcessVariant? = nil, _ body: @escaping @Sendable () throws -> Void) {
        self.name = name
        self.variant = variant
        self.body = .sync(body)
    }

    init(_ name: String, in variant: ProcessVariant? = nil, _ body: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.variant = variant
        self.body = .async(body)
    }

    /// A peer, read as `.peer("swift-crypto") { ... }` in a row's list.
    static func peer(
        _ name: String,
        in variant: ProcessVariant? = nil,
        _ body: @escaping @Sendable () throws -> Void
    ) -> Implementation {
        Implementation(name, in: variant, body)
    }

    /// An asynchronous peer.
    static func peer(
        _ name: String,
        in variant: ProcessVariant? = nil,
        _ body: @escaping @Sendable () async throws -> Void
    ) -> Implementation {
        Implementation(name, in: variant, body)
    }

    /// Runs the body `count` times.
    func run(_ count: Int) async throws {
        switch body {
        case .sync(let operation):
            for _ in 0..<count { try operation() }
        case .async(let operation):
            for _ in 0..<count { try await operation() }
        }
    }
}
