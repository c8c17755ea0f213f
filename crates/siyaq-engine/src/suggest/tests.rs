//! The suggester on short texts written for these tests, one behaviour each.

use super::*;
use crate::entities::{EntityAliases, find_mentions};
use crate::index::DocumentInput;
use crate::normalize::Steps;
use SuggestionReason::{Latin, PersonName as Named, Repeated};

fn index(text: &str) -> Index {
    Index::build([DocumentInput { id: "d", text: text.into(), uncounted: vec![] }], Steps::default())
}

fn index_of(texts: &[&str]) -> Index {
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("d{i}")).collect();
    Index::build(ids.iter().zip(texts).map(|(id, text)| DocumentInput { id, text: (*text).into(), uncounted: vec![] }), Steps::default())
}

/// Mentions of entities given as lists of aliases.
fn known(index: &Index, entities: &[&[&str]]) -> Vec<Mention> {
    let list: Vec<EntityAliases> = entities
        .iter()
        .enumerate()
        .map(|(i, aliases)| EntityAliases { id: format!("e{i}"), aliases: aliases.iter().map(|a| a.to_string()).collect(), context: vec![] })
        .collect();
    find_mentions(index, &list)
}

/// (text, reasons, count) of each suggestion, in order.
fn listed(index: &Index, known: &[Mention]) -> Vec<(String, Vec<SuggestionReason>, u32)> {
    suggest(index, known).into_iter().map(|s| (s.text, s.reasons, s.count)).collect()
}

fn texts(index: &Index) -> Vec<String> {
    suggest(index, &[]).into_iter().map(|s| s.text).collect()
}

fn trigger(word: &str) -> SuggestionReason {
    SuggestionReason::Trigger { word: word.to_string() }
}

fn one(text: &str, reasons: Vec<SuggestionReason>, count: u32) -> (String, Vec<SuggestionReason>, u32) {
    (text.to_string(), reasons, count)
}

// ------------------------------------------------------------------------------------- titles

#[test]
fn a_name_after_a_title_and_its_adjectives() {
    let idx = index("وقال الرئيس الفرنسي إيمانويل ماكرون إن الحرب طويلة.");
    let found = suggest(&idx, &[]);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].text.as_str(), &found[0].reasons, found[0].count), ("إيمانويل ماكرون", &vec![trigger("الرئيس")], 1));
    assert_eq!(found[0].kind, EntityKind::Person);
}

#[test]
fn a_name_set_off_by_a_comma_after_the_title() {
    let idx = index("قال المستشار الألماني، أولاف شولتز، إن أوروبا موحدة.");
    assert_eq!(listed(&idx, &[]), [one("أولاف شولتز", vec![trigger("المستشار")], 1)]);
    // With no adjective the comma ends the phrase: what follows is not in apposition.
    let idx = index("وقال الرئيس، إيمانويل ماكرون يصل.");
    assert!(listed(&idx, &[]).is_empty());
}

#[test]
fn a_title_in_construct_takes_its_complement_first() {
    let text = "التقى وزير الخارجية الأمريكي أنتوني بلينكن أمس. وقال وزير خارجية روسيا سيرغي لافروف إن \
                السفير الأمريكي السابق لدى كازاخستان وليام كورتني قال ذلك.";
    let idx = index(text);
    let places = known(&idx, &[&["روسيا"], &["كازاخستان"]]);
    assert_eq!(
        listed(&idx, &places),
        [
            one("أنتوني بلينكن", vec![trigger("وزير")], 1),
            one("سيرغي لافروف", vec![trigger("وزير")], 1),
            one("وليام كورتني", vec![trigger("السفير")], 1),
        ]
    );
}

#[test]
fn a_byline_names_its_author() {
    let idx = index("بقلم: إيمي ماكينون\nنص المقال.");
    assert_eq!(listed(&idx, &[]), [one("إيمي ماكينون", vec![trigger("بقلم")], 1)]);
}

