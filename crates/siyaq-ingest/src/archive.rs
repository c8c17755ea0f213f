//! A `.zip` of articles opened into the files it holds, for the folder build and a page's import
//! alike ([`expand`]).
//!
//! Each entry stands as a file named `archive.zip/inner/path.ext`, so that what is read or
//! skipped, and the ids worked out, say where it came from. Entries are taken sorted by name;
//! folders, hidden entries (a part of the path starting with `.`) and macOS's `__MACOSX/` are
//! passed over without a word. Only the kinds siyaq reads are inflated; a zip inside the zip is
//! not opened. An archive is anyone's upload, so what it may cost is bounded ([`Limits`]),
//! counting the bytes actually inflated, never the sizes the archive declares.

use std::io::Read as _;

use crate::content::{self, Kind};

/// What opening one archive may cost. Past a limit the entries already read are kept and the
/// others are skipped with the limit named; an entry too big by itself is skipped alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Entries (files, not folders) looked at.
    pub entries: usize,
    /// Bytes one entry may inflate to.
    pub entry_bytes: u64,
    /// Bytes all entries together may inflate to, those of entries skipped as too big included:
    /// it bounds the work as well as the memory.
    pub total_bytes: u64,
}

/// A press archive of ten thousand articles is far beyond a hand-made corpus, yet an archive of
/// a million empty entries would make the page list a million skips.
pub const MAX_ENTRIES: usize = 10_000;
/// Fifty megabytes is a year of a daily's text, far above one article or one table: more is
/// almost surely not text, or a zip bomb (deflate expands up to about a thousand times).
pub const MAX_ENTRY_BYTES: u64 = 50 * 1024 * 1024;
/// The whole archive, expanded, must fit the page's memory beside the index built from it
/// (a page tab has a few hundred megabytes to spare, at best a couple of gigabytes).
pub const MAX_TOTAL_BYTES: u64 = 200 * 1024 * 1024;

