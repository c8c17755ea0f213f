//! One file of a corpus folder read by its kind: plain text (`.txt`, `.md`), a web page
//! (`.html`, `.htm`), a Word document (`.docx`) or a table (`.csv`, `.tsv`, `.jsonl`). A zip
//! archive (`.zip`) is opened into its files before this ([`crate::archive`]). Any other kind is
//! not read.

use crate::{Source, decode, docx, html, records, sha256_hex};

/// The kinds of file a folder's articles come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Table,
    Docx,
    /// A zip of files of the other kinds.
    Archive,
}

/// The extensions read, for messages.
pub const READ_EXTENSIONS: &str = ".txt, .md, .html, .htm, .docx, .csv, .tsv, .jsonl, .zip";

/// Why a file of another kind is skipped.
pub fn not_an_article() -> String {
    format!("not an article file: only {READ_EXTENSIONS} are read")
}

/// The kind of a file by its name's extension, case aside.
pub fn kind_of(name: &str) -> Option<Kind> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "csv" | "tsv" | "jsonl" => Some(Kind::Table),
        "docx" => Some(Kind::Docx),
        "zip" => Some(Kind::Archive),
        _ => None,
    }
}

/// What a file yields.
#[derive(Debug)]
pub enum Content {
    /// A text, or a page's article: one source; the page's title, if it is a page; notes.
    Text {
        source: Source,
        title: Option<String>,
        notes: Vec<String>,
    },
    Table(records::Table),
}

/// Reads the file `name` given as `bytes`; `label` names its encoding when known.
pub fn read(name: &str, bytes: &[u8], label: Option<&str>) -> Result<Content, String> {
    let sha256 = sha256_hex(bytes);
    match kind_of(name) {
        None => Err(not_an_article()),
        Some(Kind::Text) => {
            let decoded = decode::decode(bytes, label)?;
            let source = Source {
                name: name.to_string(),
                text: decoded.text,
                sha256,
                encoding: decoded.encoding,
            };
            Ok(Content::Text {
                source,
                title: None,
                notes: Vec::new(),
            })
        }
        Some(Kind::Html) => {
            let page = match label {
                Some(label) => {
                    let decoded = decode::decode(bytes, Some(label))?;
                    html::Page {
                        encoding: decoded.encoding,
                        ..html::article_of(&decoded.text)?
                    }
                }
                None => html::article(bytes)?,
            };
            let source = Source {
                name: name.to_string(),
                text: page.text,
                sha256,
                encoding: page.encoding,
            };
            Ok(Content::Text {
                source,
                title: page.title,
                notes: page.notes,
            })
        }
        Some(Kind::Table) => records::read(name, bytes, label).map(Content::Table),
        // The document's own XML says its encoding: a label is not needed.
        Some(Kind::Docx) => Ok(Content::Text {
            source: Source {
                name: name.to_string(),
                text: docx::text(bytes)?,
                sha256,
                encoding: "UTF-8",
            },
            title: None,
            notes: Vec::new(),
        }),
        Some(Kind::Archive) => Err(
            "a zip archive is read for the files in it, not as an article (and not inside another zip)"
                .into(),
        ),
    }
}
