//! What the entity list's notices say, in the interface's two languages.

use crate::i18n::Lang;
use crate::state::entities::Notice;

impl crate::notice::Notify for Notice {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::SavedListIgnored { problem, kept }, Lang::Ar) => format!(
                "تعذّرت قراءة قائمة الكيانات المحفوظة في هذا المتصفح ({})، فعُرضت القائمة المرفقة. {}",
                problem.message_ar(),
                if *kept { "حُفظت نسخة منها جانبًا: صدّرها أو احذفها من السطر أدناه." } else { "بقيت محفوظة كما هي، ولن تُحفظ تعديلاتك فوقها." }
            ),
            (Notice::SavedListIgnored { problem, kept }, Lang::En) => format!(
                "The entity list saved in this browser could not be read ({}), so the bundled list is shown. {}",
                problem.message_en(),
                if *kept { "A copy is kept aside: export or discard it from the line below." } else { "It stays saved as it was; your edits will not be saved over it." }
            ),
            (Notice::ImportRefused(p), Lang::Ar) => format!("لم يُستورد الملف: {}", p.message_ar()),
            (Notice::ImportRefused(p), Lang::En) => format!("The file was not imported: {}", p.message_en()),
            (Notice::Imported(n), Lang::Ar) => format!("استُوردت قائمة من {n} كيانًا."),
            (Notice::Imported(n), Lang::En) => format!("Imported a list of {n} entities."),
            (Notice::EditRefused(e), lang) => crate::messages::gazetteer_error(e, lang),
            (Notice::Reset, Lang::Ar) => "أُعيدت القائمة المرفقة، وحُذفت تعديلاتك.".to_string(),
            (Notice::Reset, Lang::En) => "The bundled list is back; your edits are gone.".to_string(),
            (Notice::NotSaved, Lang::Ar) => "لم يقبل المتصفح حفظ القائمة؛ صدّرها في ملف كي لا تضيع.".to_string(),
            (Notice::NotSaved, Lang::En) => "The browser refused to save the list; export it to a file to keep it.".to_string(),
            (Notice::NoStorage, Lang::Ar) => {
                "لا يسمح هذا المتصفح لسياق بحفظ شيء: تبقى تعديلاتك على قائمة الكيانات ما بقيت الصفحة مفتوحة. صدّر القائمة في ملف لتحفظها.".to_string()
            }
            (Notice::NoStorage, Lang::En) => {
                "This browser lets siyaq keep nothing: your changes to the entity list last only while this page is open. Export the list to keep them.".to_string()
            }
            (Notice::NotSavedOverUnreadable, Lang::Ar) => {
                "لم يُحفظ التعديل كي لا يُكتب فوق القائمة المحفوظة غير المقروءة؛ صدّر قائمتك في ملف لتحفظها.".to_string()
            }
            (Notice::NotSavedOverUnreadable, Lang::En) => {
                "The edit was not saved, so as not to write over the unreadable saved list; export your list to keep it.".to_string()
            }
            (Notice::ChangedInAnotherTab, Lang::Ar) => "عُدّلت قائمة الكيانات في نافذة أخرى، فعُرضت هنا كما صارت.".to_string(),
            (Notice::ChangedInAnotherTab, Lang::En) => "The entity list was changed in another tab; it is shown here as it is now.".to_string(),
            (Notice::LinkListKept, Lang::Ar) => "صارت قائمة الرابط قائمتك المحفوظة.".to_string(),
            (Notice::LinkListKept, Lang::En) => "The link's list is now your saved list.".to_string(),
            (Notice::SavedListBack, Lang::Ar) => "عادت قائمتك المحفوظة.".to_string(),
            (Notice::SavedListBack, Lang::En) => "Your saved list is back.".to_string(),
        }
    }

    fn is_problem(&self) -> bool {
        !matches!(self, Notice::Imported(_) | Notice::Reset | Notice::ChangedInAnotherTab | Notice::LinkListKept | Notice::SavedListBack)
    }
}
