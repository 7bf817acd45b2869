import SigilMCP
import SigilMCPTesting
import Testing

@Suite("Line framing")
struct LineFramerTests {
    private func lines(_ chunks: [String], max: Int = 16) -> [MCPIncomingLine] {
        var transport = MCPMemoryTransport(chunks: chunks.map { Array($0.utf8) }, maximumLineBytes: max)
        var result: [MCPIncomingLine] = []
        while let line = transport.receive() { result.append(line) }
        return result
    }

    private func line(_ text: String) -> MCPIncomingLine { .line(Array(text.utf8)) }

    @Test("lines split across chunks are joined")
    func splitAcrossChunks() {
        #expect(lines(["ab", "c\nde", "f\n", "\n"]) == [line("abc"), line("def"), line("")])
    }

    @Test("a final line without newline is delivered at end of input")
    func unterminatedLastLine() {
        #expect(lines(["one\ntwo"]) == [line("one"), line("two")])
    }

    @Test("a trailing carriage return is dropped")
    func carriageReturn() {
        #expect(lines(["a\r\nb\n"]) == [line("a"), line("b")])
    }

    @Test("a line at the limit is kept, one byte more is discarded and counted")
    func limit() {
        let exact = String(repeating: "x", count: 16)
        #expect(lines([exact + "\n"]) == [line(exact)])
        #expect(lines([exact + "y\nok\n"]) == [.oversized(byteCount: 17), line("ok")])
    }

    @Test("an oversized line spread over many chunks is discarded without being kept")
    func oversizedAcrossChunks() {
        let chunks = Array(repeating: String(repeating: "z", count: 10), count: 100) + ["\nnext\n"]
        #expect(lines(chunks) == [.oversized(byteCount: 1000), line("next")])
    }

    @Test("an oversized unterminated line at end of input is reported")
    func oversizedAtEnd() {
        #expect(lines([String(repeating: "q", count: 40)]) == [.oversized(byteCount: 40)])
    }

    @Test("no input gives no lines")
    func empty() {
        #expect(lines([]).isEmpty)
        #expect(lines([""]).isEmpty)
    }
}
