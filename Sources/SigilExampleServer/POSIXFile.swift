#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with a size bound, and crash-safe whole-file replacement.
enum POSIXFile {
    /// Whether a file exists at `path` (any type).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Reads a whole file.
    ///
    /// - Throws: ``DataFileError`` when it cannot be opened or read, or is larger than
    ///   `maxBytes`.
    static func readAll(_ path: String, maxBytes: Int) throws(DataFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DataFileError(path, "cannot open: \(describe(errno))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw DataFileError(path, "cannot read: \(describe(errno))")
            }
            guard bytes.count + count <= maxBytes else {
                throw DataFileError(path, "larger than \(maxBytes) bytes")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Replaces the file at `path` with `bytes` so that a crash at any moment leaves either
    /// the old or the new content, never a mixture or nothing: write a temporary file in the
    /// same directory, `fsync` it, `rename` it over the target, then `fsync` the directory
    /// so the rename itself is durable.
    ///
    /// - Throws: ``DataFileError`` naming the step that failed; the target is then unchanged.
    static func replaceAtomically(_ path: String, with bytes: [UInt8]) throws(DataFileError) {
        let directory = directoryOf(path)
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DataFileError(path, "cannot create temporary file: \(describe(errno))")
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw DataFileError(path, "cannot write: \(describe(code))")
            }
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw DataFileError(path, "cannot flush to disk: \(describe(code))")
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw DataFileError(path, "cannot replace: \(describe(code))")
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Takes an exclusive lock on `dir/.name.lock` for the life of the process, so that two
    /// servers never share one data file (each would overwrite the other's changes). The
    /// lock goes away with the process, however it ends.
    ///
    /// - Returns: The lock file's descriptor; keep it open.
    /// - Throws: ``DataFileError`` when another process holds the lock or the lock file
    ///   cannot be made.
    static func lockExclusively(_ path: String) throws(DataFileError) -> Int32 {
        let lockPath = siblingPath(for: path, suffix: ".lock")
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DataFileError(path, "cannot create \(lockPath): \(describe(errno))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw DataFileError(path, "another sigil-server is using this file") }
            throw DataFileError(path, "cannot lock \(lockPath): \(describe(code))")
        }
        return descriptor
    }

    /// The directory part of a path (`.` for a bare file name).
    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// `dir/.name.tmp`: in the target's directory, so that `rename` is atomic.
    static func temporaryPath(for path: String) -> String {
        siblingPath(for: path, suffix: ".tmp")
    }

    /// `dir/.name<suffix>`, next to `path`.
    static func siblingPath(for path: String, suffix: String) -> String {
        let directory = directoryOf(path)
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        return (directory == "/" ? "" : directory) + "/.\(name)\(suffix)"
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
