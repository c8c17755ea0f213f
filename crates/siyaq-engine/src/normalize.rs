//! Arabic normalization with a map back to the original text.
//!
//! One normalizer serves the corpus and the query, so both sides fold the same way. Every step of
//! §6.1 of the project's Arabic survey is its own switch in [`Steps`]; the profiles
//! [`Profile::Strict`], [`Profile::Search`] (the default) and [`Profile::Loose`] are presets of
//! those switches. Steps run in a fixed order, which matters: NFC composes a decomposed hamza
//! (ا + U+0654 → أ) before marks are deleted and before alef forms fold, and the misspelling ىء is
//! repaired to ئ before ى folds to ي.
//!
//! [`Normalizer::normalize_with_map`] also records, for every stretch of the output, the stretch of
//! the input it came from, so a match found in normalized text is highlighted in the original,
//! marks and tatweel included.

use std::ops::Range;

use crate::nfc::{combining_class, first_decomposed, nfc};

use crate::chars::{is_arabic_mark, is_default_ignorable, TATWEEL};

/// The normalization profiles of §6.1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Orthographically faithful: invisibles, NFC, presentation forms, tatweel, whitespace.
    Strict,
    /// Strict plus marks, alef forms, alef maqsura, Persian/Urdu letters, digits, Latin case.
    #[default]
    Search,
    /// Search plus teh marbuta → heh and hamza seats → bare hamza: maximum recall.
    Loose,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Strict, Profile::Search, Profile::Loose];

    pub fn steps(self) -> Steps {
        let strict = Steps {
            invisibles: true,
            nfc: true,
            presentation_forms: true,
            tatweel: true,
            whitespace: true,
            diacritics: false,
            alef: false,
            alef_maqsura: false,
            persian_letters: false,
            digits: false,
            latin_case: false,
            teh_marbuta: false,
            hamza_seats: false,
        };
        let search = Steps {
            diacritics: true,
            alef: true,
            alef_maqsura: true,
            persian_letters: true,
            digits: true,
            latin_case: true,
            ..strict
        };
        match self {
            Profile::Strict => strict,
            Profile::Search => search,
            Profile::Loose => Steps { teh_marbuta: true, hamza_seats: true, ..search },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Profile::Strict => "strict",
            Profile::Search => "search",
            Profile::Loose => "loose",
        }
    }

    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// Each normalization step, on or off. Field order is the order in which steps apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Steps {
    /// Delete Default_Ignorable code points: ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings and
    /// isolates, BOM, soft hyphen, variation selectors. Deleted, not turned into spaces, because
    /// ZWNJ and ZWJ occur inside words.
    pub invisibles: bool,
    /// Canonical composition (NFC): ا + U+0654 → أ, canonical order of stacked marks.
    pub nfc: bool,
    /// Compatibility decomposition of Arabic presentation forms only (U+FB50–FDFF, U+FE70–FEFE):
    /// contextual letter forms → letters, ﻻ → لا, ﷲ → الله. ﷼ → ريال with Arabic yeh; the
    /// bismillah ligature U+FDFD, which has no decomposition, → بسم الله الرحمن الرحيم.
    pub presentation_forms: bool,
    /// Delete tatweel U+0640.
    pub tatweel: bool,
    /// No-break and other fixed-width spaces → plain space.
    pub whitespace: bool,
    /// Delete Arabic marks: harakat, tanween, shadda, sukun, U+0653–065F, superscript alef, Quranic
    /// annotation marks.
    pub diacritics: bool,
    /// أ إ آ ٱ ٲ ٳ ٵ → ا.
    pub alef: bool,
    /// ى → ي, after repairing the misspelling ىء → ئ.
    pub alef_maqsura: bool,
    /// Persian and Urdu look-alikes → Arabic letters (ی → ي, ک → ك, ہ ھ ە → ه, گ → ك, پ → ب, ...).
    pub persian_letters: bool,
    /// Arabic-Indic and Persian digits → ASCII; ٫ → `.`, ٬ deleted, ٪ → `%`.
    pub digits: bool,
    /// Latin letters → lower case.
    pub latin_case: bool,
    /// ة → ه (conflates وزيرة "female minister" with وزيره "his minister": loose only).
    pub teh_marbuta: bool,
    /// ؤ ئ → ء (conflates مسؤول/مسئول and شؤون/شئون: loose only).
    pub hamza_seats: bool,
}

impl Default for Steps {
    fn default() -> Self {
        Profile::Search.steps()
    }
}

/// A switch of [`Steps`], named for settings screens and links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Invisibles,
    Nfc,
    PresentationForms,
    Tatweel,
    Whitespace,
    Diacritics,
    Alef,
    AlefMaqsura,
    PersianLetters,
    Digits,
    LatinCase,
    TehMarbuta,
    HamzaSeats,
}

impl Step {
    pub const ALL: [Step; 13] = [
        Step::Invisibles,
        Step::Nfc,
        Step::PresentationForms,
        Step::Tatweel,
        Step::Whitespace,
        Step::Diacritics,
        Step::Alef,
        Step::AlefMaqsura,
        Step::PersianLetters,
        Step::Digits,
        Step::LatinCase,
        Step::TehMarbuta,
        Step::HamzaSeats,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::Invisibles => "invisibles",
            Step::Nfc => "nfc",
            Step::PresentationForms => "presentation-forms",
            Step::Tatweel => "tatweel",
            Step::Whitespace => "whitespace",
            Step::Diacritics => "diacritics",
            Step::Alef => "alef",
            Step::AlefMaqsura => "alef-maqsura",
            Step::PersianLetters => "persian-letters",
            Step::Digits => "digits",
            Step::LatinCase => "latin-case",
            Step::TehMarbuta => "teh-marbuta",
            Step::HamzaSeats => "hamza-seats",
        }
    }

    pub fn from_name(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl Steps {
    pub fn get(&self, step: Step) -> bool {
        // Read through a copy, so that the step-to-field table below is written once.
        let mut steps = *self;
        *steps.field_mut(step)
    }

    pub fn set(&mut self, step: Step, on: bool) {
        *self.field_mut(step) = on;
    }

    /// The switch of `step`.
    fn field_mut(&mut self, step: Step) -> &mut bool {
        match step {
            Step::Invisibles => &mut self.invisibles,
            Step::Nfc => &mut self.nfc,
            Step::PresentationForms => &mut self.presentation_forms,
            Step::Tatweel => &mut self.tatweel,
            Step::Whitespace => &mut self.whitespace,
            Step::Diacritics => &mut self.diacritics,
            Step::Alef => &mut self.alef,
            Step::AlefMaqsura => &mut self.alef_maqsura,
            Step::PersianLetters => &mut self.persian_letters,
            Step::Digits => &mut self.digits,
            Step::LatinCase => &mut self.latin_case,
            Step::TehMarbuta => &mut self.teh_marbuta,
            Step::HamzaSeats => &mut self.hamza_seats,
        }
    }

    /// The profile these steps equal, if any.
    pub fn profile(&self) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.steps() == *self)
    }
}

