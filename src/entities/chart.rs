//! The chart of entities by article, drawn as SVG by leptos, and the same figures as a table.
//!
//! SVG in the DOM rather than a plotting crate: the browser shapes the Arabic labels, every cell
//! is an element that can be hovered and clicked, and it costs no extra wasm beyond the views.

use leptos::prelude::*;
use siyaq_engine::entities::{EntityTable, Measure, RowOrder};
use siyaq_engine::gazetteer::{Entity, EntityKind};

use super::svg_export::{ChartNames, SvgChart};
use crate::i18n::{Lang, counted_ar, tr, use_lang};
use crate::state::chart::{ChartData, ChartSettings, MAX_TOP, open_mentions};
use crate::state::corpus::articles;
use crate::state::entities::EntityList;
use crate::state::navigation::Navigation;
use crate::state::search::SearchState;

const LABEL_WIDTH: f64 = 190.0;
const COLUMN_WIDTH: f64 = 92.0;
const TOTAL_WIDTH: f64 = 110.0;
const HEADER_HEIGHT: f64 = 34.0;
const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 16.0;
/// Room after the longest bar for its figure.
const FIGURE_ROOM: f64 = 34.0;

/// One bar: an entity in one article, or in all of them (`document` is `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub entity: usize,
    pub document: Option<usize>,
    /// The cell's start along the reading direction, and the bar's length.
    pub x: f64,
    pub length: f64,
    pub value: f64,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub document: Option<usize>,
    pub x: f64,
    pub width: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub entity: usize,
    pub y: f64,
    pub bars: Vec<Bar>,
}

/// Where everything goes, in a left-to-right frame; right-to-left pages mirror it when drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// Lays out `data`: a label column, a column per article sharing one scale, and a total column
/// with its own.
pub fn layout(data: &ChartData) -> Layout {
    let table = &data.table;
    let documents = table.words.len();
    let mut columns: Vec<Column> = (0..documents)
        .map(|d| Column { document: Some(d), x: LABEL_WIDTH + d as f64 * COLUMN_WIDTH, width: COLUMN_WIDTH })
        .collect();
    columns.push(Column { document: None, x: LABEL_WIDTH + documents as f64 * COLUMN_WIDTH, width: TOTAL_WIDTH });
    let value = |entity: usize, document: Option<usize>| table.value_in(entity, document, data.measure);
    let max_of = |documents: &mut dyn Iterator<Item = Option<usize>>| {
        let documents: Vec<Option<usize>> = documents.collect();
        data.rows.iter().flat_map(|&e| documents.iter().map(move |&d| value(e, d))).fold(0.0, f64::max)
    };
    let article_max = max_of(&mut (0..documents).map(Some));
    let total_max = max_of(&mut std::iter::once(None));
    let rows = data
        .rows
        .iter()
        .enumerate()
        .map(|(i, &entity)| Row {
            entity,
            y: HEADER_HEIGHT + i as f64 * ROW_HEIGHT,
            bars: columns
                .iter()
                .map(|column| {
                    let v = value(entity, column.document);
                    let max = if column.document.is_some() { article_max } else { total_max };
                    let room = column.width - FIGURE_ROOM - 6.0;
                    Bar {
                        entity,
                        document: column.document,
                        x: column.x,
                        length: if max > 0.0 { (v / max * room).max(if v > 0.0 { 1.5 } else { 0.0 }) } else { 0.0 },
                        value: v,
                        count: table.count_in(entity, column.document),
                    }
                })
                .collect(),
        })
        .collect();
    let width = columns.last().map_or(LABEL_WIDTH, |c| c.x + c.width);
    Layout { width, height: HEADER_HEIGHT + data.rows.len() as f64 * ROW_HEIGHT + 8.0, columns, rows }
}

/// Characters of a name that fit the label column.
const LABEL_CHARS: usize = 24;

/// `text` cut to `max` characters, an ellipsis marking the cut.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect::<String>().trim_end().to_string();
    cut.push('…');
    cut
}

