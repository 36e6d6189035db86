import Foundation
import Testing
@testable import XiezuoCore

/// A unit's identity keys the engine's tables: it must be the same unit however its name's
/// characters were encoded, and two units must never be taken for one.
@Suite struct UnitIdentityTests {
    /// 豈 as a CJK compatibility ideograph (U+F900), which some input methods and converted
    /// documents give, and as the unified ideograph (U+8C48) it stands for.
    static let compatibility = UnitID(region: "wanyuan", name: "\u{F900}山镇")
    static let unified = UnitID(region: "wanyuan", name: "\u{8C48}山镇")

    @Test func namesThatAreTheSameTextAreOneUnitWhateverTheirEncoding() {
        #expect(Self.compatibility == Self.unified)
        #expect(Self.compatibility.hashValue == Self.unified.hashValue)
        // é written as one character and as e with an accent after it.
        let composed = UnitID(region: "r", name: "caf\u{E9}"), decomposed = UnitID(region: "r", name: "cafe\u{301}")
        #expect(composed == decomposed)
        let owners: [UnitID: Int] = [Self.compatibility: 3, composed: 7]
        #expect(owners[Self.unified] == 3)
        #expect(owners[decomposed] == 7)
        #expect(Set([Self.compatibility, Self.unified, composed, decomposed]).count == 2)
    }

    @Test func theSameNameInTwoRegionsOrTwoNamesInOneAreTwoUnits() {
        let putuo = UnitID(region: "putuo", name: "区商务局"), wanyuan = UnitID(region: "wanyuan", name: "区商务局")
        #expect(putuo != wanyuan)
        #expect(UnitID(region: "putuo", name: "区商务局") != UnitID(region: "putuo", name: "区教育局"))
        // A region and a name that run together the same way are still two units.
        #expect(UnitID(region: "ab", name: "c") != UnitID(region: "a", name: "bc"))
        #expect(Set([putuo, wanyuan, UnitID(region: "putuo", name: "区商务局")]).count == 2)
    }

    @Test func anIdentityIsWrittenAsItsRegionAndNameAndReadBackTheSame() throws {
        let data = try JSONEncoder().encode(Self.unified)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object == ["region": "wanyuan", "name": "\u{8C48}山镇"])
        let read = try JSONDecoder().decode(UnitID.self, from: data)
        #expect(read == Self.unified)
        #expect(read.hashValue == Self.compatibility.hashValue)
    }
}
