//! Builds a siyaq corpus pack from a folder of articles.
//!
//! A folder with a `corpus.toml` is built exactly as its manifest says ([`manifest`]). A folder
//! without one gets a manifest worked out from its files ([`propose`]): one document per file or
//! per record of a table, titles, repeated titles, dates, bylines and sources read off the text.
//! Either way, every file or document that cannot be used is reported with the reason, and the
//! build goes on with the rest; only a folder with no usable article is an error.
//!
//! Modules: [`decode`] (bytes to text: BOMs, UTF-8, UTF-16, Windows-1256, ISO-8859-6…),
//! [`html`] (a page's article), [`docx`] (a Word document's paragraphs), [`records`] (tables of
//! articles: CSV, TSV, JSON lines), [`archive`] (a `.zip` opened into its files, within limits
//! against zip bombs), [`content`] (a file read by its kind), [`infer`] (titles, bylines, sources, dates read off a
//! text), [`propose`] (a manifest worked out for a folder), [`manifest`] and [`entities`] (the
//! folder's `corpus.toml` and `entities.toml`).

pub mod archive;
pub mod content;
pub mod decode;
pub mod docx;
pub mod entities;
pub mod html;
pub mod infer;
pub mod manifest;
pub mod propose;
pub mod records;
pub mod world;

use std::{
    io::Write as _,
    path::{Path, PathBuf},
    sync::OnceLock,
};

use sha2::{Digest, Sha256};
use siyaq_corpus::{Corpus, FORMAT, FileRecord, Pack};

pub use manifest::Manifest;
pub use propose::{Proposal, propose, propose_files, proposed_toml};

/// The manifest's file name in a corpus folder.
pub const MANIFEST_FILE: &str = "corpus.toml";
/// The entity list's file name in a corpus folder.
pub const ENTITIES_FILE: &str = "entities.toml";

/// Whether a path (`/` between folders) is passed over without a word, as a folder's walk passes
/// it over: a hidden file or folder (a part starting with `.`), or macOS's `__MACOSX` forks.
pub fn is_passed_over(path: &str) -> bool {
    path.split('/').any(|part| part.starts_with('.') || part.eq_ignore_ascii_case("__MACOSX"))
}

/// A file, or a document, left out of the corpus, and why: the pack carries the list as is.
pub use siyaq_corpus::SkippedFile as Skipped;

/// One source of text read out of the folder: a file, or a record of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// Hex SHA-256 of the bytes as received (of the whole table for a record).
    pub sha256: String,
    /// The encoding it was decoded from (`UTF-8`, `UTF-16LE`, `windows-1256`…).
    pub encoding: &'static str,
}

/// What a folder yields.
#[derive(Debug)]
pub struct Built {
    pub pack: Pack,
    /// The manifest the pack follows: the folder's own, or the one worked out.
    pub manifest: Manifest,
    /// Whether the manifest was worked out (the folder has no `corpus.toml`).
    pub proposed: bool,
    pub skipped: Vec<Skipped>,
    /// Notes on choices made, for the user to review (a date read from a file name, say).
    pub notes: Vec<String>,
}

/// Where the entity list comes from when the folder has no `entities.toml`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub fallback_entities: Option<PathBuf>,
}

/// Reads `dir` into a pack. Errors only when nothing usable is left, or the folder or its
/// manifest or entity list cannot be read at all.
pub fn build(dir: &Path, options: &Options) -> Result<Built, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let manifest_path = dir.join(MANIFEST_FILE);
    let (manifest, sources, mut skipped, notes, proposed) = if manifest_path.is_file() {
        let text = std::fs::read_to_string(&manifest_path)
            .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
        let manifest =
            Manifest::parse(&text).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
        let (sources, skipped) = read_manifest_files(dir, &manifest);
        (manifest, sources, skipped, Vec::new(), false)
    } else {
        let proposal = propose::propose(dir)?;
        (
            proposal.manifest,
            proposal.sources,
            proposal.skipped,
            proposal.notes,
            true,
        )
    };
    let entities_path = dir.join(ENTITIES_FILE);
    let entities = if entities_path.is_file() {
        entities::read(&entities_path)?
    } else if let Some(fallback) = &options.fallback_entities {
        entities::read(fallback)?
    } else {
        Vec::new()
    };
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let pack = assemble(name, &manifest, sources, entities, &mut skipped);
    if pack.documents.is_empty() {
        let mut message = format!("{}: no usable article", dir.display());
        for s in &skipped {
            message.push_str(&format!("\n  skipped {}: {}", s.what, s.why));
        }
        return Err(message);
    }
    Ok(Built {
        pack,
        manifest,
        proposed,
        skipped,
        notes,
    })
}

