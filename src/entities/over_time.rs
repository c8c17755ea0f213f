//! Mentions over time: a line per entity across the months or weeks of the articles' dates, drawn
//! as SVG as the chart by article is, and the same figures as a table. Articles without a place
//! in time are counted on a line of their own and named, never left out silently.

use leptos::prelude::*;
use siyaq_engine::entities::Measure;
use siyaq_engine::entities::periods::{Granularity, Undated};
use siyaq_engine::gazetteer::Entity;

use super::chart::{entity_name, figure, rows_of, shortened};
use super::svg_export::{ChartNames, SvgChart};
use crate::i18n::{Lang, counted_ar, tr, use_lang};
use crate::labels::{period_label, period_short};
use crate::state::chart::{ChartSettings, MAX_LINES, OverTimeData, open_mentions_in};
use crate::state::entities::EntityList;
use crate::state::navigation::Navigation;
use crate::state::search::SearchState;

/// Room for the value axis's figures.
const AXIS_WIDTH: f64 = 56.0;
const LEGEND_WIDTH: f64 = 210.0;
const LEGEND_GAP: f64 = 20.0;
const LEGEND_ROW: f64 = 22.0;
const TOP: f64 = 18.0;
const PLOT_HEIGHT: f64 = 240.0;
/// Room under the plot for the periods' names, written slanting.
const PERIOD_LABELS_HEIGHT: f64 = 110.0;
/// The plot is about this wide; each period gets between the two steps.
const PLOT_WIDTH: f64 = 640.0;
const MIN_STEP: f64 = 14.0;
const MAX_STEP: f64 = 72.0;
/// Slanting names of periods need this much room apart.
const LABEL_GAP: f64 = 18.0;

/// Colours told apart by most readers, one per line.
pub const PALETTE: [&str; MAX_LINES] =
    ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#ad494a"];

/// One entity in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub period: usize,
    pub x: f64,
    pub y: f64,
    pub value: f64,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub entity: usize,
    pub colour: &'static str,
    pub points: Vec<Point>,
}

/// Where everything goes, in a left-to-right frame (earliest period first); right-to-left pages
/// mirror it when drawing, as the chart by article is.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeLayout {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    /// The bottom of the plot, where the value is 0.
    pub baseline: f64,
    /// The centre of each period.
    pub xs: Vec<f64>,
    /// The value axis's ticks: where, and what.
    pub ticks: Vec<(f64, f64)>,
    pub tick_step: f64,
    pub lines: Vec<Line>,
    /// Only every this many periods is named on the axis.
    pub label_every: usize,
    /// Where the legend starts.
    pub legend_x: f64,
}

/// The top of the value scale and the step between its ticks: a round number (1, 2 or 5 times a
/// power of ten) for the step, whole numbers for counts.
pub fn scale(max: f64, measure: Measure) -> (f64, f64) {
    let mut step = round_up(max / 4.0);
    if measure == Measure::Count {
        step = step.max(1.0);
    }
    ((max / step).ceil().max(1.0) * step, step)
}

/// The smallest of 1, 2, 5 times a power of ten that is at least `value` (1 for nothing).
fn round_up(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    let scaled = value / power;
    let nice = [1.0, 2.0, 5.0, 10.0].into_iter().find(|n| scaled <= n * (1.0 + 1e-9)).unwrap_or(10.0);
    nice * power
}

/// A tick's figure, with as many decimals as the step needs.
pub fn tick_label(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10()).ceil() as usize };
    format!("{value:.decimals$}")
}

