//! Bytes to text: which encoding a file is in, and its text with `\n` line ends.

/// A file's text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes` as UTF-8 (a byte-order mark is dropped). `label` names the encoding when a
/// manifest records it.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, String> {
    if let Some(label) = label
        && !label.eq_ignore_ascii_case("utf-8")
    {
        return Err(format!("encoding {label} is not read yet"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_string(), encoding: "UTF-8" }),
        Err(e) => Err(format!("not valid UTF-8 (at byte {})", e.valid_up_to())),
    }
}
