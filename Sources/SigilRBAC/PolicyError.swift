import SigilJSON

/// A policy that cannot be built: a malformed permission or role name, an unknown or cyclic
/// inheritance, a limit exceeded, or (when loading JSON) a malformed document.
///
/// ``path`` names the offending field in the policy's JSON form, whether the policy was
/// built in code or loaded, e.g. `roles.admin.permissions[2]` or `roles.user.inherits[0]`.
/// Equality and hashing use ``code`` only, so tests read
/// `#expect(error.code == .inheritanceCycle)`.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the policy.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidPermission
            case invalidRoleName
            case duplicateRole
            case unknownRole
            case inheritanceCycle
            case limitExceeded
            case invalidJSON
            case missingField
            case unexpectedType
            case unknownField
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// A permission string is malformed; ``PolicyError/permissionError`` says how.
        public static let invalidPermission = Code(.invalidPermission)
        /// A role name is not 1 to 128 bytes of `[a-z0-9_.-]`.
        public static let invalidRoleName = Code(.invalidRoleName)
        /// Two roles have the same name.
        public static let duplicateRole = Code(.duplicateRole)
        /// A role inherits (or a requirement names) a role the policy does not define.
        public static let unknownRole = Code(.unknownRole)
        /// Roles inherit each other in a cycle; ``PolicyError/cycle`` lists it.
        public static let inheritanceCycle = Code(.inheritanceCycle)
        /// More roles, permissions or inherited roles than ``Policy/maximumRoleCount`` or
        /// ``Policy/maximumEntryCount`` allow.
        public static let limitExceeded = Code(.limitExceeded)
        /// The policy document is not well-formed JSON within the parser's limits.
        public static let invalidJSON = Code(.invalidJSON)
        /// A required field is missing.
        public static let missingField = Code(.missingField)
        /// A field has the wrong JSON type (e.g.
        ///
        /// a number where a string is expected).
        public static let unexpectedType = Code(.unexpectedType)
        /// A field the format does not define (often a typo, such as `inherit`).
        public static let unknownField = Code(.unknownField)

        /// The code's name, for example `inheritanceCycle`.
        public var description: String { backing.rawValue }
    }

    /// What is wrong.
    public let code: Code
    /// The offending field, for example `roles.admin.permissions[2]`; `""` for the whole document.
    public let path: String
    /// The offending value (a permission, a role name), cut to 64 bytes, when there is one.
    public let value: String?
    /// For ``Code/invalidPermission``, the grammar violation.
    public let permissionError: PermissionError?
    /// For ``Code/invalidJSON``, the reader's error (code and byte offset).
    public let jsonError: JSONError?
    /// For ``Code/inheritanceCycle``, the roles around the cycle, ending where it started,
    /// for example `["a", "b", "c", "a"]` (`["a", "a"]` for a role inheriting itself).
    public let cycle: [String]
    /// A detail for the description (what was expected, the limit, the parser's message).
    let detail: String?
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    init(
        _ code: Code, path: String, value: String? = nil, permissionError: PermissionError? = nil,
        jsonError: JSONError? = nil, cycle: [String] = [], detail: String? = nil, file: String = #fileID,
        line: Int = #line
    ) {
        self.file = file
        self.line = line
        self.code = code
        self.path = path
        self.value = value.map(ErrorText.clipped)
        self.permissionError = permissionError
        self.jsonError = jsonError
        self.cycle = cycle
        self.detail = detail
    }

    /// A human-readable explanation naming the field and the value.
    public var description: String {
        let field = path.isEmpty ? "policy" : path
        var text: String
        switch code {
        case .invalidPermission:
            text = "\(field): " + (permissionError?.description ?? "invalid permission")
        case .invalidRoleName:
            text = "\(field): invalid role name \(ErrorText.quoted(value ?? "")) (1 to 128 bytes of [a-z0-9_.-])"
        case .duplicateRole:
            text = "\(field): role \(ErrorText.quoted(value ?? "")) is defined twice"
        case .unknownRole:
            text = "\(field): unknown role \(ErrorText.quoted(value ?? ""))"
        case .inheritanceCycle:
            text = "\(field): inheritance cycle " + cycle.map(ErrorText.clipped).joined(separator: " -> ")
        case .limitExceeded:
            text = "\(field): limit exceeded"
        case .invalidJSON:
            text = "\(field): invalid JSON"
        case .missingField:
            text = "\(field): missing"
        case .unexpectedType:
            text = "\(field): unexpected type"
        case .unknownField:
            text = "\(field): unknown field"
        default:
            text = "\(field): invalid"
        }
        if let detail { text += " (\(detail))" }
        return text
    }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: PolicyError, rhs: PolicyError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}

/// Field paths in the policy's JSON form, as ``PolicyError/path`` reports them.
enum PolicyPath {
    /// `roles.<name>`, or `roles["<name>"]` when the name is not a plain word.
    static func role(_ name: String) -> String {
        member("roles", name)
    }

    /// `<base>.<key>` (or just `<key>` at the top), or `<base>["<key>"]` when the key is
    /// not a plain word.
    static func member(_ base: String, _ key: String) -> String {
        if Role.isValidName(key) { return base.isEmpty ? key : base + "." + key }
        return base + "[" + ErrorText.quoted(ErrorText.clipped(key)) + "]"
    }

    /// `<base>[<index>]`.
    static func element(_ base: String, _ index: Int) -> String {
        base + "[\(index)]"
    }
}