/// What happens to one character of the Arabic block U+0600–U+06FF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    Keep,
    Drop,
    To(char),
}

/// How the fast path treats a character of the Arabic block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plain {
    /// Unchanged: copied as part of a stretch.
    Keep,
    /// Folded or deleted, by itself (alef maqsura included: its repair looks one char ahead).
    Fold,
    /// Needs the general path: it composes with its base, or is a mark to put in order.
    General,
}

const ALEF_MAQSURA: char = '\u{0649}';
const HAMZA: char = '\u{0621}';
const YEH_HAMZA: char = '\u{0626}';

/// Normalized text, with where each part of it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// `(normalized byte, original range)`, one entry per run of output that came from one
    /// stretch of input, in order. The normalized bytes are strictly increasing and the original
    /// ranges never overlap or go backwards.
    pub segments: Vec<(usize, Range<usize>)>,
    /// Length of the original text.
    pub original_len: usize,
}

impl Normalized {
    /// The original byte range that normalized bytes `range` came from. An empty range maps to
    /// an empty range at the matching original position.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        if self.segments.is_empty() {
            return 0..0;
        }
        let segment_of = |byte: usize| self.segments.partition_point(|(start, _)| *start <= byte).saturating_sub(1);
        if range.start >= self.text.len() {
            let end = self.segments.last().map_or(0, |(_, r)| r.end);
            return end..end;
        }
        let first = &self.segments[segment_of(range.start)].1;
        if range.end <= range.start {
            return first.start..first.start;
        }
        let last = &self.segments[segment_of(range.end - 1)].1;
        first.start..last.end
    }
}

/// A normalizer configured with one set of [`Steps`].
#[derive(Clone, Debug)]
pub struct Normalizer {
    steps: Steps,
    arabic_block: [Fold; 256],
    plain: [Plain; 256],
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(Steps::default())
    }
}