#[test]
fn a_name_stops_at_punctuation_function_words_and_the_next_phrase() {
    // A verb of reporting, a preposition on a word written elsewhere without it (لكييف), the
    // preposition ل before a consonant (لتفريق), a comma.
    let text = "أكد الرئيس بايدن لكييف دعمه. كييف مدينة. وطلب الرئيس يانوكوفيتش لتفريق الميدان. \
                وأعلن الرئيس توكاييف، رئيس البلاد.";
    assert_eq!(texts(&index(text)), ["بايدن", "يانوكوفيتش", "توكاييف"]);
    // Across a full stop there is no name at all.
    assert!(listed(&index("التقى الرئيس. ماكرون وصل."), &[]).is_empty());
}

#[test]
fn words_that_introductions_do_not_share_are_left_out() {
    let idx = index("قال الرئيس توكاييف حل البرلمان. ثم ظهر الرئيس توكاييف.");
    assert_eq!(listed(&idx, &[]), [one("توكاييف", vec![trigger("الرئيس")], 2)]);
}

#[test]
fn common_nouns_and_suffixed_words_after_a_title_are_not_names() {
    // جيش is written الجيش elsewhere, بلاده is البلاد with a suffix, نائبه is نائب with one.
    let idx = index("يشير إلى شكوك حول ثقة الرئيس بجيش بلاده. الجيش في البلاد. وصل الرئيس ونائبه. نائب.");
    assert!(listed(&idx, &[]).is_empty(), "{:?}", listed(&idx, &[]));
}

// --------------------------------------------------------------------------------- people

#[test]
fn a_given_and_family_name_is_kept_whole() {
    let idx = index("التقى نوري المالكي بالوفد. وقال الرئيس نوري المالكي إن الاتفاق قريب.");
    let found = suggest(&idx, &[]);
    let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["نوري المالكي"]);
    assert_eq!(found[0].reasons, [trigger("الرئيس"), Named]);
    assert_eq!((found[0].count, found[0].kind), (2, EntityKind::Person));
}

#[test]
fn names_with_links_are_kept_whole() {
    let idx = index("استقبل ولي العهد الأمير محمد بن سلمان الوفد. وحضر عبد الفتاح البرهان الاجتماع.");
    assert_eq!(texts(&idx), ["محمد بن سلمان", "عبد الفتاح البرهان"]);
}

#[test]
fn a_lone_given_name_is_never_suggested() {
    let text = "قال الرئيس محمد إن الوضع صعب. وقال محمد أيضا ذلك. ثم عاد محمد. وكتب محمد. ووصل أحمد بن. محمد محمد محمد.";
    let found = texts(&index(text));
    assert!(found.iter().all(|t| !["محمد", "أحمد", "بن", "أحمد بن"].contains(&t.as_str())), "{found:?}");
}

