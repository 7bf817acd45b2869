import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

/// The JSON-RPC resource limits at their defaults, each at the boundary and one past it
/// (issue #8): line length 1 MiB, nesting depth 32, batch size 256.
@Suite("JSON-RPC resource limits")
struct MCPResourceLimitTests {
    /// The answers of a fresh server with default limits to `lines`, each sent with a newline.
    private func answers(_ lines: [String]) throws -> [JSONValue] {
        var server = MCPServer(info: MCPServerInfo(name: "limits", version: "1.0.0"))
        var transport = MCPMemoryTransport(chunks: lines.map { Array(($0 + "\n").utf8) })
        server.run(on: &transport)
        return try transport.sentMessages.map { try JSONValue.parse($0) }
    }

    /// A ping line of exactly `byteCount` bytes, padded inside `params._meta`.
    private func ping(id: Int, byteCount: Int) -> String {
        let head = #"{"jsonrpc":"2.0","id":\#(id),"method":"ping","params":{"_meta":{"pad":""#
        let tail = #""}}}"#
        return head + String(repeating: "a", count: byteCount - head.utf8.count - tail.utf8.count) + tail
    }

    /// A ping whose `params._meta.x` holds `arrays` nested arrays: depth 3 + `arrays`.
    private func nestedPing(arrays: Int) -> String {
        #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"_meta":{"x":"#
            + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}}}"
    }

    @Test("the defaults are 1 MiB lines, depth 32 and batches of 256")
    func defaults() {
        let limits = MCPServerLimits()
        #expect(MCPServerLimits.defaultMaximumLineBytes == 1_048_576)
        #expect(limits.maximumLineBytes == 1_048_576)
        #expect(limits.maximumDepth == 32)
        #expect(limits.maximumBatchCount == 256)
    }

    @Test("a line of exactly 1 MiB is served; one byte more is -32600 with id null, and the next line is served")
    func lineLength() throws {
        let exact = ping(id: 1, byteCount: 1_048_576)
        let over = ping(id: 2, byteCount: 1_048_577)
        #expect(exact.utf8.count == 1_048_576 && over.utf8.count == 1_048_577)
        let responses = try answers([exact, over, #"{"jsonrpc":"2.0","id":3,"method":"ping"}"#])
        try #require(responses.count == 3)
        #expect(responses[0]["id"] == 1)
        #expect(responses[0]["result"] == [:])
        #expect(responses[1]["error"]?["code"] == -32600)
        #expect(responses[1]["id"] == .null)
        #expect(responses[2]["id"] == 3)
    }

    @Test("nesting of depth 32 is served; depth 33 is a -32700 parse error")
    func depth() throws {
        let responses = try answers([nestedPing(arrays: 29), nestedPing(arrays: 30)])
        try #require(responses.count == 2)
        #expect(responses[0]["result"] == [:])
        #expect(responses[1]["error"]?["code"] == -32700)
        #expect(responses[1]["id"] == .null)
    }

    @Test("a batch of 256 requests gets 256 answers; 257 is one -32600 error")
    func batchSize() throws {
        func batch(_ count: Int) -> String {
            "[" + (0..<count).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"ping"}"# }.joined(separator: ",") + "]"
        }
        let responses = try answers([batch(256), batch(257)])
        try #require(responses.count == 2)
        #expect(responses[0].arrayValue?.count == 256)
        #expect(responses[1]["error"]?["code"] == -32600)
        #expect(responses[1]["id"] == .null)
    }
}
