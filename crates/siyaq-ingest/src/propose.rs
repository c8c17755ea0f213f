//! A manifest worked out for a folder that has none.
//!
//! The folder is walked in sorted order, hidden files and the corpus's own `corpus.toml` and
//! `entities.toml` aside. Each text file, page or Word document is one document, each record of
//! a table one document; a `.zip` stands for the files in it, named `archive.zip/inner/path`
//! ([`crate::archive`]), for a folder and for files given in memory alike. Ids come from file names (an ASCII slug, or `doc-NNN` for a name in another script);
//! titles, repeated titles, bylines, sources, translators and printed dates are read off the text
//! ([`crate::infer`]); a date the text does not print may come from the file name or a table's
//! date column. Files that cannot be used are skipped with the reason; `notes` lists the choices
//! worth a look.

use std::path::Path;

use crate::archive;
use crate::content::{self, Content};
use crate::infer::{self, FoundDate};
use crate::manifest::{DocumentEntry, FileEntry, MANIFEST_FORMAT};
use crate::{ENTITIES_FILE, MANIFEST_FILE, Manifest, Skipped, Source};

/// A worked-out manifest, the sources it cuts, and what was left out.
#[derive(Debug, Default)]
pub struct Proposal {
    pub manifest: Manifest,
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
}

/// The longest id made from a file name (ids may have 200 characters; a suffix may follow).
const ID_CHARS: usize = 180;

/// The files under `dir`, as paths relative to it with `/` between folders, sorted; hidden files
/// and folders are left out, and so are the folder's own manifest and entity list.
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped {
                what: format!("{prefix}."),
                why: format!("the folder cannot be read: {e}"),
            });
            return;
        }
    };
    let mut names: Vec<(String, std::path::PathBuf, bool)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            skipped.push(Skipped {
                what: format!("{prefix}{}", name.to_string_lossy()),
                why: "its name is not valid Unicode".into(),
            });
            continue;
        };
        if name.starts_with('.')
            || (prefix.is_empty() && (name == MANIFEST_FILE || name == ENTITIES_FILE))
        {
            continue;
        }
        // A link to a folder is not followed: it could lead back up the tree.
        let linked_dir = entry.file_type().is_ok_and(|t| t.is_symlink()) && entry.path().is_dir();
        names.push((name.to_string(), entry.path(), linked_dir));
    }
    names.sort();
    for (name, path, linked_dir) in names {
        let rel = format!("{prefix}{name}");
        if linked_dir {
            skipped.push(Skipped {
                what: rel,
                why: "a link to a folder: links to folders are not followed".into(),
            });
        } else if path.is_dir() {
            walk(&path, &format!("{rel}/"), out, skipped);
        } else {
            out.push(rel);
        }
    }
}

/// An ASCII id from a file's path, or `None` when its name is in another script.
fn slug(rel: &str) -> Option<String> {
    let stem = match rel.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => stem,
        _ => rel,
    };
    if stem.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        return None;
    }
    let mut id = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if !(c == '-' && id.ends_with('-')) {
            id.push(c);
        }
    }
    let id: String = id.trim_matches(['-', '.']).chars().take(ID_CHARS).collect();
    let id = id.trim_end_matches(['-', '.']).to_string();
    (!id.is_empty() && id.bytes().any(|b| b.is_ascii_alphanumeric())).then_some(id)
}

/// Hands out unique ids.
#[derive(Default)]
struct Ids {
    used: std::collections::HashSet<String>,
    count: usize,
}

