//! Entities together: a matrix of the chart's entities, each cell the number of sentences (or
//! articles) mentioning both, shaded by the strength of the pair (Dice); a cell opens the
//! concordance on the lines of the row's entity where the column's is mentioned too (`@a&@b`).
//! The same figures, pair by pair, in a table.

use leptos::prelude::*;
use siyaq_engine::entities::together::{Scope, Together};
use siyaq_engine::gazetteer::Entity;

use super::chart::{entity_name, rows_of, shortened};
use super::svg_export::{ChartNames, SvgChart};
use crate::i18n::{Lang, counted_ar, tr, use_lang};
use crate::state::chart::{ChartSettings, MAX_MATRIX, TogetherData, open_mentions, open_pair};
use crate::state::entities::EntityList;
use crate::state::navigation::Navigation;
use crate::state::search::SearchState;

const LABEL_WIDTH: f64 = 210.0;
const HEADER_HEIGHT: f64 = 30.0;
const CELL: f64 = 38.0;
/// Characters of a name that fit the label column, after its number.
const LABEL_CHARS: usize = 22;
/// The shade of the strongest pairs.
const SHADE: &str = "#1f6f8b";
/// Pairs listed in the table under the matrix.
const MAX_PAIRS_LISTED: usize = 100;

/// One cell: the `row`-th entity with the `column`-th.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub column: usize,
    pub x: f64,
    pub y: f64,
    pub together: u32,
    pub dice: f64,
    /// The shade's opacity: 0 for a pair never together, else from 0.12 (weakest) to 1 (Dice 1).
    pub opacity: f64,
}

/// Where everything goes, in a left-to-right frame; right-to-left pages mirror it when drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixLayout {
    pub width: f64,
    pub height: f64,
    pub cells: Vec<Cell>,
}

pub fn layout(together: &Together) -> MatrixLayout {
    let n = together.entities.len();
    let cells = (0..n)
        .flat_map(|row| (0..n).map(move |column| (row, column)))
        .map(|(row, column)| {
            let count = together.together(row, column);
            let dice = together.dice(row, column);
            Cell {
                row,
                column,
                x: LABEL_WIDTH + column as f64 * CELL,
                y: HEADER_HEIGHT + row as f64 * CELL,
                together: count,
                dice,
                opacity: if count == 0 || row == column { 0.0 } else { 0.12 + 0.88 * dice },
            }
        })
        .collect();
    MatrixLayout { width: LABEL_WIDTH + n as f64 * CELL + 8.0, height: HEADER_HEIGHT + n as f64 * CELL + 8.0, cells }
}

/// "3 جمل" / "3 sentences": a number of units of `scope`.
fn units(n: u32, scope: Scope, lang: Lang) -> String {
    let n = n as usize;
    match (lang, scope) {
        (Lang::Ar, Scope::Sentence) => counted_ar(n, ["جملة واحدة", "جملتين", "جمل", "جملة"]),
        (Lang::Ar, Scope::Article) => counted_ar(n, ["مقال واحد", "مقالين", "مقالات", "مقالًا"]),
        (Lang::En, Scope::Sentence) if n == 1 => "1 sentence".to_string(),
        (Lang::En, Scope::Sentence) => format!("{n} sentences"),
        (Lang::En, Scope::Article) if n == 1 => "1 article".to_string(),
        (Lang::En, Scope::Article) => format!("{n} articles"),
    }
}

/// The exact figures of one cell, for hovering and for screen readers.
fn describe(a: &Entity, b: &Entity, cell: &Cell, together: &Together, lang: Lang) -> String {
    let (name_a, name_b) = (entity_name(a, lang), entity_name(b, lang));
    let scope = together.scope;
    let (fa, fb) = (together.units[cell.row], together.units[cell.column]);
    if cell.row == cell.column {
        return match lang {
            Lang::Ar => format!("{name_a}: في {}", units(fa, scope, lang)),
            Lang::En => format!("{name_a}: in {}", units(fa, scope, lang)),
        };
    }
    let strength = match together.log_dice(cell.row, cell.column) {
        Some(log_dice) => format!("Dice {:.2}, logDice {log_dice:.1}", cell.dice),
        None => "Dice 0".to_string(),
    };
    match lang {
        Lang::Ar => format!(
            "{name_a} و{name_b}: معًا في {}؛ {name_a} في {}، {name_b} في {}؛ {strength}",
            units(cell.together, scope, lang),
            units(fa, scope, lang),
            units(fb, scope, lang)
        ),
        Lang::En => format!(
            "{name_a} and {name_b}: together in {}; {name_a} in {}, {name_b} in {}; {strength}",
            units(cell.together, scope, lang),
            units(fa, scope, lang),
            units(fb, scope, lang)
        ),
    }
}

