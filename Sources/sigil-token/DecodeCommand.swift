import SigilBase64
import SigilExampleServer
import SigilJSON

/// `sigil-token decode`: show a token's header and payload without verifying anything.
enum DecodeCommand: Subcommand {
    static let name = "decode"

    static let help = """
        Usage: sigil-token decode TOKEN

        Prints TOKEN's header and payload WITHOUT VERIFYING THE SIGNATURE, so that nobody
        needs to paste tokens into a website. TOKEN may be - to read it from stdin.

        Output (stdout), one JSON object marked unverified:
          {"verified":false,"header":{...},"payload":{...}}
        and a warning on stderr. Never trust what this prints: use `sigil-token verify`.
        To inspect and verify tokens in a browser, offline: Web/sigil-inspector.html in the
        Sigil repository (one self-contained file that makes no network requests).

        Exit status: 0 when the token decodes, 1 when it is malformed, 2 on a usage error.
        """

    static let options: [CommandLineOption] = []

    static func run(with parsed: CommandLineArguments) throws(UsageError) -> Int32 {
        let token = try TokenInput.read(parsed.positionals, command: name)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            SystemIO.printError("error: not a JWS compact serialization (it needs exactly three segments)")
            return ExitStatus.invalidToken
        }
        var decoded: [JSONValue] = []
        for (index, part) in parts.prefix(2).enumerated() {
            let label = index == 0 ? "header" : "payload"
            guard let bytes = try? Base64URL.decode(String(part)) else {
                SystemIO.printError("error: the \(label) is not canonical base64url")
                return ExitStatus.invalidToken
            }
            // A payload that is not JSON (a plain JWS) is shown as a string.
            if let value = try? JSONValue.parse(bytes) {
                decoded.append(value)
            } else if index == 1, let text = String(validating: bytes, as: UTF8.self) {
                decoded.append(.string(text))
            } else {
                SystemIO.printError("error: the \(label) is not valid JSON")
                return ExitStatus.invalidToken
            }
        }
        SystemIO.printError("warning: UNVERIFIED. The signature was not checked; do not trust this content.")
        SystemIO.printJSON([("verified", .bool(false)), ("header", decoded[0]), ("payload", decoded[1])])
        return ExitStatus.success
    }
}
