//! Charts leave the page as SVG (the markup as drawn) or as PNG (the SVG drawn on a canvas at
//! twice its size).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, closure::Closure};

use crate::i18n::{tr, use_lang};

/// Every chart's typeface: the page's Arabic font, named in the SVG so that a saved file draws the same.
const FONT: &str = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif";

/// Where a chart's SVG goes in the page and what it is called outside it.
pub struct ChartNames {
    /// The SVG's `data-testid`.
    pub testid: &'static str,
    /// The `data-testid`s of its SVG and PNG buttons.
    pub export_ids: (&'static str, &'static str),
    /// The saved files' name, without its extension.
    pub file: &'static str,
    /// What a screen reader says of it, in Arabic and English.
    pub label: (&'static str, &'static str),
}

/// A chart as every entity panel draws it: the SVG (`size` wide and high, a white ground so that
/// a PNG is not transparent, the drawing in `children`) and the buttons that save it.
#[component]
pub fn SvgChart(names: ChartNames, size: Signal<(f64, f64)>, hovered: RwSignal<Option<String>>, #[prop(into)] hidden: Signal<bool>, children: Children) -> impl IntoView {
    let lang = use_lang();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let ChartNames { testid, export_ids, file, label } = names;
    view! {
        <div class="chart-scroll" hidden=hidden>
            <svg node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" role="img" data-testid=testid
                aria-label=move || lang.get().pick(label.0, label.1)
                width=move || format!("{:.0}", size.get().0) height=move || format!("{:.0}", size.get().1)
                viewBox=move || format!("0 0 {:.0} {:.0}", size.get().0, size.get().1)
                font-family=FONT direction=move || lang.get().dir()
                on:mouseleave=move |_| hovered.set(None)>
                <rect x="0" y="0" width="100%" height="100%" fill="#ffffff" />
                {children()}
            </svg>
        </div>
        <div class="chart-export">
            <button type="button" class="export" data-testid=export_ids.0 on:click=move |_| { let _ = export_svg(svg_ref, &format!("{file}.svg")); }>{tr("تصدير SVG", "Export SVG")}</button>
            <button type="button" class="export" data-testid=export_ids.1 on:click=move |_| { let _ = export_png(svg_ref, &format!("{file}.png")); }>{tr("تصدير PNG", "Export PNG")}</button>
        </div>
    }
}

fn svg_markup(svg_ref: NodeRef<leptos::svg::Svg>) -> Option<String> {
    let svg = svg_ref.get_untracked()?;
    web_sys::XmlSerializer::new().ok()?.serialize_to_string(&svg).ok()
}

/// Saves the chart in `svg_ref` as `name`.
pub fn export_svg(svg_ref: NodeRef<leptos::svg::Svg>, name: &str) -> Option<()> {
    let markup = svg_markup(svg_ref)?;
    crate::browser::save_file(name, &markup, "image/svg+xml").ok()
}

/// Draws the chart's SVG on a canvas at twice its size and saves that as PNG, named `name`.
pub fn export_png(svg_ref: NodeRef<leptos::svg::Svg>, name: &str) -> Option<()> {
    let name = name.to_string();
    let markup = svg_markup(svg_ref)?;
    let svg = svg_ref.get_untracked()?;
    let (width, height) = (svg.get_attribute("width")?.parse::<f64>().ok()?, svg.get_attribute("height")?.parse::<f64>().ok()?);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&markup));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = draw_png(&loaded, width, height, name);
        let _ = web_sys::Url::revoke_object_url(&source);
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Some(())
}

fn draw_png(image: &web_sys::HtmlImageElement, width: f64, height: f64, name: String) -> Option<()> {
    const SCALE: f64 = 2.0;
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").ok()?.unchecked_into();
    canvas.set_width((width * SCALE) as u32);
    canvas.set_height((height * SCALE) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
    context.scale(SCALE, SCALE).ok()?;
    context.draw_image_with_html_image_element(image, 0.0, 0.0).ok()?;
    let save = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = crate::browser::save_blob(&name, &blob);
        }
    });
    canvas.to_blob(save.unchecked_ref()).ok()
}

