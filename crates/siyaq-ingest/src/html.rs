//! A web page's article: its text without menus, scripts or styles, one block per line, and its
//! title.
//!
//! Scripts, styles and comments are cut out before parsing (their text can hold anything); the
//! page is parsed with `tl`; `nav`, `header`, `footer`, `aside`, `form` and the like are dropped;
//! the first `<article>`, else `<main>`, else `<body>` holds the text. Block elements end lines,
//! entities are decoded, whitespace inside a line is folded.

use crate::decode;

/// What a page yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The article's text, the title on its first line.
    pub text: String,
    /// The page's `<h1>` in the article, else its `<title>`.
    pub title: Option<String>,
    pub encoding: &'static str,
    /// Notes on choices made (where the text and the title came from).
    pub notes: Vec<String>,
}

/// Elements whose text is never the article's.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select",
    "option", "iframe", "svg", "template", "object", "embed", "canvas", "menu", "head", "figure",
    "input", "textarea",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "main",
    "tr",
    "table",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "body",
    "html",
    "center",
    "td",
    "th",
];

/// The article of an HTML page given as bytes.
pub fn article(bytes: &[u8]) -> Result<Page, String> {
    let label = if std::str::from_utf8(bytes).is_ok() {
        None
    } else {
        meta_charset(bytes)
    };
    let decoded = decode::decode(bytes, label.as_deref()).or_else(|e| match label {
        Some(_) => decode::decode(bytes, None),
        None => Err(e),
    })?;
    let mut page = article_of(&decoded.text)?;
    page.encoding = decoded.encoding;
    Ok(page)
}

/// The charset a page declares: `<meta charset="…">` or `content="text/html; charset=…"`.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes
        .iter()
        .take(4096)
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// `text` with every `<name …>…</name>` of the given names and every comment cut out.
fn strip_raw(text: &str, names: &[&str]) -> String {
    let lower = text.to_ascii_lowercase(); // ASCII case only: byte offsets are kept
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let next = lower[at..].find('<').map(|i| at + i);
        let Some(open) = next else {
            out.push_str(&text[at..]);
            break;
        };
        out.push_str(&text[at..open]);
        let rest = &lower[open..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| open + i + 3).unwrap_or(text.len())
        } else if let Some(name) = names.iter().find(|n| {
            rest[1..].starts_with(**n)
                && rest[1 + n.len()..]
                    .starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
        }) {
            let close = format!("</{name}");
            rest.find(&close)
                .map(|i| open + i + close.len())
                .map(|i| lower[i..].find('>').map_or(text.len(), |j| i + j + 1))
                .unwrap_or(text.len())
        } else {
            out.push('<');
            open + 1
        };
        out.push(' ');
        at = end;
    }
    out
}

/// The article of a page's text.
pub fn article_of(text: &str) -> Result<Page, String> {
    let cleaned = strip_raw(text, &["script", "style", "noscript", "template", "svg"]);
    let dom =
        tl::parse(&cleaned, tl::ParserOptions::default()).map_err(|e| format!("not HTML: {e}"))?;
    let parser = dom.parser();
    let mut notes = Vec::new();
    let find = |name: &str| {
        dom.children()
            .iter()
            .find_map(|h| find_tag(parser, *h, name))
    };
    let (root, from) = match find("article") {
        Some(h) => (vec![h], "<article>"),
        None => match find("main") {
            Some(h) => (vec![h], "<main>"),
            None => match find("body") {
                Some(h) => (vec![h], "<body>"),
                None => (dom.children().to_vec(), "the whole page"),
            },
        },
    };
    let mut out = String::new();
    for h in &root {
        text_of(parser, *h, &mut out);
    }
    let mut lines: Vec<String> = out
        .split('\n')
        .map(fold_spaces)
        .filter(|l| !l.is_empty())
        .collect();
    let h1 = root
        .iter()
        .find_map(|h| find_tag(parser, *h, "h1"))
        .map(|h| inner(parser, h));
    let title_tag = dom
        .children()
        .iter()
        .find_map(|h| find_tag(parser, *h, "title"))
        .map(|h| inner(parser, h));
    let title = match (
        h1.filter(|t| !t.is_empty()),
        title_tag.filter(|t| !t.is_empty()),
    ) {
        (Some(h1), _) => Some(h1),
        (None, Some(title)) => {
            notes.push("the title is the page's <title>: the article has no <h1>".to_string());
            Some(title)
        }
        (None, None) => None,
    };
    if let Some(title) = &title
        && lines.first() != Some(title)
    {
        lines.retain(|l| l != title);
        lines.insert(0, title.clone());
    }
    if lines.is_empty() {
        return Err("the page has no text".into());
    }
    if from != "<article>" {
        notes.push(format!(
            "the text is the page's {from}: it has no <article>"
        ));
    }
    Ok(Page {
        text: lines.join("\n"),
        title,
        encoding: "UTF-8",
        notes,
    })
}

