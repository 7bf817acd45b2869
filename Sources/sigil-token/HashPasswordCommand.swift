import SigilExampleServer
import SigilHMAC

/// `sigil-token hash-password`: a PBKDF2 PHC string for a users file.
enum HashPasswordCommand: Subcommand {
    static let name = "hash-password"

    static let help = """
        Usage: sigil-token hash-password [--algorithm pbkdf2-sha256|pbkdf2-sha512] [--iterations N]
                                         < password

        Reads a password from stdin (the first line; its line ending is not part of the
        password) and prints its hash as a PHC string for a sigil-server users file:
          $pbkdf2-sha256$i=600000$<salt>$<hash>

        Options:
          --algorithm A     pbkdf2-sha256 (default) or pbkdf2-sha512.
          --iterations N    The iteration count (default: 600000 for SHA-256, 210000 for
                            SHA-512; accepted range 1000 to 10000000).
          -h, --help        Show this help.

        Example:
          printf '%s\\n' 'correct horse battery staple' | sigil-token hash-password

        Exit status: 0 on success, 2 on a usage error or an empty password.
        """

    static let options: [CommandLineOption] = [.value("algorithm"), .value("iterations")]

    static func run(with parsed: CommandLineArguments) throws(UsageError) -> Int32 {
        guard parsed.positionals.isEmpty else {
            throw usageError("the password is read from stdin, not from arguments")
        }
        let algorithm: PasswordHash.Algorithm
        switch parsed.value("algorithm") ?? "pbkdf2-sha256" {
        case "pbkdf2-sha256": algorithm = .pbkdf2SHA256
        case "pbkdf2-sha512": algorithm = .pbkdf2SHA512
        case let other: throw usageError("unsupported algorithm \(other)")
        }
        let accepted = Int64(PasswordHash.minimumIterations)...Int64(PasswordHash.maximumIterations)
        let iterations = try integer("iterations", in: parsed, within: accepted).map { Int($0) }
        guard let input = SystemIO.readStandardInput() else {
            throw usageError("cannot read the password from stdin")
        }
        var password = Array(input.prefix { $0 != UInt8(ascii: "\n") })
        if password.last == UInt8(ascii: "\r") { password.removeLast() }
        guard !password.isEmpty else { throw usageError("the password is empty") }
        do {
            let hash = try PasswordHash.create(password: password, algorithm: algorithm, iterations: iterations)
            SystemIO.print(hash.encoded)
        } catch {
            throw usageError("cannot hash the password: \(error)")
        }
        return ExitStatus.success
    }
}
