/// Reads which kinds of evidence an assessment requirement (考核要求) asks for, from its words:
/// "提供活动方案、照片、新闻稿等证明材料" asks for documents, photos and news items.
enum EvidenceRequirement {
    private static let keywords: [(Evidence.Kind, [String])] = [
        (.photo, ["照片", "图片"]),
        (.news, ["新闻稿", "报道", "推文"]),
        (.list, ["名单", "花名册"]),
        (.document, ["文件", "方案", "通知", "材料", "资料", "记录", "凭证", "合同", "函", "台账", "明细", "执照", "订单"]),
    ]

    /// The kinds asked for, in a fixed order; a requirement naming none asks for a document.
    static func kinds(_ requirement: String?) -> [Evidence.Kind] {
        guard let requirement else { return [] }
        let found = keywords.filter { _, words in words.contains(where: requirement.containsText) }.map(\.0)
        return found.isEmpty ? [.document] : found
    }
}