fn tag_name(tag: &tl::HTMLTag) -> String {
    tag.name().as_utf8_str().to_ascii_lowercase()
}

/// The first element named `name` at or under `handle`, outside dropped elements.
fn find_tag(parser: &tl::Parser, handle: tl::NodeHandle, name: &str) -> Option<tl::NodeHandle> {
    let tl::Node::Tag(tag) = handle.get(parser)? else {
        return None;
    };
    let own = tag_name(tag);
    if own == name {
        return Some(handle);
    }
    if DROPPED.contains(&own.as_str()) && name != "title" {
        return None;
    }
    tag.children()
        .top()
        .iter()
        .find_map(|h| find_tag(parser, *h, name))
}

fn inner(parser: &tl::Parser, handle: tl::NodeHandle) -> String {
    let mut out = String::new();
    if let Some(tl::Node::Tag(tag)) = handle.get(parser) {
        for h in tag.children().top().iter() {
            text_of(parser, *h, &mut out);
        }
    }
    fold_spaces(&out.replace('\n', " "))
}

fn text_of(parser: &tl::Parser, handle: tl::NodeHandle, out: &mut String) {
    match handle.get(parser) {
        Some(tl::Node::Raw(bytes)) => {
            let raw = bytes.as_utf8_str();
            out.push_str(&decode_entities(&raw.replace(['\n', '\r', '\t'], " ")));
        }
        Some(tl::Node::Tag(tag)) => {
            let name = tag_name(tag);
            if DROPPED.contains(&name.as_str()) {
                return;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                out.push('\n');
            }
            for h in tag.children().top().iter() {
                text_of(parser, *h, out);
            }
            if block {
                out.push('\n');
            }
        }
        _ => {}
    }
}

fn fold_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `&amp;`, `&#1605;`, `&#x645;` and the named entities press pages use.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(if c == '\0' { '\u{FFFD}' } else { c });
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "rlm" => '\u{200F}',
        "lrm" => '\u{200E}',
        "copy" => '©',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>موسكو تستضيف محادثات - موقع الأخبار</title><style>p { color: red; }</style>
<script>var a = 1 < 2 && "</p>"; document.write("<div>لا</div>");</script></head>
<body><header><nav><ul><li>الرئيسية</li><li>سياسة</li></ul></nav></header>
<main><article><h1>موسكو   تستضيف محادثات</h1><p>قال الكرملين إن &laquo;المحادثات&raquo; بدأت&nbsp;اليوم.<br>وأضاف أن الوفد وصل.</p>
<!-- <p>تعليق</p> --><aside>اقرأ أيضا</aside><p>الأمم المتحدة &amp; أوكرانيا &#1605;&#x0645;</p></article></main>
<footer>حقوق النشر</footer></body></html>"#;

    #[test]
    fn the_article_without_its_surroundings() {
        let page = article_of(PAGE).unwrap();
        assert_eq!(
            page.text,
            "موسكو تستضيف محادثات\nقال الكرملين إن «المحادثات» بدأت اليوم.\nوأضاف أن الوفد وصل.\nالأمم المتحدة & أوكرانيا مم"
        );
        assert_eq!(page.title.as_deref(), Some("موسكو تستضيف محادثات"));
        assert!(page.notes.is_empty(), "{:?}", page.notes);
    }

    #[test]
    fn without_article_the_body_and_the_title_tag() {
        let page = article_of("<html><head><title>عنوان الصفحة</title></head><body><nav>قائمة</nav><div>نص المقال</div></body></html>").unwrap();
        assert_eq!(page.text, "عنوان الصفحة\nنص المقال");
        assert_eq!(page.notes.len(), 2);
    }

    #[test]
    fn a_declared_charset_decodes_the_bytes() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>بوتين في موسكو</p></body></html>";
        let bytes = decode::encode(html, "windows-1256");
        assert_eq!(meta_charset(&bytes).as_deref(), Some("windows-1256"));
        let page = article(&bytes).unwrap();
        assert_eq!(
            (page.text.as_str(), page.encoding),
            ("بوتين في موسكو", "windows-1256")
        );
    }

    #[test]
    fn entities_and_empty_pages() {
        assert_eq!(
            decode_entities("a &amp; b &unknown; &#0; &#xZZ; &"),
            "a & b &unknown; \u{FFFD} &#xZZ; &"
        );
        assert!(article_of("<html><body><nav>قائمة</nav></body></html>").is_err());
    }
}