/// Builds a pack from files already read (a page's import: files picked or dropped by the user),
/// each named by its path and given with its bytes or the reason they could not be read. The
/// manifest is worked out as for a folder without `corpus.toml`; `entities` is the list the
/// corpus starts with. Errors only when no file gives a usable article.
pub fn build_files(
    name: String,
    files: impl IntoIterator<Item = (String, Result<Vec<u8>, String>)>,
    entities: Vec<siyaq_engine::gazetteer::Entity>,
) -> Result<Built, String> {
    let proposal = propose_files(files);
    let mut skipped = proposal.skipped;
    let pack = assemble(
        name,
        &proposal.manifest,
        proposal.sources,
        entities,
        &mut skipped,
    );
    if pack.documents.is_empty() {
        let mut message = String::from("no usable article");
        for s in &skipped {
            message.push_str(&format!("\n  skipped {}: {}", s.what, s.why));
        }
        return Err(message);
    }
    Ok(Built {
        pack,
        manifest: proposal.manifest,
        proposed: true,
        skipped,
        notes: proposal.notes,
    })
}

/// The files a manifest names, read and decoded; those missing, unreadable or not as recorded
/// are skipped. A name `table.csv#N` is the Nth record of a table; a page is read for its article.
fn read_manifest_files(dir: &Path, manifest: &Manifest) -> (Vec<Source>, Vec<Skipped>) {
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    // Tables read once for all their records.
    let mut tables: std::collections::HashMap<String, Result<Vec<Source>, String>> =
        Default::default();
    let mut archives = Archives::default();
    for entry in &manifest.file {
        let (file, record) = match entry.name.rsplit_once('#') {
            Some((file, n)) if records::is_table(file) && n.parse::<usize>().is_ok() => {
                (file, true)
            }
            _ => (entry.name.as_str(), false),
        };
        let skip = |why: String| Skipped {
            what: entry.name.clone(),
            why,
        };
        let bytes = match read_file(dir, file, &mut archives) {
            Ok(bytes) => bytes,
            Err(why) => {
                skipped.push(skip(why));
                continue;
            }
        };
        let sha256 = sha256_hex(&bytes);
        if let Some(recorded) = &entry.sha256
            && !recorded.eq_ignore_ascii_case(&sha256)
        {
            skipped.push(skip(format!(
                "its SHA-256 is {sha256}, not the {recorded} {MANIFEST_FILE} records: the file changed; \
                 update or remove `sha256` after checking its line ranges"
            )));
            continue;
        }
        let label = entry.encoding.as_deref();
        if record {
            let table = tables.entry(file.to_string()).or_insert_with(|| {
                match content::read(file, &bytes, label) {
                    Ok(content::Content::Table(table)) => {
                        Ok(table.records.into_iter().map(|r| r.source).collect())
                    }
                    Ok(content::Content::Text { .. }) => Err("not a table".into()),
                    Err(why) => Err(why),
                }
            });
            match table {
                Ok(records) => match records.iter().find(|s| s.name == entry.name) {
                    Some(source) => sources.push(source.clone()),
                    None => skipped.push(skip(
                        "the table has no such record, or its text is empty".into(),
                    )),
                },
                Err(why) => skipped.push(skip(why.clone())),
            }
            continue;
        }
        match content::kind_of(file) {
            Some(content::Kind::Html | content::Kind::Docx | content::Kind::Archive) => {
                match content::read(file, &bytes, label) {
                    Ok(content::Content::Text { source, .. }) => sources.push(source),
                    Ok(content::Content::Table(_)) => skipped.push(skip("not an article".into())),
                    Err(why) => skipped.push(skip(why)),
                }
            }
            // Any other name the manifest gives is read as text: the manifest says it is one.
            _ => match decode::decode(&bytes, label) {
                Ok(decoded) => sources.push(Source {
                    name: entry.name.clone(),
                    text: decoded.text,
                    sha256,
                    encoding: decoded.encoding,
                }),
                Err(why) => skipped.push(skip(why)),
            },
        }
    }
    (sources, skipped)
}

/// Archives opened for the files a manifest names in them: path in the folder to its entries.
type Archives =
    std::collections::HashMap<String, std::collections::HashMap<String, Result<Vec<u8>, String>>>;

