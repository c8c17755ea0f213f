//! A Word document's text: the paragraphs of its body, one a line.
//!
//! A `.docx` is a zip whose `word/document.xml` holds the body; headers, footers, footnotes and
//! comments live in other parts and are not read, as a press article's text is its body. A
//! paragraph (`<w:p>`) is a line, its runs' text (`<w:t>`) joined; a tab (`<w:tab/>`) is a tab
//! and a break (`<w:br/>`, `<w:cr/>`) a line end. Deleted and moved-away text of tracked
//! changes is left out, and so is the fallback copy Word keeps of a text box for old readers
//! (it would repeat the box). The text then reads as a `.txt` file's would.

use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use crate::archive::{MAX_ENTRY_BYTES, inflate_at_most, megabytes};
use crate::decode;

/// The part that holds the body. Word always writes it there; the package's relationships could
/// name another, which no common writer does.
const BODY_PART: &str = "word/document.xml";

/// WordprocessingML, as Word writes it and in its strict form.
const WORD_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const COMPATIBILITY_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The text of the Word document `bytes`, or why it cannot be had.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| one_line(format!("not a Word document: not a zip archive ({e})")))?;
    let part = zip
        .by_name(BODY_PART)
        .map_err(|_| format!("not a Word document: it has no {BODY_PART}"))?;
    let xml = inflate_at_most(part, MAX_ENTRY_BYTES).map_err(|why| match why {
        Some(why) => one_line(format!("a damaged Word document: {BODY_PART} {why}")),
        None => format!(
            "{BODY_PART} expands to more than {} (a limit against zip bombs)",
            megabytes(MAX_ENTRY_BYTES)
        ),
    })?;
    let text = paragraphs(&xml)?;
    if text.trim().is_empty() {
        return Err("the Word document has no text".into());
    }
    // The checks a text file goes through: no NUL, few control characters, `\n` line ends.
    decode::decode(text.as_bytes(), Some("utf-8")).map(|d| d.text)
}

fn one_line(message: String) -> String {
    message.replace(['\r', '\n'], " ")
}

