//! Spellings of one name joined into one suggestion. Arabic press spells foreign and even Arabic
//! names in several ways that the search profile keeps apart: ة or ه at the end, ى or ي, the seat
//! of a hamza (أ إ ا ء ؤ ئ), a long vowel written or not (وليام/ويليام), a name joined or split
//! after a letter that does not join (عبد الفتاح/عبدالفتاح). Each spelling is still an alias of
//! its own; the suggestion shows the commonest as its text and the others as its variants.

use rustc_hash::FxHashMap;

use super::Named;

/// Letters that do not join the next one, once folded (ة is ه here, which joins, but ة does not,
/// and ه at the end of a word is nearly always ة): a space after them can come and go (عبد الله،
/// عبدالله).
const NON_JOINING: &str = "ادذرزوه";
/// Long vowels that transliteration writes or leaves out inside a word.
const LONG_VOWELS: &str = "اوي";

/// What stays of a name's key when the spelling differences above are set aside. Common given
/// names keep their long vowels: حسن and حسين, محمد and محمود are different names.
fn variant_key(key: &str, keeps_vowels: impl Fn(&str) -> bool) -> String {
    // Words joined where a space can come and go, each chunk with whether to keep its vowels.
    let mut chunks: Vec<(String, bool)> = Vec::new();
    for word in key.split(' ') {
        let letters = word.chars().map(fold);
        match chunks.last_mut() {
            Some((chunk, keep)) if chunk.ends_with(|c| NON_JOINING.contains(c)) => {
                chunk.extend(letters);
                *keep |= keeps_vowels(word);
            }
            _ => chunks.push((letters.collect(), keeps_vowels(word))),
        }
    }
    let mut out = String::new();
    for (chunk, keep) in chunks {
        if !out.is_empty() {
            out.push(' ');
        }
        let letters: Vec<char> = chunk.chars().collect();
        for (i, &c) in letters.iter().enumerate() {
            let inside = i > 0 && i + 1 < letters.len();
            if keep || !(inside && LONG_VOWELS.contains(c)) {
                out.push(c);
            }
        }
    }
    out
}

/// A letter with the differences of ة/ه, ى/ي and hamza seats set aside.
fn fold(c: char) -> char {
    match c {
        'ة' => 'ه',
        'ى' => 'ي',
        'أ' | 'إ' | 'آ' | 'ء' | 'ؤ' | 'ئ' => 'ا',
        c => c,
    }
}

/// The names grouped by their variant key, each group one name: the spelling with the most
/// occurrences is its text (the first in the corpus on a tie), the others its variants, and
/// its reasons and evidence are theirs together.
pub(super) fn group(named: Vec<Named>, keeps_vowels: impl Fn(&str) -> bool) -> Vec<Named> {
    let mut groups: Vec<Vec<Named>> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for n in named {
        let key = variant_key(&n.key, &keeps_vowels);
        match by_key.get(&key) {
            Some(&at) => groups[at].push(n),
            None => {
                by_key.insert(key, groups.len());
                groups.push(vec![n]);
            }
        }
    }
    groups
        .into_iter()
        .map(|mut spellings| {
            crate::sorting::sort_by(&mut spellings, |a, b| b.evidence.len().cmp(&a.evidence.len()).then(a.evidence[0].cmp(&b.evidence[0])));
            let mut spellings = spellings.into_iter();
            let mut name = spellings.next().expect("a group has a name");
            for other in spellings {
                if other.text != name.text && !name.variants.contains(&other.text) {
                    name.variants.push(other.text);
                }
                for (reason, strength) in other.reasons {
                    match name.reasons.iter_mut().find(|(r, _)| *r == reason) {
                        Some((_, s)) => *s = s.max(strength),
                        None => name.reasons.push((reason, strength)),
                    }
                }
                name.evidence.extend(other.evidence);
            }
            crate::sorting::sort(&mut name.evidence);
            crate::sorting::sort_by(&mut name.reasons, |a, b| a.0.detector().cmp(&b.0.detector()));
            name
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> String {
        variant_key(text, |w| ["حسن", "حسين"].contains(&w))
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        assert_eq!(key("وليام كورتني"), key("ويليام كورتني"));
        assert_eq!(key("عبد الفتاح البرهان"), key("عبدالفتاح البرهان"));
        assert_eq!(key("حمزة"), key("حمزه"));
        assert_eq!(key("مؤتمر"), key("موتمر"));
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(key("حسن نصر"), key("حسين نصر"));
        // A space after a joining letter is a word boundary: كمال عادل is not كمالعادل.
        assert_ne!(key("بيت لحم"), key("بيتلحم"));
        assert_ne!(key("كورتني"), key("كورتن"));
        assert_ne!(key("حسن"), key("حسين"));
    }
}
