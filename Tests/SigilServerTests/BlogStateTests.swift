import SigilJSON
import Testing

@testable import SigilExampleServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Data file format and atomic replacement")
struct BlogStateTests {
    @Test("a state survives encoding and decoding unchanged")
    func roundTrip() throws {
        var state = BlogState.initial(now: 1_700_000_000)
        var first = state.posts[0]
        first.updatedAt = 1_700_000_100
        state.apply([
            .putPost(first), .setNextPostID(9), .revokeToken(tokenID: "jti-1", until: 1_900_000_000),
            .revokeSession(sessionID: "s-1", until: 1_900_000_000),
            .putRefreshToken(
                fingerprint: "ab12",
                RefreshRecord(sessionID: "s-2", username: "alice", expiresAt: 1_900_000_000, used: true)),
            .countIssuedToken, .countIssuedToken, .countRevocation,
        ])
        let decoded = try BlogState.decode(state.encoded(journalSequence: 12), path: "test")
        #expect(decoded.state == state)
        #expect(decoded.journalSequence == 12)
        #expect(state.encoded(journalSequence: 12) == decoded.state.encoded(journalSequence: 12))
        #expect(state.storedByteEstimate >= state.encoded(journalSequence: Int64.max).count)
    }

    @Test(
        "decoding refuses what it does not expect, naming the field",
        arguments: [
            ("next_post_id", #""next_post_id":0"#),
            ("next_post_id", #""next_post_id":99999999999"#),
            ("counters", #""counters":{"tokens_issued":-1,"tokens_revoked":0}"#),
            (
                "repeats",
                #""posts":[{"id":1,"title":"a","content":"b","author":"c","author_id":"d","created_at":1},{"id":1,"title":"a","content":"b","author":"c","author_id":"d","created_at":1}]"#
            ),
            ("used", #""refresh_tokens":[{"sha256":"x","session_id":"s","username":"u","expires_at":1,"used":"no"}]"#),
        ])
    func rejects(field: String, member: String) throws {
        let valid = String(decoding: BlogState.initial(now: 1).encoded(journalSequence: 0), as: UTF8.self)
        var object = try #require(try JSONValue.parse(valid).objectValue)
        let replacement = try #require(try JSONValue.parse("{\(member)}").objectValue)
        for (key, value) in replacement { object[key] = value }
        #expect(throws: DataFileError.self) {
            _ = try BlogState.decode(JSONValue.object(object).serializedBytes(), path: "test")
        }
        do {
            _ = try BlogState.decode(JSONValue.object(object).serializedBytes(), path: "test")
        } catch {
            #expect(error.reason.contains(field), "\(error.reason)")
        }
    }

    @Test("pruning forgets expired revocations and refresh tokens only")
    func prune() {
        var state = BlogState.initial(now: 100)
        state.apply([
            .revokeToken(tokenID: "old", until: 50), .revokeToken(tokenID: "live", until: 500),
            .revokeSession(sessionID: "old", until: 50), .revokeSession(sessionID: "live", until: 500),
            .putRefreshToken(
                fingerprint: "old", RefreshRecord(sessionID: "a", username: "u", expiresAt: 50, used: false)),
            .putRefreshToken(
                fingerprint: "live", RefreshRecord(sessionID: "old", username: "u", expiresAt: 500, used: true)),
        ])
        state.prune(now: 100)
        #expect(Array(state.revokedTokens.keys) == ["live"])
        #expect(Array(state.revokedSessions.keys) == ["live"])
        #expect(Array(state.refreshTokens.keys) == ["live"])
        var counter = Int64.max
        BlogState.increment(&counter)
        #expect(counter == Int64.max)
    }

    @Test("atomic replacement leaves the new content and no temporary file; a bad directory changes nothing")
    func replace() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/data.json"
        try POSIXFile.replaceAtomically(path, with: Array("first".utf8))
        try POSIXFile.replaceAtomically(path, with: Array("second".utf8))
        #expect(try POSIXFile.readAll(path, maximumBytes: 100) == Array("second".utf8))
        #expect(ServerHarness.fileNames(in: directory) == ["data.json"])
        #expect(throws: DataFileError.self) { try POSIXFile.readAll(path, maximumBytes: 3) }
        #expect(throws: DataFileError.self) {
            try POSIXFile.replaceAtomically(directory + "/missing/data.json", with: [1])
        }
        #expect(POSIXFile.directoryOf("data.json") == ".")
        #expect(POSIXFile.directoryOf("/data.json") == "/")
        #expect(POSIXFile.fileName("/a/b/data.json") == "data.json")
    }

    @Test("the demo accounts parse and verify only their documented passwords")
    func demoAccounts() throws {
        let users = try UserDirectory.demo()
        #expect(users.usernames == ["admin", "alice", "bob"])
        #expect(users.authenticate(username: "bob", password: "bob-demo")?.roles == ["viewer"])
        #expect(users.authenticate(username: "bob", password: "alice-demo") == nil)
        #expect(users.authenticate(username: "nobody", password: "bob-demo") == nil)
        #expect(UserDirectory.isValidUsername("a.b-c_9"))
        #expect(!UserDirectory.isValidUsername(""))
        #expect(!UserDirectory.isValidUsername("Alice"))
        #expect(!UserDirectory.isValidUsername(String(repeating: "a", count: 65)))
    }

    @Test("command-line options parse, and bad ones are refused")
    func options() throws {
        let options = try ServerOptions(parsing: ["--data", "d.json", "--users", "u.json", "--access-ttl", "60"])
        #expect(options.dataPath == "d.json")
        #expect(options.usersPath == "u.json")
        #expect(options.accessTokenLifetime == 60)
        let bad: [([String], CommandLineError.Code)] = [
            (["--data"], .missingValue), (["--access-ttl", "0"], .invalidValue),
            (["--refresh-ttl", "x"], .invalidValue),
            (["--nope"], .unknownOption), (["--users", ""], .missingValue),
            (["--data", "a", "--data", "b"], .repeatedOption),
            (["blog.json"], .unexpectedArgument), (["--demo=yes"], .unexpectedValue),
            (["--signing-alg", "HS256", "--signing-key", "k.pem"], .invalidValue),
            (["--signing-alg", "RS256"], .missingOption), (["--print-jwks"], .missingOption),
            (["--rehash-passwords"], .missingOption),
        ]
        for (arguments, code) in bad {
            #expect(throws: CommandLineError(code, "")) { try ServerOptions(parsing: arguments) }
        }
        #expect(bad.count == 12)
        let inline = try ServerOptions(parsing: ["--issuer=https://a.example", "--signing-key=k.pem", "--print-jwks"])
        #expect(inline.issuer == "https://a.example")
        #expect(inline.signingKeyPath == "k.pem")
        #expect(inline.printJWKS)
    }
}
