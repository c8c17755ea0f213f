//! Any text as a link's `entities=` value, and any bytes as the compact JSON the browser inflates:
//! reading never panics; changes it accepts are written back to the same changes, and applying
//! them either gives a valid list whose own changes are the same list, or a reason.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use siyaq_engine::gazetteer::{Gazetteer, GazetteerChanges};
use siyaq_state::entity_changes::{self, LinkChanges, TOO_MANY};

fn base() -> &'static Gazetteer {
    static LIST: OnceLock<Gazetteer> = OnceLock::new();
    LIST.get_or_init(siyaq_state::two_entity_list)
}

fn check(changes: &GazetteerChanges, base: &Gazetteer) {
    let value = entity_changes::compact_value(changes, base);
    if value != TOO_MANY {
        assert_eq!(entity_changes::read_value(&value, base), Ok(LinkChanges::Ready(changes.clone())), "{value}");
    }
    if let Ok(list) = Gazetteer::with_changes(base, changes) {
        assert_eq!(list.validate(), Ok(()));
        assert_eq!(Gazetteer::with_changes(base, &list.changes_from(base)), Ok(list));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&form, rest)) = data.split_first() else { return };
    let base = base();
    let changes = if form % 2 == 0 {
        let value = String::from_utf8_lossy(rest);
        match entity_changes::read_value(&value, base) {
            Ok(LinkChanges::Ready(changes)) => changes,
            Ok(LinkChanges::Deflated(bytes)) => {
                assert!(bytes.len() <= entity_changes::MAX_VALUE_CHARS);
                return;
            }
            Err(problem) => {
                assert!(problem.message_en().chars().count() < 300 && problem.message_ar().chars().count() < 300);
                return;
            }
        }
    } else {
        match entity_changes::from_compact(rest, base) {
            Ok(changes) => changes,
            Err(_) => return,
        }
    };
    check(&changes, base);
});
