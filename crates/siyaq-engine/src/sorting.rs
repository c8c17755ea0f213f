//! Two sorts for the whole engine. Each `sort_by` with its own closure or element type is a
//! separate copy of the standard library's sort in the app's wasm (about 3 KB each, some twenty of
//! them). Here there are two: [`sort_numbers`] for plain numbers, the fast one, for the hot paths
//! (hits and word ids encode as numbers whole), and [`sort_by`], which orders positions through
//! one comparator object and then moves the elements into place (only that move is per type).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts plain numbers ascending: the fastest sort here, for values that encode their item whole
/// (a hit as one number: see `concordance::sort_by_position`).
#[inline(never)]
pub fn sort_numbers(numbers: &mut [u64]) {
    // Stable, so already sorted runs (hits gathered form by form) are merged, not re-sorted.
    numbers.sort();
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives them, equal ones in their first order.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let len = u32::try_from(len).expect("fewer than 2^32 items");
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Moves the item at `order[i]` to position `i`, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_stably_as_the_standard_library_does(pairs in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = pairs.clone();
            let mut theirs = pairs.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &theirs);
            let mut numbers: Vec<u64> = pairs.iter().map(|p| (u64::from(p.0) << 16) | u64::from(p.1)).collect();
            sort_numbers(&mut numbers);
            let mut expected: Vec<u64> = pairs.iter().map(|p| (u64::from(p.0) << 16) | u64::from(p.1)).collect();
            expected.sort_unstable();
            prop_assert_eq!(numbers, expected);
        }

        #[test]
        fn sorts_a_part_of_a_list_and_leaves_the_rest(mut items in proptest::collection::vec(any::<i32>(), 0..100), cut in 0usize..100) {
            let cut = cut.min(items.len());
            let before = items[..cut].to_vec();
            let mut expected = items[cut..].to_vec();
            expected.sort();
            sort(&mut items[cut..]);
            prop_assert_eq!(&items[..cut], &before[..]);
            prop_assert_eq!(&items[cut..], &expected[..]);
        }
    }

    #[test]
    fn sorts_strings_and_reverse_orders() {
        let mut words = vec!["ب", "ا", "ت", "ا"];
        sort(&mut words);
        assert_eq!(words, ["ا", "ا", "ب", "ت"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["ت", "ب", "ا", "ا"]);
    }
}
