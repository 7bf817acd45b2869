/// Access refused: a subject lacks a required permission or role.
///
/// Thrown by ``Policy/require(_:_:owner:)`` and carried by ``AccessDecision/denied(_:)``.
/// It keeps the question's inputs (``userID``, ``requiredPermission`` or ``requiredRoles``,
/// ``owner``); ``reason`` is built from them only when read. Equality and hashing use
/// ``code`` only.
public struct PermissionDeniedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why access was refused.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case unauthenticated
            case missingPermission
            case notOwner
            case missingRole
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// There was no subject (no verified identity).
        public static let unauthenticated = Code(.unauthenticated)
        /// No grant of the subject covers the required permission.
        public static let missingPermission = Code(.missingPermission)
        /// The subject's only matching grants are ownership-scoped (`own_`), and the resource
        /// is not the subject's (another owner, or no owner given).
        public static let notOwner = Code(.notOwner)
        /// The subject holds none of the required roles.
        public static let missingRole = Code(.missingRole)

        /// The code's name, for example `notOwner`.
        public var description: String { backing.rawValue }
    }

    /// Why access was refused.
    public let code: Code
    /// The subject's user id, or `nil` when there was no subject.
    public let userID: String?
    /// The permission that was required, for a permission check.
    public let requiredPermission: Permission?
    /// The roles of which one was required, for a role check (empty otherwise).
    public let requiredRoles: [String]
    /// The owner of the resource the request named, if any.
    public let owner: String?
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    @usableFromInline init(
        _ code: Code, userID: String?, requiredPermission: Permission?, requiredRoles: [String] = [],
        owner: String? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.file = file
        self.line = line
        self.code = code
        self.userID = userID
        self.requiredPermission = requiredPermission
        self.requiredRoles = requiredRoles
        self.owner = owner
    }

    /// A human-readable explanation, for example
    /// `permission denied: user "bob" lacks write:posts`.
    ///
    /// Built when read.
    public var reason: String {
        let required: String
        if let requiredPermission {
            required = requiredPermission.rawValue
        } else {
            required = "one of the roles " + requiredRoles.map(ErrorText.clipped).joined(separator: ", ")
        }
        let user = userID.map { "user " + ErrorText.quoted(ErrorText.clipped($0)) } ?? ""
        switch code {
        case .unauthenticated:
            return "permission denied: no authenticated subject (requires \(required))"
        case .notOwner:
            let whose =
                owner.map { "the resource belongs to " + ErrorText.quoted(ErrorText.clipped($0)) } ?? "no owner given"
            return "permission denied: \(user) may use \(required) only on resources they own (\(whose))"
        case .missingRole:
            if requiredRoles.isEmpty { return "permission denied: \(user): the requirement lists no roles" }
            return
                "permission denied: \(user) has none of the roles \(requiredRoles.map(ErrorText.clipped).joined(separator: ", "))"
        default:
            return "permission denied: \(user) lacks \(required)"
        }
    }

    /// Same as ``reason``.
    public var description: String { reason }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: PermissionDeniedError, rhs: PermissionDeniedError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
