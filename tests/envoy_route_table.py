"""Prints the route table of an envoy RouteConfiguration read from stdin (binary).

An independent decoder for tests/convert_envoy.rs: the classes of PyPI
`envoy-data-plane` (generated from envoy's own .proto files), not this project's
protos. One line per virtual host and per route, so a test can compare the table
with the one expected for a fixture. Exit 3 when the package is missing.
"""

import sys

try:
    from envoy_data_plane.envoy.config.route.v3 import RouteConfiguration
except ImportError:
    sys.exit(3)

FALLBACK_CONFIG = (
    "type.googleapis.com/io.opensergo.proto.router.v1.ClusterFallbackConfig_ClusterConfig"
)


def strings(data):
    """The string fields of a small message (ClusterFallbackConfig_ClusterConfig)."""
    fields, i = {}, 0
    while i < len(data):
        key, i = varint(data, i)
        if key & 7 != 2:
            raise ValueError(f"unexpected wire type in {data!r}")
        size, i = varint(data, i)
        fields[key >> 3] = data[i : i + size].decode()
        i += size
    return fields


def varint(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def string_matcher(m):
    if m.safe_regex is not None:
        return f"regex={m.safe_regex.regex}"
    for kind in ("exact", "prefix", "suffix", "contains"):
        if getattr(m, kind) is not None:
            return f"{kind}={getattr(m, kind)}"
    return "?"


def header(h):
    if h.exact_match is not None:
        test = f"exact={h.exact_match}"
    elif h.prefix_match is not None:
        test = f"prefix={h.prefix_match}"
    elif h.safe_regex_match is not None:
        test = f"regex={h.safe_regex_match.regex}"
    elif h.string_match is not None:
        test = string_matcher(h.string_match)
    else:
        test = "present"
    return f"{'not ' if h.invert_match else ''}header {h.name} {test}"


def query(q):
    test = "present" if q.string_match is None else string_matcher(q.string_match)
    return f"query {q.name or '<no name>'} {test}"


def action(a):
    if a is None:
        return "no action"
    if a.cluster is not None:
        out = f"cluster {a.cluster}"
    elif a.weighted_clusters is not None:
        out = "weighted " + " ".join(
            f"{c.name}={c.weight}" for c in a.weighted_clusters.clusters
        )
    elif a.inline_cluster_specifier_plugin is not None:
        ext = a.inline_cluster_specifier_plugin.extension
        config = ext.typed_config
        if ext.name.endswith("cluster_fallback") and config.type_url == FALLBACK_CONFIG:
            fields = strings(config.value)
            out = f"cluster {fields.get(1, '')} fallback {fields.get(2, '')}"
        else:
            out = f"plugin {ext.name}"
    else:
        out = "no cluster"
    if a.timeout is not None:
        out += f" timeout {a.timeout.total_seconds()}s"
    return out


def main():
    config = RouteConfiguration().parse(sys.stdin.buffer.read())
    print(f"config {config.name}")
    for vh in config.virtual_hosts:
        print(f"virtual host {vh.name}: {' '.join(vh.domains)}")
        for r in vh.routes:
            m = r.match
            if m.path is not None:
                path = f"path={m.path}"
            elif m.prefix is not None:
                path = f"prefix={m.prefix}"
            elif m.safe_regex is not None:
                path = f"regex={m.safe_regex.regex}"
            else:
                path = "no path"
            if m.case_sensitive is False:
                path += " (any case)"
            tests = [header(h) for h in m.headers] + [query(q) for q in m.query_parameters]
            print(f"  route {r.name or '-'}: {path}{''.join(', ' + t for t in tests)} -> {action(r.route)}")


main()
