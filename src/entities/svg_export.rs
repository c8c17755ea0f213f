//! Charts leave the page as SVG (the markup as drawn) or as PNG (the SVG drawn on a canvas at
//! twice its size).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, closure::Closure};

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