/// The switch between sentences and articles.
#[component]
pub fn ScopeSwitch(settings: ChartSettings) -> impl IntoView {
    let lang = use_lang();
    let label = move |s: Scope| match s {
        Scope::Sentence => lang.get().pick("في الجملة نفسها", "in the same sentence"),
        Scope::Article => lang.get().pick("في المقال نفسه", "in the same article"),
    };
    view! {
        <label>
            {tr("معًا", "Together")}
            <select data-testid="scope" on:change=move |e| {
                if let Some(s) = Scope::from_name(&event_target_value(&e)) { settings.scope.set(s); }
            }>
                {Scope::ALL.into_iter().map(|s| view! {
                    <option value=s.name() selected=move || settings.scope.get() == s>{move || label(s)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn TogetherPanel(data: Memo<TogetherData>, settings: ChartSettings, list: EntityList, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    let hovered = RwSignal::new(None::<String>);
    let shape = Memo::new(move |_| layout(&data.get().together));
    let empty = move || data.with(|d| d.together.entities.len() < 2);
    let matrix = move || {
        let data = data.get();
        let together = data.together.clone();
        let layout = shape.get();
        let lang = lang.get();
        let rtl = lang == Lang::Ar;
        let flip = move |x: f64, width: f64| if rtl { layout.width - x - width } else { x };
        let entities = rows_of(list, &together.entities);
        let entity = |i: usize| entities.get(&together.entities[i]).cloned();
        let n = together.entities.len();
        let labels = (0..n)
            .filter_map(|i| Some((i, entity(i)?)))
            .map(|(i, e)| {
                let name = entity_name(&e, lang);
                let y = HEADER_HEIGHT + i as f64 * CELL + CELL / 2.0 + 5.0;
                let x = flip(6.0, 0.0);
                let column_x = flip(LABEL_WIDTH + i as f64 * CELL, CELL) + CELL / 2.0;
                view! {
                    <text x=format!("{x:.1}") y=format!("{y:.1}") text-anchor="start" font-size="13" fill="#111">
                        <title>{name.clone()}</title>
                        {format!("{}. {}", i + 1, shortened(&name, LABEL_CHARS))}
                    </text>
                    <text x=format!("{column_x:.1}") y="20" text-anchor="middle" font-size="12" font-weight="bold" fill="#333">
                        <title>{name}</title>
                        {(i + 1).to_string()}
                    </text>
                }
            })
            .collect_view();
        let cells = layout
            .cells
            .iter()
            .filter_map(|cell| Some((cell, entity(cell.row)?, entity(cell.column)?)))
            .map(|(cell, a, b)| {
                let text = describe(&a, &b, cell, &together, lang);
                let hover_text = text.clone();
                let (a_id, b_id) = (a.id.clone(), b.id.clone());
                let clickable = cell.together > 0;
                let diagonal = cell.row == cell.column;
                let x = flip(cell.x, CELL);
                let figure_colour = if cell.opacity > 0.55 { "#ffffff" } else { "#222" };
                let background = if diagonal { "#ece8df" } else { "#f6f4ef" };
                let style = if diagonal { "italic" } else { "normal" };
                view! {
                    <g class="cell" class:clickable=clickable data-testid="together-cell" data-a=a.id.clone() data-b=b.id.clone() data-count=cell.together
                        on:mouseenter=move |_| hovered.set(Some(hover_text.clone()))
                        on:click=move |_| match (clickable, diagonal) {
                            (false, _) => {}
                            // The entity's own sentences: every mention of it.
                            (true, true) => open_mentions(search, nav, &a_id, None),
                            (true, false) => open_pair(search, nav, &a_id, &b_id),
                        }>
                        <title>{text}</title>
                        <rect x=format!("{:.1}", x + 1.0) y=format!("{:.1}", cell.y + 1.0) width=format!("{:.1}", CELL - 2.0) height=format!("{:.1}", CELL - 2.0)
                            fill=background />
                        <rect x=format!("{:.1}", x + 1.0) y=format!("{:.1}", cell.y + 1.0) width=format!("{:.1}", CELL - 2.0) height=format!("{:.1}", CELL - 2.0)
                            fill=SHADE fill-opacity=format!("{:.2}", cell.opacity) />
                        <text x=format!("{:.1}", x + CELL / 2.0) y=format!("{:.1}", cell.y + CELL / 2.0 + 4.5) text-anchor="middle" font-size="12"
                            fill=figure_colour font-style=style>
                            {cell.together.to_string()}
                        </text>
                    </g>
                }
            })
            .collect_view();
        view! {
            {labels}
            {cells}
        }
    };
    let download = move |_| {
        let csv = list.counted.with_untracked(|c| crate::export::together_csv(&c.gazetteer, &data.get_untracked()));
        let name = format!("siyaq-entities-together-{}.csv", data.with_untracked(|d| d.together.scope.name()));
        let _ = crate::browser::save_file(&name, &csv, "text/csv;charset=utf-8");
    };
    view! {
        <section class="entity-panel together" data-testid="entities-together">
            <div class="controls panel-controls">
                <ScopeSwitch settings />
            </div>
            <figure class="chart">
                <figcaption>
                    {move || match settings.scope.get() {
                        Scope::Sentence => lang.get().pick(
                            "في كل خانة عدد الجمل التي تذكر الكيانين معًا، وكلما اشتد اللون قويت الصلة (معامل Dice)؛ في القطر عدد جمل الكيان نفسه. انقر خانة لتفتح في الكشاف إشارات كيان السطر في الجمل التي تذكر كيان العمود.",
                            "Each cell: the sentences mentioning both entities, darker for a stronger pair (the Dice coefficient); on the diagonal, the entity's own sentences. Click a cell to open the row entity's mentions in the sentences that also mention the column's.",
                        ),
                        Scope::Article => lang.get().pick(
                            "في كل خانة عدد المقالات التي تذكر الكيانين معًا، وكلما اشتد اللون قويت الصلة (معامل Dice)؛ في القطر عدد مقالات الكيان نفسه. انقر خانة لتفتح في الكشاف إشارات كيان السطر في المقالات التي تذكر كيان العمود.",
                            "Each cell: the articles mentioning both entities, darker for a stronger pair (the Dice coefficient); on the diagonal, the entity's own articles. Click a cell to open the row entity's mentions in the articles that also mention the column's.",
                        ),
                    }}
                </figcaption>
                <p class="chart-detail" aria-live="polite">{move || hovered.get().unwrap_or_default()}</p>
                <p class="empty" hidden=move || !empty()>{tr("اختر كيانين على الأقل لترى أيها يُذكر مع أيها.", "Choose at least two entities to see which are mentioned together.")}</p>
                <p class="note" hidden=move || data.with(|d| d.left_out == 0)>
                    {move || match lang.get() {
                        Lang::Ar => format!("تظهر في المصفوفة أول {MAX_MATRIX} كيانًا فقط من الاختيارات أعلاه."),
                        Lang::En => format!("Only the first {MAX_MATRIX} entities of the choices above are in the matrix."),
                    }}
                </p>
                <SvgChart hidden=Signal::derive(empty) size=Signal::derive(move || (shape.get().width, shape.get().height)) hovered
                    names=ChartNames { testid: "together-svg", export_ids: ("export-together-svg", "export-together-png"), file: "siyaq-entities-together",
                        label: ("مصفوفة الكيانات معًا؛ الأرقام نفسها في الجدول التالي", "Matrix of entities together; the same figures are in the table below") }>
                    {matrix}
                </SvgChart>
            </figure>
            <details class="chart-table" open>
                <summary>{tr("الأزواج في جدول", "The pairs as a table")}</summary>
                <button type="button" class="export" data-testid="export-together-csv" on:click=download>{tr("تصدير CSV", "Export CSV")}</button>
                <PairTable data list search nav />
            </details>
        </section>
    }
}

/// The pairs mentioned together, strongest first; each count opens the pair's lines.
#[component]
fn PairTable(data: Memo<TogetherData>, list: EntityList, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table data-testid="pair-table">
            <caption>{move || match data.with(|d| d.together.scope) {
                Scope::Sentence => lang.get().pick("الأزواج التي تُذكر في جملة واحدة، الأقوى أولًا", "Pairs mentioned in the same sentence, strongest first"),
                Scope::Article => lang.get().pick("الأزواج التي تُذكر في مقال واحد، الأقوى أولًا", "Pairs mentioned in the same article, strongest first"),
            }}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr("الكيان", "Entity")}</th>
                    <th scope="col">{tr("الكيان", "Entity")}</th>
                    <th scope="col">{tr("معًا", "Together")}</th>
                    <th scope="col">{tr("الأول وحده", "First")}</th>
                    <th scope="col">{tr("الثاني وحده", "Second")}</th>
                    <th scope="col">"Dice"</th>
                    <th scope="col">"logDice"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let data = data.get();
                    let together = data.together.clone();
                    let lang = lang.get();
                    let entities = rows_of(list, &together.entities);
                    together.pairs().into_iter().filter(|p| p.together > 0).take(MAX_PAIRS_LISTED).filter_map(|pair| {
                        let a = entities.get(&together.entities[pair.a])?.clone();
                        let b = entities.get(&together.entities[pair.b])?.clone();
                        let (a_id, b_id) = (a.id.clone(), b.id.clone());
                        let log_dice = together.log_dice(pair.a, pair.b).map(|l| format!("{l:.1}")).unwrap_or_default();
                        Some(view! {
                            <tr data-testid="pair-row" data-a=a.id.clone() data-b=b.id.clone()>
                                <th scope="row"><bdi>{entity_name(&a, lang)}</bdi></th>
                                <th scope="row"><bdi>{entity_name(&b, lang)}</bdi></th>
                                <td>
                                    <button type="button" class="cell-link" on:click=move |_| open_pair(search, nav, &a_id, &b_id)>
                                        {pair.together}
                                    </button>
                                </td>
                                <td>{pair.units_a}</td>
                                <td>{pair.units_b}</td>
                                <td>{format!("{:.2}", pair.dice)}</td>
                                <td>{log_dice}</td>
                            </tr>
                        })
                    }).collect_view()
                }}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siyaq_engine::entities::EntityAliases;
    use siyaq_engine::entities::find_mentions;
    use siyaq_engine::{DocumentInput, Index, Steps};

    #[test]
    fn cells_are_shaded_by_strength_and_the_diagonal_is_not() {
        let index = Index::build([DocumentInput { id: "d", text: "بوتين وبايدن. بوتين. روسيا.".into(), uncounted: vec![] }], Steps::default());
        let list = [("putin", "بوتين"), ("biden", "بايدن"), ("russia", "روسيا")]
            .map(|(id, alias)| EntityAliases { id: id.into(), aliases: vec![alias.into()], context: vec![] });
        let mentions = find_mentions(&index, &list);
        let together = Together::new(&index, &mentions, &[0, 1, 2], Scope::Sentence);
        let layout = layout(&together);
        assert_eq!(layout.cells.len(), 9);
        let cell = |r: usize, c: usize| layout.cells.iter().find(|x| x.row == r && x.column == c).unwrap();
        // Putin in 2 sentences, Biden in 1, both in 1: Dice 2·1/3.
        assert_eq!(cell(0, 1).together, 1);
        assert!((cell(0, 1).opacity - (0.12 + 0.88 * 2.0 / 3.0)).abs() < 1e-12);
        assert_eq!((cell(0, 2).together, cell(0, 2).opacity), (0, 0.0));
        assert_eq!((cell(0, 0).together, cell(0, 0).opacity), (2, 0.0));
        assert!(cell(1, 0).x < cell(1, 1).x && cell(0, 1).y < cell(1, 1).y);
        assert_eq!(units(2, Scope::Sentence, Lang::Ar), "جملتين");
        assert_eq!(units(11, Scope::Article, Lang::Ar), "11 مقالًا");
        assert_eq!(units(1, Scope::Article, Lang::En), "1 article");
    }
}
