import SigilJSON
import SigilMCP
import SigilMCPTesting
import SigilSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Acknowledged-write throughput of a server with `--data`: `create_post` calls, one at a
/// time (each answer means the post is on disk), measured as the blog grows to 100, 1,000
/// and 5,000 posts.
///
/// The figures should stay flat: the cost of a durable write must not grow with the data
/// already stored.
enum WriteBenchmark {
    /// The blog sizes at which the write rate is measured.
    static let levels = [100, 1_000, 5_000]
    /// Calls timed at each level (the ones that bring the blog up to it).
    static let timedCalls = 100

    static func run(extraArguments: [String]) -> Int32 {
        do {
            try measure(extraArguments: extraArguments)
            return 0
        } catch {
            print("sigil-demo --bench-writes: \(error)")
            return 1
        }
    }

    static func measure(extraArguments: [String]) throws(MCPTransportError) {
        var template = Array("/tmp/sigil-bench-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw MCPTransportError(.cannotStart, "cannot make a temporary directory") }
        let directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let data = directory + "/blog.json"
        defer { Directory.removeFlat(directory) }

        let launcher = ServerLauncher.locate()
        let (server, token) = try launcher.startLoggedIn(arguments: ["--data", data] + extraArguments)
        print("server: \(launcher.label)")
        print("workload: tools/call create_post (title 40 bytes, content 500 bytes) with --data \(data), one at a time")
        let content = String(repeating: "Durable writes should not slow down as the blog grows. ", count: 9)
        let prefix =
            #"{"jsonrpc":"2.0","method":"tools/call","params":{"name":"create_post","arguments":{"auth":{"token":"\#(token)"},"title":"Post number "#
        var posts = 3
        var id = 0
        func create() throws(MCPTransportError) {
            id += 1
            let line =
                prefix + String(id) + #" of the write benchmark!","content":""# + content + #""}},"id":"#
                + String(id) + "}\n"
            try server.sendRaw(Array(line.utf8))
            guard let answer = try server.receiveLine() else {
                throw MCPTransportError(.closed, "server closed its output")
            }
            guard answer.hasSuffix(#""isError":false}}"#) else {
                throw MCPTransportError(.unexpectedMessage, "create_post failed: \(answer.prefix(300))")
            }
            posts += 1
        }
        for level in levels {
            let start = max(posts, level - timedCalls)
            while posts < start { try create() }
            let began = ServerBenchmark.nanoseconds()
            let calls = level - posts
            while posts < level { try create() }
            let seconds = Double(ServerBenchmark.nanoseconds() - began) / 1e9
            print(
                "posts \(start)→\(level): \(calls) create_post in \(ServerBenchmark.format(seconds, 3)) s = "
                    + "\(ServerBenchmark.format(Double(calls) / seconds, 0)) writes/s, "
                    + "\(ServerBenchmark.format(seconds * 1000 / Double(calls), 2)) ms per write")
        }
        server.closeInput()
        _ = server.waitForExit()
    }
}
