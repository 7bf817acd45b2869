import SigilBase64
import SigilHMAC
import SigilJSON
import SigilRBAC

/// A user who can log in.
struct UserAccount: Sendable {
    var username: String
    /// The token subject: `user_<username>`.
    var userID: String
    var roles: [String]
    var passwordHash: PasswordHash
}

/// Checks a password against a stored hash; injectable so that tests can count the work.
typealias PasswordVerifier = (PasswordHash, String) -> Bool

/// The users store: usernames, PBKDF2 password hashes (PHC strings) and roles.
///
/// A login always runs exactly one password verification: against the user's hash, or,
/// for an unknown username, against a dummy hash with the *most common* algorithm and
/// iteration count among the accounts (ties go to the larger count). A wrong password and
/// an unknown user therefore cost the same work as most real accounts, and an unknown
/// name is never the slowest answer. Rehashing to ``currentAlgorithm`` and
/// ``currentIterations`` on login (``rehashing(_:password:)``) makes the accounts
/// converge to one configuration.
struct UserDirectory: Sendable {
    /// The longest username accepted in a file or at login.
    static let maximumUsernameLength = 64
    /// The most users a file may list.
    static let maximumUsers = 10_000
    /// The largest users file read.
    static let maximumFileBytes = 16 << 20
    /// What passwords are rehashed to: PBKDF2-HMAC-SHA256 with its default iteration count.
    static let currentAlgorithm = PasswordHash.Algorithm.pbkdf2SHA256
    static let currentIterations = PasswordHash.Algorithm.pbkdf2SHA256.defaultIterations

    private(set) var accounts: [String: UserAccount] = [:]
    private(set) var usernames: [String] = []
    /// Whether these are the built-in demo accounts.
    let isDemo: Bool
    /// The hash an unknown username is checked against.
    private(set) var dummyHash: PasswordHash?

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
        dummyHash = Self.mostCommonConfiguration(accounts.map(\.passwordHash)).flatMap { Self.dummy(like: $0) }
    }

    /// The algorithm and iteration count most accounts use (ties: the larger count).
    static func mostCommonConfiguration(_ hashes: [PasswordHash]) -> PasswordHash? {
        var counts: [String: (count: Int, example: PasswordHash)] = [:]
        for hash in hashes {
            let key = "\(hash.algorithm.identifier)/\(hash.iterations)"
            counts[key, default: (0, hash)].count += 1
        }
        return counts.values.max { lhs, rhs in
            lhs.count != rhs.count ? lhs.count < rhs.count : lhs.example.iterations < rhs.example.iterations
        }?.example
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
        let root = try reader.object(
            reader.parse(try POSIXFile.readAll(path, maximumBytes: maximumFileBytes)), "the document")
        let entries = try reader.array(root["users"], "users")
        guard !entries.isEmpty else { throw DataFileError(path, "users is empty") }
        guard entries.count <= maximumUsers else { throw DataFileError(path, "more than \(maximumUsers) users") }
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
    /// - Parameters:
    ///   - username: The name given at login.
    ///   - password: The password given.
    ///   - verify: Runs one password verification; ``PasswordHash/verify(password:)`` unless
    ///     a test counts the work.
    /// - Returns: The account when the password matches, else `nil`.
    func authenticate(
        username: String, password: String, verify: PasswordVerifier = { $0.verify(password: $1) }
    ) -> UserAccount? {
        if let account = accounts[username] {
            return verify(account.passwordHash, password) ? account : nil
        }
        if let dummyHash { _ = verify(dummyHash, password) }
        return nil
    }

    /// Whether an account's hash uses other parameters than the current ones.
    static func needsRehash(_ hash: PasswordHash) -> Bool {
        hash.algorithm != currentAlgorithm || hash.iterations != currentIterations
    }

    /// The directory with `username`'s password hashed again with the current parameters,
    /// and the dummy hash recomputed, or `nil` when nothing needs to change.
    ///
    /// - Parameters:
    ///   - username: An account that just logged in with `password`.
    ///   - password: Its verified password.
    /// - Returns: The updated directory, or `nil` when nothing needs to change.
    func rehashing(_ username: String, password: String) -> UserDirectory? {
        guard var account = accounts[username], Self.needsRehash(account.passwordHash),
            let hash = try? PasswordHash.create(
                password: password, algorithm: Self.currentAlgorithm, iterations: Self.currentIterations)
        else { return nil }
        account.passwordHash = hash
        var next = self
        next.accounts[username] = account
        next.dummyHash = Self.mostCommonConfiguration(next.usernames.compactMap { next.accounts[$0]?.passwordHash })
            .flatMap { Self.dummy(like: $0) }
        return next
    }

    /// The users file for these accounts, in the order they were listed.
    func encodedFile() -> [UInt8] {
        let users = usernames.compactMap { accounts[$0] }.map { account -> JSONValue in
            [
                "username": .string(account.username),
                "password_hash": .string(account.passwordHash.encoded),
                "roles": .array(account.roles.map { .string($0) }),
            ]
        }
        var bytes = JSONValue.object(["users": .array(users)]).serializedBytes()
        bytes.append(0x0A)
        return bytes
    }

    static func isValidUsername(_ name: String) -> Bool {
        let bytes = name.utf8
        guard !bytes.isEmpty, bytes.count <= maximumUsernameLength else { return false }
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
