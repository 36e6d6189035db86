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
        #expect(Markdown.externalImages("![a](evidence/x.png) ![b](https://example.com/b.png)") == ["https://example.com/b.png"])
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

    @Test func aPlanPageHasOneTopLevelHeading() throws {
        for plan in Bundled.content.plans {
            let path = Routes(content: Bundled.content, taskPages: TaskPage.deserved).plan(plan.id)!
            let html = String(decoding: BundledSite.site.files[path]!, as: UTF8.self)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(plan.id)")
        }
    }
}
