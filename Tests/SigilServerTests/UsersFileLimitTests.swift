import SigilHMAC
import SigilJSON
import SigilMCP
import Testing

/// The PBKDF2 iteration limit for hashes read from a users file (issue #8): a file can make
/// a login cost at most `PasswordHash.maximumIterations` (10,000,000) iterations.
@Suite("sigil-server: users-file iteration limit")
struct UsersFileLimitTests {
    /// A users file with one account whose hash has `iterations` (salt and hash are zero
    /// bytes: the file is only loaded, never used for a login here).
    static func usersFile(iterations: Int) -> String {
        let salt = String(repeating: "A", count: 22)  // 16 zero bytes, unpadded base64
        let hash = String(repeating: "A", count: 43)  // 32 zero bytes
        let encoded = "$pbkdf2-sha256$i=\(iterations)$\(salt)$\(hash)"
        return #"{"users":[{"username":"carol","password_hash":"\#(encoded)","roles":["user"]}]}"#
    }

    @Test("the limit is 1,000…10,000,000 iterations")
    func documentedBounds() {
        #expect(PasswordHash.minimumIterations == 1_000)
        #expect(PasswordHash.maximumIterations == 10_000_000)
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
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        try ServerHarness.writeFile(path, Self.usersFile(iterations: iterations))
        let server = try ServerHarness.start(["--users", path])
        server.closeInput()
        #expect(server.waitForExit() == 1)
        #expect(server.capturedStandardError().contains("users file"))
    }
}
