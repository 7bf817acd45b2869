import SigilSHA2
import SigilSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files the server keeps next to its data: size-bounded reads, crash-safe whole-file
/// replacement, an append-only journal, and the lock.
///
/// Every file the server creates beside the data file is opened relative to a descriptor
/// of its directory with `O_NOFOLLOW` (a symbolic link planted under the name is refused,
/// never followed), and temporary files also with `O_EXCL` under an unpredictable name, so
/// that nobody who can write to the directory can redirect a write to another file.
enum POSIXFile {
    /// Whether a file exists at `path` (any type).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Reads a whole file.
    ///
    /// - Throws: ``DataFileError`` when it cannot be opened or read, or is larger than
    ///   `maximumBytes`.
    static func readAll(_ path: String, maximumBytes: Int) throws(DataFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DataFileError(path, "cannot open: \(describe(errno))") }
        defer { close(descriptor) }
        return try readAll(descriptor: descriptor, path: path, maximumBytes: maximumBytes)
    }

    /// Reads an open file from its start to its end.
    ///
    /// - Throws: ``DataFileError`` when it cannot be read or is larger than `maximumBytes`.
    static func readAll(descriptor: Int32, path: String, maximumBytes: Int) throws(DataFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let offset = off_t(bytes.count)
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw DataFileError(path, "cannot read: \(describe(errno))")
            }
            guard bytes.count + count <= maximumBytes else {
                throw DataFileError(path, "larger than \(maximumBytes) bytes")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Refuses a data file that others could change behind the server's back: the file (when
    /// it exists) and its directory must not be writable by group or others.
    ///
    /// Whoever can write to the directory can replace or plant the files the server keeps
    /// there; whoever can write to the file can rewrite posts and revocations.
    ///
    /// - Throws: ``DataFileError`` saying which one is writable, with its mode and a fix.
    static func requirePrivate(_ path: String, what: String) throws(DataFileError) {
        let directory = directoryOf(path)
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw DataFileError(path, "cannot inspect the directory \(directory): \(describe(errno))")
        }
        if info.st_mode & 0o022 != 0 {
            throw DataFileError(
                path,
                "the directory \(directory) is writable by group or others (mode \(octal(info.st_mode & 0o7777))); "
                    + "anyone who can write there can replace the \(what) or plant files beside it. Refusing to "
                    + "start: run `chmod go-w \(directory)` or keep the \(what) in a private directory")
        }
        if stat(path, &info) == 0, info.st_mode & 0o022 != 0 {
            throw DataFileError(
                path,
                "the \(what) is writable by group or others (mode \(octal(info.st_mode & 0o7777))). Refusing to "
                    + "start: run `chmod go-w \(path)`")
        }
    }

    /// Replaces the file at `path` with `bytes` so that a crash at any moment leaves either
    /// the old or the new content, never a mixture or nothing: write a new temporary file
    /// (`O_CREAT | O_EXCL | O_NOFOLLOW`, random name) in the same directory, `fsync` it,
    /// `rename` it over the target, then `fsync` the directory so the rename itself is
    /// durable.
    ///
    /// - Throws: ``DataFileError`` naming the step that failed; the target is then unchanged.
    static func replaceAtomically(_ path: String, with bytes: [UInt8]) throws(DataFileError) {
        let directory = try openDirectory(of: path)
        defer { close(directory) }
        let name = fileName(path)
        let temporary = "." + name + "." + randomHex(byteCount: 12) + ".tmp"
        let descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DataFileError(path, "cannot create temporary file: \(describe(errno))")
        }
        if let failure = writeAll(descriptor, bytes) ?? (fsync(descriptor) == 0 ? nil : errno) {
            close(descriptor)
            unlinkat(directory, temporary, 0)
            throw DataFileError(path, "cannot write: \(describe(failure))")
        }
        close(descriptor)
        if renameat(directory, temporary, directory, name) != 0 {
            let code = errno
            unlinkat(directory, temporary, 0)
            throw DataFileError(path, "cannot replace: \(describe(code))")
        }
        _ = fsync(directory)
    }

    /// Opens (creating it when missing) an append-only file next to `path`, named
    /// `name + suffix`, refusing symbolic links and anything but a regular file.
    ///
    /// A newly created file's directory entry is made durable.
    ///
    /// - Returns: A descriptor opened for reading and appending.
    /// - Throws: ``DataFileError`` when it cannot be opened.
    static func openAppending(_ path: String, suffix: String) throws(DataFileError) -> Int32 {
        let directory = try openDirectory(of: path)
        defer { close(directory) }
        let name = fileName(path) + suffix
        let existed = faccessat(directory, name, F_OK, AT_SYMLINK_NOFOLLOW) == 0
        let descriptor = openat(directory, name, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DataFileError(path, "cannot open \(name): \(describe(errno))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw DataFileError(path, "\(name) is not a regular file")
        }
        if !existed { _ = fsync(directory) }
        return descriptor
    }

    /// Writes all of `bytes` at the descriptor's position.
    ///
    /// - Returns: `nil` on success, else the `errno` of the failure.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        FileDescriptor.writeAll(bytes, to: descriptor)
    }

    /// Takes an exclusive lock on `dir/.name.lock` for the life of the process, so that two
    /// servers never share one data file (each would overwrite the other's changes).
    ///
    /// The lock goes away with the process, however it ends. The lock file is opened with
    /// `O_NOFOLLOW` and must be a regular file.
    ///
    /// - Returns: The lock file's descriptor; keep it open.
    /// - Throws: ``DataFileError`` when another process holds the lock or the lock file
    ///   cannot be made.
    static func lockExclusively(_ path: String) throws(DataFileError) -> Int32 {
        let directory = try openDirectory(of: path)
        defer { close(directory) }
        let name = "." + fileName(path) + ".lock"
        let descriptor = openat(directory, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DataFileError(path, "cannot create \(name): \(describe(errno))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw DataFileError(path, "\(name) is not a regular file")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw DataFileError(path, "another sigil-server is using this file") }
            throw DataFileError(path, "cannot lock \(name): \(describe(code))")
        }
        return descriptor
    }

    /// A descriptor of the directory that holds `path`.
    static func openDirectory(of path: String) throws(DataFileError) -> Int32 {
        let directory = directoryOf(path)
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DataFileError(path, "cannot open the directory \(directory): \(describe(errno))")
        }
        return descriptor
    }

    /// The directory part of a path (`.` for a bare file name).
    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// `byteCount` bytes from the system's random generator, as hexadecimal.
    static func randomHex(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func octal(_ mode: mode_t) -> String {
        "0" + String(UInt32(mode), radix: 8)
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