/// The body's paragraphs, `\n` between them.
fn paragraphs(xml: &[u8]) -> Result<String, String> {
    let xml = utf8(xml)?;
    let broken = |e: &dyn std::fmt::Display, at: u64| {
        one_line(format!(
            "a damaged Word document: {BODY_PART} is not well-formed XML ({e}, at byte {at})"
        ))
    };
    let mut reader = NsReader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut depth = 0usize;
    // Open elements of each kind that matters, and how deep inside left-out content we are.
    let (mut paragraphs, mut runs, mut texts, mut left_out) = (0usize, 0usize, 0usize, 0usize);
    loop {
        let at = reader.buffer_position();
        let (ns, event) = reader.read_resolved_event().map_err(|e| broken(&e, at))?;
        let word = matches!(ns, ResolveResult::Bound(Namespace(n)) if WORD_NS.contains(&n));
        let compatibility =
            matches!(ns, ResolveResult::Bound(Namespace(n)) if n == COMPATIBILITY_NS);
        match event {
            Event::Decl(decl) => {
                if let Some(Ok(encoding)) = decl.encoding() {
                    let encoding = encoding.trim();
                    if !encoding.eq_ignore_ascii_case("utf-8")
                        && !encoding.eq_ignore_ascii_case("utf8")
                    {
                        return Err(format!(
                            "{BODY_PART} declares the encoding {encoding}: only Word documents in UTF-8 are read"
                        ));
                    }
                }
            }
            Event::Start(e) => {
                depth += 1;
                if left_out > 0 {
                    left_out += 1;
                    continue;
                }
                let local = e.local_name();
                match (word, local.as_ref()) {
                    (true, "del" | "moveFrom") => left_out = 1,
                    (false, "Fallback") if compatibility => left_out = 1,
                    (true, "p") => {
                        // A paragraph inside another (a text box's) ends the line it interrupts.
                        if paragraphs > 0 && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                        }
                        paragraphs += 1;
                    }
                    (true, "r") => runs += 1,
                    (true, "t") if runs > 0 => texts += 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if left_out > 0 {
                    left_out -= 1;
                    continue;
                }
                match (word, e.local_name().as_ref()) {
                    (true, "p") => {
                        paragraphs = paragraphs.saturating_sub(1);
                        lines.push(std::mem::take(&mut line));
                    }
                    (true, "r") => runs = runs.saturating_sub(1),
                    (true, "t") => texts = texts.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Empty(e) if left_out == 0 && word => match e.local_name().as_ref() {
                "p" => lines.push(std::mem::take(&mut line)),
                // Outside a run, `tab` is a tab stop's definition and `br` nothing Word writes.
                "tab" if runs > 0 => line.push('\t'),
                "br" | "cr" if runs > 0 => line.push('\n'),
                "noBreakHyphen" if runs > 0 => line.push('-'),
                _ => {}
            },
            Event::Text(e) if left_out == 0 && texts > 0 => line.push_str(&e.xml10_content()),
            Event::CData(e) if left_out == 0 && texts > 0 => line.push_str(&e.xml10_content()),
            Event::GeneralRef(r) if left_out == 0 && texts > 0 => {
                match r.resolve_char_ref().map_err(|e| broken(&e, at))? {
                    Some(c) => line.push(c),
                    None => {
                        let name = r.xml10_content();
                        let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| broken(&format!("unknown entity &{name};"), at))?;
                        line.push_str(resolved);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth > 0 {
        return Err(format!(
            "a damaged Word document: {BODY_PART} ends inside an element (cut short?)"
        ));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

/// The XML as text: UTF-8, its byte-order mark aside; UTF-16 is refused, as Word never writes it.
fn utf8(xml: &[u8]) -> Result<&str, String> {
    let utf16 = xml.starts_with(&[0xFF, 0xFE])
        || xml.starts_with(&[0xFE, 0xFF])
        || xml.get(..2).is_some_and(|two| two.contains(&0));
    if utf16 {
        return Err(format!(
            "{BODY_PART} is in UTF-16: only Word documents in UTF-8 are read"
        ));
    }
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    std::str::from_utf8(xml)
        .map_err(|e| format!("a damaged Word document: {BODY_PART} is not valid UTF-8 ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{inner}<w:sectPr/></w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_runs_tabs_breaks_and_entities() {
        let xml = body(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>عنوان</w:t></w:r><w:r><w:t xml:space="preserve"> المقال</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>أ</w:t><w:tab/><w:t>ب</w:t><w:br/><w:t>&amp;&#x62C;&lt;</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            paragraphs(xml.as_bytes()).unwrap(),
            "عنوان المقال\n\nأ\tب\n&ج<"
        );
    }

    #[test]
    fn tracked_deletions_and_fallbacks_are_left_out() {
        let xml = body(
            r#"<w:p><w:r><w:t>باق</w:t></w:r><w:del><w:r><w:delText>محذوف</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>منقول</w:t></w:r></w:moveFrom></w:p><w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>صندوق</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>صندوق</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        );
        assert_eq!(paragraphs(xml.as_bytes()).unwrap(), "باق\nصندوق\n");
    }

    #[test]
    fn other_encodings_and_broken_xml_are_refused() {
        let latin = body("").replace("UTF-8", "ISO-8859-1");
        assert!(
            paragraphs(latin.as_bytes())
                .unwrap_err()
                .contains("declares the encoding ISO-8859-1")
        );
        let utf16 = crate::decode::encode(&body(""), "utf-16le");
        assert!(paragraphs(&utf16).unwrap_err().contains("UTF-16"));
        let cut = body("<w:p><w:r><w:t>نص</w:t></w:r></w:p>");
        let cut = &cut[..cut.len() - 30];
        assert!(
            paragraphs(cut.as_bytes()).unwrap_err().contains("damaged"),
            "{cut}"
        );
        let crossed = body("<w:p><w:r><w:t>نص</w:r></w:t></w:p>");
        assert!(
            paragraphs(crossed.as_bytes())
                .unwrap_err()
                .contains("not well-formed")
        );
        let entity = body("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>");
        assert!(paragraphs(entity.as_bytes()).unwrap_err().contains("nbsp"));
    }
}
