//! Package versions as buf reads them: the last component of a package
//! (`acme.weather.v1beta1`), stable (`v1`) or not (alpha, beta, test).
//! Proto lint's version rules and proto breaking's
//! `ignore_unstable_packages` share them.

/// `v1`, `v2`, `v1alpha1`, `v1beta`, `v1test`, `v1p1beta1`.
pub fn is_version(part: &str) -> bool {
    let Some(rest) = part.strip_prefix('v') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let mut rest = &rest[digits..];
    rest = rest.strip_suffix("test").unwrap_or(rest);
    if rest.is_empty() {
        return true;
    }
    if let Some(p) = rest.strip_prefix('p') {
        let n = p.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &p[n..];
    }
    let Some(stage) = rest
        .strip_prefix("alpha")
        .or_else(|| rest.strip_prefix("beta"))
    else {
        return false;
    };
    stage.bytes().all(|b| b.is_ascii_digit())
}

fn version_part(package: &str) -> Option<&str> {
    package.rsplit('.').next().filter(|p| is_version(p))
}

/// A package whose version part is a plain `vN`.
pub fn is_stable(package: &str) -> bool {
    version_part(package).is_some_and(|v| v[1..].bytes().all(|b| b.is_ascii_digit()))
}

/// A package whose version part is alpha, beta or test.
pub fn is_unstable(package: &str) -> bool {
    version_part(package).is_some_and(|v| !v[1..].bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_as_buf_reads_them() {
        for good in [
            "v1",
            "v2",
            "v1alpha1",
            "v1beta",
            "v1test",
            "v1p1beta1",
            "v1beta1test",
        ] {
            assert!(is_version(good), "{good}");
        }
        for bad in ["v", "1", "v1x", "version1", "v1alpha_1", "v1p1"] {
            assert!(!is_version(bad), "{bad}");
        }
        assert!(is_stable("acme.v1") && !is_stable("acme.v1beta1") && is_unstable("acme.v1beta1"));
    }
}
