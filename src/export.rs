//! What leaves the page: every hit as CSV for a spreadsheet, one line as a citation.

use siyaq_corpus::Document;
use siyaq_engine::{Hit, Index, kwic_line};

use crate::labels::date_label;
use crate::state::chart::{ChartData, OverTimeData, TogetherData};
use crate::state::corpus::{articles, loaded};

/// Spreadsheet programs read UTF-8 as Arabic only with a byte-order mark.
const BOM: &str = "\u{FEFF}";

/// A cell a spreadsheet program would run as a formula (`=HYPERLINK(…)` as an entity's name, a
/// line of context that opens with `-`) gets a leading apostrophe, as spreadsheet-injection
/// guidance recommends: shown as text, never evaluated.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV of `rows` under `header`, every cell made spreadsheet-safe, with the byte-order mark.
fn csv_with_bom<R: IntoIterator<Item = S>, S: AsRef<str>>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |record: Vec<String>| {
        // Writing to memory cannot fail; a record that did would only be missing from the file.
        let _ = writer.write_record(record.iter().map(|cell| spreadsheet_safe(cell).into_owned()));
    };
    write(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        write(row.into_iter().map(|cell| cell.as_ref().to_string()).collect());
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

pub const CSV_HEADER: [&str; 11] =
    ["document", "title", "author", "source", "date", "before", "node", "after", "form", "start", "end"];

/// All `hits` with `width` words of context, one row each; offsets are in characters from the
/// start of the document's text.
pub fn hits_csv(index: &Index, hits: &[Hit], width: u32) -> String {
    let mut offsets = CharOffsets { document: usize::MAX, byte: 0, chars: 0 };
    let rows = hits.iter().map(|hit| {
        let line = kwic_line(index, *hit, width);
        let indexed = &index.documents()[line.document];
        let text = &indexed.text;
        let doc = document_of(line.document, &indexed.id);
        let field = |f: fn(&Document) -> &Option<String>| doc.and_then(|d| f(d).clone()).unwrap_or_default();
        let form: Vec<&str> = hit.words().map(|w| index.vocabulary().form(index.word(w).form)).collect();
        let start = offsets.of(line.document, text, line.node.start);
        let end = start + text[line.node.clone()].chars().count();
        [
            indexed.id.clone(),
            field(|d| &d.title),
            field(|d| &d.author),
            field(|d| &d.source),
            doc.and_then(|d| d.date.as_ref()).map_or("", |d| d.value.as_str()).to_string(),
            flatten(&text[line.before]),
            flatten(&text[line.node]),
            flatten(&text[line.after]),
            form.join(" "),
            start.to_string(),
            end.to_string(),
        ]
    });
    csv_with_bom(&CSV_HEADER, rows)
}

/// Character offsets of byte positions of documents, counted on from the position asked for last
/// when the next lies after it: hits in corpus order cost one pass over each document, not one
/// pass from its start per hit.
struct CharOffsets {
    document: usize,
    byte: usize,
    chars: usize,
}

impl CharOffsets {
    fn of(&mut self, document: usize, text: &str, byte: usize) -> usize {
        if document != self.document || byte < self.byte {
            *self = CharOffsets { document, byte: 0, chars: 0 };
        }
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The corpus's record of the index's `position`-th document: the index numbers documents in
/// corpus order, so no search by id is needed (an export may cite tens of thousands of hits).
fn document_of(position: usize, id: &str) -> Option<&'static Document> {
    loaded().documents().get(position).filter(|d| d.id == id)
}

/// One line of context, cited: «…» followed by title, author, source and date where printed.
pub fn citation(index: &Index, hit: Hit, width: u32) -> String {
    let line = kwic_line(index, hit, width);
    let indexed = &index.documents()[line.document];
    let text = &indexed.text;
    let quote = flatten(&text[line.before.start..line.after.end]);
    let mut parts: Vec<String> = Vec::new();
    if let Some(doc) = document_of(line.document, &indexed.id) {
        parts.push(format!("«{}»", loaded().heading(doc).text()));
        parts.extend(doc.author.clone());
        parts.extend(doc.source.clone());
        if let Some(date) = &doc.date {
            let label = date_label(date);
            parts.push(if date.inferred { format!("{label} (تاريخ مستنتج)") } else { label });
        }
    }
    format!("«…{quote}…» — {}", parts.join("، "))
}

/// Line breaks and runs of spaces inside a context become single spaces.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The chart's rows as CSV: one line per entity, a column per article (by id) and the total, in
/// the chart's measure.
pub fn entity_table_csv(gazetteer: &siyaq_engine::gazetteer::Gazetteer, data: &ChartData) -> String {
    let documents = data.table.words.len();
    let mut header: Vec<&str> = vec!["entity", "name_ar", "name_en", "type", "measure"];
    header.extend(articles().iter().take(documents).map(|a| a.id()));
    header.push("total");
    let rows = data.rows.iter().map(|&e| {
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
        record
    });
    csv_with_bom(&header, rows)
}

pub const MENTIONS_HEADER: [&str; 9] = ["document", "entity", "name_en", "name_ar", "type", "surface", "start", "end", "sentence"];

/// Every mention, one row each: the article, the entity, the words as written (diacritics kept),
/// their offsets in characters into the article's text, and the sentence around them.
pub fn mentions_csv(index: &Index, gazetteer: &siyaq_engine::gazetteer::Gazetteer, mentions: &[siyaq_engine::entities::Mention]) -> String {
    let mut offsets = CharOffsets { document: usize::MAX, byte: 0, chars: 0 };
    let rows = mentions.iter().filter_map(|mention| {
        let entity = gazetteer.entities.get(mention.entity)?;
        let document = index.document_of(mention.hit.word);
        let indexed = &index.documents()[document];
        let first = index.word(mention.hit.word).start as usize;
        let last = index.word(mention.hit.word + mention.hit.len - 1).span().end;
        let start = offsets.of(document, &indexed.text, first);
        let surface = &indexed.text[first..last];
        Some([
            indexed.id.clone(),
            entity.id.clone(),
            entity.name_en.clone(),
            entity.name_ar.clone(),
            entity.kind.name().to_string(),
            surface.to_string(),
            start.to_string(),
            (start + surface.chars().count()).to_string(),
            flatten(&indexed.text[siyaq_engine::sentence_of(index, mention.hit)]),
        ])
    });
    csv_with_bom(&MENTIONS_HEADER, rows)
}

/// The first columns of the over-time table; a column per entity (by id) follows.
pub const OVER_TIME_HEADER: [&str; 6] = ["period", "from", "to", "articles", "words", "measure"];

/// The over-time panel's figures: one line per period (`2022-01`, `2022-W01`) with its first and
/// last days, its articles and words, and a column per entity drawn, in the panel's measure; then
/// one line, `undated`, for the articles without a place in time, when there are any.
pub fn over_time_csv(gazetteer: &siyaq_engine::gazetteer::Gazetteer, data: &OverTimeData) -> String {
    let table = &data.table;
    let mut header: Vec<&str> = OVER_TIME_HEADER.to_vec();
    header.extend(data.rows.iter().filter_map(|&e| gazetteer.entities.get(e)).map(|e| e.id.as_str()));
    let day = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
    let entities: Vec<usize> = data.rows.iter().copied().filter(|&e| e < gazetteer.entities.len()).collect();
    let mut rows: Vec<Vec<String>> = table
        .periods
        .iter()
        .enumerate()
        .map(|(p, period)| {
            let (from, to) = period.days();
            let mut record = vec![period.key(), day(from), day(to), table.documents[p].len().to_string(), table.words[p].to_string(), data.measure.name().to_string()];
            record.extend(entities.iter().map(|&e| figure(table.value(e, p, data.measure))));
            record
        })
        .collect();
    if !table.undated.is_empty() {
        let mut record = vec!["undated".to_string(), String::new(), String::new(), table.undated.len().to_string(), table.undated_words.to_string(), data.measure.name().to_string()];
        record.extend(entities.iter().map(|&e| figure(table.undated_value(e, data.measure))));
        rows.push(record);
    }
    csv_with_bom(&header, rows)
}

pub const TOGETHER_HEADER: [&str; 12] =
    ["entity_a", "name_ar_a", "name_en_a", "entity_b", "name_ar_b", "name_en_b", "scope", "units_a", "units_b", "together", "dice", "log_dice"];

/// The together panel's figures: one line per pair of the matrix's entities, strongest first —
/// the units (sentences or articles, `scope`) mentioning each, those mentioning both, the Dice
/// coefficient and logDice (empty for a pair never together).
pub fn together_csv(gazetteer: &siyaq_engine::gazetteer::Gazetteer, data: &TogetherData) -> String {
    let together = &data.together;
    let rows = together.pairs().into_iter().filter_map(|pair| {
        let a = gazetteer.entities.get(together.entities[pair.a])?;
        let b = gazetteer.entities.get(together.entities[pair.b])?;
        Some(vec![
            a.id.clone(),
            a.name_ar.clone(),
            a.name_en.clone(),
            b.id.clone(),
            b.name_ar.clone(),
            b.name_en.clone(),
            together.scope.name().to_string(),
            pair.units_a.to_string(),
            pair.units_b.to_string(),
            pair.together.to_string(),
            format!("{:.4}", pair.dice),
            together.log_dice(pair.a, pair.b).map(|l| format!("{l:.3}")).unwrap_or_default(),
        ])
    });
    csv_with_bom(&TOGETHER_HEADER, rows)
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
        let index = loaded().build_index(Steps::default());
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
            let doc = loaded().document(&row[0]).unwrap();
            let text: Vec<char> = loaded().text(doc).chars().collect();
            let (start, end): (usize, usize) = (row[9].parse().unwrap(), row[10].parse().unwrap());
            assert_eq!(text[start..end].iter().collect::<String>(), row[6]);
        }
        assert_eq!(&rows[0][0], "wapo-putin-kazakhstan");
        assert_eq!(&rows[0][3], "صحيفة واشنطن بوست الأمريكية");
        // Offsets are counted on from one hit to the next: hits in another order give the same.
        let reversed: Vec<Hit> = hits.iter().rev().copied().collect();
        let backwards = hits_csv(&index, &reversed, 7);
        let mut lines: Vec<&str> = backwards.lines().skip(1).collect();
        lines.reverse();
        assert_eq!(lines, csv.lines().skip(1).collect::<Vec<_>>());
    }

    #[test]
    fn every_mention_is_a_row_whose_offsets_find_its_words_in_the_article() {
        use siyaq_engine::entities::find_mentions;
        let index = loaded().build_index(Steps::default());
        let gazetteer = loaded().gazetteer();
        let mentions = find_mentions(&index, &gazetteer.alias_lists(false));
        let csv = mentions_csv(&index, &gazetteer, &mentions);
        assert!(csv.starts_with("\u{FEFF}document,entity,name_en,name_ar,type,surface,start,end,sentence\n"));
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), mentions.len());
        assert!(rows.len() > 100, "{}", rows.len());
        for row in &rows {
            let text: Vec<char> = loaded().text(loaded().document(&row[0]).unwrap()).chars().collect();
            let (start, end): (usize, usize) = (row[6].parse().unwrap(), row[7].parse().unwrap());
            assert_eq!(text[start..end].iter().collect::<String>(), row[5]);
            assert!(row[8].contains(&row[5]), "{:?} not in {:?}", &row[5], &row[8]);
            assert_eq!(gazetteer.get(&row[1]).map(|e| e.kind.name()), Some(&row[4]));
        }
        let putin = rows.iter().filter(|r| &r[1] == "putin").count();
        assert_eq!(putin, mentions.iter().filter(|m| gazetteer.entities[m.entity].id == "putin").count());
        assert!(putin > 0);
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_neutralized() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(formula), format!("'{formula}"));
        }
        for text in ["روسيا", "", "CSTO", "1-2", "'quoted", " =x"] {
            assert_eq!(spreadsheet_safe(text), text);
        }
    }

    #[test]
    fn the_exported_table_reads_back_without_formulas() {
        use siyaq_engine::entities::{EntityTable, Measure, find_mentions};
        use siyaq_engine::gazetteer::EntityKind;
        let index = loaded().build_index(Steps::default());
        let mut gazetteer = loaded().gazetteer();
        let id = gazetteer.add_entity("تقارير", "=HYPERLINK(\"http://evil\",\"x\")", EntityKind::Other).unwrap();
        let mentions = find_mentions(&index, &gazetteer.alias_lists(false));
        let table = EntityTable::new(&index, &mentions, gazetteer.entities.len());
        let rows = vec![gazetteer.position(&id).unwrap()];
        let data = ChartData { table: crate::state::search::Shared(std::sync::Arc::new(table)), rows, measure: Measure::Count };
        let csv = entity_table_csv(&gazetteer, &data);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[2], "'=HYPERLINK(\"http://evil\",\"x\")");
        let cells: Vec<String> = reader.records().flatten().flat_map(|r| r.iter().map(String::from).collect::<Vec<_>>()).collect();
        assert!(cells.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])));
    }

    #[test]
    fn concordance_context_that_opens_with_a_dash_is_neutralized() {
        let index = Index::build(
            [siyaq_engine::DocumentInput { id: "dash", text: ("روسيا -1 قالت\nروسيا =1+1").into(), uncounted: vec![] }],
            Steps::default(),
        );
        let hits = search(&index, &parse("روسيا", MatchMode::Clitic).unwrap()).hits;
        let csv = hits_csv(&index, &hits, 3);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        for row in &rows {
            assert!(row.iter().all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])), "{row:?}");
        }
        assert_eq!((&rows[0][7], &rows[1][7]), ("'-1 قالت روسيا", "'=1+1"));
    }

    #[test]
    fn a_citation_names_its_article() {
        let (index, hits) = kazakhstan();
        let with_author = hits.iter().find(|h| index.documents()[index.document_of(h.word)].id == "csto-three-things").unwrap();
        let cited = citation(&index, *with_author, 5);
        assert!(cited.starts_with("«…") && cited.contains("كازاخستان"), "{cited}");
        assert!(cited.contains("إيمي ماكينون") && cited.contains("الشرق اليوم") && cited.contains("يناير 2022"), "{cited}");
    }

    fn sample_mentions() -> (Index, siyaq_engine::gazetteer::Gazetteer, Vec<siyaq_engine::entities::Mention>) {
        let index = loaded().build_index(Steps::default());
        let gazetteer = loaded().gazetteer();
        let mentions = siyaq_engine::entities::find_mentions(&index, &gazetteer.alias_lists(false));
        (index, gazetteer, mentions)
    }

    fn records(csv: &str) -> Vec<csv::StringRecord> {
        assert!(csv.starts_with('\u{FEFF}'));
        csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes()).records().map(Result::unwrap).collect()
    }

    /// The sample's articles are dated 2022-01 (five) and 2023-02 (one): by month, fourteen periods
    /// from January 2022 to February 2023, the empty ones included, and no undated line; Putin's 23
    /// mentions (as the chart by article counts them: 12, 9, 2, 0, 0, 0) are 21 in January 2022 and
    /// 2 in February 2023. By week, a month alone is too coarse: every article is on the undated line.
    #[test]
    fn the_over_time_table_exports_a_line_per_period_and_the_undated_apart() {
        use siyaq_engine::entities::Measure;
        use siyaq_engine::entities::periods::{Granularity, PeriodTable};
        let (index, gazetteer, mentions) = sample_mentions();
        let putin = gazetteer.position("putin").unwrap();
        let dates: Vec<Option<&str>> = articles().iter().map(|a| a.date().map(|d| d.value.as_str())).collect();
        let data = |granularity| OverTimeData {
            table: crate::state::search::Shared(std::sync::Arc::new(PeriodTable::new(&index, &mentions, gazetteer.entities.len(), &dates, granularity))),
            rows: vec![putin],
            measure: Measure::Count,
            left_out: 0,
        };
        let csv = over_time_csv(&gazetteer, &data(Granularity::Month));
        assert!(csv.starts_with("\u{FEFF}period,from,to,articles,words,measure,putin\n"), "{csv}");
        let rows = records(&csv);
        assert_eq!(rows.len(), 14);
        assert_eq!((&rows[0][0], &rows[0][1], &rows[0][2], &rows[0][3], &rows[0][6]), ("2022-01", "2022-01-01", "2022-01-31", "5", "21"));
        assert_eq!((&rows[1][0], &rows[1][3], &rows[1][6]), ("2022-02", "0", "0"));
        assert_eq!((&rows[13][0], &rows[13][3], &rows[13][6]), ("2023-02", "1", "2"));
        let weeks = records(&over_time_csv(&gazetteer, &data(Granularity::Week)));
        assert_eq!(weeks.len(), 1);
        assert_eq!((&weeks[0][0], &weeks[0][1], &weeks[0][3], &weeks[0][6]), ("undated", "", "6", "23"));
    }

    #[test]
    fn the_together_table_exports_a_line_per_pair_strongest_first() {
        use siyaq_engine::entities::together::{Scope, Together};
        let (index, mut gazetteer, mentions) = sample_mentions();
        let (putin, kazakhstan, russia) = (gazetteer.position("putin").unwrap(), gazetteer.position("kazakhstan").unwrap(), gazetteer.position("russia").unwrap());
        gazetteer.entities[russia].name_en = "=cmd()".into();
        let together = Together::new(&index, &mentions, &[putin, kazakhstan, russia], Scope::Sentence);
        let data = TogetherData { together: crate::state::search::Shared(std::sync::Arc::new(together.clone())), left_out: 0 };
        let csv = together_csv(&gazetteer, &data);
        assert!(csv.starts_with("\u{FEFF}entity_a,name_ar_a,name_en_a,entity_b,name_ar_b,name_en_b,scope,units_a,units_b,together,dice,log_dice\n"), "{csv}");
        let rows = records(&csv);
        assert_eq!(rows.len(), 3);
        let dice: Vec<f64> = rows.iter().map(|r| r[10].parse().unwrap()).collect();
        assert!(dice.windows(2).all(|w| w[0] >= w[1]), "{dice:?}");
        for row in &rows {
            assert_eq!(&row[6], "sentence");
            let (a, b) = (gazetteer.position(&row[0]).unwrap(), gazetteer.position(&row[3]).unwrap());
            let (i, j) = (together.entities.iter().position(|&e| e == a).unwrap(), together.entities.iter().position(|&e| e == b).unwrap());
            assert_eq!(row[9].parse::<u32>().unwrap(), together.together(i, j));
            let (units_a, units_b, both): (f64, f64, f64) = (row[7].parse().unwrap(), row[8].parse().unwrap(), row[9].parse().unwrap());
            assert!((row[10].parse::<f64>().unwrap() - 2.0 * both / (units_a + units_b)).abs() < 1e-4);
            assert_eq!(row[11].is_empty(), both == 0.0);
            assert!(row.iter().all(|cell| !cell.starts_with('=')), "{row:?}");
        }
        let with_russia = rows.iter().find(|r| &r[0] == "russia" || &r[3] == "russia").unwrap();
        assert!(with_russia.iter().any(|cell| cell == "'=cmd()"));
        // Putin and Kazakhstan share sentences in the sample.
        let pk = rows.iter().find(|r| [&r[0], &r[3]].contains(&"putin") && [&r[0], &r[3]].contains(&"kazakhstan")).unwrap();
        assert!(pk[9].parse::<u32>().unwrap() > 0);
    }

    #[test]
    fn the_entity_table_exports_with_article_ids_and_totals() {
        use siyaq_engine::entities::{EntityTable, Measure, find_mentions};
        let index = loaded().build_index(Steps::default());
        let gazetteer = loaded().gazetteer();
        let mentions = find_mentions(&index, &gazetteer.alias_lists(false));
        let table = EntityTable::new(&index, &mentions, gazetteer.entities.len());
        let putin = gazetteer.position("putin").unwrap();
        let rows = vec![putin];
        let data = ChartData { table: crate::state::search::Shared(std::sync::Arc::new(table)), rows, measure: Measure::Count };
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
