import Testing
@testable import XiezuoCore

/// Which evidence a requirement (考核要求) asks for, read from its words.
@Suite struct EvidenceRequirementTests {
    /// Requirements as the seed plans write them (乳山—市中 2022), with the kinds worked out by
    /// reading each for the keywords: 照片/图片 photo, 新闻稿/报道/推文 news, 名单/花名册 list,
    /// 通知/文件/方案/材料/资料/… document.
    @Test(arguments: [
        ("提供主要领导出席会议的通知、新闻稿、照片及有效证明材料。", [Evidence.Kind.photo, .news, .document]),
        ("提供机制建设、任务落实，协作督导等文件资料。", [.document]),
        ("提供乳山市—枣庄市市中区协作帮扶宣传报道等有效证明材料。", [.news, .document]),
        ("提供服务活动方案、照片、儿童名单、“微心愿”等证明资料。", [.photo, .list, .document]),
        // Naming no kind asks for a document.
        ("按时完成", [.document]),
    ])
    func kindsAreReadFromTheWords(requirement: String, kinds: [Evidence.Kind]) {
        #expect(EvidenceRequirement.kinds(requirement) == kinds)
    }

    @Test func noRequirementAsksForNothing() {
        #expect(EvidenceRequirement.kinds(nil) == [])
    }

    @Test func textIsFoundByItsBytes() {
        let text = "提供活动方案、照片等"
        #expect(text.containsText("照片"))
        #expect(text.containsText("方案、照"))
        #expect(!text.containsText("图片"))
        #expect(!text.containsText("照片等。"))
        #expect(text.containsText("等"))  // the last character
        #expect(text.containsText(text))
        #expect(text.containsText(""))
        // A part of a longer text, as a Substring.
        #expect(text.dropFirst(2).containsText("活动"))
        #expect(!text.dropFirst(3).containsText("活动"))
    }
}
