//! The interface's wording of typed errors (the engine's, the collections store's), in both languages.
//!
//! The engine reports what went wrong as data ([`QueryError`], [`GazetteerError`]) with a plain
//! technical `Display` for logs; what the reader is told lives here.

use siyaq_engine::gazetteer::GazetteerError;
use siyaq_engine::query::{MAX_ALTERNATIVES, MAX_PHRASE_TERMS, MAX_QUERY_CHARS};
use siyaq_engine::{QueryError, QueryErrorKind};
use siyaq_state::Lang;

use crate::state::collections::StoreProblem;

/// What is wrong with a query, for the line under the search box.
pub fn query_error(error: &QueryError, lang: Lang) -> String {
    match lang {
        Lang::En => query_error_en(&error.kind),
        Lang::Ar => query_error_ar(&error.kind),
    }
}

fn query_error_en(kind: &QueryErrorKind) -> String {
    match kind {
        QueryErrorKind::Empty => "Type a word to search for.".into(),
        QueryErrorKind::TooLong { chars } => {
            format!("The query is too long ({chars} characters; at most {MAX_QUERY_CHARS}).")
        }
        QueryErrorKind::UnbalancedQuote => "This quotation mark is never closed.".into(),
        QueryErrorKind::UnclosedRegex => "This regular expression has no closing /.".into(),
        QueryErrorKind::BadRegex { reason } => format!("Invalid regular expression: {reason}"),
        QueryErrorKind::EmptyAlternative => "There is nothing on one side of this |.".into(),
        QueryErrorKind::LoneWildcard => "A * needs letters beside it (كازاخ* or *ستان).".into(),
        QueryErrorKind::WildcardInsideWord => "* works only at the start or end of a word; use /regex/ for more.".into(),
        QueryErrorKind::EmptyExact => "= needs a word right after it (=روسيا).".into(),
        QueryErrorKind::TooManyAlternatives => format!("A query can have at most {MAX_ALTERNATIVES} alternatives (|)."),
        QueryErrorKind::TooManyTerms => format!("A phrase can have at most {MAX_PHRASE_TERMS} words."),
        QueryErrorKind::RegexTooLarge => {
            "This regular expression is too large to run; shorten it or repeat less.".into()
        }
    }
}

fn query_error_ar(kind: &QueryErrorKind) -> String {
    match kind {
        QueryErrorKind::Empty => "اكتب كلمة للبحث عنها.".into(),
        QueryErrorKind::TooLong { chars } => {
            format!("الاستعلام طويل جدًا ({chars} حرفًا، والحد الأقصى {MAX_QUERY_CHARS}).")
        }
        QueryErrorKind::UnbalancedQuote => "علامة التنصيص هذه لم تُغلق.".into(),
        QueryErrorKind::UnclosedRegex => "التعبير النمطي هذا بلا شرطة / تغلقه.".into(),
        QueryErrorKind::BadRegex { reason } => format!("تعبير نمطي غير صالح: {reason}"),
        QueryErrorKind::EmptyAlternative => "لا شيء على أحد جانبي العلامة |.".into(),
        QueryErrorKind::LoneWildcard => "تحتاج * إلى حروف بجانبها (كازاخ* أو *ستان).".into(),
        QueryErrorKind::WildcardInsideWord => "تعمل * في أول الكلمة أو آخرها فقط؛ استعمل /تعبيرًا نمطيًا/ لما هو أكثر.".into(),
        QueryErrorKind::EmptyExact => "تحتاج = إلى كلمة بعدها مباشرة (=روسيا).".into(),
        QueryErrorKind::TooManyAlternatives => format!("لا يزيد عدد البدائل (|) في الاستعلام على {MAX_ALTERNATIVES}."),
        QueryErrorKind::TooManyTerms => format!("لا تزيد كلمات العبارة الواحدة على {MAX_PHRASE_TERMS}."),
        QueryErrorKind::RegexTooLarge => "هذا التعبير النمطي أكبر من أن يُنفَّذ؛ اختصره أو قلّل التكرار.".into(),
    }
}

/// Why an edit of the entity list was refused. The wording is `siyaq-state`'s, which also words
/// a saved or imported list refused for the same reasons ([`siyaq_state::entity_list::ListProblem`]).
pub fn gazetteer_error(error: &GazetteerError, lang: Lang) -> String {
    siyaq_state::entity_list::gazetteer_error(error, lang)
}