impl Ids {
    fn next(&mut self, wanted: Option<String>) -> String {
        self.count += 1;
        let base = wanted.unwrap_or_else(|| format!("doc-{:03}", self.count));
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// A document covering the whole of `source`, with the roles its text shows.
fn document(id: String, source: &Source, page_title: Option<&str>) -> DocumentEntry {
    let lines = source.text.split('\n').count();
    let roles = infer::analyse(&source.text);
    let mut entry = DocumentEntry {
        id,
        file: source.name.clone(),
        lines: [1, lines],
        title: roles.title,
        title_line: roles.title_line,
        duplicate_lines: roles.duplicate_lines,
        author: roles.author,
        byline_line: roles.byline_line,
        source: roles.source,
        source_line: roles.source_line,
        translator: roles.translator,
        translator_line: roles.translator_line,
        ..Default::default()
    };
    // A page's title is on its first line, whatever it looks like.
    if let Some(title) = page_title
        && entry.title.is_none()
        && source.text.split('\n').next() == Some(title)
    {
        entry.title = Some(title.to_string());
        entry.title_line = Some(1);
    }
    if let Some((date, note)) = roles.date {
        set_date(&mut entry, date, note);
    }
    entry
}

fn set_date(entry: &mut DocumentEntry, date: FoundDate, note: String) {
    entry.date = Some(date.value);
    entry.date_evidence = Some(date.evidence);
    entry.date_note = Some(note);
}

/// Works out a manifest for `dir`. Errors only when the folder cannot be read.
pub fn propose(dir: &Path) -> Result<Proposal, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    walk(dir, "", &mut files, &mut skipped);
    let read = files.into_iter().map(|rel| {
        let bytes = std::fs::read(dir.join(&rel)).map_err(|e| format!("cannot be read: {e}"));
        (rel, bytes)
    });
    let mut proposal = propose_files(read);
    skipped.append(&mut proposal.skipped);
    proposal.skipped = skipped;
    Ok(proposal)
}

/// [`propose`] for files already read, each named by its path (`/` between folders) and given
/// with its bytes or the reason they could not be read: what a page does with the files a user
/// drops on it. Files are taken in the order given, an archive's entries in its stead.
pub fn propose_files(
    files: impl IntoIterator<Item = (String, Result<Vec<u8>, String>)>,
) -> Proposal {
    let mut proposal = Proposal {
        manifest: Manifest {
            format: MANIFEST_FORMAT,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut ids = Ids::default();
    for (rel, bytes) in files.into_iter().flat_map(archive::expand) {
        let skip = |why: String| Skipped {
            what: rel.clone(),
            why,
        };
        if content::kind_of(&rel).is_none() {
            proposal.skipped.push(skip(content::not_an_article()));
            continue;
        }
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(why) => {
                proposal.skipped.push(skip(why));
                continue;
            }
        };
        let content = match content::read(&rel, &bytes, None) {
            Ok(content) => content,
            Err(why) => {
                proposal.skipped.push(skip(why));
                continue;
            }
        };
        let encoding =
            |source: &Source| (source.encoding != "UTF-8").then(|| source.encoding.to_string());
        match content {
            Content::Text {
                source,
                title,
                notes,
            } => {
                let mut entry = document(ids.next(slug(&rel)), &source, title.as_deref());
                proposal
                    .notes
                    .extend(notes.into_iter().map(|n| format!("{rel}: {n}")));
                if entry.date.is_none() {
                    let name = rel.rsplit('/').next().unwrap_or(&rel);
                    match infer::find_date(name) {
                        Some(date) => {
                            set_date(&mut entry, date, "from the file name".into());
                            proposal
                                .notes
                                .push(format!("{rel}: the date is read from the file name"));
                        }
                        None => proposal.notes.push(format!("{rel}: no date found")),
                    }
                } else if entry
                    .date_note
                    .as_deref()
                    .is_some_and(|n| n.contains("body"))
                {
                    proposal
                        .notes
                        .push(format!("{rel}: the date is printed in the body only"));
                }
                if entry.title.is_none() {
                    proposal.notes.push(format!(
                        "{rel}: no title found: its first line does not read like one"
                    ));
                }
                if let Some(label) = encoding(&source) {
                    proposal.notes.push(format!("{rel}: read as {label}"));
                }
                proposal.manifest.file.push(FileEntry {
                    name: rel.clone(),
                    sha256: Some(source.sha256.clone()),
                    encoding: encoding(&source),
                });
                proposal.manifest.document.push(entry);
                proposal.sources.push(source);
            }
            Content::Table(table) => {
                proposal.skipped.extend(table.skipped);
                if table.records.is_empty() {
                    proposal
                        .skipped
                        .push(skip("no record of the table has text".into()));
                }
                let base = slug(&rel);
                for record in table.records {
                    let number = record
                        .source
                        .name
                        .rsplit('#')
                        .next()
                        .unwrap_or_default()
                        .to_string();
                    let id = ids.next(base.as_ref().map(|b| format!("{b}-{number}")));
                    let name = record.source.name.clone();
                    let mut entry = document(id, &record.source, record.title.as_deref());
                    if let Some(title) = &record.title {
                        // The title column is the text's first line.
                        entry.title = Some(title.clone());
                        entry.title_line = Some(1);
                        entry.duplicate_lines.clear();
                    }
                    if record.author.is_some() {
                        entry.author = record.author.clone();
                        entry.byline_line = None;
                    }
                    if record.outlet.is_some() {
                        entry.source = record.outlet.clone();
                        entry.source_line = None;
                    }
                    if let (Some(value), Some(col)) = (&record.date, &record.date_column) {
                        match infer::find_date(value) {
                            Some(date) => set_date(
                                &mut entry,
                                FoundDate {
                                    value: date.value,
                                    evidence: value.clone(),
                                },
                                format!("from the table's {col} column"),
                            ),
                            None => proposal
                                .notes
                                .push(format!("{name}: the date {value:?} is not understood")),
                        }
                    }
                    if entry.date.is_none() {
                        proposal.notes.push(format!("{name}: no date found"));
                    }
                    proposal.manifest.file.push(FileEntry {
                        name: name.clone(),
                        sha256: Some(record.source.sha256.clone()),
                        encoding: encoding(&record.source),
                    });
                    proposal.manifest.document.push(entry);
                    proposal.sources.push(record.source);
                }
            }
        }
    }
    proposal
}

/// The proposed manifest as the `corpus.toml` a user reviews: a header explaining the fields,
/// the notes, then the manifest. [`Manifest::parse`] reads it back as it was.
pub fn proposed_toml(proposal: &Proposal) -> String {
    let mut out = String::from(
        "# A manifest worked out by siyaq from the files of this folder: review it, correct it, keep it\n\
         # as corpus.toml. With it, the folder is built exactly as it says.\n\
         #\n\
         # [[file]]: a file of the folder (a table's record is `table.csv#N`), `sha256` of its bytes\n\
         # (checked when present: remove it after editing the file), `encoding` when not UTF-8.\n\
         # [[document]]: one article: `id` (letters, digits, - _ . only; links use it), `file`, `lines`\n\
         # (first and last line of the file's text, counted from 1, inclusive), and line roles, all\n\
         # optional: `title_line` (its text once in `title`), `duplicate_lines` (a repeated title:\n\
         # shown, never counted), `byline_line` with `author`, `source_line` with `source`,\n\
         # `translator_line` with `translator`, `heading_lines` (subheadings).\n\
         # `date` is YYYY, YYYY-MM or YYYY-MM-DD; `date_evidence` quotes the words that give it and\n\
         # `date_note` says where they are. Where the text prints no date but implies one, set\n\
         # `date_inferred = true` and say how in `date_note`.\n",
    );
    if !proposal.notes.is_empty() || !proposal.skipped.is_empty() {
        out.push_str("#\n# Worth a look:\n");
        for note in &proposal.notes {
            out.push_str(&format!("#   {}\n", note.replace('\n', " ")));
        }
        for s in &proposal.skipped {
            out.push_str(&format!(
                "#   skipped {}: {}\n",
                s.what.replace('\n', " "),
                s.why.replace('\n', " ")
            ));
        }
    }
    out.push('\n');
    out.push_str(&proposal.manifest.to_toml());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_to_folders_are_not_followed() {
        let dir = std::env::temp_dir().join(format!("siyaq-propose-loop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "عنوان\nنص.").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
        let proposal = propose(&dir).unwrap();
        assert_eq!(proposal.manifest.document.len(), 1);
        assert_eq!(proposal.skipped[0].what, "loop");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn ids_from_file_names() {
        assert_eq!(
            slug("2022/Putin Visit.txt").as_deref(),
            Some("2022-putin-visit")
        );
        assert_eq!(slug("a_b.c.md").as_deref(), Some("a_b.c"));
        assert_eq!(slug("مقال.txt"), None);
        assert_eq!(slug("---.txt"), None);
        assert_eq!(
            slug(&format!("{}.txt", "x".repeat(400))).map(|s| s.len()),
            Some(ID_CHARS)
        );
        let mut ids = Ids::default();
        assert_eq!(ids.next(Some("a".into())), "a");
        assert_eq!(ids.next(Some("a".into())), "a-2");
        assert_eq!(ids.next(None), "doc-003");
        assert!(
            ids.used
                .iter()
                .all(|id| siyaq_corpus::pack::is_usable_id(id))
        );
    }
}
