import SigilBase64
import SigilHMAC
import SigilJSON
import SigilRBAC

/// A user who can log in.
struct UserAccount: Sendable {
    var username: String
    /// The token subject: `user_<username>`, as in the seed.
    var userID: String
    var roles: [String]
    var passwordHash: PasswordHash
}

/// The users store: usernames, PBKDF2 password hashes (PHC strings) and roles.
///
/// A login always runs exactly one password verification: against the user's hash, or,
/// for an unknown username, against a dummy hash with the same parameters. A wrong
/// password and an unknown user therefore cost the same work and give the same answer.
struct UserDirectory: Sendable {
    /// The longest username accepted in a file or at login.
    static let maxUsernameLength = 64
    /// The most users a file may list.
    static let maxUsers = 10_000

    private(set) var accounts: [String: UserAccount] = [:]
    private(set) var usernames: [String] = []
    /// Whether these are the built-in demo accounts.
    let isDemo: Bool
    private let dummyHash: PasswordHash?

    /// The built-in demo accounts (documented passwords).
    ///
    /// | user  | password     | role   |
    /// |-------|--------------|--------|
    /// | admin | `admin-demo` | admin  |
    /// | alice | `alice-demo` | user   |
    /// | bob   | `bob-demo`   | viewer |
    static let demoAccounts: [(username: String, password: String, role: String, hash: String)] = [
        ("admin", "admin-demo", "admin", DemoHashes.admin),
        ("alice", "alice-demo", "user", DemoHashes.alice),
        ("bob", "bob-demo", "viewer", DemoHashes.bob),
    ]

    private init(accounts: [UserAccount], isDemo: Bool) {
        self.isDemo = isDemo
        for account in accounts {
            self.accounts[account.username] = account
            usernames.append(account.username)
        }
        let strongest = accounts.max { $0.passwordHash.iterations < $1.passwordHash.iterations }
        dummyHash = strongest.flatMap { Self.dummy(like: $0.passwordHash) }
    }

    /// The demo accounts.
    static func demo() throws(DataFileError) -> UserDirectory {
        var accounts: [UserAccount] = []
        for entry in demoAccounts {
            let hash: PasswordHash
            do {
                hash = try PasswordHash(parsing: entry.hash)
            } catch {
                throw DataFileError("built-in demo accounts", "hash of \(entry.username) is invalid: \(error)")
            }
            accounts.append(
                UserAccount(
                    username: entry.username, userID: "user_" + entry.username, roles: [entry.role], passwordHash: hash)
            )
        }
        return UserDirectory(accounts: accounts, isDemo: true)
    }

    /// Reads a users file: `{"users":[{"username":"…","password_hash":"$pbkdf2-sha256$…","roles":["…"]}]}`.
    ///
    /// - Throws: ``DataFileError`` naming the first bad field: unreadable file, invalid JSON,
    ///   a bad username (1 to 64 of `a-z 0-9 _ . -`), a repeated username, a malformed
    ///   hash, or a role the policy does not define.
    static func load(path: String, policy: Policy) throws(DataFileError) -> UserDirectory {
        let reader = StoredDocument(path: path)
        let root = try reader.object(reader.parse(try POSIXFile.readAll(path, maxBytes: 16 << 20)), "the document")
        let entries = try reader.array(root["users"], "users")
        guard !entries.isEmpty else { throw DataFileError(path, "users is empty") }
        guard entries.count <= maxUsers else { throw DataFileError(path, "more than \(maxUsers) users") }
        var accounts: [UserAccount] = []
        var seen = Set<String>()
        let roleNames = Set(policy.roleNames)
        for (index, value) in entries.enumerated() {
            let field = "users[\(index)]"
            let object = try reader.object(value, field)
            let username = try reader.string(object["username"], "\(field).username")
            guard isValidUsername(username) else {
                throw DataFileError(path, "\(field).username must be 1 to 64 of a-z 0-9 _ . -")
            }
            guard seen.insert(username).inserted else { throw DataFileError(path, "\(field).username repeats") }
            let encoded = try reader.string(object["password_hash"], "\(field).password_hash")
            let hash: PasswordHash
            do {
                hash = try PasswordHash(parsing: encoded)
            } catch {
                throw DataFileError(path, "\(field).password_hash is not a valid PBKDF2 PHC string (\(error))")
            }
            let roles = try reader.strings(object["roles"], "\(field).roles")
            for role in roles where !roleNames.contains(role) {
                throw DataFileError(path, "\(field).roles: unknown role \"\(role)\"")
            }
            accounts.append(
                UserAccount(username: username, userID: "user_" + username, roles: roles, passwordHash: hash))
        }
        return UserDirectory(accounts: accounts, isDemo: false)
    }

    /// Checks a username and password with the same work whether or not the user exists.
    ///
    /// - Returns: The account when the password matches, else `nil`.
    func authenticate(username: String, password: String) -> UserAccount? {
        if let account = accounts[username] {
            return account.passwordHash.verify(password: password) ? account : nil
        }
        _ = dummyHash?.verify(password: password)
        return nil
    }

    static func isValidUsername(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= maxUsernameLength else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E
                || byte == 0x2D
        }
    }

    /// A hash with the same algorithm and iteration count as `model`, matching no password
    /// anyone knows (a fixed salt and an all-zero hash).
    private static func dummy(like model: PasswordHash) -> PasswordHash? {
        let hashLength = model.algorithm.hashByteCount
        let salt = "c2lnaWwtZHVtbXktc2FsdA"  // 16 bytes, B64 without padding
        let zeros = Base64.encode([UInt8](repeating: 0, count: hashLength), padding: false)
        return try? PasswordHash(parsing: "$\(model.algorithm.identifier)$i=\(model.iterations)$\(salt)$\(zeros)")
    }
}
