//! What leaves the page: every hit as CSV for a spreadsheet, one line as a citation.

use siyaq_corpus::Document;
use siyaq_engine::{Hit, Index, kwic_line};

use crate::library::date_label;

/// Spreadsheet programs read UTF-8 as Arabic only with a byte-order mark.
const BOM: &str = "\u{FEFF}";

pub const CSV_HEADER: [&str; 11] =
    ["document", "title", "author", "source", "date", "before", "node", "after", "form", "start", "end"];

/// All `hits` with `width` words of context, one row each; offsets are in characters from the
/// start of the document's text.
pub fn hits_csv(index: &Index, hits: &[Hit], width: u32) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER).expect("writing to memory");
    for hit in hits {
        let line = kwic_line(index, *hit, width);
        let indexed = &index.documents()[line.document];
        let text = &indexed.text;
        let doc = siyaq_corpus::document(&indexed.id);
        let field = |f: fn(&Document) -> Option<&'static str>| doc.and_then(f).unwrap_or("");
        let form: Vec<&str> = hit.words().map(|w| index.vocabulary().form(index.word(w).form)).collect();
        let start = text[..line.node.start].chars().count();
        let end = start + text[line.node.clone()].chars().count();
        writer
            .write_record([
                indexed.id.as_str(),
                field(|d| d.title),
                field(|d| d.author),
                field(|d| d.source),
                doc.map_or("", |d| d.date.value),
                flatten(&text[line.before]).as_str(),
                flatten(&text[line.node]).as_str(),
                flatten(&text[line.after]).as_str(),
                form.join(" ").as_str(),
                start.to_string().as_str(),
                end.to_string().as_str(),
            ])
            .expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    format!("{BOM}{}", String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

/// One line of context, cited: «…» followed by title, author, source and date where printed.
pub fn citation(index: &Index, hit: Hit, width: u32) -> String {
    let line = kwic_line(index, hit, width);
    let indexed = &index.documents()[line.document];
    let text = &indexed.text;
    let quote = flatten(&text[line.before.start..line.after.end]);
    let mut parts: Vec<String> = Vec::new();
    if let Some(doc) = siyaq_corpus::document(&indexed.id) {
        parts.push(match doc.title {
            Some(title) => format!("«{title}»"),
            None => format!("«{}»", doc.heading().text()),
        });
        parts.extend(doc.author.map(str::to_string));
        parts.extend(doc.source.map(str::to_string));
        let date = date_label(&doc.date);
        parts.push(if doc.date.inferred { format!("{date} (تاريخ مستنتج)") } else { date });
    }
    format!("«…{quote}…» — {}", parts.join("، "))
}

/// Line breaks and runs of spaces inside a context become single spaces.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The chart's rows as CSV: one line per entity, a column per article (by id) and the total, in
/// the chart's measure.
pub fn entity_table_csv(gazetteer: &siyaq_engine::gazetteer::Gazetteer, data: &crate::entities::ChartData) -> String {
    let documents = data.table.words.len();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["entity", "name_ar", "name_en", "type", "measure"].map(String::from).to_vec();
    header.extend(crate::library::articles().iter().take(documents).map(|a| a.id().to_string()));
    header.push("total".to_string());
    writer.write_record(&header).expect("writing to memory");
    for &e in &data.rows {
        let entity = &gazetteer.entities[e];
        let mut record = vec![
            entity.id.clone(),
            entity.name_ar.clone(),
            entity.name_en.clone(),
            entity.kind.name().to_string(),
            data.measure.name().to_string(),
        ];
        record.extend((0..documents).map(|d| figure(data.table.value(e, d, data.measure))));
        record.push(figure(data.table.total(e, data.measure)));
        writer.write_record(&record).expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    format!("{BOM}{}", String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

/// Whole numbers as such; rates to three decimals, enough to recompute counts.
fn figure(value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.3}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use siyaq_engine::{MatchMode, Steps, parse, search};

    fn kazakhstan() -> (Index, Vec<Hit>) {
        let index = siyaq_corpus::build_index(Steps::default());
        let hits = search(&index, &parse("كازاخستان", MatchMode::Clitic).unwrap()).hits;
        (index, hits)
    }

    #[test]
    fn csv_has_a_bom_a_header_and_one_row_per_hit() {
        let (index, hits) = kazakhstan();
        let csv = hits_csv(&index, &hits, 7);
        assert!(csv.starts_with("\u{FEFF}document,title,author,source,date,before,node,after,form,start,end\n"));
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), hits.len());
        assert_eq!(rows.len(), 65);
        for row in &rows {
            assert!(row[6].contains("كازاخستان"), "{:?}", &row[6]);
            let doc = siyaq_corpus::document(&row[0]).unwrap();
            let text: Vec<char> = doc.text().chars().collect();
            let (start, end): (usize, usize) = (row[9].parse().unwrap(), row[10].parse().unwrap());
            assert_eq!(text[start..end].iter().collect::<String>(), row[6]);
        }
        assert_eq!(&rows[0][0], "wapo-putin-kazakhstan");
        assert_eq!(&rows[0][3], "صحيفة واشنطن بوست الأمريكية");
    }

    #[test]
    fn a_citation_names_its_article() {
        let (index, hits) = kazakhstan();
        let with_author = hits.iter().find(|h| index.documents()[index.document_of(h.word)].id == "csto-three-things").unwrap();
        let cited = citation(&index, *with_author, 5);
        assert!(cited.starts_with("«…") && cited.contains("كازاخستان"), "{cited}");
        assert!(cited.contains("إيمي ماكينون") && cited.contains("الشرق اليوم") && cited.contains("يناير 2022"), "{cited}");
    }

    #[test]
    fn the_entity_table_exports_with_article_ids_and_totals() {
        use siyaq_engine::entities::{EntityTable, Measure, find_mentions};
        let index = siyaq_corpus::build_index(Steps::default());
        let gazetteer = siyaq_corpus::gazetteer();
        let mentions = find_mentions(&index, &gazetteer.alias_lists(false));
        let table = EntityTable::new(&index, &mentions, gazetteer.entities.len());
        let putin = gazetteer.position("putin").unwrap();
        let rows = vec![putin];
        let data = crate::entities::ChartData { table: crate::search::Shared(std::sync::Arc::new(table)), rows, measure: Measure::Count };
        let csv = entity_table_csv(&gazetteer, &data);
        let mut lines = csv.trim_start_matches('\u{FEFF}').lines();
        assert_eq!(
            lines.next().unwrap(),
            "entity,name_ar,name_en,type,measure,wapo-putin-kazakhstan,russian-troops-kazakhstan,ukraine-war-first-year,csto-three-things,russia-kazakhstan-risks,peacekeepers-should-stay,total"
        );
        assert_eq!(lines.next().unwrap(), "putin,فلاديمير بوتين,Vladimir Putin,person,count,12,9,2,0,0,0,23");
        assert!(lines.next().is_none());
    }
}