/// The bytes of `file`, a path in `dir` or in an archive of `dir` (`archive.zip/inner/path`, as
/// [`propose`] names an archive's entries).
fn read_file(dir: &Path, file: &str, archives: &mut Archives) -> Result<Vec<u8>, String> {
    let error = match std::fs::read(dir.join(file)) {
        Ok(bytes) => return Ok(bytes),
        Err(e) => e,
    };
    // Under an archive's name the path is no folder's: the error says nothing of the entry.
    let Some(archive) = file
        .match_indices('/')
        .map(|(at, _)| &file[..at])
        .find(|prefix| archive::is_archive(prefix) && dir.join(prefix).is_file())
    else {
        return Err(if error.kind() == std::io::ErrorKind::NotFound {
            format!("{MANIFEST_FILE} names it, but there is no such file")
        } else {
            format!("cannot be read: {error}")
        });
    };
    let entries = archives.entry(archive.to_string()).or_insert_with(|| {
        let bytes = std::fs::read(dir.join(archive)).map_err(|e| format!("cannot be read: {e}"));
        archive::expand((archive.to_string(), bytes))
            .into_iter()
            .collect()
    });
    match entries.get(file) {
        Some(bytes) => bytes.clone(),
        None => match entries.get(archive) {
            // The archive itself could not be opened, and said why.
            Some(Err(why)) => Err(format!("in {archive}: {why}")),
            _ => Err(format!(
                "{MANIFEST_FILE} names it, but {archive} holds no such file"
            )),
        },
    }
}

/// The pack of the documents whose file was read and whose lines hold; the others are skipped.
pub fn assemble(
    name: String,
    manifest: &Manifest,
    sources: Vec<Source>,
    entities: Vec<siyaq_engine::gazetteer::Entity>,
    skipped: &mut Vec<Skipped>,
) -> Pack {
    let files: Vec<FileRecord> = sources
        .into_iter()
        .map(|s| FileRecord {
            name: s.name,
            sha256: s.sha256,
            text: s.text.into(),
        })
        .collect();
    let mut pack = Pack {
        format: FORMAT,
        version: String::new(),
        name,
        files,
        documents: Vec::new(),
        entities,
        skipped: Vec::new(),
    };
    for entry in &manifest.document {
        let record = entry.record();
        if !pack.files.iter().any(|f| f.name == record.file) {
            if manifest.file.iter().any(|f| f.name == record.file) {
                continue; // the file itself was skipped, and said so
            }
            skipped.push(Skipped {
                what: format!("{}: {}", record.file, record.id),
                why: format!("the document names a file that {MANIFEST_FILE} does not list"),
            });
            continue;
        }
        let already = pack.documents.iter().any(|d| d.id == record.id);
        let what = format!("{}: {}", record.file, record.id);
        if already {
            skipped.push(Skipped {
                what,
                why: "another document has the same id".into(),
            });
        } else if !siyaq_corpus::pack::is_usable_id(&record.id) {
            skipped.push(Skipped {
                what,
                why: "its id is not usable in links: letters, digits, - _ . only".into(),
            });
        } else if let Err(e) = siyaq_corpus::pack::check_document(&pack.files, &record) {
            skipped.push(Skipped {
                what,
                why: e.to_string(),
            });
        } else {
            pack.documents.push(record);
        }
    }
    // Files no remaining document uses are dropped: they would only weigh on the page.
    let used: std::collections::HashSet<String> =
        pack.documents.iter().map(|d| d.file.clone()).collect();
    pack.files.retain(|f| used.contains(&f.name));
    pack.skipped = skipped.clone();
    pack.version = version_of(&pack);
    pack
}

/// The first 12 hex digits of the SHA-256 of the pack (uncompressed) with an empty version.
pub fn version_of(pack: &Pack) -> String {
    let mut unversioned = pack.clone();
    unversioned.version.clear();
    sha256_hex(&unversioned.to_bytes())[..12].to_string()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The pack as the page fetches it: gzip-compressed.
pub fn compress(pack: &Pack) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&pack.to_bytes())
        .expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// A pack file read back: inflated and checked.
pub fn decompress(bytes: &[u8]) -> Result<Corpus, String> {
    let mut inflated = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut inflated)
        .map_err(|e| format!("not gzip: {e}"))?;
    Corpus::from_bytes(inflated).map_err(|e| e.to_string())
}

/// The repository's sample corpus (`corpus/`), built once: what native tests and benchmarks use.
pub fn sample() -> &'static Corpus {
    static SAMPLE: OnceLock<Corpus> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let built = build(&sample_dir(), &Options::default()).expect("the sample corpus builds");
        assert!(
            built.skipped.is_empty(),
            "the sample corpus skips nothing: {:?}",
            built.skipped
        );
        Corpus::from_pack(built.pack).expect("the sample pack is valid")
    })
}

/// The folder of the sample corpus in this repository.
pub fn sample_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}
