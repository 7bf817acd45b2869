import SigilJSON
import SigilMCP

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `close(2)`, out of the way of the store's own names.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }

/// The blog's state and its durable storage: a snapshot (the data file) plus an
/// append-only journal of changes beside it (`FILE.journal`).
///
/// - A change is appended to the journal as one record and `fsync`ed before it is applied
///   and acknowledged, so its cost does not grow with the data: an acknowledged change
///   survives a crash (SIGKILL, power loss) at any moment.
/// - When the journal grows as large as the snapshot (and at least
///   ``compactionThresholdBytes``), at start and at a clean stop, the state is compacted:
///   written as a new snapshot (temporary file, `fsync`, `rename`, `fsync` of the
///   directory) that records the last journal sequence it includes, then the journal is
///   emptied. A crash between the two steps is harmless: records the snapshot includes are
///   skipped on replay.
/// - Recovery at start replays the journal on the snapshot. A torn last record (a write
///   cut short by a crash, never acknowledged) is detected by its length and checksum,
///   dropped and reported on standard error; the server starts. Any other damage stops the
///   server and leaves the files as they are.
/// - The writer enforces ``maximumSnapshotBytes``: a change that would make the snapshot larger
///   is refused before anything is written, so the data file always loads
///   (``maximumReadBytes`` is larger still).
final class BlogStore {
    /// The largest snapshot the writer produces; a change beyond it is refused.
    static let maximumSnapshotBytes = 32 << 20
    /// The largest journal; a change beyond it is refused (compaction normally keeps the
    /// journal far smaller).
    static let maximumJournalBytes = 32 << 20
    /// The largest snapshot or journal read at start.
    static let maximumReadBytes = 64 << 20
    /// The journal is compacted once it is this large and as large as the snapshot.
    static let compactionThresholdBytes = 1 << 20
    /// The journal's name: the data file's plus this.
    static let journalSuffix = ".journal"

    /// The data file, or `nil` for a state kept in memory only.
    let path: String?
    private(set) var state: BlogState
    private var journal: Int32 = -1
    private var lock: Int32 = -1
    private var sequence: Int64 = 0
    private var journalBytes = 0
    private var snapshotBytes = 0
    /// Set when a failed append could not be undone: no further change is accepted.
    private var failed = false
    private let clock: () -> Int64
    /// The snapshot bound this store enforces (``maximumSnapshotBytes`` unless a test lowers it).
    let snapshotLimit: Int

    /// A store kept in memory only.
    init(
        state: BlogState, maximumSnapshotBytes: Int = BlogStore.maximumSnapshotBytes,
        clock: @escaping () -> Int64 = SystemClock.epochSeconds
    ) {
        self.path = nil
        self.state = state
        self.clock = clock
        snapshotLimit = maximumSnapshotBytes
    }