/// What went wrong with the user's collections or an import.
pub fn store_problem(problem: &StoreProblem, lang: Lang) -> String {
    match (lang, problem) {
        (Lang::Ar, StoreProblem::Unavailable(why)) => format!("لا يتيح هذا المتصفح لسياق حفظ المجموعات (ربما هو في التصفح الخاص): لن تُحفظ. ({why})"),
        (Lang::En, StoreProblem::Unavailable(why)) => format!("This browser lets siyaq keep no collection (private browsing?): nothing will be kept. ({why})"),
        (Lang::Ar, StoreProblem::Full) => "امتلأت مساحة المتصفح: لم يُحفظ شيء من هذا الاستيراد، وبقيت المجموعات كما كانت. احذف مجموعة أو صدّرها ثم أعد المحاولة.".into(),
        (Lang::En, StoreProblem::Full) => "The browser's storage is full: nothing of this import was kept, and the collections are as they were. Delete or export a collection, then try again.".into(),
        (Lang::Ar, StoreProblem::Cancelled) => "أُلغي الاستيراد: لم يُحفظ شيء منه.".into(),
        (Lang::En, StoreProblem::Cancelled) => "The import was cancelled: nothing of it was kept.".into(),
        (Lang::Ar, StoreProblem::ImportFailed(why)) => format!("تعذّر الاستيراد، وبقيت المجموعات كما كانت: {why}"),
        (Lang::En, StoreProblem::ImportFailed(why)) => format!("The import failed, and the collections are as they were: {why}"),
        (Lang::Ar, StoreProblem::EditRefused(why)) => format!("لم يُجرَ التغيير، وبقيت المجموعة كما كانت: {why}"),
        (Lang::En, StoreProblem::EditRefused(why)) => format!("The change was not made, and the collection is as it was: {why}"),
        (Lang::Ar, StoreProblem::NotACollection(why)) => format!("ليس هذا ملف مجموعة من سياق (‎.siyaq‎) أو أنه تالف: {why}"),
        (Lang::En, StoreProblem::NotACollection(why)) => format!("This is not a siyaq collection file (.siyaq), or it is damaged: {why}"),
        (Lang::Ar, StoreProblem::SingleFile) => "تعمل مجموعات مقالاتك في موقع سياق لا في الملف المنفرد (siyaq.html): المتصفح لا يحفظ شيئًا لملف مفتوح من القرص.".into(),
        (Lang::En, StoreProblem::SingleFile) => "Your collections work on the siyaq site, not in the single file (siyaq.html): a browser keeps nothing for a file opened from disk.".into(),
        (Lang::Ar, StoreProblem::Missing(id)) => format!("لم تعد هذه المجموعة في هذا المتصفح: {id}"),
        (Lang::En, StoreProblem::Missing(id)) => format!("This collection is no longer in this browser: {id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siyaq_engine::{MatchMode, Steps, parse};

    fn is_arabic_letter(c: char) -> bool {
        ('\u{0621}'..='\u{064A}').contains(&c)
    }

    fn err(input: &str) -> QueryError {
        parse(input, MatchMode::Clitic).unwrap_err()
    }

    /// Moved from the engine's query tests.
    #[test]
    fn every_query_error_has_both_messages() {
        for input in ["", "\"a", "/(/", "/a", "a |", "*", "a*b", "=", "/(.{100}){100}/"] {
            let e = err(input);
            let (en, ar) = (query_error(&e, Lang::En), query_error(&e, Lang::Ar));
            assert!(!en.is_empty() && !ar.is_empty(), "{input}");
            assert!(ar.chars().any(is_arabic_letter), "{input}");
        }
        for kind in [QueryErrorKind::TooManyAlternatives, QueryErrorKind::TooManyTerms, QueryErrorKind::RegexTooLarge] {
            let e = QueryError { kind, at: 0, len: 1 };
            assert!(query_error(&e, Lang::En).len() > 10 && query_error(&e, Lang::Ar).chars().any(is_arabic_letter));
        }
    }

    #[test]
    fn query_messages_keep_their_wording() {
        assert_eq!(query_error(&err(""), Lang::En), "Type a word to search for.");
        assert_eq!(query_error(&err(""), Lang::Ar), "اكتب كلمة للبحث عنها.");
        let long = err(&"ب".repeat(MAX_QUERY_CHARS + 1));
        assert_eq!(query_error(&long, Lang::En), format!("The query is too long (1001 characters; at most {MAX_QUERY_CHARS})."));
        assert!(query_error(&long, Lang::Ar).contains("1001"));
    }

    /// Moved from the engine's property tests: a 250-way alternation is refused with a short
    /// message in both languages.
    #[test]
    fn a_250_way_alternation_is_refused_with_a_short_message() {
        let index = crate::state::corpus::loaded().build_index(Steps::default());
        let vocabulary = index.vocabulary();
        let words: Vec<String> = (0..250).map(|i| vocabulary.form(i * 7 % vocabulary.len() as u32).chars().take(2).collect()).collect();
        let error = err(&words.join("|"));
        assert_eq!(error.kind, QueryErrorKind::TooManyAlternatives);
        assert!(query_error(&error, Lang::En).len() < 100 && query_error(&error, Lang::Ar).len() < 200);
    }

    #[test]
    fn every_gazetteer_error_has_both_messages() {
        let errors = [
            GazetteerError::UnknownEntity("x".into()),
            GazetteerError::DuplicateId("x".into()),
            GazetteerError::EmptyName,
            GazetteerError::NoAliases("x".into()),
            GazetteerError::AliasTaken("زيد".into(), "a".into()),
            GazetteerError::SameEntity,
        ];
        for e in &errors {
            let (en, ar) = (gazetteer_error(e, Lang::En), gazetteer_error(e, Lang::Ar));
            assert!(en.len() > 10 && ar.chars().any(is_arabic_letter), "{e:?}");
            assert_ne!(en, ar);
        }
        assert_eq!(gazetteer_error(&errors[4], Lang::En), "“زيد” already names “a”.");
        assert_eq!(gazetteer_error(&errors[4], Lang::Ar), "الصيغة «زيد» اسم للكيان «a» من قبل.");
    }
}
