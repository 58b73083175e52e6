//! "Did you mean": the closest of some known names to a name a user
//! wrote, shared by every check that suggests (kinds, references, rule
//! codes).

/// The candidate closest to `name`: the same after ignoring case and
/// `-`/`_`, else within a small edit distance. Each comparison is linear
/// in the candidate's length (bit-parallel for names up to 64 bytes), so
/// suggesting among many objects stays cheap.
pub fn closest<'c>(name: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (name.chars().count() / 4).clamp(1, 3);
    let pattern = Pattern::new(name);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates.filter(|c| *c != name && !c.is_empty()) {
        if c.len().abs_diff(name.len()) > limit {
            continue;
        }
        let d = if same_normalised(name, c) {
            0
        } else {
            pattern.distance(c)
        };
        if d <= limit && best.is_none_or(|(bd, bc)| (d, c) < (bd, bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

fn normalised(b: u8) -> u8 {
    if b == b'_' {
        b'-'
    } else {
        b.to_ascii_lowercase()
    }
}

fn same_normalised(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .all(|(x, y)| normalised(x) == normalised(y))
}

/// A name prepared for Levenshtein distances over normalised bytes.
struct Pattern<'n> {
    name: &'n [u8],
    /// Myers' match vectors: bit i of `peq[c]` is set when byte i is `c`.
    peq: Option<Box<[u64; 256]>>,
}

impl<'n> Pattern<'n> {
    fn new(name: &'n str) -> Self {
        let name = name.as_bytes();
        let peq = (!name.is_empty() && name.len() <= 64).then(|| {
            let mut peq = Box::new([0u64; 256]);
            for (i, &b) in name.iter().enumerate() {
                peq[usize::from(normalised(b))] |= 1 << i;
            }
            peq
        });
        Pattern { name, peq }
    }

    fn distance(&self, other: &str) -> usize {
        match &self.peq {
            Some(peq) => myers(peq, self.name.len(), other.as_bytes()),
            None => edit_distance(self.name, other.as_bytes()),
        }
    }
}

/// Myers' bit-vector edit distance (Hyyrö's formulation) for a pattern
/// of `m` (1 to 64) bytes.
fn myers(peq: &[u64; 256], m: usize, text: &[u8]) -> usize {
    let last = 1u64 << (m - 1);
    let mut pv = u64::MAX;
    let mut mv = 0u64;
    let mut score = m;
    for &c in text {
        let eq = peq[usize::from(normalised(c))];
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    score
}

/// Levenshtein distance over normalised bytes, row by row.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if normalised(ca) == normalised(cb) {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_prefers_separator_and_case_variants() {
        let names = ["encrypt-db", "shadow-db", "sharding_db"];
        assert_eq!(closest("encrypt_db", names.into_iter()), Some("encrypt-db"));
        assert_eq!(
            closest("sharding-db", names.into_iter()),
            Some("sharding_db")
        );
        assert_eq!(closest("readwrite", names.into_iter()), None);
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
    }

    #[test]
    fn bit_parallel_distance_matches_the_table() {
        // A small deterministic generator: no dependency needed.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        fn word(next: &mut impl FnMut(u64) -> u64, len: u64) -> String {
            (0..len)
                .map(|_| char::from(b"ab-_Cc"[usize::try_from(next(6)).unwrap()]))
                .collect()
        }
        for _ in 0..2000 {
            let a_len = 1 + next(20);
            let a = word(&mut next, a_len);
            let b_len = next(24);
            let b = word(&mut next, b_len);
            let pattern = Pattern::new(&a);
            assert_eq!(
                pattern.distance(&b),
                edit_distance(a.as_bytes(), b.as_bytes()),
                "{a} / {b}"
            );
        }
    }
}
