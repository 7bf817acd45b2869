import SigilHMAC
import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

/// The limits on a users file (issue #8): a file can make a login cost at most
/// `PasswordHash.maximumIterations` (10,000,000) iterations, list at most 10,000 users and
/// be at most 16 MiB.
@Suite("sigil-server: users-file limits")
struct UsersFileLimitTests {
    /// A users file with one account whose hash has `iterations` (salt and hash are zero
    /// bytes: the file is only loaded, never used for a login here).
    static func usersFile(iterations: Int, users: Int = 1, padding: Int = 0) -> String {
        let salt = String(repeating: "A", count: 22)  // 16 zero bytes, unpadded base64
        let hash = String(repeating: "A", count: 43)  // 32 zero bytes
        let encoded = "$pbkdf2-sha256$i=\(iterations)$\(salt)$\(hash)"
        let entries = (0..<users).map { #"{"username":"user\#($0)","password_hash":"\#(encoded)","roles":["user"]}"# }
        return #"{"users":["# + entries.joined(separator: ",") + "]}" + String(repeating: " ", count: padding)
    }

    /// Starts the server on `content` as its users file and returns its exit status and
    /// standard error once its input is closed.
    static func exitStatus(usersFile content: String) throws -> (Int32, String) {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        try ServerHarness.writeFile(path, content)
        let server = try ServerHarness.start(["--users", path])
        server.closeInput()
        let status = server.waitForExit()
        return (status, server.capturedStandardError())
    }

    @Test("a users file at the limit (10,000,000 iterations) is loaded and the server serves")
    func atTheLimit() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        try ServerHarness.writeFile(path, Self.usersFile(iterations: 10_000_000))
        let server = try ServerHarness.session(["--users", path])
        defer { ServerHarness.finish(server) }
        #expect(try server.request("ping")["result"] == [:])
    }

    @Test(
        "a users file past the limit stops the server with status 1",
        arguments: [10_000_001, 99_999_999, 999])
    func pastTheLimit(iterations: Int) throws {
        let (status, standardError) = try Self.exitStatus(usersFile: Self.usersFile(iterations: iterations))
        #expect(status == 1)
        #expect(standardError.contains("users file"))
    }

    @Test("10,000 users are loaded; 10,001 stop the server with status 1")
    func userCount() throws {
        let (atLimit, _) = try Self.exitStatus(usersFile: Self.usersFile(iterations: 1_000, users: 10_000))
        #expect(atLimit == 0)
        let (overLimit, standardError) = try Self.exitStatus(
            usersFile: Self.usersFile(iterations: 1_000, users: 10_001))
        #expect(overLimit == 1)
        #expect(standardError.contains("more than 10000 users"))
    }

    @Test("a users file of 16 MiB is read; one byte more stops the server with status 1")
    func fileSize() throws {
        let small = Self.usersFile(iterations: 1_000)
        let exact = Self.usersFile(iterations: 1_000, padding: (16 << 20) - small.utf8.count)
        #expect(exact.utf8.count == 16 << 20)
        let (atLimit, _) = try Self.exitStatus(usersFile: exact)
        #expect(atLimit == 0)
        let (overLimit, standardError) = try Self.exitStatus(usersFile: exact + " ")
        #expect(overLimit == 1)
        #expect(standardError.contains("users file"))
    }
}
