import SigilExampleServer
import Testing

/// The one set of command-line rules that `sigil-token` and `sigil-server` share.
@Suite("Command-line rules")
struct CommandLineArgumentsTests {
    static let options: [CommandLineOption] = [.value("user"), .value("role", repeatable: true), .flag("quiet")]

    @Test("--name VALUE and --name=VALUE give a value; a repeatable option keeps every value in order")
    func values() throws {
        let parsed = try CommandLineArguments(
            ["--user", "alice", "--role=admin", "--role", "user", "--quiet"], options: Self.options)
        #expect(parsed.value("user") == "alice")
        #expect(parsed.all("role") == ["admin", "user"])
        #expect(parsed.has("quiet"))
        #expect(!parsed.has("help"))
        #expect(parsed.positionals.isEmpty)
        #expect(parsed.value("missing") == nil)
        #expect(parsed.all("missing").isEmpty)
    }

    @Test("a value may start with a dash, and --name= keeps what follows the first =")
    func dashedValues() throws {
        let parsed = try CommandLineArguments(["--user", "--quiet", "--role=a=b"], options: Self.options)
        #expect(parsed.value("user") == "--quiet")
        #expect(!parsed.has("quiet"))
        #expect(parsed.all("role") == ["a=b"])
    }

    @Test("-h and --help are help; -- ends the options; - alone is a positional")
    func positionals() throws {
        let parsed = try CommandLineArguments(["-h", "a", "-", "--", "--user", "-x"], options: Self.options)
        #expect(parsed.has("help"))
        #expect(parsed.positionals == ["a", "-", "--user", "-x"])
        #expect(parsed.value("user") == nil)
        #expect(try CommandLineArguments(["--help", "--help"], options: []).has("help"))
    }

    @Test("integer values")
    func integers() throws {
        let parsed = try CommandLineArguments(["--user", "-42"], options: Self.options)
        #expect(try parsed.integer("user") == -42)
        #expect(try parsed.integer("role") == nil)
        let text = try CommandLineArguments(["--user", "4x"], options: Self.options)
        #expect(throws: CommandLineError(.invalidValue, "")) { try text.integer("user") }
    }

    static let broken: [([String], CommandLineError.Code)] = [
        (["--nope"], .unknownOption),
        (["--nope=1"], .unknownOption),
        (["-x"], .unknownOption),
        (["-quiet"], .unknownOption),
        (["--user"], .missingValue),
        (["--user", ""], .missingValue),
        (["--user="], .missingValue),
        (["--quiet=yes"], .unexpectedValue),
        (["--user", "a", "--user", "b"], .repeatedOption),
        (["--user=a", "--user=b"], .repeatedOption),
        (["--quiet", "--quiet"], .repeatedOption),
    ]

    @Test("a broken rule is a typed error with its code", arguments: broken)
    func brokenRules(_ arguments: [String], _ code: CommandLineError.Code) {
        #expect(throws: CommandLineError(code, "")) { try CommandLineArguments(arguments, options: Self.options) }
    }

    @Test("every broken rule is checked, and the message names the option")
    func brokenCount() {
        #expect(Self.broken.count == 11)
        do {
            _ = try CommandLineArguments(["--user"], options: Self.options)
            Issue.record("a missing value was accepted")
        } catch {
            #expect(error.reason == "--user needs a value")
            #expect(error.file.hasSuffix("CommandLineArguments.swift"))
        }
    }
}