pub fn layout(data: &OverTimeData) -> TimeLayout {
    let table = &data.table;
    let n = table.periods.len();
    let step = if n == 0 { MAX_STEP } else { (PLOT_WIDTH / n as f64).clamp(MIN_STEP, MAX_STEP) };
    let plot_left = AXIS_WIDTH;
    let plot_right = plot_left + step * n.max(1) as f64;
    let xs: Vec<f64> = (0..n).map(|p| plot_left + step * (p as f64 + 0.5)).collect();
    let value = |entity: usize, period: usize| table.value(entity, period, data.measure);
    let max = data.rows.iter().flat_map(|&e| (0..n).map(move |p| value(e, p))).fold(0.0, f64::max);
    let (top, tick_step) = scale(max, data.measure);
    let baseline = TOP + PLOT_HEIGHT;
    let y_of = |v: f64| baseline - v / top * PLOT_HEIGHT;
    let ticks = (0..=(top / tick_step).round() as usize).map(|i| i as f64 * tick_step).map(|v| (y_of(v), v)).collect();
    let lines = data
        .rows
        .iter()
        .enumerate()
        .map(|(i, &entity)| Line {
            entity,
            colour: PALETTE[i % PALETTE.len()],
            points: xs.iter().enumerate().map(|(p, &x)| Point { period: p, x, y: y_of(value(entity, p)), value: value(entity, p), count: table.counts[entity][p] }).collect(),
        })
        .collect();
    let legend_x = plot_right + LEGEND_GAP;
    let legend_bottom = TOP + data.rows.len() as f64 * LEGEND_ROW;
    TimeLayout {
        width: legend_x + LEGEND_WIDTH,
        height: (baseline + PERIOD_LABELS_HEIGHT).max(legend_bottom + 8.0),
        plot_left,
        plot_right,
        baseline,
        xs,
        ticks,
        tick_step,
        lines,
        label_every: (LABEL_GAP / step).ceil().max(1.0) as usize,
        legend_x,
    }
}

/// The exact figures of one point, for hovering and for screen readers.
fn describe(entity: &Entity, at: usize, point: &Point, data: &OverTimeData, lang: Lang) -> String {
    let table = &data.table;
    let name = entity_name(entity, lang);
    let period = period_label(table.periods[point.period], lang);
    let rate = table.value(at, point.period, Measure::PerThousand);
    let (articles, words) = (table.documents[point.period].len(), table.words[point.period]);
    match lang {
        Lang::Ar => format!(
            "{name} — {period}: {}، {rate:.1} لكل ألف كلمة ({}، {})",
            counted_ar(point.count as usize, ["إشارة واحدة", "إشارتان", "إشارات", "إشارة"]),
            counted_ar(articles, ["مقال واحد", "مقالان", "مقالات", "مقالًا"]),
            counted_ar(words as usize, ["كلمة واحدة", "كلمتان", "كلمات", "كلمة"]),
        ),
        Lang::En => format!("{name} — {period}: {} mentions, {rate:.1} per 1,000 words ({articles} articles, {words} words)", point.count),
    }
}

