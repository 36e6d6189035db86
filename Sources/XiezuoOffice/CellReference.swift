/// A cell's address, "B12": column B (index 1), row 12.
struct CellReference: Equatable {
    let column: Int
    let row: Int

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    init?(_ text: String) {
        var column = 0
        var digits = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 65...90 where digits.isEmpty: column = column * 26 + Int(scalar.value - 64)
            case 97...122 where digits.isEmpty: column = column * 26 + Int(scalar.value - 96)
            case 48...57: digits.unicodeScalars.append(scalar)
            case 36: continue  // $A$1
            default: return nil
            }
        }
        guard column > 0, column <= 16_384, let row = Int(digits), row > 0, row <= 1_048_576 else { return nil }
        self.column = column - 1
        self.row = row
    }

    /// "A2:C5" → its two corners.
    static func range(_ text: String) -> (CellReference, CellReference)? {
        let parts = text.split(separator: ":").map(String.init)
        guard let first = parts.first.flatMap(CellReference.init) else { return nil }
        guard parts.count == 2, let last = CellReference(parts[1]) else { return parts.count == 1 ? (first, first) : nil }
        return (first, last)
    }

    var name: String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters + String(row)
    }
}

extension Array where Element: Comparable {
    /// The index of the first element for which `belongs` is false, the array being ordered so
    /// that it is true for a prefix (binary search).
    func partitionPoint(_ belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