#[test]
fn a_verb_is_never_suggested() {
    // يعقد is a verb since the corpus also writes تعقد; سيزور has the future prefix; مشددا is an
    // adverbial participle.
    let text = "يعقد المجلس جلسة. يعقد المجلس جلسة. يعقد المجلس جلسة. وتعقد اللجنة اجتماعا. \
                قال الرئيس سيزور البلاد ثم يزور غيرها. وقال الرئيس مشددا على الأمر.";
    let found = texts(&index(text));
    assert!(found.iter().all(|t| !t.contains("يعقد") && !t.contains("سيزور") && !t.contains("مشددا")), "{found:?}");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_plural_or_demonym_is_never_suggested() {
    let text = "هاجم الحوثيين السفن. هاجم الحوثيين السفن. هاجم الحوثيين السفن. \
                وقال المسؤول الفلسطينيين. تظاهر المتظاهرين الغاضبين. تظاهر المتظاهرين الغاضبين. تظاهر المتظاهرين الغاضبين.";
    let found = texts(&index(text));
    assert!(found.iter().all(|t| !t.contains("الحوثيين") && !t.contains("المتظاهرين") && !t.contains("الفلسطينيين")), "{found:?}");
}

#[test]
fn page_furniture_is_never_suggested() {
    let text = "اقرأ المزيد عن الخبر. اقرأ المزيد عن الخبر. اقرأ المزيد عن الخبر. جميع الحقوق محفوظة. \
                جميع الحقوق محفوظة. جميع الحقوق محفوظة.";
    assert!(texts(&index(text)).is_empty());
}

// -------------------------------------------------------------------------- organisations

#[test]
fn an_organisation_by_its_head_noun() {
    let text = "أعلنت منظمة الصحة العالمية انتهاء الوباء. وقال حزب الله في بيان إن حركة حماس وافقت. \
                وصدرت عن منظمة الدول المصدرة للنفط أرقام. ورحب حزب العدالة والتنمية بذلك.";
    let found = suggest(&index(text), &[]);
    let mut by_kind: Vec<(&str, EntityKind)> = found.iter().map(|s| (s.text.as_str(), s.kind)).collect();
    by_kind.sort_by_key(|(t, _)| *t);
    assert_eq!(
        by_kind,
        [
            ("حركة حماس", EntityKind::Organisation),
            ("حزب العدالة والتنمية", EntityKind::Organisation),
            ("حزب الله", EntityKind::Organisation),
            ("منظمة الدول المصدرة", EntityKind::Organisation),
            ("منظمة الصحة العالمية", EntityKind::Organisation),
        ]
    );
    let who = found.iter().find(|s| s.text == "منظمة الصحة العالمية").unwrap();
    assert_eq!(who.reasons, [SuggestionReason::Organisation { head: "منظمة".into() }]);
}

#[test]
fn an_adjective_outside_an_organisations_name_is_left_out() {
    // مجلس النواب is named alone too, so الليبي describes it.
    let text = "صوت مجلس النواب الليبي أمس. وقال مجلس النواب إن الجلسة انتهت.";
    assert_eq!(texts(&index(text)), ["مجلس النواب"]);
}

#[test]
fn a_head_noun_before_a_common_word_is_no_organisation() {
    // واسعة is an adjective; إدارة takes a complement of its own.
    let text = "بدأت حركة واسعة في البلاد. واجتمع مجلس إدارة الشركة.";
    assert!(texts(&index(text)).is_empty(), "{:?}", texts(&index(text)));
}

// ---------------------------------------------------------------------------------- places

#[test]
fn a_place_after_its_noun() {
    let text = "سقطت قذيفة على مدينة حلب أمس. وفي محافظة ميسان هدوء. ووصل الوفد إلى العاصمة الخرطوم.";
    let found = suggest(&index(text), &[]);
    let listed: Vec<(&str, EntityKind)> = found.iter().map(|s| (s.text.as_str(), s.kind)).collect();
    assert_eq!(listed, [("حلب", EntityKind::Place), ("ميسان", EntityKind::Place), ("الخرطوم", EntityKind::Place)]);
}

#[test]
fn an_adjective_after_a_place_noun_is_no_place() {
    // عازلة is written العازلة elsewhere; الجديدة after a definite المدينة is an adjective.
    let text = "أقاموا منطقة عازلة. المنطقة العازلة واسعة. زرنا المدينة الجديدة.";
    assert!(texts(&index(text)).is_empty(), "{:?}", texts(&index(text)));
}

// ---------------------------------------------------------------------------- Latin script

#[test]
fn latin_runs_inside_arabic_text() {
    let text = "قال John Kirby إن Jean-Pierre Dupont وصل، ثم نشرت المنظمة (CSTO) قواتها. John. Kirby";
    let idx = index(text);
    assert_eq!(
        listed(&idx, &[]),
        [
            one("John Kirby", vec![Latin], 1),
            one("Jean-Pierre Dupont", vec![Latin], 1),
            one("CSTO", vec![Latin], 1),
            one("John", vec![Latin], 1),
            one("Kirby", vec![Latin], 1),
        ]
    );
    // A long run is a quotation, not a name.
    assert!(listed(&index("كتب: we shall never surrender to them"), &[]).is_empty());
}

// ------------------------------------------------------------------------------ repetition

#[test]
fn a_phrase_is_suggested_from_three_occurrences() {
    let three = "قوات حفظ السلام وصلت. أرسلت قوات حفظ السلام. عادت قوات حفظ السلام.";
    assert_eq!(listed(&index(three), &[]), [one("قوات حفظ السلام", vec![Repeated], 3)]);
    let two = "قوات حفظ السلام وصلت. أرسلت قوات حفظ السلام.";
    assert!(listed(&index(two), &[]).is_empty());
}

#[test]
fn a_phrase_plus_context_is_not_a_longer_name() {
    // إرسال قوات حفظ السلام is 3 of the 5 قوات حفظ السلام: the longer phrase is context.
    let text = "قرر إرسال قوات حفظ السلام. وبعد إرسال قوات حفظ السلام. يجب إرسال قوات حفظ السلام. \
                وصلت قوات حفظ السلام. بقيت قوات حفظ السلام.";
    assert_eq!(listed(&index(text), &[]), [one("قوات حفظ السلام", vec![Repeated], 5)]);
}

#[test]
fn a_repeated_phrase_of_common_words_or_with_a_verb_is_no_name() {
    let text = "القوات الروسية هنا. القوات الروسية هناك. القوات الروسية أيضا. \
                قال محمد بن. قال محمد بن. قال محمد بن. يشارك الوفد. يشارك الوفد. يشارك الوفد. تشارك اللجنة.";
    assert!(listed(&index(text), &[]).is_empty(), "{:?}", listed(&index(text), &[]));
}

#[test]
fn no_phrase_across_punctuation() {
    let text = "مجلس، الأمناء. مجلس: الأمناء. مجلس - الأمناء. مجلس\nالأمناء.";
    assert!(listed(&index(text), &[]).is_empty());
}

// ------------------------------------------------------------------- known names, proclitics

#[test]
fn known_mentions_are_never_suggested() {
    let text = "قال الرئيس الروسي فلاديمير بوتين إن فلاديمير بوتين يرى أن فلاديمير بوتين \
                قرر. ونشرت منظمة معاهدة الأمن الجماعي (CSTO) قواتها. وقال Putin ذلك.";
    let idx = index(text);
    let mentions = known(&idx, &[&["فلاديمير بوتين", "Putin"], &["منظمة معاهدة الأمن الجماعي", "CSTO"]]);
    assert!(listed(&idx, &mentions).is_empty());
    // Nor does a name overlap one: فلاديمير runs into a known بوتين, and فلاديمير بوتين is not
    // repeated without it.
    let mentions = known(&idx, &[&["بوتين"]]);
    let texts: Vec<String> = listed(&idx, &mentions).into_iter().map(|s| s.0).collect();
    assert_eq!(texts, ["CSTO", "Putin"]);
}

#[test]
fn proclitics_leave_the_first_word() {
    // و before a word written without it elsewhere; لل is ل + ال and gives the article back.
    let text = "وقوات حفظ السلام وصلت. أرسلت قوات حفظ السلام. عادت قوات حفظ السلام. \
                قال للبيت الأبيض. في البيت الأبيض. من البيت الأبيض.";
    let idx = index(text);
    let found = suggest(&idx, &[]);
    let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["قوات حفظ السلام", "البيت الأبيض"]);
    let evidence: Vec<&str> = found[1].evidence.iter().map(|h| idx.original(h.words())).collect();
    assert_eq!(evidence, ["للبيت الأبيض", "البيت الأبيض", "البيت الأبيض"]);
    // A letter that belongs to the word stays: وزير is not و + زير.
    let idx = index("بقلم: وليد زير\nنص.");
    assert_eq!(listed(&idx, &[]), [one("وليد زير", vec![trigger("بقلم")], 1)]);
}

