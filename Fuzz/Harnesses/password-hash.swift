// PHC password-hash strings as read from a users file: PasswordHash(parsing:).
//
// Oracles: parsing never traps; an accepted string is canonical (its `encoded` form is the
// input, byte for byte), and its iteration count is within the documented bounds, so a
// users file can never make a login cost more than maximumIterations HMAC pairs.
import SigilHMAC

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let hash = try? PasswordHash(parsing: text) else { return 0 }
    guard hash.encoded == text else { fatalError("password-hash: accepted a non-canonical string") }
    guard hash.iterations >= PasswordHash.minimumIterations, hash.iterations <= PasswordHash.maximumIterations else {
        fatalError("password-hash: accepted \(hash.iterations) iterations")
    }
    // Verification is cheap only for small counts; keep the fuzzer fast.
    if hash.iterations <= 2_000 { _ = hash.verify(password: "password") }
    return 0
}
