import SigilBase64
import SigilExampleServer
import SigilJSON
import SigilJWT

/// `sigil-token verify`: verify a token and print the result as one JSON object.
enum VerifyCommand: Subcommand {
    static let name = "verify"

    static let help = """
        Usage: sigil-token verify [--secret-file PATH | --key PATH] [--alg ALG]... [--issuer I]...
                                  [--audience A]... [--leeway SECONDS] [--now UNIX_SECONDS]
                                  [--require CLAIM]... [--type TYP] TOKEN

        Verifies TOKEN (or a token read from stdin when TOKEN is -) and prints one JSON object.
        Whitespace and line endings (LF or CRLF) around the token are trimmed; the library
        itself never trims.
          {"valid":true,"header":{...},"payload":{...}}
          {"valid":false,"error":"<code>","message":"..."}

        Options:
          --secret-file PATH   The HMAC secret, from a file (one trailing newline ignored).
          --key PATH           A public key: PEM (SPKI "PUBLIC KEY" of RSA, EC P-256/P-384/P-521
                               or Ed25519, or PKCS#1 "RSA PUBLIC KEY"), a JWK (RSA, EC, OKP or
                               oct), or a JWK Set; recognised by content.
                               A PEM key accepts tokens without kid or with kid = its RFC 7638
                               thumbprint.
          --alg ALG            An allowed algorithm (repeatable). A secret, a PEM key and a JWK
                               without alg take any listed algorithm of their family; a JWK
                               with alg keeps its own. Without --alg: HS256 for a secret,
                               RS256 for an RSA key (PS256/384/512 need --alg), ES256, ES384
                               or ES512 for an EC key (its curve decides), EdDSA for Ed25519.
          --issuer I           An accepted iss (repeatable); iss is then required.
          --audience A         An accepted aud (repeatable); aud is then required.
          --leeway SECONDS     Clock skew tolerated on exp, nbf and iat (default 60).
          --now UNIX_SECONDS   Validate as if the time were this (default: the system clock).
          --require CLAIM      A claim that must be present (repeatable).
          --type TYP           Pin the header's typ (e.g. JWT).
          --no-exp             Accept tokens without exp.
          --max-token-bytes N  Refuse longer tokens unread (default 16384).
          -h, --help           Show this help.

        Without --secret-file or --key, the secret is SIGIL_JWT_SECRET, else the public demo
        secret (with a warning on stderr).

        Exit status: 0 for a valid token, 1 for an invalid one, 2 on a usage or key error.
        """

    static let options: [CommandLineOption] = [
        .value("secret-file"), .value("key"), .value("alg", repeatable: true), .value("issuer", repeatable: true),
        .value("audience", repeatable: true), .value("leeway"), .value("now"), .value("require", repeatable: true),
        .value("type"), .flag("no-exp"), .value("max-token-bytes"),
    ]

    static func run(with parsed: CommandLineArguments) throws(UsageError) -> Int32 {
        let token = try TokenInput.read(parsed.positionals, command: name)
        var algorithms: [JWTAlgorithm] = []
        for name in parsed.all("alg") { algorithms.append(try algorithm(name, command: self.name)) }

        var options = JWTValidationOptions()
        if !algorithms.isEmpty { options.allowedAlgorithms = Set(algorithms) }
        if !parsed.all("issuer").isEmpty { options.issuers = Set(parsed.all("issuer")) }
        if !parsed.all("audience").isEmpty { options.audiences = Set(parsed.all("audience")) }
        if let leeway = try parsed.integer("leeway", command: name) {
            guard leeway >= 0 else { throw usageError("--leeway cannot be negative") }
            options.leeway = leeway
        }
        if let now = try parsed.integer("now", command: name) { options.clock = .fixed(now) }
        options.requiredClaims = Set(parsed.all("require"))
        options.expectedType = parsed.value("type")
        options.requireExpiration = !parsed.has("no-exp")
        if let limit = try integer("max-token-bytes", in: parsed, within: 1...(1 << 24)) {
            options.maximumTokenBytes = Int(limit)
        }

        let keys = try KeyLoading.verificationKeys(
            keyPath: parsed.value("key"), secretFile: parsed.value("secret-file"), command: name)

        do {
            let verified = try JWTVerifier(keys: keys, options: options).verify(token)
            SystemIO.printJSON([
                ("valid", .bool(true)), ("header", .object(verified.header)),
                ("payload", .object(verified.claims.object)),
            ])
            return ExitStatus.success
        } catch {
            SystemIO.printJSON([
                ("valid", .bool(false)), ("error", .string(error.code.description)), ("message", .string(error.reason)),
            ])
            return ExitStatus.invalidToken
        }
    }

    /// An algorithm by name, in any letter case (`es256`, `EdDSA`), or a usage error listing
    /// the supported ones.
    static func algorithm(_ name: String, command: String) throws(UsageError) -> JWTAlgorithm {
        let supported =
            JWTAlgorithm.hmacAlgorithms + JWTAlgorithm.rsaPKCS1Algorithms + JWTAlgorithm.rsaPSSAlgorithms
            + JWTAlgorithm.ecdsaAlgorithms + JWTAlgorithm.edDSAAlgorithms
        guard let algorithm = supported.first(where: { $0.rawValue.uppercased() == name.uppercased() }) else {
            throw UsageError(
                "unsupported algorithm \(name); use one of " + supported.map(\.rawValue).joined(separator: ", "),
                command: command)
        }
        return algorithm
    }
}

/// Reading the TOKEN argument.
enum TokenInput {
    /// The token from the single positional argument, or from stdin for `-`, trimmed of
    /// surrounding whitespace.
    static func read(_ positionals: [String], command: String) throws(UsageError) -> String {
        guard positionals.count == 1 else {
            throw UsageError(
                positionals.isEmpty ? "TOKEN is required" : "only one TOKEN may be given", command: command)
        }
        var text = positionals[0]
        if text == "-" {
            guard let bytes = SystemIO.readStandardInput() else {
                throw UsageError("cannot read the token from stdin", command: command)
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        // "\r\n" (a CRLF line ending, as Windows tools pipe it) is one Character in Swift.
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