// ---------------------------------------------------------------------------------- variants

#[test]
fn spellings_of_one_name_are_one_suggestion() {
    let text = "وقال السفير وليام كورتني إن الأمر انتهى. وأضاف السفير ويليام كورتني أن الحل قريب. \
                وختم السفير وليام كورتني كلامه. والتقى عبد الفتاح البرهان ثم عبدالفتاح البرهان الوفد.";
    let idx = index(text);
    let found = suggest(&idx, &[]);
    let listed: Vec<(&str, Vec<&str>, u32)> = found.iter().map(|s| (s.text.as_str(), s.variants.iter().map(String::as_str).collect(), s.count)).collect();
    assert_eq!(listed, [("وليام كورتني", vec!["ويليام كورتني"], 3), ("عبد الفتاح البرهان", vec!["عبدالفتاح البرهان"], 2)]);
    // The evidence is every spelling's, in corpus order.
    let evidence: Vec<&str> = found[0].evidence.iter().map(|h| idx.original(h.words())).collect();
    assert_eq!(evidence, ["وليام كورتني", "ويليام كورتني", "وليام كورتني"]);
}

#[test]
fn different_given_names_are_not_variants() {
    let idx = index("وقال حسن الكعبي إن الوفد وصل. وقال حسين الكعبي إن الوفد غادر.");
    let mut found = texts(&idx);
    found.sort();
    assert_eq!(found, ["حسن الكعبي", "حسين الكعبي"]);
}

