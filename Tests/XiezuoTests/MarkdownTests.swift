import Testing
@testable import XiezuoCore
@testable import XiezuoSite

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.html("**示例数据**：见[附件](evidence/a.pdf)。")
                == "<p><strong>示例数据</strong>：见<a href=\"evidence/a.pdf\">附件</a>。</p>\n")
    }

    @Test func rawHTMLAndScriptLinksNeverReachThePage() {
        let html = Markdown.html("<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func narrativePartsOfPlan000() {
        let plan = Bundled.plan("rushan-shizhong-2022")
        #expect(plan.narrativeParts == ["一、工作目标", "二、工作任务", "三、保障措施"])
    }

    @Test func narrativePartsOfPlan002() {
        #expect(Bundled.plan("rugao-yangxian-2021").narrativeParts
                == ["一、指导思想", "二、目标任务", "四、组织保障"])
    }
}

@Suite struct MarkdownImageTests {
    @Test func anImageFromOutsideTheSiteBecomesALinkToIt() {
        #expect(Markdown.html("现场：![照片](http://example.com/x.png \"活动\")")
                == "<p>现场：<a href=\"http://example.com/x.png\" title=\"活动\">照片</a></p>\n")
        #expect(Markdown.html("![照片](//example.com/x.png)") == "<p><a href=\"//example.com/x.png\">照片</a></p>\n")
        // An image kept beside the record stays an image.
        #expect(Markdown.html("![照片](evidence/x.png)") == "<p><img src=\"evidence/x.png\" alt=\"照片\" /></p>\n")
        #expect(Markdown.read("![a](evidence/x.png) ![b](https://example.com/b.png)").externalImages == ["https://example.com/b.png"])
    }

    @Test func checkWarnsAboutAnImageFromOutside() {
        let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let text = TinySite.files[record]! + "\n![现场](http://example.com/x.png)\n"
        let result = TinySite.load(replacing: [record: text])
        #expect(result.errors == [])
        #expect(result.warnings.map(\.description) == [
            "\(record):12:1: warning: the image http://example.com/x.png is outside the site: on the intranet it cannot "
            + "load, and elsewhere it tells another site who reads the page; it is shown as a link. Put the file in evidence/ "
            + "and write its path instead",
        ])
    }
}

@Suite struct MarkdownHeadingTests {
    @Test func headingsMoveBelowTheSectionTheyStandIn() {
        #expect(Markdown.html("# 方案\n\n## 一、工作目标\n\n正文", headingOffset: 2)
                == "<h3>方案</h3>\n<h4>一、工作目标</h4>\n<p>正文</p>\n")
        #expect(Markdown.html("###### 深", headingOffset: 3) == "<h6>深</h6>\n")
        // Safe mode still applies after the tree is changed.
        #expect(!Markdown.html("# t\n\n<script>x</script>", headingOffset: 2).contains("<script"))
    }

    @Test func onlyHeadingTagsMove() {
        // Text that looks like a heading tag is written &lt;h1&gt;, raw HTML is dropped, code
        // keeps its text: none of them moves. A rule (<hr />) is not a heading.
        let text = "## 进展\n\n写了 <h1>标题</h1> 字样\n\n<h2>原样</h2>\n\n    <h3>代码</h3>\n\n---\n\n##### 五级\n"
        #expect(Markdown.html(text, headingOffset: 3) == "<h5>进展</h5>\n<p>写了 <!-- raw HTML omitted -->标题<!-- raw HTML omitted --> 字样</p>\n"
                + "<!-- raw HTML omitted -->\n<pre><code>&lt;h3&gt;代码&lt;/h3&gt;\n</code></pre>\n<hr />\n<h6>五级</h6>\n")
        #expect(Markdown.movingHeadings("<p>&lt;h1&gt;</p>\n<h1>甲</h1>", down: 1) == "<p>&lt;h1&gt;</p>\n<h2>甲</h2>")
        #expect(Markdown.movingHeadings("<h2>乙</h2>\n", down: 0) == "<h2>乙</h2>\n")
        #expect(Markdown.movingHeadings("没有标题 <", down: 2) == "没有标题 <")
    }

    @Test func oneReadingGivesTheHTMLAndWhatWasWrong() {
        let reading = Markdown.read("## 十月\n\n**甲。**乙\n\n增长**。\n\n![图](https://example.com/a.png)")
        #expect(reading.html == "<h2>十月</h2>\n<p><strong>甲。</strong>乙</p>\n<p>增长**。</p>\n<p><a href=\"https://example.com/a.png\">图</a></p>\n")
        #expect(reading.unrenderedBold == [5])
        #expect(reading.externalImages == ["https://example.com/a.png"])
        // A record keeps the HTML of the reading that checked it.
        let record = Bundled.content.plans.lazy.flatMap(\.records).first { $0.note.contains("**") }
        #expect(record.map { $0.noteHTML == Markdown.read($0.note).html } == true)
    }

    @Test func aPlanPageHasOneTopLevelHeading() throws {
        for plan in Bundled.content.plans {
            let path = Routes(content: Bundled.content, taskPages: TaskPage.deserved).plan(plan.id)!
            let html = String(decoding: BundledSite.site.files[path]!, as: UTF8.self)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(plan.id)")
        }
    }
}

