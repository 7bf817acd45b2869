/// A fixed mix of access decisions over the seed's table (``Policy/default``), for measuring
/// decision throughput in the benchmark package.
///
/// ```swift
/// let workload = DecisionBenchmark()
/// var allowed = 0
/// // time this loop; decisions per second = rounds * workload.decisionsPerRun / seconds
/// for _ in 0..<rounds { allowed &+= workload.run() }
/// ```
///
/// Each run makes ``decisionsPerRun`` calls to ``Policy/evaluate(_:_:owner:)-(Subject,_,_)``: every seed
/// role (and a subject with no roles) against `read:posts`, `write:posts` on its own and on
/// someone else's post, `delete:posts` and `read:users`: 20 decisions, 8 of them allowed.
public struct DecisionBenchmark: Sendable {
    /// The policy the decisions are made against.
    public let policy: Policy
    private let subjects: [Subject]
    private let permissions: [Permission]
    private let owners: [String?]

    /// Prepares the workload (subjects and permissions are built here, not while timing).
    ///
    /// - Parameter policy: The policy to decide with; the seed's table by default.
    public init(policy: Policy = .default) {
        self.policy = policy
        self.subjects = [
            Subject(userID: "1", roles: ["admin"]),
            Subject(userID: "2", roles: ["user"]),
            Subject(userID: "3", roles: ["viewer"]),
            Subject(userID: "4"),
        ]
        var permissions: [Permission] = []
        var owners: [String?] = []
        for (text, owner) in [
            ("read:posts", nil), ("write:posts", "2"), ("write:posts", "1"), ("delete:posts", "2"),
            ("read:users", nil),
        ] as [(String, String?)] {
            do throws(PermissionError) {
                permissions.append(try Permission(text))
                owners.append(owner)
            } catch {
                continue  // unreachable: the strings are valid
            }
        }
        self.permissions = permissions
        self.owners = owners
    }

    /// The number of decisions one ``run()`` makes.
    public var decisionsPerRun: Int { subjects.count * permissions.count }

    /// Makes ``decisionsPerRun`` decisions.
    ///
    /// - Returns: How many were allowed (use it, so that the work is not optimised away).
    public func run() -> Int {
        var allowed = 0
        permissions.withUnsafeBufferPointer { permissions in
            for subject in subjects {
                for request in permissions.indices
                where policy.evaluate(subject, permissions[request], owner: owners[request]).isAllowed {
                    allowed &+= 1
                }
            }
        }
        return allowed
    }
}
