//! Package versions as buf reads them (its `protoversion` package): the
//! last part of a package of at least two parts (`acme.weather.v1beta1`)
//! is `vN`, `vNtest...`, `vN(alpha|beta)[M]` or `vNpP(alpha|beta)[M]`,
//! every number at least 1 and within an `int32`. Proto lint's version
//! rules, proto breaking's `ignore_unstable_packages` and gen's managed
//! mode (`go_package`, `objc_class_prefix`) all read versions here.

/// How stable a package version says its package is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stability {
    Stable,
    Alpha,
    Beta,
    Test,
}

/// The stability of `package`'s version, or `None` when its last part is
/// not a version (or it has only one part: `package v1;` has no version
/// for buf).
pub fn package_version(package: &str) -> Option<Stability> {
    let (_, last) = package.rsplit_once('.')?;
    let version = last.strip_prefix('v')?;
    // buf reads numbers with Go's strconv.ParseInt(s, 10, 32), which
    // accepts what `i32::from_str` accepts (a leading `+`, leading zeros).
    let number = |s: &str| s.parse::<i32>().is_ok_and(|n| n >= 1);
    if let Some((major, _)) = version.split_once("test") {
        return number(major).then_some(Stability::Test);
    }
    let (stability, stage) = match (version.contains("alpha"), version.contains("beta")) {
        (false, false) => return number(version).then_some(Stability::Stable),
        (true, false) => (Stability::Alpha, "alpha"),
        (false, true) => (Stability::Beta, "beta"),
        (true, true) => return None,
    };
    let (head, minor) = version.split_once(stage)?;
    let major_and_patch = match head.split_once('p') {
        Some((major, patch)) => number(major) && number(patch),
        None => number(head),
    };
    (major_and_patch && (minor.is_empty() || number(minor))).then_some(stability)
}

/// Whether `package` ends in a version part.
pub fn has_version(package: &str) -> bool {
    package_version(package).is_some()
}

/// A package whose version is stable (`v1`).
pub fn is_stable(package: &str) -> bool {
    package_version(package) == Some(Stability::Stable)
}

/// A package whose version is alpha, beta or test.
pub fn is_unstable(package: &str) -> bool {
    package_version(package).is_some_and(|s| s != Stability::Stable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_as_buf_reads_them() {
        for (package, stability) in [
            ("a.v1", Stability::Stable),
            ("a.b.v2", Stability::Stable),
            ("a.v01", Stability::Stable),
            ("a.v2147483647", Stability::Stable),
            ("a.b.v2alpha", Stability::Alpha),
            ("a.v1alpha1", Stability::Alpha),
            ("a.v1p1alpha1", Stability::Alpha),
            ("a.v1beta", Stability::Beta),
            ("a.v1beta1", Stability::Beta),
            ("a.v1beta01", Stability::Beta),
            ("a.v1p1beta1", Stability::Beta),
            ("a.v1test", Stability::Test),
            ("a.v1testfoo", Stability::Test),
        ] {
            assert_eq!(package_version(package), Some(stability), "{package}");
        }
        for package in [
            "",
            "v1",
            "a.v0",
            "a.v",
            "a.vtest",
            "a.version",
            "a.v1x",
            "a.v1_1",
            "a.v1p1",
            "a.v1p0beta1",
            "a.v1beta0",
            "a.v1beta1test",
            "a.v1alphabeta",
            "a.v1alpha_1",
            "a.v1gamma",
            "a.v2147483648",
        ] {
            assert_eq!(package_version(package), None, "{package}");
        }
        assert!(is_stable("acme.v1") && !is_unstable("acme.v1"));
        assert!(is_unstable("acme.v1beta1") && !is_stable("acme.v1beta1"));
        assert!(!is_stable("acme") && !is_unstable("acme") && !has_version("acme"));
    }
}