/// A figure as the chart prints it: whole counts, rates to one decimal.
pub fn figure(value: f64, measure: Measure) -> String {
    match measure {
        Measure::Count => format!("{value:.0}"),
        Measure::PerThousand => format!("{value:.1}"),
    }
}

pub fn kind_colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#1f6f8b",
        EntityKind::Place => "#b5651d",
        EntityKind::Organisation => "#5b8c3a",
        EntityKind::Other => "#7a5c99",
    }
}

pub fn kind_label(kind: EntityKind, lang: Lang) -> &'static str {
    match kind {
        EntityKind::Person => lang.pick("أشخاص", "people"),
        EntityKind::Place => lang.pick("أماكن", "places"),
        EntityKind::Organisation => lang.pick("منظمات", "organisations"),
        EntityKind::Other => lang.pick("أخرى", "other"),
    }
}

pub fn entity_name(entity: &Entity, lang: Lang) -> String {
    match lang {
        Lang::Ar => entity.name_ar.clone(),
        Lang::En => entity.name_en.clone(),
    }
}

/// "مقال ٣" / "Article 3", the column heading of an article.
fn column_label(document: Option<usize>, lang: Lang) -> String {
    match document {
        Some(d) => format!("{} {}", lang.pick("مقال", "Article"), d + 1),
        None => lang.pick("المجموع", "Total").to_string(),
    }
}

/// The exact figures of one bar, for hovering and for screen readers.
fn describe(entity: &Entity, bar: &Bar, table: &EntityTable, lang: Lang) -> String {
    let name = entity_name(entity, lang);
    let words = table.words_in(bar.document);
    let rate = table.value_in(bar.entity, bar.document, Measure::PerThousand);
    let place = match bar.document {
        Some(d) => {
            let heading = articles().get(d).map(|a| shortened(a.heading.text(), 40)).unwrap_or_default();
            format!("{} ({heading})", column_label(Some(d), lang))
        }
        None => lang.pick("كل المقالات", "all articles").to_string(),
    };
    match lang {
        Lang::Ar => format!(
            "{name} — {place}: {}، {rate:.1} لكل ألف كلمة من {}",
            counted_ar(bar.count as usize, ["إشارة واحدة", "إشارتان", "إشارات", "إشارة"]),
            counted_ar(words as usize, ["كلمة واحدة", "كلمتان", "كلمات", "كلمة"]),
        ),
        Lang::En => format!("{name} — {place}: {} mentions, {rate:.1} per 1,000 of {words} words", bar.count),
    }
}

