//! The interface's two languages: Arabic (right to left, the default) and English.

use leptos::prelude::*;

pub use siyaq_state::Lang;

/// The interface language, shared through context.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::Ar))
}

/// A label that follows the interface language.
pub fn tr(ar: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().pick(ar, en)
}

/// "12 إشارة", "3 إشارات": a number and its noun in the form Arabic grammar asks for after it.
/// `forms`: one (the whole phrase), two (the whole phrase), the plural for 3–10, the singular for
/// 11 and more (and 0).
pub fn counted_ar(n: usize, forms: [&str; 4]) -> String {
    let [one, two, few, many] = forms;
    match n {
        1 => one.to_string(),
        2 => two.to_string(),
        _ if (3..=10).contains(&(n % 100)) => format!("{n} {few}"),
        _ => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_nouns_agree_with_their_number() {
        let forms = ["إشارة واحدة", "إشارتان", "إشارات", "إشارة"];
        let said: Vec<String> = [1, 2, 3, 10, 11, 12, 103, 111, 0].map(|n| counted_ar(n, forms)).to_vec();
        assert_eq!(said, ["إشارة واحدة", "إشارتان", "3 إشارات", "10 إشارات", "11 إشارة", "12 إشارة", "103 إشارات", "111 إشارة", "0 إشارة"]);
    }
}
