//! Name styles as buf checks them: words split at `_` and at case
//! changes (`HTTPServer` is `HTTP` `Server`), then rejoined in a style.
//! Proto lint checks names with them, and `proto from-schema` makes
//! names with them, so what it generates passes the same checks.

/// The words of a name: split at buf's delimiters (`_`, `.`, `-`,
/// whitespace), and before a capital that follows a lower-case letter or
/// is itself followed by a lower-case letter (`HTTPServer` is `HTTP`
/// `Server`, `Ads360Field` is `Ads360` `Field`). Digits join the word
/// they are in (`NVIDIA_A100_80GB` is upper snake case). Empty words are
/// dropped.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split(['_', '.', '-', ' ', '\t', '\n', '\r']) {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let previous = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let boundary = c.is_uppercase()
                && previous
                    .is_some_and(|p| p.is_lowercase() || next.is_some_and(char::is_lowercase));
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

pub fn to_lower_snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

pub fn to_upper_snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_uppercase())
        .collect::<Vec<_>>()
        .join("_")
}

pub fn to_pascal(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        })
        .collect()
}

pub fn is_lower_snake(name: &str) -> bool {
    name == name.to_lowercase() && name == to_lower_snake(name)
}

pub fn is_upper_snake(name: &str) -> bool {
    name == name.to_uppercase() && name == to_upper_snake(name)
}

/// Starts with a capital and has no `_`.
pub fn is_pascal(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase) && !name.contains('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_as_buf_splits_them() {
        assert_eq!(to_lower_snake("fieldTwo"), "field_two");
        assert_eq!(to_lower_snake("_x"), "x");
        assert_eq!(to_lower_snake("a__b"), "a_b");
        assert_eq!(to_lower_snake("City"), "city");
        assert_eq!(to_upper_snake("HTTPCode"), "HTTP_CODE");
        assert_eq!(to_upper_snake("ABTest"), "AB_TEST");
        assert_eq!(to_upper_snake("color"), "COLOR");
        assert_eq!(to_pascal("weather_report"), "WeatherReport");
        assert_eq!(to_pascal("A_b"), "AB");
        assert_eq!(to_pascal("get_weather"), "GetWeather");
        assert!(is_pascal("HTTPServer") && is_pascal("Http2Thing") && is_pascal("ABC"));
        assert!(!is_pascal("A_b") && !is_pascal("color"));
        assert!(is_lower_snake("field_1") && !is_lower_snake("_x") && !is_lower_snake("a__b"));
        assert!(is_upper_snake("SHADE_UNSPECIFIED") && !is_upper_snake("SHADE_dark"));
        assert!(is_upper_snake("NVIDIA_A100_80GB") && is_upper_snake("TUNING_TASK_I2V"));
        // Found on all of googleapis against buf 1.75: a capital after a
        // digit starts a word, and `.` or `-` separate words.
        assert_eq!(
            to_upper_snake("SearchAds360FieldCategory"),
            "SEARCH_ADS360_FIELD_CATEGORY"
        );
        assert_eq!(to_lower_snake("k8s.min"), "k8s_min");
        assert!(!is_lower_snake("k8s.min") && !is_lower_snake("foo-bar"));
    }
}
