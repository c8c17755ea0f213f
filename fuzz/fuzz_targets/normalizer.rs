//! Any string through the normalizer with any combination of steps: idempotent, the fast path
//! agrees with the general one, and the offset map stays monotonic and in bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use siyaq_engine::{Normalizer, Step, Steps};

fuzz_target!(|data: &[u8]| {
    let Some((&switches, rest)) = data.split_first() else { return };
    let Some((&more, rest)) = rest.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let bits = u16::from(switches) | (u16::from(more) << 8);
    let mut steps = Steps::default();
    for (i, step) in Step::ALL.into_iter().enumerate() {
        steps.set(step, bits & (1 << i) != 0);
    }
    let normalizer = Normalizer::new(steps);
    let once = normalizer.normalize(text);
    assert_eq!(normalizer.normalize(&once), once, "idempotent");
    let mapped = normalizer.normalize_with_map(text);
    assert_eq!(mapped.text, once, "fast path = general path");
    let mut last_end = 0;
    for (_, origin) in &mapped.segments {
        assert!(origin.start >= last_end && origin.start < origin.end && origin.end <= text.len());
        last_end = origin.end;
    }
});
