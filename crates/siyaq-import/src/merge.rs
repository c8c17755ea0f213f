//! Adding newly built articles to an existing collection.
//!
//! The existing pack is kept as it is, so that links and kept work that name its documents stay
//! good: the new files and documents come after it, renamed only where a name or an id is taken
//! (`report.txt` → `report-2.txt`, `report` → `report-2`).

use std::collections::{HashMap, HashSet};

use siyaq_corpus::Pack;

/// The longest document id a pack accepts (see `siyaq_corpus::pack::is_usable_id`).
const ID_LIMIT: usize = 200;

/// `existing` with `added`'s files and documents after its own, names and ids made unique, and
/// `existing`'s entity list. The version is left for the caller to work out.
pub fn merge(existing: Pack, added: Pack) -> Pack {
    let mut merged = existing;
    let mut taken_paths: HashSet<String> = merged
        .files
        .iter()
        .chain(&added.files)
        .map(|f| path_of(&f.name).to_string())
        .collect();
    let existing_paths: HashSet<String> = merged
        .files
        .iter()
        .map(|f| path_of(&f.name).to_string())
        .collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for file in &added.files {
        let path = path_of(&file.name);
        if existing_paths.contains(path) && !renamed.contains_key(path) {
            let unique = unique_path(path, &taken_paths);
            taken_paths.insert(unique.clone());
            renamed.insert(path.to_string(), unique);
        }
    }
    let rename = |name: &str| match renamed.get(path_of(name)) {
        Some(unique) => format!("{unique}{}", &name[path_of(name).len()..]),
        None => name.to_string(),
    };
    let existing_ids: HashSet<String> = merged.documents.iter().map(|d| d.id.clone()).collect();
    let mut taken_ids: HashSet<String> = merged
        .documents
        .iter()
        .chain(&added.documents)
        .map(|d| d.id.clone())
        .collect();
    for mut file in added.files {
        file.name = rename(&file.name);
        merged.files.push(file);
    }
    for mut document in added.documents {
        document.file = rename(&document.file);
        if existing_ids.contains(&document.id) {
            document.id = unique_id(&document.id, &taken_ids);
            taken_ids.insert(document.id.clone());
        }
        merged.documents.push(document);
    }
    merged.skipped.extend(added.skipped);
    merged
}

/// The file a pack's file name comes from: `table.csv` for `table.csv#12`, the name itself
/// otherwise.
pub fn path_of(name: &str) -> &str {
    match name.rsplit_once('#') {
        Some((path, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => path,
        _ => name,
    }
}

/// `path` with `-2`, `-3`… before its extension, the first not in `taken`.
pub fn unique_path(path: &str, taken: &HashSet<String>) -> String {
    let folder_end = path.rfind('/').map_or(0, |i| i + 1);
    let (stem, extension) = match path[folder_end..].rfind('.') {
        Some(dot) if dot > 0 => path.split_at(folder_end + dot),
        _ => (path, ""),
    };
    (2..)
        .map(|n| format!("{stem}-{n}{extension}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_default()
}

/// `id` with `-2`, `-3`… after it, the first not in `taken`, cut so that it stays a usable id.
pub fn unique_id(id: &str, taken: &HashSet<String>) -> String {
    (2u64..)
        .map(|n| {
            let suffix = format!("-{n}");
            let base: String = id
                .chars()
                .take(ID_LIMIT.saturating_sub(suffix.len()))
                .collect();
            format!("{base}{suffix}")
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> HashSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn unique_names_keep_the_extension_and_the_folder() {
        assert_eq!(
            unique_path("a/b.c/report.txt", &set(&["a/b.c/report-2.txt"])),
            "a/b.c/report-3.txt"
        );
        assert_eq!(unique_path("a.d/README", &set(&[])), "a.d/README-2");
        assert_eq!(unique_path(".hidden", &set(&[])), ".hidden-2");
        assert_eq!(path_of("t.csv#12"), "t.csv");
        assert_eq!(path_of("odd#name.txt"), "odd#name.txt");
    }

    #[test]
    fn unique_ids_stay_usable() {
        assert_eq!(unique_id("a", &set(&["a", "a-2"])), "a-3");
        let long = "x".repeat(ID_LIMIT);
        let id = unique_id(&long, &set(&[]));
        assert!(siyaq_corpus::pack::is_usable_id(&id), "{id}");
        assert!(id.ends_with("-2"));
    }
}
