//! ShardingSphere inline expressions as Sharding objects use them in
//! `actualDataNodes` (`ds_${0..1}.t_order_${0..1}`), expanded to the data
//! source names they produce.

/// Expansions stop here: a rule set naming more data sources in one
/// expression is not one to check name by name.
pub const MAX_EXPANSION: usize = 1024;

/// The data source names of a data-node list (`ds_${0..1}.t_${0..3}`,
/// `ds_0.t_0, ds_1.t_0`, or for `actualDataSources` just `ds_${0..1}`):
/// deduplicated, in order; `None` when the expression cannot be read or
/// expands too far.
pub fn data_sources(expression: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for node in split_top_level(expression, ',') {
        let node = node.trim();
        if node.is_empty() {
            continue;
        }
        let source = split_top_level(node, '.')
            .into_iter()
            .next()
            .unwrap_or(node);
        for name in expand(source.trim())? {
            if !out.contains(&name) {
                out.push(name);
            }
            if out.len() > MAX_EXPANSION {
                return None;
            }
        }
    }
    Some(out)
}

/// Splits on `sep` outside `${...}` / `$->{...}` groups.
fn split_top_level(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if c == sep && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Expands every `${a..b}`, `${[x, y]}` and `$->{...}` group of one name.
fn expand(text: &str) -> Option<Vec<String>> {
    let mut results = vec![String::new()];
    let mut rest = text;
    while let Some(open) = rest.find('$') {
        let after = &rest[open + 1..];
        let body_start = if after.starts_with("->{") {
            3
        } else if after.starts_with('{') {
            1
        } else {
            // A lone `$` is part of the name.
            for r in &mut results {
                r.push_str(&rest[..=open]);
            }
            rest = after;
            continue;
        };
        let body = &after[body_start..];
        let close = body.find('}')?;
        let values = group_values(&body[..close])?;
        let prefix = &rest[..open];
        let mut next = Vec::with_capacity(results.len() * values.len());
        for r in &results {
            for v in &values {
                next.push(format!("{r}{prefix}{v}"));
            }
        }
        if next.len() > MAX_EXPANSION {
            return None;
        }
        results = next;
        rest = &body[close + 1..];
    }
    for r in &mut results {
        r.push_str(rest);
    }
    Some(results)
}

/// The values of one group: a range `0..3` or a list `[a, 'b']` / `a, b`.
fn group_values(body: &str) -> Option<Vec<String>> {
    let body = body.trim();
    if let Some((from, to)) = body.split_once("..") {
        let (from, to): (i64, i64) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
        if to < from || to - from >= MAX_EXPANSION as i64 {
            return None;
        }
        return Some((from..=to).map(|i| i.to_string()).collect());
    }
    let list = body
        .strip_prefix('[')
        .and_then(|b| b.strip_suffix(']'))
        .unwrap_or(body);
    let values: Vec<String> = list
        .split(',')
        .map(|v| v.trim().trim_matches(['\'', '"']).to_string())
        .filter(|v| !v.is_empty())
        .collect();
    // Anything else (`${user_id % 2}`) is a sharding algorithm, not a list.
    if values.is_empty() || values.iter().any(|v| v.contains([' ', '%', '(', '+'])) {
        return None;
    }
    Some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_ranges_lists_and_plain_names() {
        assert_eq!(
            data_sources("ds_${0..1}.t_order_${0..1}").unwrap(),
            ["ds_0", "ds_1"]
        );
        assert_eq!(
            data_sources("ds_$->{['a', 'b']}.t").unwrap(),
            ["ds_a", "ds_b"]
        );
        assert_eq!(
            data_sources("ds_0.t_0, ds_1.t_0,ds_1.t_1").unwrap(),
            ["ds_0", "ds_1"]
        );
        assert_eq!(data_sources("m${1..2}_ds").unwrap(), ["m1_ds", "m2_ds"]);
        assert!(data_sources("ds_${0..99999}").is_none());
        assert!(data_sources("ds_${user_id % 2}").is_none());
    }
}
