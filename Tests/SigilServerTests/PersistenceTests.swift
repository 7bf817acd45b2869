import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("sigil-server: --data persistence and crash safety")
struct PersistenceTests {
    @Test("posts, revocations and refresh tokens survive a restart")
    func restart() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        let first = try ServerHarness.session(["--data", data])
        let admin = try ServerHarness.login(first, "admin")
        let alice = try ServerHarness.login(first, "alice")
        let created = try first.callTool(
            "create_post", arguments: ["title": "Persisted", "content": "Still here", "auth": auth(alice.token)])
        #expect(created.allowed)
        #expect(try first.callTool("delete_post", arguments: ["post_id": 1, "auth": auth(admin.token)]).allowed)
        #expect(try first.callTool("logout", arguments: ["auth": auth(admin.token)]).allowed)
        #expect(ServerHarness.finish(first) == 0)

        let second = try ServerHarness.session(["--data", data])
        defer { ServerHarness.finish(second) }
        let posts = try second.callTool("list_posts", arguments: ["limit": 100, "auth": auth(alice.token)])
        let titles = posts.structured["posts"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
        #expect(titles == ["Role-Based Access Control", "Secure API Design", "Persisted"])
        #expect(try second.callTool("whoami", arguments: ["auth": auth(admin.token)]).errorCode == "token_revoked")
        let refreshed = try second.callTool("refresh_token", arguments: ["refresh_token": .string(alice.refresh)])
        #expect(refreshed.allowed)
        let next = try second.callTool(
            "create_post",
            arguments: [
                "title": "After restart", "content": "x",
                "auth": auth(try #require(refreshed.structured["token"]?.stringValue)),
            ])
        #expect(next.structured["post"]?["id"] == 5)
    }

    @Test("a missing data file is created with the sample posts")
    func createsFile() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/new.json"
        let server = try ServerHarness.session(["--data", data])
        #expect(ServerHarness.finish(server) == 0)
        let stored = try JSONValue.parse(try #require(ServerHarness.readFile(data)))
        #expect(stored["posts"]?.arrayValue?.count == 3)
        #expect(stored["format"] == "sigil-server-data")
    }

    @Test(
        "a corrupt data file stops the server with a clear error and is left untouched",
        arguments: [
            "{not json", "", "[]", #"{"format":"something-else","version":1}"#,
            #"{"format":"sigil-server-data","version":1,"next_post_id":2,"posts":[{"id":"1"}],"revoked_tokens":[],"revoked_sessions":[],"refresh_tokens":[],"counters":{"tokens_issued":0,"tokens_revoked":0}}"#,
            #"{"format":"sigil-server-data","version":9}"#,
        ])
    func corrupt(content: String) throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        try ServerHarness.writeFile(data, content)
        let server = try ServerHarness.start(["--data", data])
        server.closeInput()
        #expect(server.waitForExit() == 1)
        let message = server.capturedStandardError()
        #expect(message.contains("cannot start: data file"))
        #expect(message.contains(data))
        #expect(ServerHarness.readFile(data) == Array(content.utf8))
    }

    @Test("a second server on the same data file is refused while the first runs")
    func exclusive() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        let first = try ServerHarness.session(["--data", data])
        let second = try ServerHarness.start(["--data", data])
        second.closeInput()
        #expect(second.waitForExit() == 1)
        #expect(second.capturedStandardError().contains("another sigil-server is using this file"))
        #expect(ServerHarness.finish(first) == 0)
        let third = try ServerHarness.session(["--data", data])
        #expect(ServerHarness.finish(third) == 0)
    }

    @Test("an unreadable data file (a directory) stops the server")
    func unreadable() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let notAFile = directory + "/blog.json"
        try #require(mkdir(notAFile, 0o700) == 0)
        defer { rmdir(notAFile) }
        let server = try ServerHarness.start(["--data", notAFile])
        server.closeInput()
        #expect(server.waitForExit() == 1)
        #expect(server.capturedStandardError().contains("cannot start"))
    }

    @Test("SIGKILL in the middle of a burst of writes: no acknowledged change lost, file intact")
    func killDuringBurst() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        let server = try ServerHarness.session(["--data", data])
        let alice = try ServerHarness.login(server, "alice").token
        let burst = 200
        for index in 0..<burst {
            let params: JSONValue = [
                "name": "create_post",
                "arguments": ["title": .string("Burst \(index)"), "content": "x", "auth": auth(alice)],
            ]
            let message: JSONValue = [
                "jsonrpc": "2.0", "id": .number(JSONNumber(1000 + index)), "method": "tools/call", "params": params,
            ]
            try server.send(message.serialized())
        }
        var acknowledged: [String] = []
        while acknowledged.count < burst / 2, let line = try server.receiveLine() {
            let response = try JSONValue.parse(line)
            #expect(response["result"]?["isError"] == false)
            if let title = response["result"]?["structuredContent"]?["post"]?["title"]?.stringValue {
                acknowledged.append(title)
            }
        }
        server.send(signal: SIGKILL)
        #expect(server.waitForExit() == 128 + SIGKILL)
        #expect(acknowledged.count == burst / 2)

        // The acknowledged changes are in the snapshot or the journal; a restart replays both.
        let restarted = try ServerHarness.session(["--data", data])
        defer { ServerHarness.finish(restarted) }
        let storedTitles = Set(
            try ServerHarness.allPosts(restarted, token: alice).compactMap { $0["title"]?.stringValue })
        for title in acknowledged { #expect(storedTitles.contains(title), "lost \(title)") }
        let list = try restarted.callTool("list_posts", arguments: ["limit": 100, "auth": auth(alice)])
        #expect(list.allowed)
        let total = try #require(list.structured["total"]?.numberValue?.int64Value)
        #expect(total >= Int64(3 + acknowledged.count))
        #expect(
            try restarted.callTool("create_post", arguments: ["title": "after", "content": "x", "auth": auth(alice)])
                .allowed)
    }
}
