import SigilJSON
import SigilJWT

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// HS256 and RS256 verifications per second, per call (key and verifier made each time, as
// sigil.wasm does) and with one verifier reused. Uses RFC 7515 A.2's RSA key.

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func measure(_ name: String, _ body: () -> Bool) {
    var count = 0
    let start = monotonicSeconds()
    while monotonicSeconds() - start < 2 {
        guard body() else { fatalError("\(name): a verification failed") }
        count += 1
    }
    print("\(name): \(Int(Double(count) / (monotonicSeconds() - start))) verifications/s")
}

func readVectors() -> JSONValue {
    let path = #filePath.split(separator: "/").dropLast(5).joined(separator: "/") + "/Vectors/rfc/rfc7515_jws.json"
    guard let file = fopen("/" + path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return try! JSONValue.parse(bytes, limits: JSONLimits(maximumBytes: 1 << 22))
}

let rsaKey = readVectors()["tests"]![3]!["key"]!
let publicJWK = rsaKey["jwk"]!.description
let privateJWK = rsaKey["privateJwk"]!.description
let secret = "a-test-secret-that-is-at-least-thirty-two-bytes"
var claims = JWTClaims()
claims.subject = "user_alice"
claims["roles"] = ["admin"]
claims.expiration = 2_000_000_000
let hsToken = try! JWTSigner(key: try! JWTKey.hmac(secret)).sign(claims)
let rsToken = try! JWTSigner(key: try! JWTKey(jwk: privateJWK, algorithm: .rs256)).sign(claims)
var options = JWTValidationOptions()
options.clock = .fixed(1_900_000_000)

measure("native HS256, per call") {
    (try? JWTVerifier(key: try JWTKey.hmac(secret), options: options).verify(hsToken)) != nil
}
measure("native RS256, per call") {
    (try? JWTVerifier(key: try JWTKey(jwk: publicJWK), options: options).verify(rsToken)) != nil
}
let hsVerifier = JWTVerifier(key: try! JWTKey.hmac(secret), options: options)
let rsVerifier = JWTVerifier(key: try! JWTKey(jwk: publicJWK), options: options)
measure("native HS256, one verifier reused") { (try? hsVerifier.verify(hsToken)) != nil }
measure("native RS256, one verifier reused") { (try? rsVerifier.verify(rsToken)) != nil }