#[component]
pub fn ChartControls(settings: ChartSettings, list: EntityList) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="controls chart-controls" data-testid="chart-controls">
            <label>
                {tr("المقياس", "Measure")}
                <select data-testid="measure" on:change=move |e| {
                    if let Some(m) = Measure::from_name(&event_target_value(&e)) { settings.measure.set(m); }
                }>
                    <option value="count" selected=move || settings.measure.get() == Measure::Count>{tr("عدد الإشارات", "mentions")}</option>
                    <option value="per1000" selected=move || settings.measure.get() == Measure::PerThousand>{tr("لكل ألف كلمة", "per 1,000 words")}</option>
                </select>
            </label>
            <fieldset class="kinds" data-testid="kinds">
                <legend>{tr("الأنواع", "Types")}</legend>
                {EntityKind::ALL.into_iter().map(|kind| view! {
                    <label class="kind">
                        <input type="checkbox" data-kind=kind.name()
                            prop:checked=move || settings.kinds.get().contains(&kind)
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                settings.kinds.update(|k| { if on { k.insert(kind); } else { k.remove(&kind); } });
                            } />
                        <span class="swatch" style:background=kind_colour(kind)></span>
                        {move || kind_label(kind, lang.get())}
                    </label>
                }).collect_view()}
            </fieldset>
            <label>
                {tr("أعلى", "Top")}
                <input type="number" min="1" max=MAX_TOP.to_string() data-testid="top"
                    prop:value=move || settings.top.get().to_string()
                    on:change=move |e| {
                        if let Ok(top) = event_target_value(&e).trim().parse::<usize>() { settings.top.set(top.clamp(1, MAX_TOP)); }
                    } />
            </label>
            <label>
                {tr("الترتيب حسب", "Sort by")}
                <select data-testid="chart-order" on:change=move |e| {
                    let value = event_target_value(&e);
                    settings.order.set(value.parse::<usize>().ok().filter(|&d| d < articles().len()).map_or(RowOrder::Total, RowOrder::Document));
                }>
                    <option value="total" selected=move || settings.order.get() == RowOrder::Total>{tr("المجموع", "total")}</option>
                    {(0..articles().len()).map(|d| view! {
                        <option value=d.to_string() selected=move || settings.order.get() == RowOrder::Document(d)>{move || column_label(Some(d), lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="demonyms">
                <input type="checkbox" data-testid="demonyms" prop:checked=move || list.demonyms.get()
                    on:change=move |e| list.demonyms.set(event_target_checked(&e)) />
                {tr("احسب صفات النسبة (الروسي، الروس)", "count demonyms (Russian, Russians)")}
            </label>
        </div>
    }
}

#[component]
pub fn Chart(data: Memo<ChartData>, list: EntityList, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    let hovered = RwSignal::new(None::<String>);
    let shape = Memo::new(move |_| layout(&data.get()));
    let chart = move || {
        let data = data.get();
        let layout = shape.get();
        let lang = lang.get();
        let rtl = lang == Lang::Ar;
        // Mirrors a left-to-right x for right-to-left pages.
        let flip = move |x: f64, width: f64| if rtl { layout.width - x - width } else { x };
        let entities = rows_of(list, &data.rows);
        // The svg's `direction` follows the page, so "start" is the right edge on Arabic pages.
        let anchor_start = "start";
        let headers = layout
            .columns
            .iter()
            .map(|c| {
                let x = flip(c.x, c.width) + c.width / 2.0;
                view! { <text x=format!("{x:.1}") y="20" text-anchor="middle" font-size="13" font-weight="bold" fill="#333">{column_label(c.document, lang)}</text> }
            })
            .collect_view();
        let rows = layout
            .rows
            .iter()
            .enumerate()
            .filter_map(|(position, row)| Some((position, row, entities.get(&row.entity)?.clone())))
            .map(|(position, row, entity)| {
                let label_x = if rtl { layout.width - 6.0 } else { 6.0 };
                let label_y = row.y + ROW_HEIGHT / 2.0 + 5.0;
                let colour = kind_colour(entity.kind);
                let bars = row
                    .bars
                    .iter()
                    .map(|bar| {
                        let cell_width = if bar.document.is_some() { COLUMN_WIDTH } else { TOTAL_WIDTH };
                        let bar_x = flip(bar.x + 4.0, bar.length);
                        let figure_x = if rtl { flip(bar.x + 4.0, bar.length) - 4.0 } else { bar.x + 4.0 + bar.length + 4.0 };
                        let text = describe(&entity, bar, &data.table, lang);
                        let hover_text = text.clone();
                        let id = entity.id.clone();
                        let document = bar.document;
                        let doc_id = bar.document.and_then(|d| articles().get(d)).map(|a| a.id()).unwrap_or("all");
                        view! {
                            <g class="bar" data-entity=entity.id.clone() data-doc=doc_id data-count=bar.count
                                on:mouseenter=move |_| hovered.set(Some(hover_text.clone()))
                                on:click=move |_| open_mentions(search, nav, &id, document)>
                                <title>{text}</title>
                                <rect x=format!("{:.1}", flip(bar.x, cell_width)) y=format!("{:.1}", row.y) width=format!("{cell_width:.1}") height=format!("{ROW_HEIGHT:.1}") fill="transparent" />
                                <rect x=format!("{bar_x:.1}") y=format!("{:.1}", row.y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)
                                    width=format!("{:.1}", bar.length) height=format!("{BAR_HEIGHT:.1}")
                                    fill=if bar.document.is_some() { colour } else { "#444" } rx="2" />
                                <text x=format!("{figure_x:.1}") y=format!("{label_y:.1}") text-anchor=anchor_start font-size="12" fill="#222">
                                    {figure(bar.value, data.measure)}
                                </text>
                            </g>
                        }
                    })
                    .collect_view();
                view! {
                    <g class="chart-row" data-entity=entity.id.clone()>
                        <rect x="0" y=format!("{:.1}", row.y) width=format!("{:.1}", layout.width) height=format!("{ROW_HEIGHT:.1}") fill=if position % 2 == 0 { "#f6f4ef" } else { "#ffffff" } />
                        <text x=format!("{label_x:.1}") y=format!("{label_y:.1}") text-anchor=anchor_start font-size="14" fill="#111">
                            <title>{entity_name(&entity, lang)}</title>
                            {shortened(&entity_name(&entity, lang), LABEL_CHARS)}
                        </text>
                        {bars}
                    </g>
                }
            })
            .collect_view();
        view! {
            {headers}
            {rows}
        }
    };
    let empty = move || data.get().rows.is_empty();
    view! {
        <figure class="chart" data-testid="chart">
            <figcaption>
                {tr("الكيانات في المقالات — مرّر المؤشر لترى الأرقام، وانقر لتفتح الإشارات في الكشاف", "Entities across the articles — hover for the figures, click to open the mentions in the concordance")}
            </figcaption>
            <p class="chart-detail" aria-live="polite" data-testid="chart-detail">{move || hovered.get().unwrap_or_default()}</p>
            <p class="empty" hidden=move || !empty()>{tr("لا كيان يطابق هذه الاختيارات.", "No entity matches these choices.")}</p>
            <SvgChart hidden=Signal::derive(empty) size=Signal::derive(move || (shape.get().width, shape.get().height)) hovered
                names=ChartNames { testid: "chart-svg", export_ids: ("export-svg", "export-png"), file: "siyaq-entities",
                    label: ("مخطط الكيانات؛ الأرقام نفسها في الجدول التالي", "Entity chart; the same figures are in the table below") }>
                {chart}
            </SvgChart>
        </figure>
    }
}

#[component]
pub fn ChartTable(data: Memo<ChartData>, list: EntityList, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    let download = move |_| {
        let csv = list.counted.with_untracked(|c| crate::export::entity_table_csv(&c.gazetteer, &data.get_untracked()));
        let _ = crate::browser::save_file("siyaq-entities.csv", &csv, "text/csv;charset=utf-8");
    };
    let download_mentions = move |_| {
        let csv = list.counted.with_untracked(|c| crate::export::mentions_csv(&search.index.get_untracked(), &c.gazetteer, &search.mentions.get_untracked()));
        let _ = crate::browser::save_file("siyaq-mentions.csv", &csv, "text/csv;charset=utf-8");
    };
    view! {
        <details class="chart-table" data-testid="chart-table-box" open>
            <summary>{tr("الأرقام في جدول", "The figures as a table")}</summary>
            <button type="button" class="export" data-testid="export-entities-csv" on:click=download>{tr("تصدير CSV", "Export CSV")}</button>
            <button type="button" class="export" data-testid="export-mentions" on:click=download_mentions
                title=move || lang.get().pick("كل إشارة في سطر: المقال، الكيان، الكلمات كما كتبت، موضعها، جملتها", "One row per mention: article, entity, the words as written, where, and the sentence")>
                {tr("تصدير الإشارات", "Export mentions")}
            </button>
            <table data-testid="chart-table">
                <caption>{move || match data.get().measure {
                    Measure::Count => lang.get().pick("عدد الإشارات إلى كل كيان في كل مقال", "Mentions of each entity in each article"),
                    Measure::PerThousand => lang.get().pick("الإشارات لكل ألف كلمة في كل مقال", "Mentions per 1,000 words in each article"),
                }}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("الكيان", "Entity")}</th>
                        <th scope="col">{tr("النوع", "Type")}</th>
                        {(0..articles().len()).map(|d| view! {
                            <th scope="col" title=articles()[d].heading.text().to_string()>{move || column_label(Some(d), lang.get())}</th>
                        }).collect_view()}
                        <th scope="col">{tr("المجموع", "Total")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let data = data.get();
                        let lang = lang.get();
                        let entities = rows_of(list, &data.rows);
                        data.rows.iter().filter_map(|&e| Some((e, entities.get(&e)?.clone()))).map(|(e, entity)| {
                            let cells = (0..data.table.words.len()).map(Some).chain([None]).map(|document| {
                                let value = data.table.value_in(e, document, data.measure);
                                let id = entity.id.clone();
                                view! {
                                    <td>
                                        <button type="button" class="cell-link" data-article=document.and_then(|d| articles().get(d)).map(|a| a.id()).unwrap_or("all")
                                            on:click=move |_| open_mentions(search, nav, &id, document)>
                                            {figure(value, data.measure)}
                                        </button>
                                    </td>
                                }
                            }).collect_view();
                            view! {
                                <tr data-entity=entity.id.clone()>
                                    <th scope="row">{entity_name(&entity, lang)}</th>
                                    <td>{kind_label(entity.kind, lang)}</td>
                                    {cells}
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </details>
    }
}

/// The entities of the chart's rows, by position in the list: only those are copied out of a list
/// that may hold thousands.
pub fn rows_of(list: EntityList, rows: &[usize]) -> std::collections::HashMap<usize, siyaq_engine::gazetteer::Entity> {
    list.counted.with(|c| rows.iter().filter_map(|&e| Some((e, c.gazetteer.entities.get(e)?.clone()))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::search::Shared;
    use std::sync::Arc;

    fn data(counts: Vec<Vec<u32>>, words: Vec<u32>, rows: Vec<usize>, measure: Measure) -> ChartData {
        ChartData { table: Shared(Arc::new(EntityTable { counts, words })), rows, measure }
    }

    #[test]
    fn articles_share_a_scale_and_the_total_has_its_own() {
        let layout = layout(&data(vec![vec![4, 2], vec![1, 0]], vec![100, 100], vec![0, 1], Measure::Count));
        assert_eq!(layout.columns.len(), 3);
        assert_eq!(layout.rows.len(), 2);
        let room = COLUMN_WIDTH - FIGURE_ROOM - 6.0;
        let first = &layout.rows[0].bars;
        assert_eq!((first[0].length, first[1].length), (room, room / 2.0));
        assert_eq!(first[2].length, TOTAL_WIDTH - FIGURE_ROOM - 6.0);
        assert_eq!((first[2].count, first[2].document), (6, None));
        let second = &layout.rows[1].bars;
        assert_eq!((second[0].length, second[1].length), (room / 4.0, 0.0));
        assert!(layout.rows[1].y > layout.rows[0].y);
        assert_eq!(layout.width, LABEL_WIDTH + 2.0 * COLUMN_WIDTH + TOTAL_WIDTH);
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(shortened("Collective Security Treaty Organization", 24), "Collective Security Tre…");
        assert_eq!(shortened("فلاديمير بوتين", 24), "فلاديمير بوتين");
    }

    #[test]
    fn rates_print_with_one_decimal_and_counts_whole() {
        let d = data(vec![vec![1, 3]], vec![300, 1000], vec![0], Measure::PerThousand);
        let layout = layout(&d);
        assert_eq!(figure(layout.rows[0].bars[0].value, Measure::PerThousand), "3.3");
        assert_eq!(figure(layout.rows[0].bars[2].value, Measure::PerThousand), "3.1");
        assert_eq!(figure(4.0, Measure::Count), "4");
    }

    #[test]
    fn an_empty_chart_has_no_rows_and_no_nan() {
        let layout = layout(&data(vec![vec![0, 0]], vec![0, 0], vec![], Measure::PerThousand));
        assert!(layout.rows.is_empty());
        assert!(layout.height > 0.0 && layout.width.is_finite());
    }
}