impl Normalizer {
    pub fn new(steps: Steps) -> Self {
        let mut arabic_block = [Fold::Keep; 256];
        for (i, fold) in arabic_block.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).expect("Arabic block");
            *fold = fold_arabic(c, &steps);
        }
        let mut plain = [Plain::Keep; 256];
        for (i, class) in plain.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + i as u32).expect("Arabic block");
            *class = if ('\u{0653}'..='\u{0655}').contains(&c) || (!steps.diacritics && is_arabic_mark(c)) {
                Plain::General
            } else if arabic_block[i] != Fold::Keep || (c == ALEF_MAQSURA && steps.alef_maqsura) {
                Plain::Fold
            } else {
                Plain::Keep
            };
        }
        Normalizer { steps, arabic_block, plain }
    }

    pub fn for_profile(profile: Profile) -> Self {
        Normalizer::new(profile.steps())
    }

    pub fn steps(&self) -> &Steps {
        &self.steps
    }

    /// The normalized text alone.
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.normalize_into(text, &mut out);
        out
    }

    /// Appends the normalized form of `text` to `out` (for building keys without allocating).
    ///
    /// Nearly all press text is ASCII and plain letters of the Arabic block, which a table
    /// handles directly, copying unchanged stretches whole. A word holding anything else
    /// (a presentation form, an invisible character, a decomposed hamza) goes through the
    /// general path; whitespace never takes part in a composition, a ligature or the ىء repair,
    /// so words can be handled one at a time.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        let bytes = text.as_bytes();
        let mut kept_from = 0; // start of the stretch not yet copied to `out`
        let mut word_start = 0; // just after the last ASCII whitespace
        let mut out_at_word: Option<usize> = None; // `out`'s length at `word_start`, once known
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_whitespace() {
                    word_start = i + 1;
                    out_at_word = None;
                } else if self.steps.latin_case && b.is_ascii_uppercase() {
                    Self::flush(text, &mut kept_from, i, word_start, &mut out_at_word, out);
                    out.push(b.to_ascii_lowercase() as char);
                    kept_from = i + 1;
                }
                i += 1;
                continue;
            }
            let class = if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
                let slot = (((b - 0xD8) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
                Some((slot, self.plain[slot]))
            } else {
                None
            };
            match class {
                Some((_, Plain::Keep)) => i += 2,
                Some((slot, Plain::Fold)) => {
                    Self::flush(text, &mut kept_from, i, word_start, &mut out_at_word, out);
                    let c = char::from_u32(0x0600 + slot as u32).unwrap_or('\u{FFFD}');
                    if c == ALEF_MAQSURA && self.steps.alef_maqsura {
                        // ىء is a misspelling of ئ (bytes D8 A1 are ء), with or without deleted
                        // marks or tatweel between them, as the general path has it (ىْء).
                        let mut next = i + 2;
                        while let [lead @ 0xD8..=0xDB, trail, ..] = bytes[next..]
                            && self.arabic_block[(((lead - 0xD8) as usize) << 6) | (trail & 0x3F) as usize] == Fold::Drop
                        {
                            next += 2;
                        }
                        if bytes.get(next..next + 2) == Some(&[0xD8, 0xA1]) {
                            out.push(if self.steps.hamza_seats { HAMZA } else { YEH_HAMZA });
                            i = next;
                        } else {
                            out.push('ي');
                        }
                    } else if let Fold::To(to) = self.arabic_block[slot] {
                        out.push(to);
                    }
                    i += 2;
                    kept_from = i;
                }
                Some((_, Plain::General)) | None => {
                    // Redo this whole word with the general path.
                    match out_at_word {
                        Some(len) => out.truncate(len),
                        None => out.push_str(&text[kept_from..word_start]),
                    }
                    let end = bytes[i..].iter().position(u8::is_ascii_whitespace).map_or(bytes.len(), |p| i + p);
                    self.run(&text[word_start..end], |c, _| {
                        if let Some(c) = c {
                            out.push(c)
                        }
                    });
                    kept_from = end;
                    i = end;
                    out_at_word = Some(out.len());
                    word_start = end;
                }
            }
        }
        out.push_str(&text[kept_from..]);
    }

    /// Copies the unchanged stretch before `at` to `out`, noting where the current word began
    /// in `out` the first time the word changes something.
    fn flush(text: &str, kept_from: &mut usize, at: usize, word_start: usize, out_at_word: &mut Option<usize>, out: &mut String) {
        if out_at_word.is_none() {
            *out_at_word = Some(out.len() + word_start.saturating_sub(*kept_from));
        }
        out.push_str(&text[*kept_from..at]);
        *kept_from = at;
    }

    /// The normalized text and the map back to the original.
    pub fn normalize_with_map(&self, text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut segments: Vec<(usize, Range<usize>)> = Vec::new();
        self.run(text, |c, origin| match (c, segments.last_mut()) {
            // A deleted mark or tatweel belongs to the letter before it, so a highlight of the
            // word covers it.
            (None, Some((_, last))) if last.end == origin.start => last.end = origin.end,
            (None, _) => {}
            (Some(c), last) => {
                match last {
                    // Several output chars from one stretch of input share its segment.
                    Some((_, r)) if origin.start < r.end => r.end = r.end.max(origin.end),
                    _ => segments.push((out.len(), origin)),
                }
                out.push(c);
            }
        });
        Normalized { text: out, segments, original_len: text.len() }
    }

    /// Feeds every output char, with the original byte range it came from, to `emit`; a deleted
    /// mark or tatweel is reported as `None` with its range.
    fn run(&self, text: &str, mut emit: impl FnMut(Option<char>, Range<usize>)) {
        let steps = &self.steps;
        // ى waits here in case ء follows (ىء is a misspelling of ئ).
        let mut held: Option<Range<usize>> = None;
        let mut out = |c: Option<char>, origin: Range<usize>, emit: &mut dyn FnMut(Option<char>, Range<usize>)| {
            let Some(c) = c else {
                match &mut held {
                    Some(maqsura) if maqsura.end == origin.start => maqsura.end = origin.end,
                    _ => emit(None, origin),
                }
                return;
            };
            if let Some(maqsura) = held.take() {
                // Only a hamza written as such repairs ى (not ؤ folded to ء in the loose profile).
                if c == HAMZA && text[origin.start..].starts_with(HAMZA) {
                    let repaired = if steps.hamza_seats { HAMZA } else { YEH_HAMZA };
                    emit(Some(repaired), maqsura.start..origin.end);
                    return;
                }
                emit(Some(if steps.alef_maqsura { 'ي' } else { ALEF_MAQSURA }), maqsura);
            }
            if c == ALEF_MAQSURA && steps.alef_maqsura {
                held = Some(origin);
            } else {
                emit(Some(c), origin);
            }
        };

        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = text[i..].chars().next().expect("char boundary");
            let len = c.len_utf8();
            let origin = i..i + len;
            let next_is_ascii = bytes.get(i + len).is_none_or(u8::is_ascii);
            if steps.invisibles && is_default_ignorable(c) {
                i += len;
                continue;
            }
            // A cluster starts at a base with marks after it, or at a mark with no base before it
            // here: at the start of the text, or after deleted invisibles. NFC still has to see
            // such a mark, which may decompose (U+0340 → U+0300) or need putting in order; and the
            // fast path starts each word after ASCII whitespace with nothing before it, where this
            // path had the whitespace as a base (found by fuzzing: tab + U+0340).
            let baseless_mark = || self.first_seen_by_nfc(c).is_some_and(|m| !m.is_ascii() && combining_class(m) != 0);
            if steps.nfc && ((!next_is_ascii && self.starts_composition(text, i + len)) || baseless_mark()) {
                let end = self.cluster_end(text, i + len);
                // Presentation forms unfold before composing, as in NFKC: ﻻ + U+0654 → لأ. The
                // tatweel a form like ﹷ (tatweel + fatha) unfolds to goes before NFC too, or it
                // would keep the fatha from being put in order with the marks before it.
                let mut cluster = String::new();
                for m in text[i..end].chars() {
                    if steps.presentation_forms && is_presentation_form(m) {
                        cluster.extend(expand_presentation_form(m).into_iter().filter(|&e| !self.is_transparent(e)));
                    } else if !self.is_transparent(m) {
                        cluster.push(m);
                    }
                }
                for composed in self.compose_and_fold(&cluster) {
                    self.fold(composed, i..end, &mut |c, o| out(c, o, &mut emit));
                }
                i = end;
                continue;
            }
            if c.is_ascii() {
                let c = if steps.latin_case { c.to_ascii_lowercase() } else { c };
                out(Some(c), origin, &mut emit);
            } else if steps.presentation_forms && is_presentation_form(c) {
                for expanded in expand_presentation_form(c) {
                    self.fold(expanded, origin.clone(), &mut |c, o| out(c, o, &mut emit));
                }
            } else {
                self.fold(c, origin, &mut |c, o| out(c, o, &mut emit));
            }
            i += len;
        }
        if let Some(maqsura) = held.take() {
            emit(Some(if steps.alef_maqsura { 'ي' } else { ALEF_MAQSURA }), maqsura);
        }
    }

    /// NFC of `cluster`, composed again wherever folding what NFC gave leaves something that is not
    /// NFC, so that folding the result leaves NFC text, as a second pass would see it: with marks
    /// kept, ٱ + U+0654 folds to ا + U+0654 and آ + madda to ا + madda, which compose; ى and ی fold
    /// to ي, which composes with U+0654 too; İ + U+0316 lowercases to i + U+0307 + U+0316, out of
    /// order; a deleted madda no longer blocks a + U+0301.
    fn compose_and_fold(&self, cluster: &str) -> Vec<char> {
        let mut composed: Vec<char> = nfc(cluster).collect();
        // Folds make letters and marks that settle within a round or two; the bound is only a
        // safeguard, so that no cluster can keep the page busy.
        for _ in 0..8 {
            let mut folded = String::new();
            for &c in &composed {
                self.fold(c, 0..0, &mut |c, _| folded.extend(c));
            }
            if self.steps.alef_maqsura {
                // The ىء repair needs a ء, a starter that ends a cluster.
                folded = folded.replace(ALEF_MAQSURA, "ي");
            }
            let again: Vec<char> = nfc(&folded).collect();
            if again.iter().copied().eq(folded.chars()) {
                break;
            }
            composed = again;
        }
        composed
    }

    /// Whether the char at byte `next` is a combining mark that NFC must see with its base.
    fn starts_composition(&self, text: &str, next: usize) -> bool {
        // Deleted characters between a letter and its mark do not stop composition.
        match text[next..].chars().find_map(|c| self.first_seen_by_nfc(c)) {
            // Only U+0653–0655 compose with Arabic letters; other harakat only need canonical
            // ordering, which matters when marks are kept.
            Some(m) if ('\u{0653}'..='\u{0655}').contains(&m) => true,
            Some(m) if is_arabic_mark(m) => !self.steps.diacritics,
            // The rest of the Arabic block (letters, digits, punctuation) never combines: skip
            // the table lookup for the common case.
            Some(m) if (m as u32) < 0x0300 || ('\u{0600}'..='\u{06FF}').contains(&m) => false,
            Some(m) => combining_class(m) != 0,
            None => false,
        }
    }

    /// Characters these steps delete, which therefore must not keep a mark from its base
    /// (ب + tatweel + fatha is ب + fatha once tatweel is gone).
    fn is_transparent(&self, c: char) -> bool {
        (self.steps.invisibles && is_default_ignorable(c))
            || (self.steps.tatweel && c == TATWEEL)
            // A deleted haraka between two marks must not keep them from being put in order
            // (found by fuzzing); the hamza and madda that compose are not deleted before NFC.
            || (self.steps.diacritics && is_arabic_mark(c) && !('\u{0653}'..='\u{0655}').contains(&c))
    }

    /// The end of the cluster whose base ends at `from`: the combining marks that follow, and the
    /// deleted characters among them.
    fn cluster_end(&self, text: &str, from: usize) -> usize {
        let mut end = from;
        for c in text[from..].chars() {
            match self.first_seen_by_nfc(c) {
                Some(first) if first.is_ascii() || combining_class(first) == 0 => break,
                _ => end += c.len_utf8(),
            }
        }
        end
    }

    /// The first char NFC gets of `c`, once `c` is unfolded and what these steps delete is gone;
    /// `None` when nothing is left of it. Clusters are cut where NFC would see a starter, not where
    /// the input has one: ﹱ (tatweel + fathatan) is a starter in the input, yet with tatweel
    /// deleted only its mark is left, which must be put in order with the marks before it, or a
    /// second pass would do so and normalization would not be idempotent (found by fuzzing).
    /// NFC sees the first char of the canonical decomposition: U+0F73 is a starter that decomposes
    /// to two marks, which NFC puts in order with the marks before it, as it lets the base before
    /// it compose with the marks after it (a + U+0F73 + U+0301 → á + U+0F71 + U+0F72, found by
    /// checking marks with no base before them).
    fn first_seen_by_nfc(&self, c: char) -> Option<char> {
        if self.is_transparent(c) {
            None
        } else if self.steps.presentation_forms && is_presentation_form(c) {
            expand_presentation_form(c).into_iter().find(|&e| !self.is_transparent(e)).map(first_decomposed)
        } else {
            Some(first_decomposed(c))
        }
    }

    /// Applies the per-character steps to `c`.
    fn fold(&self, c: char, origin: Range<usize>, emit: &mut dyn FnMut(Option<char>, Range<usize>)) {
        let steps = &self.steps;
        let code = c as u32;
        if (0x0600..=0x06FF).contains(&code) {
            match self.arabic_block[(code - 0x0600) as usize] {
                Fold::Keep => emit(Some(c), origin),
                Fold::Drop => emit(None, origin),
                Fold::To(to) => emit(Some(to), origin),
            }
            return;
        }
        if steps.diacritics && is_arabic_mark(c) {
            emit(None, origin);
            return;
        }
        if steps.whitespace && is_fixed_space(c) {
            emit(Some(' '), origin);
            return;
        }
        if steps.latin_case && c.is_uppercase() {
            for lower in c.to_lowercase() {
                emit(Some(lower), origin.clone());
            }
            return;
        }
        emit(Some(c), origin);
    }
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

