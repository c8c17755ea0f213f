//! What the page tells the user about the link it was opened with. A link is anyone's text, so
//! the notice names what was ignored briefly (a few names, cut short, without characters that
//! could reorder the sentence) and counts the rest: its length does not grow with the link.

use crate::Lang;
use crate::entity_changes::{ChangesProblem, cut};
use crate::link::{Ignored, ReadLink};

/// How many ignored parameters the notice names.
pub const NAMED: usize = 5;
const NAME_CHARS: usize = 20;
// The reader must keep as many as the notice names.
const _: () = assert!(crate::link::MAX_IGNORED_KEPT >= NAMED);
const VALUE_CHARS: usize = 12;

#[derive(Clone, Debug, PartialEq)]
pub struct LinkNotice {
    pub ignored: Vec<Ignored>,
    /// Ignored parameters not in `ignored`.
    pub more_ignored: usize,
    pub other_version: Option<String>,
    /// The link carried its own changes to the entity list, now shown.
    pub carried_entities: bool,
    pub entities_problem: Option<ChangesProblem>,
    /// The user's own edits are too many for a link: the link to this view leaves them out.
    pub edits_left_out: bool,
}

impl LinkNotice {
    /// The notice a freshly read link calls for, if any. Whether the link's entity list is shown
    /// is known only once it has been checked (and, compressed, inflated): the page sets
    /// `carried_entities` then.
    pub fn of(link: &ReadLink) -> Option<LinkNotice> {
        let notice = LinkNotice {
            ignored: link.ignored.clone(),
            more_ignored: link.more_ignored,
            other_version: link.other_version.clone(),
            carried_entities: false,
            entities_problem: link.entities_problem.clone(),
            edits_left_out: false,
        };
        notice.says_something().then_some(notice)
    }

    /// Nothing to say yet: filled in by the page as it learns more.
    pub fn empty() -> LinkNotice {
        LinkNotice { ignored: Vec::new(), more_ignored: 0, other_version: None, carried_entities: false, entities_problem: None, edits_left_out: false }
    }

    pub fn says_something(&self) -> bool {
        self.is_problem() || self.carried_entities
    }

    pub fn is_problem(&self) -> bool {
        self.other_version.is_some() || !self.ignored.is_empty() || self.more_ignored > 0 || self.entities_problem.is_some() || self.edits_left_out
    }

    /// `this_version`: the corpus version of this build.
    pub fn message(&self, lang: Lang, this_version: &str) -> String {
        let mut parts = Vec::new();
        if let Some(version) = &self.other_version {
            let version = shown(version, NAME_CHARS * 2);
            parts.push(match lang {
                Lang::Ar => format!(
                    "صُنع هذا الرابط على نسخة أخرى من المدوّنة (\u{2068}{version}\u{2069}، وهذه \u{2068}{this_version}\u{2069}): قد تختلف النتائج عمّا رآه صاحبه."
                ),
                Lang::En => format!(
                    "This link was made with another version of the corpus ({version}; this is {this_version}): results may differ from what its sender saw."
                ),
            });
        }
        let total = self.ignored.len() + self.more_ignored;
        if total > 0 {
            // Isolated, so that Latin parameters keep their order inside an Arabic sentence.
            let named: Vec<String> = self
                .ignored
                .iter()
                .take(NAMED)
                .map(|i| format!("\u{2068}{}={}\u{2069}", shown(&i.name, NAME_CHARS), shown(&i.value, VALUE_CHARS)))
                .collect();
            let rest = total - named.len();
            parts.push(match lang {
                Lang::Ar => {
                    let more = if rest > 0 { format!(" و{rest} غيرها") } else { String::new() };
                    format!("أُهملت من الرابط أجزاء غير مفهومة: {}{more}.", named.join("، "))
                }
                Lang::En => {
                    let more = if rest > 0 { format!(" and {rest} more") } else { String::new() };
                    format!("Parts of the link that made no sense were ignored: {}{more}.", named.join(", "))
                }
            });
        }
        if let Some(problem) = &self.entities_problem {
            parts.push(match lang {
                Lang::Ar => problem.message_ar(),
                Lang::En => problem.message_en(),
            });
        }
        if self.edits_left_out {
            parts.push(edits_too_many_for_a_link(lang).to_string());
        }
        if self.carried_entities {
            parts.push(
                lang.pick(
                    "يحمل الرابط قائمة كيانات معدّلة فعُرضت؛ قائمتك المحفوظة لم تُمس ما لم تعدّل.",
                    "The link carries an edited entity list, shown here; your saved list is untouched unless you edit.",
                )
                .to_string(),
            );
        }
        parts.join(" ")
    }
}

