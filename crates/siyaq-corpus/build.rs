//! Turns `corpus/corpus.toml` into Rust data so the app carries the corpus without parsing TOML
//! at run time (and without a TOML parser in the wasm).

use std::{env, fmt::Write as _, fs, path::PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: u32,
    file: Vec<FileEntry>,
    document: Vec<DocumentEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    name: String,
    sha256: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentEntry {
    id: String,
    file: String,
    lines: [usize; 2],
    title: Option<String>,
    title_line: Option<usize>,
    #[serde(default)]
    duplicate_lines: Vec<usize>,
    author: Option<String>,
    byline_line: Option<usize>,
    source: Option<String>,
    source_line: Option<usize>,
    translator: Option<String>,
    translator_line: Option<usize>,
    #[serde(default)]
    heading_lines: Vec<usize>,
    date: String,
    date_inferred: bool,
    date_evidence: Option<String>,
    date_note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    format: u32,
    entity: Vec<EntityEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityEntry {
    id: String,
    name_ar: String,
    name_en: String,
    #[serde(rename = "type")]
    kind: String,
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

fn main() {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let corpus_dir = crate_dir.join("../../corpus").canonicalize().expect("corpus/ next to crates/");
    let manifest_path = corpus_dir.join("corpus.toml");
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    println!("cargo:rerun-if-changed={}", manifest_path.display());

    let manifest_text = fs::read_to_string(&manifest_path).expect("read corpus/corpus.toml");
    let manifest: Manifest = toml::from_str(&manifest_text)
        .unwrap_or_else(|e| panic!("corpus/corpus.toml is not a valid manifest: {e}"));
    assert_eq!(manifest.format, 1, "corpus/corpus.toml: unknown format {}", manifest.format);

    let mut out = String::new();
    out.push_str("pub static FILES: &[CorpusFile] = &[\n");
    for file in &manifest.file {
        let path = corpus_dir.join(&file.name);
        println!("cargo:rerun-if-changed={}", path.display());
        assert!(path.is_file(), "corpus/corpus.toml names a missing file: {}", file.name);
        writeln!(
            out,
            "    CorpusFile {{ name: {:?}, sha256: {:?}, text: include_str!({:?}) }},",
            file.name,
            file.sha256,
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n\npub static DOCUMENTS: &[Document] = &[\n");
    for doc in &manifest.document {
        let file_index = manifest
            .file
            .iter()
            .position(|f| f.name == doc.file)
            .unwrap_or_else(|| panic!("document {} names an unlisted file {}", doc.id, doc.file));
        let text = fs::read_to_string(corpus_dir.join(&doc.file)).expect("a listed file is read above");
        let text_span = lines_span(&text, doc.lines[0], doc.lines[1]);
        writeln!(
            out,
            "    Document {{ id: {:?}, file_index: {}, first_line: {}, last_line: {}, text_span: {}..{}, \
             title: {:?}, title_line: {:?}, duplicate_lines: &{:?}, author: {:?}, byline_line: {:?}, \
             source: {:?}, source_line: {:?}, translator: {:?}, translator_line: {:?}, \
             heading_lines: &{:?}, date: DocumentDate {{ value: {:?}, inferred: {}, evidence: {:?}, note: {:?} }} }},",
            doc.id,
            file_index,
            doc.lines[0],
            doc.lines[1],
            text_span.start,
            text_span.end,
            doc.title,
            doc.title_line,
            doc.duplicate_lines,
            doc.author,
            doc.byline_line,
            doc.source,
            doc.source_line,
            doc.translator,
            doc.translator_line,
            doc.heading_lines,
            doc.date,
            doc.date_inferred,
            doc.date_evidence,
            doc.date_note,
        )
        .unwrap();
    }
    out.push_str("];\n");
    out.push_str(&entities_data(&corpus_dir.join("entities.toml")));
    writeln!(
        out,
        "\n/// A content hash of the corpus files, the manifest and the gazetteer: links carry it.\npub const CORPUS_VERSION: &str = {:?};",
        corpus_version(&corpus_dir, &manifest)
    )
    .unwrap();

    let out_path = PathBuf::from(env::var("OUT_DIR").unwrap()).join("corpus_data.rs");
    fs::write(out_path, out).expect("write corpus_data.rs");
}

/// `corpus/entities.toml` as `ENTITIES`, a static list of `BundledEntity`.
fn entities_data(path: &std::path::Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).expect("read corpus/entities.toml");
    let file: EntityFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("corpus/entities.toml is not a valid gazetteer: {e}"));
    assert_eq!(file.format, 1, "corpus/entities.toml: unknown format {}", file.format);
    let mut out = String::from("\npub static ENTITIES: &[BundledEntity] = &[\n");
    for e in &file.entity {
        let kind = match e.kind.as_str() {
            "person" => "Person",
            "place" => "Place",
            "organisation" => "Organisation",
            "other" => "Other",
            other => panic!("corpus/entities.toml: entity {} has an unknown type {other}", e.id),
        };
        writeln!(
            out,
            "    BundledEntity {{ id: {:?}, name_ar: {:?}, name_en: {:?}, kind: EntityKind::{kind}, aliases: &{:?}, demonyms: &{:?} }},",
            e.id, e.name_ar, e.name_en, e.aliases, e.demonyms
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

/// The first 12 hex digits of the SHA-256 of every file the bundled corpus is made of, in a fixed
/// order, each preceded by its name and length so that no two sets of files hash alike.
fn corpus_version(corpus_dir: &std::path::Path, manifest: &Manifest) -> String {
    use sha2::{Digest, Sha256};
    let mut names: Vec<&str> = manifest.file.iter().map(|f| f.name.as_str()).collect();
    names.extend(["corpus.toml", "entities.toml"]);
    let mut hasher = Sha256::new();
    for name in names {
        let bytes = fs::read(corpus_dir.join(name)).unwrap_or_else(|e| panic!("read corpus/{name}: {e}"));
        hasher.update(name.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Byte range from the start of line `first` to the end of line `last` (counted from 1, without
/// the final line break), as `Document::span` gives it.
fn lines_span(text: &str, first: usize, last: usize) -> std::ops::Range<usize> {
    let mut start_of_line = 0;
    let (mut start, mut end) = (0, 0);
    for (number, line) in text.split('\n').enumerate().map(|(i, l)| (i + 1, l)) {
        if number == first {
            start = start_of_line;
        }
        if number == last {
            end = start_of_line + line.len();
        }
        start_of_line += line.len() + 1;
    }
    assert!(first <= last && start <= end, "lines {first}..={last} are not in the file");
    start..end
}