fn expand_presentation_form(c: char) -> Vec<char> {
    match c {
        // NFKC would give ریال with a Farsi yeh.
        '\u{FDFC}' => "ريال".chars().collect(),
        // No decomposition exists for the bismillah ligature.
        '\u{FDFD}' => "بسم الله الرحمن الرحيم".chars().collect(),
        _ => match PRESENTATION_FORMS.binary_search_by_key(&c, |&(form, _)| form) {
            Ok(at) => PRESENTATION_FORMS[at].1.chars().collect(),
            Err(_) => vec![c],
        },
    }
}

/// NFKC of every presentation form that has a decomposition, sorted by code point (written by
/// build.rs from unicode-normalization).
const PRESENTATION_FORMS: &[(char, &str)] = include!(concat!(env!("OUT_DIR"), "/presentation_forms.rs"));

fn is_fixed_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// The fold of one char of the Arabic block under `steps` (excluding the ىء repair, which needs
/// two chars).
fn fold_arabic(c: char, steps: &Steps) -> Fold {
    if steps.tatweel && c == TATWEEL {
        return Fold::Drop;
    }
    if steps.invisibles && is_default_ignorable(c) {
        return Fold::Drop;
    }
    if steps.diacritics && is_arabic_mark(c) {
        return Fold::Drop;
    }
    if steps.alef && matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ') {
        return Fold::To('ا');
    }
    if steps.persian_letters {
        let to = match c {
            'ی' | 'ۍ' | 'ێ' | 'ې' | 'ے' => Some('ي'),
            'ک' | 'گ' => Some('ك'),
            'ہ' | 'ھ' | 'ە' | 'ۀ' | 'ۂ' | 'ۿ' => Some('ه'),
            'ۃ' => Some(if steps.teh_marbuta { 'ه' } else { 'ة' }),
            'ۓ' => Some(if steps.hamza_seats { 'ء' } else { 'ئ' }),
            'پ' => Some('ب'),
            'چ' => Some('ج'),
            'ژ' => Some('ز'),
            'ڤ' => Some('ف'),
            _ => None,
        };
        if let Some(to) = to {
            return Fold::To(to);
        }
    }
    if steps.digits {
        match c {
            '\u{0660}'..='\u{0669}' => return Fold::To(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => return Fold::To(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            '\u{066B}' => return Fold::To('.'),
            '\u{066C}' => return Fold::Drop,
            '\u{066A}' => return Fold::To('%'),
            _ => {}
        }
    }
    if steps.teh_marbuta && c == 'ة' {
        return Fold::To('ه');
    }
    if steps.hamza_seats && matches!(c, 'ؤ' | 'ئ') {
        return Fold::To('ء');
    }
    Fold::Keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(text: &str) -> String {
        Normalizer::for_profile(Profile::Search).normalize(text)
    }

    fn no_steps() -> Steps {
        Steps {
            invisibles: false,
            nfc: false,
            presentation_forms: false,
            tatweel: false,
            whitespace: false,
            diacritics: false,
            alef: false,
            alef_maqsura: false,
            persian_letters: false,
            digits: false,
            latin_case: false,
            teh_marbuta: false,
            hamza_seats: false,
        }
    }

    fn with(step: Step, on: bool, text: &str) -> String {
        let mut steps = no_steps();
        steps.set(step, on);
        Normalizer::new(steps).normalize(text)
    }

    #[test]
    fn profiles_are_nested() {
        let strict = Profile::Strict.steps();
        let search = Profile::Search.steps();
        let loose = Profile::Loose.steps();
        for step in Step::ALL {
            assert!(!strict.get(step) || search.get(step), "{step:?}");
            assert!(!search.get(step) || loose.get(step), "{step:?}");
        }
        assert_eq!(Steps::default().profile(), Some(Profile::Search));
        for profile in Profile::ALL {
            assert_eq!(Profile::from_name(profile.name()), Some(profile));
        }
        for step in Step::ALL {
            assert_eq!(Step::from_name(step.name()), Some(step));
        }
    }

    #[test]
    fn step_invisibles_deletes_rather_than_splits() {
        assert_eq!(with(Step::Invisibles, true, "أبو\u{200C}ظبي"), "أبوظبي");
        assert_eq!(with(Step::Invisibles, true, "\u{FEFF}\u{200F}لبنان\u{061C}"), "لبنان");
        assert_eq!(with(Step::Invisibles, true, "\u{2067}بوتين\u{2069}"), "بوتين");
        assert_eq!(with(Step::Invisibles, false, "أبو\u{200C}ظبي"), "أبو\u{200C}ظبي");
    }

    #[test]
    fn step_nfc_composes_decomposed_hamza_and_madda() {
        assert_eq!(with(Step::Nfc, true, "ا\u{0654}حمد"), "أحمد");
        assert_eq!(with(Step::Nfc, true, "ا\u{0653}ستانا"), "آستانا");
        assert_eq!(with(Step::Nfc, true, "ا\u{0655}يران"), "إيران");
        assert_eq!(with(Step::Nfc, true, "مسو\u{0654}ول"), "مسؤول");
        assert_eq!(with(Step::Nfc, true, "e\u{0301}"), "é");
        // Canonical order of stacked marks: fatha (ccc 30) before shadda (ccc 33).
        assert_eq!(with(Step::Nfc, true, "ب\u{0651}\u{064E}"), "ب\u{064E}\u{0651}");
        assert_eq!(with(Step::Nfc, false, "ا\u{0654}"), "ا\u{0654}");
    }

    #[test]
    fn decomposed_hamza_survives_mark_deletion_in_the_search_profile() {
        // NFC runs before marks are deleted: the hamza is composed, then alef folding applies.
        assert_eq!(search("ا\u{0654}حمد"), "احمد");
        assert_eq!(search("مسو\u{0654}ول"), "مسؤول");
        let mut no_nfc = Profile::Search.steps();
        no_nfc.nfc = false;
        assert_eq!(Normalizer::new(no_nfc).normalize("مسو\u{0654}ول"), "مسوول");
    }

    #[test]
    fn step_presentation_forms_unfolds_letters_and_ligatures() {
        assert_eq!(with(Step::PresentationForms, true, "ﻻﺟﺌﻴﻦ"), "لاجئين");
        assert_eq!(with(Step::PresentationForms, true, "ﻷ"), "لأ");
        assert_eq!(with(Step::PresentationForms, true, "ﷲ"), "الله");
        assert_eq!(with(Step::PresentationForms, true, "ﷺ"), "صلى الله عليه وسلم");
        assert_eq!(with(Step::PresentationForms, true, "\u{FDFC}"), "ريال");
        assert_eq!(with(Step::PresentationForms, true, "\u{FDFD}"), "بسم الله الرحمن الرحيم");
        // Outside the Arabic presentation blocks nothing is folded: no full NFKC.
        assert_eq!(with(Step::PresentationForms, true, "x² ½ Ａ"), "x² ½ Ａ");
        assert_eq!(with(Step::PresentationForms, false, "ﻻ"), "ﻻ");
    }

    #[test]
    fn presentation_form_table_is_nfkc_for_every_form() {
        use unicode_normalization::UnicodeNormalization;
        for c in ('\u{FB50}'..='\u{FDFB}').chain('\u{FDFE}'..='\u{FDFF}').chain('\u{FE70}'..='\u{FEFE}') {
            let nfkc: Vec<char> = std::iter::once(c).nfkc().collect();
            assert_eq!(expand_presentation_form(c), nfkc, "U+{:04X}", u32::from(c));
        }
        assert!(PRESENTATION_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(PRESENTATION_FORMS.len() > 700, "{} forms", PRESENTATION_FORMS.len());
    }

    #[test]
    fn step_tatweel() {
        assert_eq!(with(Step::Tatweel, true, "الكثيـــر لـ100"), "الكثير ل100");
        assert_eq!(with(Step::Tatweel, false, "لـ"), "لـ");
    }

    #[test]
    fn step_whitespace() {
        assert_eq!(with(Step::Whitespace, true, "أ\u{00A0}ب\u{202F}ج\u{2009}د"), "أ ب ج د");
    }

    #[test]
    fn step_diacritics_deletes_every_arabic_mark() {
        assert_eq!(with(Step::Diacritics, true, "مُبَكِّرًا"), "مبكرا");
        assert_eq!(with(Step::Diacritics, true, "رَحْمٰن"), "رحمن");
        assert_eq!(with(Step::Diacritics, true, "ا\u{0653}\u{0654}\u{0655}\u{0656}\u{065F}"), "ا");
        assert_eq!(with(Step::Diacritics, true, "ۖقلۗ"), "قل");
        // Quranic symbols that are not marks stay.
        assert_eq!(with(Step::Diacritics, true, "\u{06DD}\u{06DE}\u{06E9}"), "\u{06DD}\u{06DE}\u{06E9}");
    }

    #[test]
    fn step_alef_folds_hamza_and_madda_forms() {
        assert_eq!(with(Step::Alef, true, "أإآٱٲٳٵا"), "اااااااا");
        assert_eq!(with(Step::Alef, true, "ألمانيا"), "المانيا");
        assert_eq!(with(Step::Alef, false, "أ"), "أ");
    }

    #[test]
    fn step_alef_maqsura_repairs_maqsura_hamza_first() {
        assert_eq!(with(Step::AlefMaqsura, true, "على في فى الذى"), "علي في في الذي");
        assert_eq!(with(Step::AlefMaqsura, true, "شىء"), "شئ");
        assert_eq!(with(Step::AlefMaqsura, true, "مستشفى"), "مستشفي");
        assert_eq!(with(Step::AlefMaqsura, false, "على"), "على");
    }

    #[test]
    fn step_persian_letters() {
        assert_eq!(with(Step::PersianLetters, true, "یکی"), "يكي");
        assert_eq!(with(Step::PersianLetters, true, "پوتین گاز چای ژنو ڤيينا"), "بوتين كاز جاي زنو فيينا");
        assert_eq!(with(Step::PersianLetters, true, "ہھەۀۂۿ"), "هههههه");
        assert_eq!(with(Step::PersianLetters, true, "ۃۓ"), "ةئ");
    }

    #[test]
    fn step_digits_and_separators() {
        assert_eq!(with(Step::Digits, true, "١٢٣٤٥٦٧٨٩٠ ۱۲۳"), "1234567890 123");
        assert_eq!(with(Step::Digits, true, "١٢٫٥ ١٢٬٥٠٠ ٥٠٪"), "12.5 12500 50%");
        assert_eq!(with(Step::Digits, false, "١٢"), "١٢");
    }

    #[test]
    fn step_latin_case() {
        assert_eq!(with(Step::LatinCase, true, "CSTO Nezalezhnaya ÉLYSÉE"), "csto nezalezhnaya élysée");
    }

    #[test]
    fn loose_steps_conflate_what_search_keeps_apart() {
        assert_eq!(with(Step::TehMarbuta, true, "وزيرة"), "وزيره");
        assert_eq!(with(Step::HamzaSeats, true, "مسؤول مسئول شؤون"), "مسءول مسءول شءون");
        assert_ne!(search("وزيرة"), search("وزيره"));
        assert_ne!(search("مسؤول"), search("مسئول"));
        let loose = Normalizer::for_profile(Profile::Loose);
        assert_eq!(loose.normalize("مسؤول"), loose.normalize("مسئول"));
        assert_eq!(loose.normalize("وزيرة"), loose.normalize("وزيره"));
    }

    #[test]
    fn search_profile_on_corpus_spellings() {
        assert_eq!(search("مبكرًا"), "مبكرا");
        assert_eq!(search("حوّل"), "حول");
        assert_eq!(search("إلى"), "الي");
        assert_eq!(search("لـ100الف"), "ل100الف");
        assert_eq!(search("(CSTO)"), "(csto)");
        assert_eq!(search("فرط\u{00A0}صوتية"), "فرط صوتية");
    }

    #[test]
    fn marks_around_a_deleted_haraka_are_ordered_once_and_for_all() {
        // Found by fuzzing: Hebrew accents on either side of an Arabic mark that is deleted.
        let mut steps = Profile::Search.steps();
        steps.alef_maqsura = false;
        let normalizer = Normalizer::new(steps);
        let text = "\u{05A9}\u{0610}\u{05B9}\u{05A3}N";
        let once = normalizer.normalize(text);
        assert_eq!(normalizer.normalize(&once), once);
        // A haraka between alef and a hamza above no longer stops them composing.
        assert_eq!(Normalizer::for_profile(Profile::Search).normalize("ا\u{064E}\u{0654}"), "ا");
        assert_eq!(Normalizer::for_profile(Profile::Strict).normalize("ا\u{0654}"), "أ");
    }

    #[test]
    fn marks_unfolded_from_presentation_forms_are_ordered_once_and_for_all() {
        // Found by fuzzing: ﹱ is tatweel + fathatan (ccc 27); once tatweel is deleted the fathatan
        // follows the Telugu length mark (ccc 84) and must go before it in the first pass.
        let steps = Steps { nfc: true, presentation_forms: true, tatweel: true, ..no_steps() };
        let normalizer = Normalizer::new(steps);
        assert_eq!(normalizer.normalize("\u{0C55}\u{FE71}"), "\u{064B}\u{0C55}");
        assert_eq!(normalizer.normalize("\u{064B}\u{0C55}"), "\u{064B}\u{0C55}");
        // The same on Arabic text, in every profile that keeps marks: shadda (ccc 33) then ﹷ
        // (tatweel + fatha, ccc 30), as after a literal tatweel; marks on both sides of the form; an
        // invisible character in between.
        for steps in [steps, Steps { invisibles: true, ..steps }, Profile::Strict.steps()] {
            let normalizer = Normalizer::new(steps);
            for (text, expected) in [
                ("ب\u{0651}\u{FE77}", "ب\u{064E}\u{0651}"),
                ("ب\u{0651}\u{0640}\u{064E}", "ب\u{064E}\u{0651}"),
                ("ب\u{0652}\u{FE71}\u{0651}", "ب\u{064B}\u{0651}\u{0652}"),
                ("ب\u{0651}\u{FCF2}", "ب\u{064E}\u{0651}\u{0651}"),
                ("\u{0301}\u{FE71}\u{0C55}", "\u{064B}\u{0C55}\u{0301}"),
                ("ب\u{0651}\u{FE7F}\u{FE71}", "ب\u{064B}\u{0651}\u{0652}"),
            ] {
                let once = normalizer.normalize(text);
                assert_eq!(once, expected, "{steps:?} {text:?}");
                assert_eq!(normalizer.normalize_with_map(text).text, once, "{steps:?} {text:?}");
                assert_eq!(normalizer.normalize(&once), once, "{steps:?} {text:?}");
            }
        }
        let with_invisibles = Normalizer::new(Steps { invisibles: true, ..steps });
        assert_eq!(with_invisibles.normalize("ب\u{0651}\u{200C}\u{FE77}"), "ب\u{064E}\u{0651}");
        // Kept, ZWNJ is a starter: the marks on either side of it are not one cluster.
        assert_eq!(normalizer.normalize("ب\u{0651}\u{200C}\u{FE77}"), "ب\u{0651}\u{200C}\u{064E}");
        // With marks deleted, a form that unfolds to nothing is no starter either.
        let no_marks = Normalizer::new(Steps { diacritics: true, ..steps });
        assert_eq!(no_marks.normalize("\u{0301}\u{FE71}\u{0C55}"), "\u{0C55}\u{0301}");
        assert_eq!(no_marks.normalize("ا\u{FE71}\u{0654}"), "أ");
        // Tatweel kept: it is a starter between the marks, as the literal one is.
        let keep_tatweel = Normalizer::new(Steps { tatweel: false, ..steps });
        assert_eq!(keep_tatweel.normalize("ب\u{0651}\u{FE77}"), "ب\u{0651}\u{0640}\u{064E}");
    }

    #[test]
    fn what_a_fold_leaves_composes_in_the_first_pass() {
        // Found by fuzzing: آ + madda folds to ا + madda, which a second pass composes to آ.
        let alef = Steps { nfc: true, presentation_forms: true, alef: true, ..no_steps() };
        let maqsura = Steps { nfc: true, alef_maqsura: true, ..no_steps() };
        let persian = Steps { nfc: true, persian_letters: true, ..no_steps() };
        let diacritics = Steps { nfc: true, diacritics: true, ..no_steps() };
        let latin_case = Steps { nfc: true, latin_case: true, ..no_steps() };
        for (steps, text, expected) in [
            (alef, "ﻻ\u{0653}\u{0653}", "لا"),
            (alef, "ا\u{0653}\u{0653}", "ا"),
            (alef, "ٱ\u{0654}", "ا"),
            (maqsura, "ى\u{0654}", "ئ"),
            (persian, "ی\u{0654}", "ئ"),
            // The madda between them kept the acute from the a; once deleted, nothing does.
            (diacritics, "a\u{0653}\u{0301}", "á"),
            (latin_case, "İ\u{0316}", "i\u{0316}\u{0307}"),
        ] {
            let normalizer = Normalizer::new(steps);
            let once = normalizer.normalize(text);
            assert_eq!(once, expected, "{steps:?} {text:?}");
            assert_eq!(normalizer.normalize_with_map(text).text, once, "{steps:?} {text:?}");
            assert_eq!(normalizer.normalize(&once), once, "{steps:?} {text:?}");
        }
        // The profiles that fold letters delete the marks first: nothing is left to compose.
        assert_eq!(search("ٱ\u{0654}"), "ا");
        assert_eq!(search("ی\u{0654}"), "ي");
    }

    #[test]
    fn a_mark_with_no_base_before_it_goes_through_nfc_in_both_paths() {
        use unicode_normalization::UnicodeNormalization;
        // Found by fuzzing (steps 0x2132): U+0340 decomposes to U+0300. The general path composed
        // the tab and the mark as one cluster; the fast path starts a word after the tab, where the
        // mark had no base and skipped NFC.
        let mut steps = no_steps();
        for (i, step) in Step::ALL.into_iter().enumerate() {
            steps.set(step, 0x2132 & (1 << i) != 0);
        }
        let normalizer = Normalizer::new(steps);
        let text = "+\u{10}\u{14}U\u{8}~\u{8}\u{300}\t\u{340}0\u{340}";
        let once = normalizer.normalize(text);
        assert_eq!(once, "+\u{10}\u{14}U\u{8}~\u{8}\u{300}\t\u{300}0\u{300}");
        assert_eq!(normalizer.normalize_with_map(text).text, once);
        assert_eq!(normalizer.normalize(&once), once);

        // The neighbours: at the start, after each whitespace (ASCII, which splits the fast path's
        // words, and fixed spaces, which the whitespace step rewrites), after control characters,
        // after deleted invisibles and tatweel; singleton decompositions, marks to put in order,
        // and U+0F73, a starter that decomposes to marks.
        let before = [
            "", "\t", "\n", "\r", " ", "\u{C}", "\u{B}", "\u{A0}", "\u{2000}", "\u{202F}", "\u{3000}", "\u{1}",
            "\u{8}", "\u{7F}", "\u{85}", "\u{200C}", "\u{FEFF}", "x \u{200F}", "\u{640}", "\u{64E}", "a", "ب",
        ];
        let marks = [
            "\u{340}", "\u{341}", "\u{343}", "\u{344}", "\u{374}", "\u{37E}", "\u{387}", "\u{1F71}", "\u{2126}",
            "\u{F73}", "\u{301}\u{316}", "\u{651}\u{64E}", "\u{654}", "\u{200C}\u{340}", "\u{640}\u{341}",
            "\u{64E}\u{340}", "\u{FE77}\u{651}", "\u{F73}\u{301}",
        ];
        let mut all_steps = vec![Profile::Strict.steps(), Profile::Search.steps(), Profile::Loose.steps()];
        for bits in 0..64u8 {
            // Every combination of the steps that delete, rewrite or compose.
            let mut steps = no_steps();
            for (i, step) in Step::ALL.into_iter().take(6).enumerate() {
                steps.set(step, bits & (1 << i) != 0);
            }
            all_steps.push(steps);
        }
        for steps in all_steps {
            let normalizer = Normalizer::new(steps);
            for before in before {
                for mark in marks {
                    for after in ["", "0", " \u{341}ء"] {
                        let text = format!("{before}{mark}{after}");
                        let once = normalizer.normalize(&text);
                        assert_eq!(normalizer.normalize_with_map(&text).text, once, "{steps:?} {text:?}");
                        assert_eq!(normalizer.normalize(&once), once, "{steps:?} {text:?}");
                        // NFC alone is NFC. (A starter with a singleton decomposition, such as
                        // U+2126, is decomposed only with marks after it: left alone, as before.)
                        let singleton_starter = ['\u{2000}', '\u{374}', '\u{37E}', '\u{387}', '\u{1F71}', '\u{2126}'];
                        if steps == (Steps { nfc: true, ..no_steps() }) && !text.contains(singleton_starter) {
                            assert_eq!(once, text.nfc().collect::<String>(), "{text:?}");
                        }
                    }
                }
            }
        }
        let nfc_only = Normalizer::new(Steps { nfc: true, ..no_steps() });
        assert_eq!(nfc_only.normalize("\u{340}"), "\u{300}");
        assert_eq!(nfc_only.normalize("\u{344}x"), "\u{308}\u{301}x");
        assert_eq!(nfc_only.normalize("\u{651}\u{64E}"), "\u{64E}\u{651}");
        assert_eq!(nfc_only.normalize("a\u{F73}\u{301}"), "á\u{F71}\u{F72}");
        assert_eq!(with(Step::Nfc, false, "\t\u{340}"), "\t\u{340}");
        let strict = Normalizer::for_profile(Profile::Strict);
        assert_eq!(strict.normalize("\u{200F}\u{340}"), "\u{300}");
        assert_eq!(strict.normalize("x\u{A0}\u{341}"), "x \u{301}");
        assert_eq!(search("\u{64E}\u{340}ب"), "\u{300}ب");
    }

    #[test]
    fn the_fast_path_agrees_with_the_general_one() {
        let samples = [
            "على الرغم من أن حكومة كازاخستان أغلقت الإنترنت",
            // Found by fuzzing: a deleted mark between ى and ء does not stop the repair.
            "شىْء شىًء شىـء ى\u{064B}\u{064B}ء ى\u{064B}ا",
            "مبكرًا، والكثيـــر شىء ىء ى\u{0621}",
            "ا\u{0654}حمد (CSTO) ١٢٫٥ لـ100الف",
            "\u{FEFF}لبنان\u{00A0}ﻻ\tX",
        ];
        for profile in Profile::ALL {
            let normalizer = Normalizer::for_profile(profile);
            for sample in samples {
                let general = normalizer.normalize_with_map(sample).text;
                assert_eq!(normalizer.normalize(sample), general, "{profile:?} {sample:?}");
            }
        }
        assert_eq!(search("شىْء"), "شئ");
    }

    #[test]
    fn the_map_points_back_to_the_original() {
        let normalizer = Normalizer::for_profile(Profile::Search);
        let original = "قالَ الـــرئيسُ \u{200F}بوتين";
        let n = normalizer.normalize_with_map(original);
        assert_eq!(n.text, "قال الرئيس بوتين");
        let find = |word: &str| {
            let at = n.text.find(word).unwrap();
            &original[n.original_range(at..at + word.len())]
        };
        assert_eq!(find("قال"), "قالَ");
        assert_eq!(find("الرئيس"), "الـــرئيسُ");
        assert_eq!(find("بوتين"), "بوتين");
        assert_eq!(n.original_range(0..0), 0..0);
        assert_eq!(n.original_range(n.text.len()..n.text.len()), original.len()..original.len());
    }

    #[test]
    fn composed_and_expanded_chars_map_to_their_whole_source() {
        let normalizer = Normalizer::for_profile(Profile::Search);
        let original = "ﻻ ا\u{0654}حمد شىء";
        let n = normalizer.normalize_with_map(original);
        assert_eq!(n.text, "لا احمد شئ");
        assert_eq!(&original[n.original_range(0..2)], "ﻻ");
        assert_eq!(&original[n.original_range(0..1)], "ﻻ");
        let at = n.text.find("احمد").unwrap();
        assert_eq!(&original[n.original_range(at..at + 2)], "ا\u{0654}");
        let at = n.text.find("شئ").unwrap();
        assert_eq!(&original[n.original_range(at..at + "شئ".len())], "شىء");
    }
}

