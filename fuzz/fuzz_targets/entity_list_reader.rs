//! Any text as a saved or imported entity list: reading never panics; a list it accepts is valid,
//! survives saving and reading again, and its changes against another list apply and travel in a
//! link unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siyaq_engine::gazetteer::{Entity, EntityKind, Gazetteer};
use siyaq_state::entity_changes::{self, LinkChanges, TOO_MANY};
use siyaq_state::entity_list::{from_json, to_json};

fn base() -> Gazetteer {
    let entity = |id: &str, name: &str, kind| Entity {
        id: id.into(),
        name_ar: name.into(),
        name_en: id.into(),
        kind,
        aliases: vec![name.into()],
        demonyms: vec![],
    };
    Gazetteer { entities: vec![entity("a", "أ", EntityKind::Person), entity("b", "ب", EntityKind::Place)] }
}

fn sorted(list: &Gazetteer) -> Vec<Entity> {
    let mut entities = list.entities.clone();
    entities.sort_by(|x, y| x.id.cmp(&y.id));
    entities
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let list = match from_json(json) {
        Ok(list) => list,
        Err(problem) => {
            assert!(problem.message_en().chars().count() < 400 && problem.message_ar().chars().count() < 400);
            return;
        }
    };
    assert_eq!(list.validate(), Ok(()));
    assert_eq!(from_json(&to_json(&list)).as_ref(), Ok(&list));

    let base = base();
    let changes = list.changes_from(&base);
    let rebuilt = Gazetteer::with_changes(&base, &changes).expect("a valid list's changes apply");
    assert_eq!(sorted(&rebuilt), sorted(&list));

    let value = entity_changes::compact_value(&changes, &base);
    if value != TOO_MANY {
        match entity_changes::read_value(&value, &base) {
            Ok(LinkChanges::Ready(read)) => assert_eq!(read, changes),
            // A list may hold more entities than a link may carry.
            Err(entity_changes::ChangesProblem::TooBig) => {}
            other => panic!("{other:?}"),
        }
    }
});
