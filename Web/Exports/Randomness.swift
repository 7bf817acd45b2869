// Random bytes straight from the host. The standard library (hashing seeds) and SigilRSA
// (blinding, PSS salts) draw randomness through `arc4random_buf`; wasi-libc's version keeps
// a ChaCha state and, on an internal failure, reports through `__assert_fail`, which links
// printf, stdio and the WASI file imports. Defining `arc4random_buf` here keeps libc's out
// of the link, so the module imports only `random_get`.

/// WASI's `random_get`: fills `count` bytes at `buffer` with cryptographically secure
/// random bytes from the host, returning 0 (WASI `errno` success) or an error number.
@_extern(wasm, module: "wasi_snapshot_preview1", name: "random_get")
@_extern(c)
func wasiRandomGet(_ buffer: UnsafeMutableRawPointer?, _ count: Int) -> UInt16

/// Fills `count` bytes at `buffer` with random bytes from the host's `random_get`.
///
/// Traps if the host reports a failure: returning without random bytes would let a caller
/// use predictable values.
///
/// - Parameters:
///   - buffer: Where to write.
///   - count: How many bytes.
@_cdecl("arc4random_buf")
public func arc4randomBuffer(_ buffer: UnsafeMutableRawPointer?, _ count: Int) {
    guard count > 0 else { return }
    guard wasiRandomGet(buffer, count) == 0 else { preconditionFailure("the host could not supply random bytes") }
}