impl Limits {
    /// [`MAX_ENTRIES`], [`MAX_ENTRY_BYTES`], [`MAX_TOTAL_BYTES`].
    pub const DEFAULT: Limits = Limits {
        entries: MAX_ENTRIES,
        entry_bytes: MAX_ENTRY_BYTES,
        total_bytes: MAX_TOTAL_BYTES,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A file and its bytes, or why they could not be had.
pub type File = (String, Result<Vec<u8>, String>);

/// Whether `name` is a zip archive, by its extension.
pub fn is_archive(name: &str) -> bool {
    content::kind_of(name) == Some(Kind::Archive)
}

/// The files `file` stands for: itself, unless it is a zip archive, which stands for its entries
/// (with [`Limits::DEFAULT`]). An archive that cannot be opened is itself skipped, with why.
pub fn expand(file: File) -> Vec<File> {
    expand_with(file, &Limits::DEFAULT)
}

/// [`expand`] within `limits`.
pub fn expand_with((name, bytes): File, limits: &Limits) -> Vec<File> {
    let bytes = match bytes {
        Ok(bytes) if is_archive(&name) => bytes,
        bytes => return vec![(name, bytes)],
    };
    match entries(&name, &bytes, limits) {
        Ok(files) => files,
        Err(why) => vec![(name, Err(why))],
    }
}

/// Bytes, a zip's entry, inflated up to `limit`: `Err(None)` when it holds more, so that a bomb
/// is never inflated past the limit, whatever its header claims.
pub(crate) fn inflate_at_most(
    reader: impl std::io::Read,
    limit: u64,
) -> Result<Vec<u8>, Option<String>> {
    let mut out = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Some(format!("cannot be inflated: {e}")))?;
    if out.len() as u64 > limit {
        return Err(None);
    }
    Ok(out)
}

/// A size for messages: `50 MB`.
pub(crate) fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{} MB", (mb * 10.0).round() / 10.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// The entry's path as given by the archive, `/` between folders; `None` for what is passed
/// over: folders, hidden entries, macOS's resource forks.
fn entry_path(raw: &str) -> Option<String> {
    if raw.ends_with('/') || raw.ends_with('\\') {
        return None;
    }
    let parts: Vec<&str> = raw
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let path = parts.join("/");
    (!parts.is_empty() && !crate::is_passed_over(&path)).then_some(path)
}

fn entries(archive: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<File>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a zip archive that can be read: {e}"))?;
    let mut listed: Vec<(String, usize)> = Vec::new();
    for index in 0..zip.len() {
        let Ok(entry) = zip.by_index_data(index) else {
            continue;
        };
        if entry.is_dir() {
            continue;
        }
        // A name the archive cannot spell still stands for a file: it is listed, and skipped.
        let raw = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(entry.name_raw()).into_owned());
        if let Some(path) = entry_path(&raw) {
            listed.push((path, index));
        }
    }
    listed.sort();
    let mut files = Vec::new();
    let beyond = listed.len().saturating_sub(limits.entries);
    listed.truncate(limits.entries);
    let mut inflated: u64 = 0;
    let mut over_total = false;
    for (path, index) in listed {
        let name = format!("{archive}/{path}");
        if over_total {
            files.push((
                name,
                Err(format!(
                    "not read: the archive expands to more than {} (a limit against zip bombs)",
                    megabytes(limits.total_bytes)
                )),
            ));
            continue;
        }
        match content::kind_of(&path) {
            // Not inflated: reading would cost bytes for a file that is skipped anyway.
            None => {
                files.push((name, Err(content::not_an_article())));
                continue;
            }
            Some(Kind::Archive) => {
                files.push((
                    name,
                    Err(
                        "a zip inside a zip is not opened: unzip it, or put it beside the archive"
                            .into(),
                    ),
                ));
                continue;
            }
            Some(_) => {}
        }
        if zip.by_index_data(index).is_ok_and(|e| e.encrypted()) {
            files.push((
                name,
                Err("encrypted: siyaq does not read password-protected entries".into()),
            ));
            continue;
        }
        let entry = zip.by_index(index);
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                files.push((name, Err(format!("cannot be read from the archive: {e}"))));
                continue;
            }
        };
        let room = limits.total_bytes.saturating_sub(inflated);
        let limit = limits.entry_bytes.min(room);
        match inflate_at_most(entry, limit) {
            Ok(bytes) => {
                inflated += bytes.len() as u64;
                files.push((name, Ok(bytes)));
            }
            Err(Some(why)) => files.push((name, Err(why))),
            Err(None) if limit == limits.entry_bytes => {
                inflated = inflated.saturating_add(limit);
                files.push((
                    name,
                    Err(format!(
                        "expands to more than {}, the most one entry may (a limit against zip bombs)",
                        megabytes(limits.entry_bytes)
                    )),
                ));
            }
            Err(None) => {
                over_total = true;
                files.push((
                    name,
                    Err(format!(
                        "not read: the archive expands to more than {} (a limit against zip bombs)",
                        megabytes(limits.total_bytes)
                    )),
                ));
            }
        }
    }
    if beyond > 0 {
        files.push((
            archive.to_string(),
            Err(format!(
                "only its first {} entries by name are read (a limit against zip bombs): {beyond} more are not",
                limits.entries
            )),
        ));
    }
    if files.is_empty() {
        return Err("the archive holds no file (folders and hidden files aside)".into());
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_paths() {
        assert_eq!(entry_path("a/b.txt").as_deref(), Some("a/b.txt"));
        assert_eq!(entry_path("/a//./b.txt").as_deref(), Some("a/b.txt"));
        assert_eq!(entry_path("a\\b.txt").as_deref(), Some("a/b.txt"));
        assert_eq!(entry_path("a/"), None);
        assert_eq!(entry_path("__MACOSX/a/._b.txt"), None);
        assert_eq!(entry_path("a/.hidden.txt"), None);
        assert_eq!(entry_path("../b.txt"), None);
        assert_eq!(entry_path(""), None);
    }

    #[test]
    fn sizes_for_messages() {
        assert_eq!(megabytes(MAX_ENTRY_BYTES), "50 MB");
        assert_eq!(megabytes(1000), "1000 bytes");
    }
}