// -------------------------------------------------------------------------------- confidence

#[test]
fn confidence_grows_with_detectors_occurrences_and_documents() {
    let title = |n: f32| vec![(trigger("الرئيس"), n)];
    assert_eq!(confidence(&title(0.75), 1, 1), 0.75);
    assert!(confidence(&title(0.75), 2, 1) > confidence(&title(0.75), 1, 1));
    assert!(confidence(&title(0.75), 2, 2) > confidence(&title(0.75), 2, 1));
    // Two reasons of one detector are one witness; two detectors are two.
    let two_titles = vec![(trigger("الرئيس"), 0.75), (trigger("الوزير"), 0.75)];
    assert_eq!(confidence(&two_titles, 1, 1), 0.75);
    let two_detectors = vec![(trigger("الرئيس"), 0.75), (Named, 0.65)];
    assert!(confidence(&two_detectors, 1, 1) > 0.9);
    // Repetition alone never reaches the default threshold of the app, however often.
    assert!(confidence(&[(Repeated, 0.3)], 1000, 100) < 0.8);
    assert!(confidence(&two_detectors, 1000, 100) <= MOST_CONFIDENT);
}

#[test]
fn suggestions_are_ordered_by_confidence_then_count() {
    let text = "قال Wendy Sherman ذلك. ثم Wendy Sherman أيضا. وكذلك Wendy Sherman. \
                حلف شمال الأطلسي. حلف شمال الأطلسي. حلف شمال الأطلسي. حلف شمال الأطلسي. \
                وقال الرئيس إيمانويل ماكرون ذلك.";
    let second = "وأكد الرئيس إيمانويل ماكرون الأمر.";
    let idx = index_of(&[text, second]);
    let found = suggest(&idx, &[]);
    let listed: Vec<(&str, u32)> = found.iter().map(|s| (s.text.as_str(), s.count)).collect();
    // Two documents after a title; Latin and repeated; repeated only, but more often.
    assert_eq!(listed, [("إيمانويل ماكرون", 2), ("Wendy Sherman", 3), ("حلف شمال الأطلسي", 4)]);
    assert!(found.windows(2).all(|w| w[0].confidence >= w[1].confidence));
    assert!(found.iter().all(|s| (0.0..=1.0).contains(&s.confidence)));
    assert!(found[0].confidence >= 0.8 && found[2].confidence < 0.8, "{found:?}");
    assert_eq!(suggest(&idx, &[]), found, "the same list every time");
}
