//! How long a link gets with many edits to the bundled entity list: the JSON that links carried
//! first, the compact form, and the compact form deflated as the browser does it. Run with
//! `--nocapture` to see the figures.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use siyaq_engine::gazetteer::{EntityKind, Gazetteer};
use siyaq_state::entity_changes::{self, LinkChanges, MAX_VALUE_CHARS};

const FIRST: [(&str, &str); 20] = [
    ("محمد", "Mohammed"),
    ("أحمد", "Ahmed"),
    ("علي", "Ali"),
    ("خالد", "Khaled"),
    ("يوسف", "Youssef"),
    ("إبراهيم", "Ibrahim"),
    ("سعيد", "Said"),
    ("عمر", "Omar"),
    ("حسن", "Hassan"),
    ("كريم", "Karim"),
    ("نور", "Nour"),
    ("ليلى", "Layla"),
    ("سلمى", "Salma"),
    ("فاطمة", "Fatima"),
    ("رشيد", "Rachid"),
    ("طارق", "Tarek"),
    ("مروان", "Marwan"),
    ("هشام", "Hicham"),
    ("زياد", "Ziad"),
    ("عادل", "Adel"),
];

const FAMILY: [(&str, &str); 16] = [
    ("نزارباييف", "Nazarbayev"),
    ("ماسيموف", "Massimov"),
    ("سمايلوف", "Smailov"),
    ("لافروف", "Lavrov"),
    ("شويغو", "Shoigu"),
    ("باشينيان", "Pashinyan"),
    ("لوكاشينكو", "Lukashenko"),
    ("جباروف", "Japarov"),
    ("رحمون", "Rahmon"),
    ("ميرضيائيف", "Mirziyoyev"),
    ("علييف", "Aliyev"),
    ("كوزاك", "Kozak"),
    ("بيسكوف", "Peskov"),
    ("زاخاروفا", "Zakharova"),
    ("ميدفيديف", "Medvedev"),
    ("ساكيني", "Sakini"),
];

/// The bundled list with `edits` entities edited: each bundled one gets a spelling, then new
/// people are added, as a user would through the editor.
fn edited(edits: usize) -> Gazetteer {
    let bundled = siyaq_ingest::sample().gazetteer();
    let mut list = bundled.clone();
    for entity in bundled.entities.iter().take(edits) {
        let spelling = format!("{} المذكور", entity.aliases[0]);
        list.add_alias(&entity.id, &spelling).expect("a new spelling");
    }
    let new_people = FIRST.iter().flat_map(|first| FAMILY.iter().map(move |family| (first, family)));
    for ((ar, en), (family_ar, family_en)) in new_people.take(edits.saturating_sub(bundled.entities.len())) {
        list.add_entity(&format!("{ar} {family_ar}"), &format!("{en} {family_en}"), EntityKind::Person).expect("a new person");
    }
    list
}

struct Lengths {
    json: usize,
    compact: usize,
    deflated: usize,
}

fn lengths(edits: usize) -> Lengths {
    let bundled = siyaq_ingest::sample().gazetteer();
    let list = edited(edits);
    let changes = list.changes_from(&bundled);
    assert_eq!(changes.entities.len(), edits);
    let json = URL_SAFE_NO_PAD.encode(serde_json::to_string(&changes).unwrap()).len();
    let compact = entity_changes::compact_value(&changes, &bundled);
    assert_eq!(entity_changes::read_value(&compact, &bundled), Ok(LinkChanges::Ready(changes.clone())));
    let deflated = entity_changes::deflated_value(&miniz_oxide::deflate::compress_to_vec(&entity_changes::to_compact(&changes, &bundled), 6));
    let Ok(LinkChanges::Deflated(bytes)) = entity_changes::read_value(&deflated, &bundled) else { panic!("{deflated}") };
    let inflated = miniz_oxide::inflate::decompress_to_vec(&bytes).unwrap();
    assert_eq!(entity_changes::from_compact(&inflated, &bundled), Ok(changes));
    Lengths { json, compact: compact.len(), deflated: deflated.len() }
}

#[test]
fn hundreds_of_edits_fit_in_a_link() {
    for edits in [10, 100, 300] {
        let Lengths { json, compact, deflated } = lengths(edits);
        eprintln!("{edits} edited entities: entities= was {json} characters; compact {compact}; compact and deflated {deflated}");
    }
    let three_hundred = lengths(300);
    // Under the reader's limit without compression, and deflated well under the 16 KiB a
    // server may allow for a request's head.
    assert!(three_hundred.compact < MAX_VALUE_CHARS, "{}", three_hundred.compact);
    assert!(three_hundred.deflated < 8_000, "{}", three_hundred.deflated);
}