/// Bold written the Chinese way, `**…。**正文`, which CommonMark's flanking rule leaves as asterisks.
@Suite struct ChineseBoldTests {
    @Test func boldEndingInChinesePunctuationIsBold() {
        #expect(Markdown.html("1. **实施技能培训工程。**以搭建平台。")
                == "<ol>\n<li><strong>实施技能培训工程。</strong>以搭建平台。</li>\n</ol>\n")
        // Two in one paragraph, one CommonMark pairs itself and one it does not.
        #expect(Markdown.html("**甲。**乙，**丙**丁。") == "<p><strong>甲。</strong>乙，<strong>丙</strong>丁。</p>\n")
        #expect(Markdown.html("“**重点**”工作") == "<p>“<strong>重点</strong>”工作</p>\n")
    }

    @Test func whatIsNotBoldStaysAsWritten() {
        // In a code span, after an opening space, before a closing space, or without a partner.
        #expect(Markdown.html("`**甲。**乙`") == "<p><code>**甲。**乙</code></p>\n")
        #expect(Markdown.html("** 甲。**乙") == "<p>** 甲。**乙</p>\n")
        #expect(Markdown.html("**甲。 **乙") == "<p>**甲。 **乙</p>\n")
        #expect(Markdown.html("增长**。") == "<p>增长**。</p>\n")
        // A pair never spans two paragraphs.
        #expect(Markdown.html("**甲。\n\n**乙") == "<p>**甲。</p>\n<p>**乙</p>\n")
    }

    @Test func checkNamesTheLineOfABoldWithoutPartner() {
        #expect(Markdown.read("**甲。**乙\n\n第二段\n增长**。").unrenderedBold == [4])
        #expect(Markdown.read("**甲。**乙").unrenderedBold == [])
        let record = "content/plans/a-b-2022/progress/2022-06-区教育局.md"
        let text = TinySite.files[record]! + "\n完成**。\n"
        #expect(TinySite.load(replacing: [record: text]).warnings.map(\.description) == [
            "\(record):12:1: warning: a '**' here has no partner in its paragraph, so it shows as two asterisks and "
            + "nothing is bold: write the pair '**…**' around the words to make bold, or remove it",
        ])
    }

    @Test func theBundledPlansShowTheirBoldAndNoAsterisks() throws {
        let html = try #require(BundledSite.html("pairings/rushan-shizhong/2022/index.html"))
        #expect(html.contains("<strong>实施技能培训工程。</strong>以搭建两地对接合作交流平台"))
        #expect(html.contains("<strong>开展妇女儿童协作帮扶。</strong>"))
        #expect(!html.contains("**"))
        #expect(Bundled.content.plans.allSatisfy { Markdown.read($0.narrative).unrenderedBold.isEmpty })
    }
}
