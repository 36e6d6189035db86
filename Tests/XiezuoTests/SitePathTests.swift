import Foundation
import PropertyBased
import Testing
@testable import XiezuoSite

@Suite struct SitePathTests {
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    @Test func segmentsAreEncodedAsFoundationEncodesThem() async {
        let alphabet = Array("aZ09-._~ %/#?&区教育局（）·😀é\u{3000}")
        await propertyCheck(count: 500, input: Gen.int(in: 0...12), Gen.int(in: 0...Int.max)) { length, seed in
            var state = UInt64(truncatingIfNeeded: seed)
            let text = String((0..<length).map { _ -> Character in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return alphabet[Int(state >> 33) % alphabet.count]
            })
            #expect(SitePath.encode(text) == text.addingPercentEncoding(withAllowedCharacters: Self.unreserved), "\(text)")
        }
    }

    @Test func linksClimbToTheRootAndEncodeEachSegment() {
        let from = SitePath.page("tasks", "plan-1", "3")
        #expect(from.link(to: SitePath.page("units", "h1", "区教育局"))
                == "../../../units/h1/%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80/index.html")
        // Through the root even to a neighbour: the same link from every page at this depth.
        #expect(from.link(to: SitePath.page("tasks", "plan-1", "4")) == "../../../tasks/plan-1/4/index.html")
        #expect(SitePath.page().link(to: SitePath.file("assets", "style.css")) == "assets/style.css")
    }
}