    /// Opens the data file at `path`: locks it, refuses it when others can write to it or
    /// its directory, creates it with the sample posts when missing, replays the journal and
    /// compacts.
    ///
    /// - Parameters:
    ///   - path: The data file.
    ///   - maximumSnapshotBytes: The snapshot bound to enforce.
    ///   - clock: Seconds since the Unix epoch.
    ///   - report: Receives what recovery did (a dropped torn record), for the operator.
    /// - Throws: ``DataFileError`` naming the file and the problem; the files are then left
    ///   as they are.
    init(
        path: String, maximumSnapshotBytes: Int = BlogStore.maximumSnapshotBytes,
        clock: @escaping () -> Int64 = SystemClock.epochSeconds, report: (String) -> Void = { _ in }
    ) throws(DataFileError) {
        self.path = path
        self.clock = clock
        snapshotLimit = maximumSnapshotBytes
        state = BlogState(posts: [], nextPostID: 1)
        try POSIXFile.requirePrivate(path, what: "data file")
        lock = try POSIXFile.lockExclusively(path)
        do throws(DataFileError) {
            let journalPath = path + Self.journalSuffix
            if POSIXFile.exists(path) {
                let bytes = try POSIXFile.readAll(path, maximumBytes: Self.maximumReadBytes)
                (state, sequence) = try BlogState.decode(bytes, path: path)
                snapshotBytes = bytes.count
            } else {
                if POSIXFile.exists(journalPath) {
                    let journalBytes = try POSIXFile.readAll(journalPath, maximumBytes: Self.maximumReadBytes)
                    if !journalBytes.isEmpty {
                        throw DataFileError(path, "missing, but its journal \(journalPath) is not empty")
                    }
                }
                state = BlogState.initial(now: clock())
                let bytes = state.encoded(journalSequence: 0)
                try POSIXFile.replaceAtomically(path, with: bytes)
                snapshotBytes = bytes.count
            }
            journal = try POSIXFile.openAppending(path, suffix: Self.journalSuffix)
            let contents = try Journal.read(
                try POSIXFile.readAll(descriptor: journal, path: journalPath, maximumBytes: Self.maximumReadBytes),
                path: journalPath)
            for entry in contents.entries where entry.sequence > sequence {
                guard entry.sequence == sequence + 1 else {
                    throw DataFileError(
                        journalPath, "record \(entry.sequence) follows \(sequence): the journal has a gap")
                }
                state.apply(entry.operations)
                sequence = entry.sequence
            }
            if contents.droppedByteCount > 0 {
                report(
                    "sigil-server: recovered \(journalPath): dropped a torn last record of "
                        + "\(contents.droppedByteCount) bytes at byte \(contents.validByteCount) (a change cut short "
                        + "by a crash; it was never acknowledged); \(contents.entries.count) records replayed")
                guard ftruncate(journal, off_t(contents.validByteCount)) == 0 else {
                    throw DataFileError(journalPath, "cannot drop the torn record: \(POSIXFile.describe(errno))")
                }
            }
            journalBytes = contents.validByteCount
            try compact()
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    /// Releases the journal and the lock.
    func release() {
        for descriptor in [journal, lock] where descriptor >= 0 { _ = closeDescriptor(descriptor) }
        journal = -1
        lock = -1
    }

    /// Makes a change: checks the size bound, appends it to the journal and `fsync`s (with a
    /// data file), then applies it.
    ///
    /// Compacts when the journal is due.
    ///
    /// - Parameter operations: The change; all of it or nothing is applied.
    /// - Throws: `storage_full` when the change would make the data file larger than
    ///   ``maximumSnapshotBytes``; `internal_error` when it cannot be written. Nothing is
    ///   changed then.
    func commit(_ operations: [StoreOperation]) throws(MCPToolError) {
        let growth = state.storedByteDelta(of: operations)
        if growth > 0, state.storedByteEstimate + growth > snapshotLimit {
            throw MCPToolError(
                .init("storage_full"),
                "The data file would pass its limit of \(snapshotLimit) bytes; nothing was changed. "
                    + "Deleting posts makes room.",
                details: ["limit_bytes": .number(.init(snapshotLimit))])
        }
        if path != nil {
            guard !failed else {
                throw MCPToolError(.internalError, "The data file cannot be written; nothing was changed")
            }
            let record = Journal.record(sequence: sequence + 1, operations: operations)
            guard journalBytes + record.count <= Self.maximumJournalBytes else {
                throw MCPToolError(
                    .init("storage_full"), "The journal is full and cannot be compacted; nothing was changed")
            }
            if let code = POSIXFile.writeAll(journal, record) ?? (fsync(journal) == 0 ? nil : errno) {
                MCPLog.write("sigil-server: could not append to the journal: \(POSIXFile.describe(code))")
                // Take back what part of the record reached the file; if that fails too, stop
                // writing, so that no later record follows a damaged one.
                if ftruncate(journal, off_t(journalBytes)) != 0 || fsync(journal) != 0 { failed = true }
                throw MCPToolError(.internalError, "Could not save the change; nothing was changed")
            }
            sequence += 1
            journalBytes += record.count
        }
        state.apply(operations)
        if path != nil, journalBytes >= max(Self.compactionThresholdBytes, snapshotBytes) {
            do {
                try compact()
            } catch {
                // The change is safe in the journal; compaction is tried again on the next one.
                MCPLog.write("sigil-server: could not compact the data file: \(error)")
            }
        }
    }

    /// Writes the whole state as the snapshot and empties the journal.
    ///
    /// - Throws: ``DataFileError`` when the snapshot cannot be written (the journal is then
    ///   kept) or the journal cannot be emptied.
    func compact() throws(DataFileError) {
        guard let path, journal >= 0 else { return }
        state.prune(now: clock())
        let bytes = state.encoded(journalSequence: sequence)
        try POSIXFile.replaceAtomically(path, with: bytes)
        snapshotBytes = bytes.count
        guard ftruncate(journal, 0) == 0, fsync(journal) == 0 else {
            throw DataFileError(path + Self.journalSuffix, "cannot empty the journal: \(POSIXFile.describe(errno))")
        }
        journalBytes = 0
    }
}
