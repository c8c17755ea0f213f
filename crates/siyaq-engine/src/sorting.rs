//! One stable sort for the whole engine. Each `sort_by` with its own closure or element type
//! is a separate copy of the standard library's sort in the app's wasm (about 3 KB each, some
//! twenty of them); here every sort orders a list of positions through one comparator object,
//! so the wasm holds a single copy, and only moving the elements into place is per type.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably by the key `key` gives.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
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
            sort_by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, theirs);
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
