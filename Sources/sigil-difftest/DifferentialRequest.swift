import SigilBase64

/// The operations of the batch protocol.
///
/// Every answer is one line: `ok VALUE` or `err CODE`; a request that cannot be read at all is
/// answered `bad REASON`.
///
/// | request | answer |
/// |---|---|
/// | `b64u-encode BYTES` | `ok ASCII-HEX` |
/// | `b64u-decode ASCII-HEX` | `ok BYTES` or `err CODE` |
/// | `b64-decode ASCII-HEX PAD` (PAD `1` required, `0` forbidden) | `ok BYTES` or `err CODE` |
/// | `sha ALG MESSAGE` (ALG `sha256`, `sha384`, `sha512`) | `ok DIGEST` |
/// | `hmac ALG KEY MESSAGE` | `ok TAG` |
/// | `pbkdf2 ALG PASSWORD SALT ITERATIONS LENGTH` (ALG `sha256`, `sha512`) | `ok KEY` or `err CODE` |
/// | `rsa-verify HASH FORM KEY MESSAGE SIGNATURE` (see `RSARequests`) | `ok 1`, `ok 0` or `err CODE` |
/// | `rsa-pss-verify HASH MGF1HASH SALTLENGTH FORM KEY MESSAGE SIGNATURE` | `ok 1`, `ok 0` or `err CODE` |
/// | `ecdsa-verify CURVE SIGFORM KEYFORM KEY MESSAGE SIGNATURE` (see `CurveRequests`) | `ok 1`, `ok 0` or `err CODE` |
/// | `ed25519-verify KEYFORM KEY MESSAGE SIGNATURE` | `ok 1`, `ok 0` or `err CODE` |
/// | `jwt-verify ALG KIND KEY NOW LEEWAY TOKEN` (see `JWTRequests`) | `ok` or `err CODE` |
struct DifferentialRequest {
    private var rsa = RSARequests()
    private var jwt = JWTRequests()

    /// The answer line for one request line.
    mutating func answer(_ line: String) -> String {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard let operation = fields.first else { return "bad empty" }
        let arguments = Array(fields.dropFirst())
        switch operation {
        case "b64u-encode":
            guard arguments.count == 1, let bytes = HexField.decode(arguments[0]) else { return "bad arguments" }
            return "ok " + HexField.encode(Base64URL.encode(bytes).utf8)
        case "b64u-decode":
            guard arguments.count == 1, let ascii = HexField.decode(arguments[0]) else { return "bad arguments" }
            do {
                return "ok " + HexField.encode(try Base64URL.decode(ascii))
            } catch {
                return "err \(error.code)"
            }
        case "b64-decode":
            guard arguments.count == 2, let ascii = HexField.decode(arguments[0]) else { return "bad arguments" }
            let padding: Base64.Padding = arguments[1] == "1" ? .required : .forbidden
            do {
                return "ok " + HexField.encode(try Base64.decode(ascii, padding: padding))
            } catch {
                return "err \(error.code)"
            }
        case "sha":
            return HashRequests.digest(arguments)
        case "hmac":
            return HashRequests.authenticationCode(arguments)
        case "pbkdf2":
            return HashRequests.derivedKey(arguments)
        case "rsa-verify":
            return rsa.verify(arguments)
        case "rsa-pss-verify":
            return rsa.verifyPSS(arguments)
        case "ecdsa-verify":
            return CurveRequests.verifyECDSA(arguments)
        case "ed25519-verify":
            return CurveRequests.verifyEd25519(arguments)
        case "jwt-verify":
            return jwt.verify(arguments)
        default:
            return "bad operation"
        }
    }
}
