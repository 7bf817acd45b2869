#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// sigil-token: generate, verify and decode JWTs, and hash passwords for a users file.

let topLevelHelp = """
    Usage: sigil-token <command> [options]
           sigil-token --user NAME --role ROLE [...]   (same as `generate`, as the NextMCP example's script)

    Commands:
      generate        Issue a token in the NextMCP example's structure (sub, username, roles,
                      permissions, iat, exp, jti).
      verify          Verify a token; prints {"valid":...} as JSON. Exit 0 valid, 1 invalid.
      decode          Show a token's header and payload WITHOUT verifying it.
      hash-password   Read a password on stdin; print a PBKDF2 hash string for a users file.

    Run `sigil-token <command> --help` for a command's options.

    Secrets: the HMAC secret comes from SIGIL_JWT_SECRET (at least 32 bytes for HS256);
    without it the public demo secret shared with sigil-server is used, with a warning.

    Exit status: 0 success, 1 invalid token, 2 usage or key error.
    """

func run(_ arguments: [String]) -> Int32 {
    let rest = arguments.dropFirst()
    guard let first = rest.first else {
        SystemIO.printError(topLevelHelp)
        return ExitStatus.usage
    }
    do throws(UsageError) {
        switch first {
        case "generate": return try GenerateCommand.run(rest.dropFirst())
        case "verify": return try VerifyCommand.run(rest.dropFirst())
        case "decode": return try DecodeCommand.run(rest.dropFirst())
        case "hash-password": return try HashPasswordCommand.run(rest.dropFirst())
        case "-h", "--help", "help":
            SystemIO.print(topLevelHelp)
            return ExitStatus.success
        default:
            // Compatibility with the NextMCP example's script: options without a command mean `generate`.
            if first.hasPrefix("--") { return try GenerateCommand.run(rest) }
            throw UsageError("unknown command \(first)")
        }
    } catch {
        SystemIO.printError("error: \(error.message)")
        if let command = error.command {
            SystemIO.printError("Run `sigil-token \(command) --help` for usage.")
        } else {
            SystemIO.printError("Run `sigil-token --help` for usage.")
        }
        return ExitStatus.usage
    }
}

exit(run(CommandLine.arguments))
