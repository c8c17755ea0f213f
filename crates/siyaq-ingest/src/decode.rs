//! Bytes to text: which encoding a file is in, and its text with `\n` line ends.
//!
//! A byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE); then valid UTF-8 is UTF-8; then
//! `chardetng` guesses among the legacy encodings (Windows-1256, ISO-8859-6…), and the guess is
//! checked against the other Arabic encodings by how clean each decoding reads. Text that no
//! encoding decodes cleanly, or that holds NUL bytes, is refused with the reason.

use encoding_rs::{Encoding, ISO_8859_6, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// A file's text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name as encoding_rs spells it (`UTF-8`, `UTF-16LE`, `windows-1256`…).
    pub encoding: &'static str,
}

/// Share of suspicious characters (replacement characters, control characters) above which a
/// decoding is refused: one in fifty.
const MAX_BAD_PER_MILLE: usize = 20;

/// Decodes `bytes`. `label` names the encoding when a manifest records it (any label the
/// Encoding Standard knows: `windows-1256`, `cp1256`, `iso-8859-6`, `utf-16le`…).
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    let (text, encoding) = match label {
        Some(label) => {
            let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                format!("the encoding {label:?} is unknown (try windows-1256, iso-8859-6, utf-8)")
            })?;
            let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
            if had_errors {
                return Err(format!(
                    "not valid {} text, as the manifest says it is",
                    encoding.name()
                ));
            }
            check_clean(&text, encoding)?;
            (text.into_owned(), encoding)
        }
        None => sniff(bytes)?,
    };
    if text.trim().is_empty() {
        return Err("the file holds only whitespace".into());
    }
    Ok(Decoded {
        text: normalize_line_ends(text),
        encoding: encoding.name(),
    })
}

/// `\r\n` and a lone `\r` become `\n`; text without `\r` is returned as it is.
pub fn normalize_line_ends(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

fn sniff(bytes: &[u8]) -> Result<(String, &'static Encoding), String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(format!(
                "it starts with a {} byte-order mark but is not valid {0}",
                encoding.name()
            ));
        }
        check_clean(&text, encoding)?;
        return Ok((text.into_owned(), encoding));
    }
    if bytes.contains(&0) {
        return Err("binary data, not text (it holds NUL bytes)".into());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        check_clean(text, UTF_8)?;
        return Ok((text.to_string(), UTF_8));
    }
    // UTF-8 with a few damaged bytes (a cut download, a bad copy) stays UTF-8, its damage shown
    // as replacement characters: read in a code page it would be gibberish throughout.
    let (text, _) = UTF_8.decode_without_bom_handling(bytes);
    let damaged = text.matches('\u{FFFD}').count();
    let non_ascii = text
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    if non_ascii >= 20 * damaged && check_clean(&text, UTF_8).is_ok() {
        return Ok((text.into_owned(), UTF_8));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    // chardetng is made for the web's mix of languages; on short Arabic texts it can take one
    // Arabic code page for the other, so the Arabic ones compete with its guess on cleanliness.
    let mut best: Option<(usize, String, &'static Encoding)> = None;
    for encoding in [guess, WINDOWS_1256, ISO_8859_6] {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let bad = suspicious(&text) + if had_errors { 1 } else { 0 };
        let score = bad * 1000 + oddness(&text);
        if best.as_ref().is_none_or(|(s, ..)| score < *s) {
            best = Some((score, text.into_owned(), encoding));
        }
    }
    let (_, text, encoding) = best.expect("three candidates");
    check_clean(&text, encoding)?;
    Ok((text, encoding))
}

/// Replacement characters and control characters other than tab, line feed, form feed and
/// carriage return.
fn suspicious(text: &str) -> usize {
    text.chars()
        .filter(|&c| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
        })
        .count()
}

/// How unlike Arabic press text a decoding reads: Latin letters with diacritics wedged between
/// Arabic letters (what ISO-8859-6 bytes look like read as Windows-1256), and letters of other
/// scripts.
fn oddness(text: &str) -> usize {
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let foreign = c.is_alphabetic() && !c.is_ascii() && !arabic(c);
            let next_to_arabic =
                (i > 0 && arabic(chars[i - 1])) || chars.get(i + 1).is_some_and(|&n| arabic(n));
            foreign && (next_to_arabic || !('\u{00C0}'..='\u{024F}').contains(&c))
        })
        .count()
}

