/// A stack of values in caller-provided memory (usually stack memory from
/// `withUnsafeTemporaryAllocation`) that moves to the heap, doubling, when it fills up.
///
/// The reader keeps the elements of every open container here and moves each finished
/// container's elements into one exactly sized array, so a small document costs one
/// allocation per container and none for bookkeeping.
struct ScratchStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private var ownsMemory: Bool
    /// The number of elements on the stack.
    private(set) var count = 0

    /// A stack that starts in `buffer`, which must outlive it.
    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        if let start = buffer.baseAddress, buffer.count > 0 {
            base = start
            capacity = buffer.count
            ownsMemory = false
        } else {
            capacity = 16
            base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            ownsMemory = true
        }
    }

    deinit {
        // In bounds: exactly the first `count` elements are initialized.
        base.deinitialize(count: count)
        if ownsMemory { base.deallocate() }
    }

    /// Pushes an element, growing the storage when full.
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        // In bounds: `count < capacity` after the growth above.
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes and returns the top element; the stack must not be empty.
    mutating func pop() -> Element {
        count -= 1
        // In bounds: callers pop only a non-empty stack, so `0 <= count` here.
        return (base + count).move()
    }

    /// The element at `position`, which must be below ``count``.
    func element(at position: Int) -> UnsafeMutablePointer<Element> {
        // In bounds: callers pass `0 <= position < count`.
        base + position
    }

    /// Moves the elements from `start` to the top into a new array, exactly sized.
    mutating func popArray(from start: Int) -> [Element] {
        let length = count - start
        // In bounds: callers pass `start <= count`, so elements `start..<count` are initialized.
        let source = base + start
        // `reserveCapacity` and `append` specialize; `init(unsafeUninitializedCapacity:)`
        // goes through an unspecialized runtime path with a metadata lookup per call.
        var array: [Element] = []
        array.reserveCapacity(length)
        for offset in 0..<length { array.append((source + offset).move()) }
        count = start
        return array
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        // In bounds: `count == capacity < newCapacity`.
        newBase.moveInitialize(from: base, count: count)
        if ownsMemory { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsMemory = true
    }
}