/// `text` cut to `most` characters, without control or direction characters (a link could
/// otherwise reverse the rest of the sentence).
fn shown(text: &str, most: usize) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control() && !is_direction_mark(*c)).collect();
    cut(&clean, most)
}

fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Said when the user's own edits do not fit in a link.
fn edits_too_many_for_a_link(lang: Lang) -> &'static str {
    lang.pick(
        "تعديلاتك على قائمة الكيانات أكثر مما يحمله رابط، فلا يحملها رابط هذا العرض: صدّر القائمة وأرسلها بدلًا منه.",
        "Your edits to the entity list are too many for a link, so the link to this view leaves them out: export the list instead.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{IGNORED_NAME_CHARS, IGNORED_VALUE_CHARS, LinkContext, read};
    use siyaq_engine::gazetteer::Gazetteer;

    fn notice_of(link: &str) -> LinkNotice {
        let bundled = Gazetteer::default();
        let context = LinkContext { version: "abc", source: crate::link::CorpusSource::Site, articles: &["first"], words: 100, bundled: &bundled };
        LinkNotice::of(&read(link, &context)).expect("a notice")
    }

    #[test]
    fn thousands_of_unknown_parameters_make_a_short_notice() {
        let link: Vec<String> = (0..5_000).map(|i| format!("{}{i}={}", "name".repeat(30), "value".repeat(100))).collect();
        let notice = notice_of(&link.join("&"));
        for lang in [Lang::Ar, Lang::En] {
            let message = notice.message(lang, "abc");
            assert!(message.chars().count() < 400, "{} characters: {message}", message.chars().count());
            assert!(message.contains("4995"), "{message}");
        }
        assert!(notice.message(Lang::En, "abc").ends_with("and 4995 more."));
        assert!(notice.is_problem());
    }

    #[test]
    fn a_few_ignored_parameters_are_named_with_their_values() {
        let notice = notice_of("width=900&mode=%3Cscript%3E&top=-4&doc=nope&bogus=1");
        let message = notice.message(Lang::En, "abc");
        for part in ["width=900", "mode=<script>", "top=-4", "doc=nope", "bogus=1"] {
            assert!(message.contains(part), "{part} in {message}");
        }
        assert!(!message.contains("more"), "{message}");
        assert!(notice.message(Lang::Ar, "abc").contains("bogus=1"));
    }

    #[test]
    fn names_and_values_are_cut_and_cleaned() {
        let notice = notice_of(&format!("{}=x&a%E2%80%AEb%0A=%E2%81%A6{}", "n".repeat(500), "v".repeat(500)));
        let message = notice.message(Lang::En, "abc");
        assert!(message.contains(&format!("{}…=x", "n".repeat(IGNORED_NAME_CHARS))), "{message}");
        // The reader cut the value with its direction mark, which the notice then leaves out.
        assert!(message.contains(&format!("ab={}…", "v".repeat(IGNORED_VALUE_CHARS - 1))), "{message}");
        assert!(!message.contains('\u{202E}') && !message.contains('\n') && !message.contains('\u{2066}'));
    }

    #[test]
    fn another_version_and_the_entity_list_are_told() {
        let notice = notice_of(&format!("v={}&entities=%%%", "٣".repeat(1000)));
        assert_eq!(notice.entities_problem, Some(ChangesProblem::Unreadable));
        let message = notice.message(Lang::En, "abc");
        assert!(message.contains("another version") && message.contains("The link's entity list could not be read"), "{message}");
        assert!(message.chars().count() < 400, "{message}");
        let too_long = notice_of(&format!("entities={}", "1".repeat(50_000)));
        assert!(too_long.message(Lang::En, "abc").contains("too long"));
        assert!(too_long.message(Lang::Ar, "abc").chars().count() < 200);
        let left_out = LinkNotice { edits_left_out: true, ..LinkNotice::empty() };
        assert!(left_out.is_problem() && left_out.message(Lang::En, "abc").contains("export the list instead"));
    }
}
