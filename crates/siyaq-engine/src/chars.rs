//! Character classes the tokenizer and normalizer agree on.
//!
//! The tables follow §6.1 of the project's Arabic survey: which code points are Arabic letters,
//! which are marks that ride on a letter, and which are invisible characters that may sit inside a
//! word without breaking it.

/// Arabic combining marks: harakat, shadda, sukun, Quranic annotation marks, superscript alef.
pub const fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

/// Combining marks of other scripts that can appear on Latin names (é written as e + U+0301).
pub fn is_other_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

pub fn is_mark(c: char) -> bool {
    is_arabic_mark(c) || is_other_combining_mark(c)
}

pub const TATWEEL: char = '\u{0640}';

/// Unicode's Default_Ignorable_Code_Point set (as printed by ICU4X's `icu_properties` 2.x),
/// minus nothing: ZWNJ, ZWJ, the bidi controls and the BOM are all in it.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{061C}'
        | '\u{115F}'..='\u{1160}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// Letters of the Arabic script, including the presentation forms a copy-pasted PDF produces.
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}')
}

/// Class of each character of the Arabic block U+0600–U+06FF, for the tokenizer's fast path.
pub const BLOCK_OTHER: u8 = 0;
pub const BLOCK_LETTER: u8 = 1;
pub const BLOCK_MARK: u8 = 2;

pub static ARABIC_BLOCK_CLASS: [u8; 256] = {
    let mut table = [BLOCK_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let c = match char::from_u32(0x0600 + i as u32) {
            Some(c) => c,
            None => ' ',
        };
        table[i] = if is_arabic_letter(c) || c == TATWEEL {
            BLOCK_LETTER
        } else if is_arabic_mark(c) {
            BLOCK_MARK
        } else {
            BLOCK_OTHER
        };
        i += 1;
    }
    table
};

/// Decimal digits of any script (ASCII, Arabic-Indic, Extended Arabic-Indic, ...).
pub fn is_digit(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The value of a decimal digit of the scripts siyaq's users meet.
pub fn decimal_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Characters that keep a number whole when they sit between two digits:
/// `2.7`, `6,2`, `١٢٫٥` (Arabic decimal separator), `١٢٬٥٠٠` (Arabic thousands separator).
pub fn is_number_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

/// Letters that start or continue a word (Arabic, Latin, Cyrillic, ...), tatweel included.
pub fn is_word_letter(c: char) -> bool {
    c == TATWEEL || is_arabic_letter(c) || (c.is_alphabetic() && !is_mark(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_three_scripts_have_their_values() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('٧'), Some(7));
        assert_eq!(decimal_value('۷'), Some(7));
        assert!(is_digit('٣') && is_digit('3') && is_digit('۳'));
        assert!(!is_digit('ا') && !is_digit('½'));
    }

    #[test]
    fn harakat_are_marks_not_letters() {
        for c in ['\u{064B}', '\u{064E}', '\u{0651}', '\u{0652}', '\u{0670}'] {
            assert!(is_mark(c), "{:X}", c as u32);
            assert!(!is_word_letter(c), "{:X}", c as u32);
        }
        assert!(is_word_letter('ب') && is_word_letter(TATWEEL) && is_word_letter('ﻻ'));
    }

    #[test]
    fn the_block_table_agrees_with_the_predicates() {
        for i in 0..256u32 {
            let c = char::from_u32(0x0600 + i).unwrap();
            let class = ARABIC_BLOCK_CLASS[i as usize];
            // The fast path may leave a character to the general one, never contradict it.
            if class == BLOCK_LETTER {
                assert!(is_word_letter(c), "{c:?}");
            }
            if class == BLOCK_MARK {
                assert!(is_mark(c), "{c:?}");
            }
        }
    }

    #[test]
    fn invisible_characters_are_ignorable() {
        for c in ['\u{200C}', '\u{200D}', '\u{200F}', '\u{061C}', '\u{FEFF}', '\u{2067}'] {
            assert!(is_default_ignorable(c), "{:X}", c as u32);
        }
        assert!(!is_default_ignorable(' ') && !is_default_ignorable('\u{00A0}'));
    }
}