/// The switch between months and weeks.
#[component]
pub fn GranularitySwitch(settings: ChartSettings) -> impl IntoView {
    let lang = use_lang();
    let label = move |g: Granularity| match g {
        Granularity::Month => lang.get().pick("بالشهر", "by month"),
        Granularity::Week => lang.get().pick("بالأسبوع", "by week"),
    };
    view! {
        <label>
            {tr("الفترة", "Period")}
            <select data-testid="granularity" on:change=move |e| {
                if let Some(g) = Granularity::from_name(&event_target_value(&e)) { settings.granularity.set(g); }
            }>
                {Granularity::ALL.into_iter().map(|g| view! {
                    <option value=g.name() selected=move || settings.granularity.get() == g>{move || label(g)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// Why no article has a place in time, in words.
fn no_dates(data: &OverTimeData, lang: Lang) -> &'static str {
    let coarse = data.table.undated.iter().any(|(_, why)| *why == Undated::TooCoarse);
    match (data.table.granularity, coarse) {
        (Granularity::Week, true) => lang.pick(
            "تواريخ المقالات لا تذكر اليوم، والأسابيع تحتاج إليه: اختر «بالشهر».",
            "The articles' dates do not give the day, which weeks need: choose “by month”.",
        ),
        (Granularity::Month, true) => lang.pick("تواريخ المقالات لا تذكر الشهر، فلا يُرسم شيء عبر الزمن.", "The articles' dates do not give the month, so nothing can be drawn over time."),
        _ => lang.pick("لا تاريخ لأي مقال، فلا يُرسم شيء عبر الزمن.", "No article has a date, so nothing can be drawn over time."),
    }
}

/// The articles counted apart, and why, in words.
fn undated_note(data: &OverTimeData, lang: Lang) -> Option<String> {
    let undated = &data.table.undated;
    if undated.is_empty() {
        return None;
    }
    let count = |why: Undated| undated.iter().filter(|(_, w)| *w == why).count();
    let weeks = data.table.granularity == Granularity::Week;
    let reasons: Vec<String> = [Undated::NoDate, Undated::TooCoarse, Undated::Unreadable]
        .into_iter()
        .filter(|&why| count(why) > 0)
        .map(|why| {
            let n = count(why);
            let what = match (why, weeks) {
                (Undated::NoDate, _) => lang.pick("بلا تاريخ", "without a date"),
                (Undated::TooCoarse, true) => lang.pick("تاريخها لا يذكر اليوم", "dated without the day"),
                (Undated::TooCoarse, false) => lang.pick("تاريخها لا يذكر الشهر", "dated without the month"),
                (Undated::Unreadable, _) => lang.pick("تاريخها غير مقروء", "with a date siyaq cannot read"),
            };
            format!("{n} {what}")
        })
        .collect();
    Some(match lang {
        Lang::Ar => format!(
            "{} خارج الفترات، تُعدّ إشاراتها على حدة (السطر «بلا موضع في الزمن» في الجدول): {}.",
            counted_ar(undated.len(), ["مقال واحد", "مقالان", "مقالات", "مقالًا"]),
            reasons.join("، ")
        ),
        Lang::En => format!(
            "{} outside the periods, their mentions counted apart (the line “no place in time” in the table): {}.",
            if undated.len() == 1 { "1 article".to_string() } else { format!("{} articles", undated.len()) },
            reasons.join(", ")
        ),
    })
}

#[component]
pub fn OverTime(data: Memo<OverTimeData>, settings: ChartSettings, list: EntityList, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    let hovered = RwSignal::new(None::<String>);
    let shape = Memo::new(move |_| layout(&data.get()));
    let has_dates = move || data.with(|d| d.table.has_dates());
    let empty = move || data.with(|d| d.rows.is_empty());
    let chart = move || {
        let data = data.get();
        let layout = shape.get();
        let lang = lang.get();
        let rtl = lang == Lang::Ar;
        let flip = move |x: f64| if rtl { layout.width - x } else { x };
        let entities = rows_of(list, &data.rows);
        let ticks = layout
            .ticks
            .iter()
            .map(|&(y, value)| {
                view! {
                    <line x1=format!("{:.1}", flip(layout.plot_left)) x2=format!("{:.1}", flip(layout.plot_right)) y1=format!("{y:.1}") y2=format!("{y:.1}") stroke=if value == 0.0 { "#888" } else { "#e4e0d8" } />
                    <text x=format!("{:.1}", flip(layout.plot_left - 6.0)) y=format!("{:.1}", y + 4.0) text-anchor="end" font-size="11" fill="#555">{tick_label(value, layout.tick_step)}</text>
                }
            })
            .collect_view();
        let angle = if rtl { 45 } else { -45 };
        let periods = data
            .table
            .periods
            .iter()
            .zip(&layout.xs)
            .enumerate()
            .filter(|(p, _)| p % layout.label_every == 0)
            .map(|(_, (&period, &x))| {
                let (x, y) = (flip(x), layout.baseline + 14.0);
                view! {
                    <text x=format!("{x:.1}") y=format!("{y:.1}") text-anchor="end" font-size="11" fill="#333" transform=format!("rotate({angle} {x:.1} {y:.1})")>
                        <title>{period_label(period, lang)}</title>
                        {period_short(period, lang)}
                    </text>
                }
            })
            .collect_view();
        let lines = layout
            .lines
            .iter()
            .filter_map(|line| Some((line, entities.get(&line.entity)?.clone())))
            .map(|(line, entity)| {
                let path = line.points.iter().map(|p| format!("{:.1},{:.1}", flip(p.x), p.y)).collect::<Vec<_>>().join(" ");
                let points = line
                    .points
                    .iter()
                    .map(|point| {
                        let text = describe(&entity, line.entity, point, &data, lang);
                        let hover_text = text.clone();
                        let id = entity.id.clone();
                        let documents = data.table.documents[point.period].clone();
                        let clickable = point.count > 0;
                        view! {
                            <circle class="point" class:empty=!clickable cx=format!("{:.1}", flip(point.x)) cy=format!("{:.1}", point.y) r=if clickable { "4" } else { "2.5" } fill=line.colour
                                data-entity=entity.id.clone() data-period=data.table.periods[point.period].key() data-count=point.count
                                on:mouseenter=move |_| hovered.set(Some(hover_text.clone()))
                                on:click=move |_| if clickable { open_mentions_in(search, nav, &id, &documents) }>
                                <title>{text}</title>
                            </circle>
                        }
                    })
                    .collect_view();
                view! {
                    <g class="time-line" data-entity=entity.id.clone()>
                        <polyline points=path fill="none" stroke=line.colour stroke-width="2" stroke-linejoin="round" />
                        {points}
                    </g>
                }
            })
            .collect_view();
        let legend = layout
            .lines
            .iter()
            .enumerate()
            .filter_map(|(i, line)| Some((i, line, entities.get(&line.entity)?.clone())))
            .map(|(i, line, entity)| {
                let y = TOP + i as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
                let (x1, x2) = (flip(layout.legend_x), flip(layout.legend_x + 18.0));
                let name = entity_name(&entity, lang);
                view! {
                    <line x1=format!("{x1:.1}") x2=format!("{x2:.1}") y1=format!("{y:.1}") y2=format!("{y:.1}") stroke=line.colour stroke-width="3" />
                    <text x=format!("{:.1}", flip(layout.legend_x + 24.0)) y=format!("{:.1}", y + 4.0) text-anchor="start" font-size="13" fill="#111">
                        <title>{name.clone()}</title>
                        {shortened(&name, 24)}
                    </text>
                }
            })
            .collect_view();
        view! {
            {ticks}
            {periods}
            {lines}
            {legend}
        }
    };
    let download = move |_| {
        let csv = list.counted.with_untracked(|c| crate::export::over_time_csv(&c.gazetteer, &data.get_untracked()));
        let name = format!("siyaq-entities-{}.csv", data.with_untracked(|d| d.table.granularity.name()));
        let _ = crate::browser::save_file(&name, &csv, "text/csv;charset=utf-8");
    };
    view! {
        <section class="entity-panel over-time" data-testid="entities-over-time">
            <div class="controls panel-controls">
                <GranularitySwitch settings />
            </div>
            <figure class="chart">
                <figcaption>
                    {tr("الإشارات عبر الزمن، بحسب تواريخ المقالات — انقر نقطة لتفتح إشارات تلك الفترة في الكشاف", "Mentions over time, by the articles' dates — click a point to open that period's mentions in the concordance")}
                </figcaption>
                <p class="chart-detail" aria-live="polite">{move || hovered.get().unwrap_or_default()}</p>
                <p class="empty" data-testid="over-time-no-dates" hidden=has_dates>{move || data.with(|d| no_dates(d, lang.get()))}</p>
                <p class="empty" hidden=move || !has_dates() || !empty()>{tr("لا كيان يطابق هذه الاختيارات.", "No entity matches these choices.")}</p>
                <p class="note" data-testid="over-time-undated" hidden=move || data.with(|d| d.table.undated.is_empty())>{move || data.with(|d| undated_note(d, lang.get()))}</p>
                <p class="note" hidden=move || data.with(|d| d.table.continuous)>
                    {tr("المدة طويلة: لا تظهر إلا الفترات التي فيها مقالات.", "A long span: only the periods that hold articles are shown.")}
                </p>
                <p class="note" hidden=move || data.with(|d| d.left_out == 0)>
                    {move || match lang.get() {
                        Lang::Ar => format!("تُرسم أول {MAX_LINES} كيانًا فقط من الاختيارات أعلاه."),
                        Lang::En => format!("Only the first {MAX_LINES} entities of the choices above are drawn."),
                    }}
                </p>
                <SvgChart hidden=Signal::derive(move || !has_dates() || empty()) size=Signal::derive(move || (shape.get().width, shape.get().height)) hovered
                    names=ChartNames { testid: "over-time-svg", export_ids: ("export-over-time-svg", "export-over-time-png"), file: "siyaq-entities-over-time",
                        label: ("الإشارات عبر الزمن؛ الأرقام نفسها في الجدول التالي", "Mentions over time; the same figures are in the table below") }>
                    {chart}
                </SvgChart>
            </figure>
            <details class="chart-table" open>
                <summary>{tr("الأرقام في جدول", "The figures as a table")}</summary>
                <button type="button" class="export" data-testid="export-over-time-csv" on:click=download>{tr("تصدير CSV", "Export CSV")}</button>
                <PeriodTable data list search nav />
            </details>
        </section>
    }
}

/// One line per period, a column per entity; each figure opens that period's mentions.
#[component]
fn PeriodTable(data: Memo<OverTimeData>, list: EntityList, search: SearchState, nav: Navigation) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table data-testid="over-time-table">
            <caption>{move || match data.with(|d| d.measure) {
                Measure::Count => lang.get().pick("عدد الإشارات إلى كل كيان في كل فترة", "Mentions of each entity in each period"),
                Measure::PerThousand => lang.get().pick("الإشارات لكل ألف كلمة في كل فترة", "Mentions per 1,000 words in each period"),
            }}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr("الفترة", "Period")}</th>
                    <th scope="col">{tr("المقالات", "Articles")}</th>
                    <th scope="col">{tr("الكلمات", "Words")}</th>
                    {move || {
                        let data = data.get();
                        let entities = rows_of(list, &data.rows);
                        data.rows.iter().filter_map(|e| entities.get(e).cloned()).map(|entity| view! {
                            <th scope="col" data-entity=entity.id.clone()><bdi>{entity_name(&entity, lang.get())}</bdi></th>
                        }).collect_view()
                    }}
                </tr>
            </thead>
            <tbody>
                {move || {
                    let data = data.get();
                    let lang = lang.get();
                    let entities = rows_of(list, &data.rows);
                    let shown: Vec<(usize, Entity)> = data.rows.iter().filter_map(|&e| Some((e, entities.get(&e)?.clone()))).collect();
                    let table = data.table.clone();
                    let rows = table.periods.iter().enumerate().map(|(p, &period)| {
                        let documents = table.documents[p].clone();
                        let cells = shown.iter().map(|&(at, ref entity)| {
                            let id = entity.id.clone();
                            let documents = documents.clone();
                            let value = table.value(at, p, data.measure);
                            view! {
                                <td>
                                    <button type="button" class="cell-link" disabled=table.counts[at][p] == 0
                                        on:click=move |_| open_mentions_in(search, nav, &id, &documents)>
                                        {figure(value, data.measure)}
                                    </button>
                                </td>
                            }
                        }).collect_view();
                        view! {
                            <tr data-testid="period-row" data-period=period.key()>
                                <th scope="row">{period_label(period, lang)}</th>
                                <td>{table.documents[p].len()}</td>
                                <td>{table.words[p]}</td>
                                {cells}
                            </tr>
                        }
                    }).collect_view();
                    let undated = (!table.undated.is_empty()).then(|| {
                        let cells = shown.iter().map(|&(at, _)| {
                            view! { <td>{figure(table.undated_value(at, data.measure), data.measure)}</td> }
                        }).collect_view();
                        view! {
                            <tr class="undated" data-testid="period-undated">
                                <th scope="row">{lang.pick("بلا موضع في الزمن", "No place in time")}</th>
                                <td>{table.undated.len()}</td>
                                <td>{table.undated_words}</td>
                                {cells}
                            </tr>
                        }
                    });
                    view! { {rows} {undated} }
                }}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::search::Shared;
    use siyaq_engine::entities::periods::{Period, PeriodTable};
    use std::sync::Arc;

    fn data(counts: Vec<Vec<u32>>, words: Vec<u32>, measure: Measure) -> OverTimeData {
        let periods: Vec<Period> = (0..words.len()).map(|m| Period::Month { year: 2022, month: m as u8 + 1 }).collect();
        let rows = (0..counts.len()).collect();
        let table = PeriodTable {
            granularity: Granularity::Month,
            documents: vec![vec![0]; periods.len()],
            periods,
            continuous: true,
            undated_counts: vec![0; counts.len()],
            counts,
            words,
            undated: vec![],
            undated_words: 0,
        };
        OverTimeData { table: Shared(Arc::new(table)), rows, measure, left_out: 0 }
    }

    #[test]
    fn lines_share_one_scale_from_zero() {
        let layout = layout(&data(vec![vec![4, 0, 2], vec![1, 3, 0]], vec![100, 100, 100], Measure::Count));
        assert_eq!(layout.lines.len(), 2);
        assert_eq!(layout.xs.len(), 3);
        assert!(layout.xs.windows(2).all(|w| w[0] < w[1]));
        let first = &layout.lines[0].points;
        // The top of the scale is 4: the largest value touches it, 0 lies on the baseline.
        assert_eq!(first[0].y, TOP);
        assert_eq!(first[1].y, layout.baseline);
        assert_eq!(first[2].y, (TOP + layout.baseline) / 2.0);
        assert_eq!(layout.ticks.iter().map(|t| t.1).collect::<Vec<_>>(), [0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_ne!(layout.lines[0].colour, layout.lines[1].colour);
        assert!(layout.width > layout.plot_right && layout.height > layout.baseline);
    }

    #[test]
    fn scales_are_round_and_counts_tick_in_whole_numbers() {
        assert_eq!(scale(0.0, Measure::Count), (1.0, 1.0));
        assert_eq!(scale(3.0, Measure::Count), (3.0, 1.0));
        assert_eq!(scale(23.0, Measure::Count), (30.0, 10.0));
        let (top, step) = scale(0.3, Measure::PerThousand);
        assert!((top - 0.3).abs() < 1e-9 && step == 0.1, "{top} {step}");
        assert_eq!(scale(7.3, Measure::PerThousand), (8.0, 2.0));
        assert_eq!(tick_label(0.30000000000000004, 0.1), "0.3");
        assert_eq!(tick_label(20.0, 5.0), "20");
    }

    #[test]
    fn many_periods_are_named_one_in_several() {
        let layout = layout(&data(vec![vec![1; 120]], vec![10; 120], Measure::Count));
        assert!(layout.label_every > 1);
        assert!(layout.xs.iter().all(|x| x.is_finite()));
        let none = layout_of_nothing();
        assert!(none.lines.is_empty() && none.width.is_finite() && none.height > 0.0);
    }

    fn layout_of_nothing() -> TimeLayout {
        layout(&data(vec![], vec![], Measure::PerThousand))
    }
}
