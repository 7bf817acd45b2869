import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

@testable import SigilExampleServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The journaled store: byte limits in the stored form, a total the writer enforces, torn
/// records, replay after compaction, and SIGKILL at any moment.
@Suite("sigil-server: journaled storage under abuse")
struct StorageTests {
    static func post(_ id: Int64, content: String = "text") -> BlogPost {
        BlogPost(id: id, title: "Post \(id)", content: content, author: "alice", authorID: "user_alice", createdAt: 1)
    }

    static func create(_ store: BlogStore, content: String = "text") throws {
        let id = store.state.nextPostID
        try store.commit([.putPost(post(id, content: content)), .setNextPostID(id + 1)])
    }

    @Test("control characters count as the 6 bytes they take stored: a title or text too large stored is refused")
    func storedBytes() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let alice = try ServerHarness.login(server, "alice").token
        // 200 and 4,000 characters (within the character limits), but 6 bytes each stored.
        let control = String(repeating: "\u{01}", count: 200)
        let title = try server.callTool(
            "create_post", arguments: ["title": .string(control), "content": "c", "auth": auth(alice)])
        #expect(title.errorCode == "argument_too_long")
        #expect(title.structured["stored_bytes"] == 1_202)
        let content = try server.callTool(
            "create_post",
            arguments: [
                "title": "t", "content": .string(String(repeating: "\u{01}", count: 4_000)), "auth": auth(alice),
            ])
        #expect(content.errorCode == "argument_too_long")
        let update = try server.callTool(
            "update_post", arguments: ["post_id": 2, "title": .string(control), "content": "c", "auth": auth(alice)])
        #expect(update.errorCode == "argument_too_long")
        // Plain text of the same length is fine.
        let plain = try server.callTool(
            "create_post",
            arguments: [
                "title": .string(String(repeating: "a", count: 200)),
                "content": .string(String(repeating: "b", count: 4_000)),
                "auth": auth(alice),
            ])
        #expect(plain.allowed)
    }

    @Test("the writer refuses a change past the size bound, deletes still work, and the file always loads")
    func totalBound() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/blog.json"
        let store = try BlogStore(path: path, maximumSnapshotBytes: 64 * 1024)
        let content = String(repeating: "\u{01}", count: 2_000)  // 12,000 bytes stored
        var refused: MCPToolError?
        for _ in 0..<20 {
            do throws(MCPToolError) {
                let id = store.state.nextPostID
                try store.commit([.putPost(Self.post(id, content: content)), .setNextPostID(id + 1)])
            } catch {
                refused = error
                break
            }
        }
        let error = try #require(refused)
        #expect(error.code == MCPToolError.Code("storage_full"))
        let count = store.state.posts.count
        #expect(count > 3 && count < 20)
        try store.commit([.deletePost(id: 1)])
        try store.compact()
        store.release()
        let snapshot = try #require(ServerHarness.readFile(path))
        #expect(snapshot.count <= 64 * 1024)
        let reopened = try BlogStore(path: path, maximumSnapshotBytes: 64 * 1024)
        defer { reopened.release() }
        #expect(reopened.state.posts.count == count - 1)
    }

    @Test("a change costs one journal record, whatever the size of the blog; the snapshot is not rewritten")
    func appendOnly() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/blog.json"
        let store = try BlogStore(path: path)
        defer { store.release() }
        let snapshot = try #require(ServerHarness.readFile(path))
        var sizes: [Int] = []
        for _ in 0..<300 {
            let before = ServerHarness.readFile(path + ".journal")?.count ?? 0
            try Self.create(store)
            sizes.append((ServerHarness.readFile(path + ".journal")?.count ?? 0) - before)
        }
        #expect(ServerHarness.readFile(path) == snapshot)
        // Records differ only by the digits of their ids, next ids and sequence numbers.
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 10)
        #expect(store.state.posts.count == 303)
    }

    @Test(
        "a torn last record is dropped and reported; the server starts with every complete change",
        arguments: ["prefix", "bad checksum", "zeros"])
    func tornRecord(kind: String) throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/blog.json"
        let store = try BlogStore(path: path)
        for _ in 0..<3 { try Self.create(store) }
        store.release()  // like a crash: no compaction
        var journal = try #require(ServerHarness.readFile(path + ".journal"))
        let record = Journal.record(sequence: 4, operations: [.putPost(Self.post(7)), .setNextPostID(8)])
        switch kind {
        case "prefix": journal += record.prefix(record.count / 2)
        case "bad checksum": journal += record.dropLast() + [record[record.count - 1] ^ 1]
        default: journal += [UInt8](repeating: 0, count: 100)
        }
        try ServerHarness.writeBytes(path + ".journal", journal)
        var reports: [String] = []
        let recovered = try BlogStore(path: path, report: { reports.append($0) })
        defer { recovered.release() }
        #expect(recovered.state.posts.map(\.id) == [1, 2, 3, 4, 5, 6])
        try #require(reports.count == 1)
        #expect(reports[0].contains("dropped a torn last record"))
        // Compacted at start: the journal is empty and the next change goes on cleanly.
        #expect(ServerHarness.readFile(path + ".journal") == [])
        try Self.create(recovered)
        #expect(recovered.state.posts.last?.id == 7)
    }

    @Test("damage followed by more records is not a torn write: the server refuses to start and changes nothing")
    func corruptMiddle() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/blog.json"
        let store = try BlogStore(path: path)
        for _ in 0..<3 { try Self.create(store) }
        store.release()
        var journal = try #require(ServerHarness.readFile(path + ".journal"))
        journal[10] ^= 0xFF
        try ServerHarness.writeBytes(path + ".journal", journal)
        let snapshot = ServerHarness.readFile(path)
        #expect(throws: DataFileError.self) { _ = try BlogStore(path: path) }
        #expect(ServerHarness.readFile(path + ".journal") == journal)
        #expect(ServerHarness.readFile(path) == snapshot)
    }

    @Test("records the snapshot already holds are skipped on replay (a crash between compaction's two steps)")
    func replayAfterCompaction() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/blog.json"
        let store = try BlogStore(path: path)
        for _ in 0..<2 { try Self.create(store) }
        let journal = try #require(ServerHarness.readFile(path + ".journal"))
        try store.compact()
        store.release()
        try ServerHarness.writeBytes(path + ".journal", journal)  // the journal was never emptied
        let reopened = try BlogStore(path: path)
        defer { reopened.release() }
        #expect(reopened.state.posts.map(\.id) == [1, 2, 3, 4, 5])
        #expect(reopened.state.nextPostID == 6)
    }

    @Test("SIGKILL during writes, many times over: no acknowledged post is ever lost")
    func killRepeatedly() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        let token = try ServerHarness.strictToken(user: "alice", roles: ["user"])
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let server = try ServerHarness.session(["--data", data])
            let burst = 40
            var lines = ""
            for index in 0..<burst {
                let message: JSONValue = [
                    "jsonrpc": "2.0", "id": .number(JSONNumber(index)), "method": "tools/call",
                    "params": [
                        "name": "create_post",
                        "arguments": ["title": .string("r\(round)-\(index)"), "content": "x", "auth": auth(token)],
                    ],
                ]
                lines += message.serialized() + "\n"
            }
            try server.sendRaw(Array(lines.utf8))
            let waitFor = Int.random(in: 0...burst, using: &generator)
            var answered = 0
            while answered < waitFor, let line = try server.receiveLine() {
                let response = try JSONValue.parse(line)
                #expect(response["result"]?["isError"] == false, "\(line)")
                if let title = response["result"]?["structuredContent"]?["post"]?["title"]?.stringValue {
                    acknowledged.append(title)
                }
                answered += 1
            }
            server.send(signal: SIGKILL)
            #expect(server.waitForExit() == 128 + SIGKILL)
        }
        let restarted = try ServerHarness.session(["--data", data])
        defer { ServerHarness.finish(restarted) }
        let titles = Set(try ServerHarness.allPosts(restarted, token: token).compactMap { $0["title"]?.stringValue })
        for title in acknowledged { #expect(titles.contains(title), "lost \(title)") }
        #expect(acknowledged.count > 0)
    }

    @Test("list_posts pages with a cursor through every post; an oversized limit is clamped and said so")
    func paging() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let alice = try ServerHarness.login(server, "alice").token
        for index in 0..<7 {
            #expect(
                try server.callTool(
                    "create_post", arguments: ["title": .string("p\(index)"), "content": "c", "auth": auth(alice)]
                ).allowed)
        }
        let clamped = try server.callTool("list_posts", arguments: ["limit": 1000, "auth": auth(alice)])
        #expect(clamped.allowed)
        #expect(clamped.structured["limit"] == 100)
        #expect(clamped.structured["limit_clamped"] == true)
        #expect(clamped.structured["posts"]?.arrayValue?.count == 10)
        #expect(clamped.structured["next_cursor"] == .null)

        var ids: [Int64] = []
        var cursor: JSONValue = .null
        var pages = 0
        repeat {
            let page = try server.callTool(
                "list_posts", arguments: ["limit": 3, "cursor": cursor, "auth": auth(alice)])
            try #require(page.allowed)
            #expect(page.structured["limit_clamped"] == nil)
            ids += page.structured["posts"]?.arrayValue?.compactMap { $0["id"]?.numberValue?.int64Value } ?? []
            cursor = page.structured["next_cursor"] ?? .null
            pages += 1
        } while cursor != .null && pages < 10
        #expect(ids == Array(1...10))
        #expect(pages == 4)
        let bad = try server.callTool("list_posts", arguments: ["cursor": "nonsense", "auth": auth(alice)])
        #expect(bad.errorCode == "argument_out_of_range")
        let schema = try server.request("tools/list")["result"]?["tools"]?.arrayValue?
            .first { $0["name"] == "list_posts" }
        #expect(schema?["inputSchema"]?["properties"]?["cursor"] != nil)
        #expect(schema?["description"]?.stringValue?.contains("clamped") == true)
    }
}

extension ServerHarness {
    static func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
    }
}