fn check_clean(text: &str, encoding: &'static Encoding) -> Result<(), String> {
    let total = text.chars().count().max(1);
    let bad = suspicious(text);
    if text.contains('\0') {
        return Err(format!(
            "binary data, not text (NUL characters once read as {})",
            encoding.name()
        ));
    }
    if bad * 1000 > total * MAX_BAD_PER_MILLE {
        return Err(format!(
            "not readable text: {bad} of its {total} characters are control or replacement characters in {}, \
             the likeliest encoding",
            encoding.name()
        ));
    }
    Ok(())
}

/// Encodes `text` in the encoding named `label`, with a byte-order mark for UTF-16 (for tests and
/// test data: encoding_rs does not encode UTF-16 itself).
pub fn encode(text: &str, label: &str) -> Vec<u8> {
    let encoding = Encoding::for_label(label.as_bytes()).expect("a known label");
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let le = encoding == UTF_16LE;
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            out.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        return out;
    }
    encoding.encode(text).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHORT: &str = "وصل الرئيس الروسي فلاديمير بوتين إلى موسكو مساء الخميس.";
    const LONGER: &str = "قالت وزارة الخارجية في كازاخستان إن الأمم المتحدة دعت إلى الهدوء،\r\nوأكدت موسكو أن قواتها ستغادر البلاد خلال أيام.\r\n";

    #[test]
    fn utf8_without_carriage_returns_keeps_its_exact_bytes() {
        let decoded = decode(SHORT.as_bytes(), None).unwrap();
        assert_eq!(
            decoded,
            Decoded {
                text: SHORT.into(),
                encoding: "UTF-8"
            }
        );
    }

    #[test]
    fn byte_order_marks_decide() {
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(SHORT.as_bytes());
        assert_eq!(decode(&bom, None).unwrap().text, SHORT);
        for label in ["utf-16le", "utf-16be"] {
            let decoded = decode(&encode(LONGER, label), None).unwrap();
            assert_eq!(decoded.text, LONGER.replace("\r\n", "\n"), "{label}");
            assert_eq!(decoded.encoding.to_ascii_lowercase(), label);
        }
    }

    #[test]
    fn arabic_code_pages_are_told_apart_even_on_short_texts() {
        for text in [
            SHORT,
            LONGER,
            "بوتين في موسكو",
            "الأمم المتحدة: روسيا وأوكرانيا",
        ] {
            for label in ["windows-1256", "ISO-8859-6"] {
                let decoded = decode(&encode(text, label), None).unwrap();
                assert_eq!(decoded.text, text.replace("\r\n", "\n"), "{label}: {text}");
                assert_eq!(decoded.encoding, label, "{text}");
            }
        }
    }

    #[test]
    fn a_label_is_honoured() {
        let bytes = encode(SHORT, "windows-1256");
        assert_eq!(decode(&bytes, Some("cp1256")).unwrap().text, SHORT);
        assert_eq!(
            decode(&bytes, Some("windows-1256")).unwrap().encoding,
            "windows-1256"
        );
        assert!(
            decode(&bytes, Some("utf-8"))
                .unwrap_err()
                .contains("not valid UTF-8")
        );
        assert!(
            decode(&bytes, Some("klingon"))
                .unwrap_err()
                .contains("unknown")
        );
    }

    #[test]
    fn utf8_with_a_damaged_byte_stays_utf8() {
        let mut bytes = LONGER.as_bytes().to_vec();
        bytes.remove(1); // half of the first letter
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.starts_with('\u{FFFD}') && decoded.text.ends_with("خلال أيام.\n"));
    }

    #[test]
    fn line_ends_become_line_feeds() {
        assert_eq!(decode(b"a\r\nb\rc\n", None).unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn empty_binary_and_garbage_are_refused() {
        assert!(decode(b"", None).unwrap_err().contains("empty"));
        assert!(
            decode(b" \n\t\r\n", None)
                .unwrap_err()
                .contains("whitespace")
        );
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None)
                .unwrap_err()
                .contains("NUL")
        );
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(decode(&controls, None).unwrap_err().contains("control"));
    }
}
