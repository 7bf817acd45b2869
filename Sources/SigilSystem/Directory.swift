#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removing a directory that a program made for itself and filled with files only, such as
/// a benchmark's or a test's temporary data directory.
package enum Directory {
    /// Removes every entry directly inside `path` (files and symbolic links), then the
    /// directory itself.
    ///
    /// Subdirectories are not descended into, so the directory is left in place if it has
    /// any. Failures are ignored: this is cleanup, and whatever cannot be removed stays.
    ///
    /// - Parameter path: The directory.
    package static func removeFlat(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
