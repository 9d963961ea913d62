@testable import KortlaegExport
import Testing

/// The Markdown codebook escapes user text (issue 18, item 7): a label cannot add a link, an
/// image, raw HTML, emphasis or a table cell.
struct CodebookEscapingTests {
    @Test(arguments: [("a|b", "a\\|b"), ("[klik](http://x)", "\\[klik\\](http://x)"), ("<script>", "\\<script\\>"),
                      ("![i](x.png)", "\\!\\[i\\](x.png)"), ("*fed* _kursiv_", "\\*fed\\* \\_kursiv\\_"), ("linje\nto", "linje to"),
                      ("# titel", "\\# titel"), ("-1", "\\-1"), ("=HYPERLINK()", "\\=HYPERLINK()"), ("`kode`", "\\`kode\\`"),
                      ("a\\b", "a\\\\b"), ("Følelser 4–17 år", "Følelser 4–17 år")])
    func escapesMarkdown(text: String, escaped: String) {
        #expect(ReadableCodebookWriter.escapeMarkdown(text) == escaped)
    }
}
