module completions {

  def "nu-complete opensergo color" [] {
    [ "auto" "always" "never" ]
  }

  # Validate, lint, diff and convert OpenSergo governance rules
  export extern opensergo [
    --color: string@"nu-complete opensergo color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  def "nu-complete opensergo validate color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo validate format" [] {
    [ "human" "short" "json" "sarif" "github" "junit" ]
  }

  def "nu-complete opensergo validate fail_on" [] {
    [ "info" "warning" "error" ]
  }

  def "nu-complete opensergo validate select" [] {
    [ "OS1001" "missing-type-meta" "type" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "schema" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "suppression" "OS2001" "strategy-not-found" "reference" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "conflict" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "suspicious" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "runtime-compat" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS8001" "unknown-suppression-code" "style" "OS8002" "unused-suppression" "ALL" ]
  }

  def "nu-complete opensergo validate extend_select" [] {
    [ "OS1001" "missing-type-meta" "type" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "schema" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "suppression" "OS2001" "strategy-not-found" "reference" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "conflict" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "suspicious" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "runtime-compat" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS8001" "unknown-suppression-code" "style" "OS8002" "unused-suppression" "ALL" ]
  }

  def "nu-complete opensergo validate ignore" [] {
    [ "OS1001" "missing-type-meta" "type" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "schema" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "suppression" "OS2001" "strategy-not-found" "reference" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "conflict" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "suspicious" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "runtime-compat" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS8001" "unknown-suppression-code" "style" "OS8002" "unused-suppression" "ALL" ]
  }

  # Validate OpenSergo YAML against the embedded schemas
  export extern "opensergo validate" [
    --color: string@"nu-complete opensergo validate color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --exclude: string         # Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep's `-g '!GLOB'`), e.g. `--exclude vendor`
    --no-ignore               # Do not honour .gitignore/.ignore files, and read hidden files
    --force-exclude           # Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks
    --stdin-filename: string  # The name stdin (`-`) has in reports and excludes
    --follow-symlinks         # Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given
    --max-file-size: string   # Refuse files larger than this many bytes
    --format(-f): string@"nu-complete opensergo validate format" # Output format (repeatable; pair each with an --output)
    --output(-o): path        # Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)
    --fail-on: string@"nu-complete opensergo validate fail_on" # Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]
    --quiet(-q)               # Print findings only: no summary line
    --summary                 # Add a count of findings per code after the summary line
    --strict                  # Treat fields the schema does not declare as errors, not warnings
    --schema-dir: path        # Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`
    --crd: path               # Also validate against the schemas of these CustomResourceDefinition files (repeatable)
    --skip: string            # Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion
    --reject: string          # Report every document of these kinds as an error (comma-separated, repeatable)
    --require-known           # Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped
    --select: string@"nu-complete opensergo validate select" # Report only these codes instead of the default set: codes (OS1005, OS2001), names (unknown-field, strategy-not-found), code prefixes (OS10, OS2), categories (validate: type, schema, metadata, suppression; lint: reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work
    --extend-select: string@"nu-complete opensergo validate extend_select" # Report these codes on top of the selected set (same forms as --select)
    --ignore: string@"nu-complete opensergo validate ignore" # Do not report these codes (same forms as --select; the more specific of a select and an ignore wins)
    --severity: string        # Set a code's level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category). The lowest level that fails the run is --fail-on
    --list-rules              # Print the table of validate's codes (for --select, --ignore, --severity and suppressions) and exit
    --help(-h)                # Print help (see more with '--help')
    ...paths: string          # Files or directories to check (`-` reads stdin). Directories are walked for *.yaml, *.yml and *.json, honouring .gitignore
  ]

  def "nu-complete opensergo lint color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo lint format" [] {
    [ "human" "short" "json" "sarif" "github" "junit" ]
  }

  def "nu-complete opensergo lint fail_on" [] {
    [ "info" "warning" "error" ]
  }

  def "nu-complete opensergo lint select" [] {
    [ "OS1001" "missing-type-meta" "type" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "schema" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "suppression" "OS2001" "strategy-not-found" "reference" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "conflict" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "suspicious" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "runtime-compat" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS8001" "unknown-suppression-code" "style" "OS8002" "unused-suppression" "ALL" ]
  }

  def "nu-complete opensergo lint extend_select" [] {
    [ "OS1001" "missing-type-meta" "type" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "schema" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "suppression" "OS2001" "strategy-not-found" "reference" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "conflict" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "suspicious" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "runtime-compat" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS8001" "unknown-suppression-code" "style" "OS8002" "unused-suppression" "ALL" ]
  }

  def "nu-complete opensergo lint ignore" [] {
    [ "OS1001" "missing-type-meta" "type" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "schema" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "suppression" "OS2001" "strategy-not-found" "reference" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "conflict" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "suspicious" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "runtime-compat" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS8001" "unknown-suppression-code" "style" "OS8002" "unused-suppression" "ALL" ]
  }

  # Find conflicts and broken references across a rule set
  export extern "opensergo lint" [
    --color: string@"nu-complete opensergo lint color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --exclude: string         # Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep's `-g '!GLOB'`), e.g. `--exclude vendor`
    --no-ignore               # Do not honour .gitignore/.ignore files, and read hidden files
    --force-exclude           # Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks
    --stdin-filename: string  # The name stdin (`-`) has in reports and excludes
    --follow-symlinks         # Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given
    --max-file-size: string   # Refuse files larger than this many bytes
    --format(-f): string@"nu-complete opensergo lint format" # Output format (repeatable; pair each with an --output)
    --output(-o): path        # Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)
    --fail-on: string@"nu-complete opensergo lint fail_on" # Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]
    --quiet(-q)               # Print findings only: no summary line
    --summary                 # Add a count of findings per code after the summary line
    --strict                  # Treat fields the schema does not declare as errors, not warnings
    --schema-dir: path        # Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`
    --crd: path               # Also validate against the schemas of these CustomResourceDefinition files (repeatable)
    --skip: string            # Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion
    --reject: string          # Report every document of these kinds as an error (comma-separated, repeatable)
    --require-known           # Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped
    --select: string@"nu-complete opensergo lint select" # Report only these codes instead of the default set: codes (OS1005, OS2001), names (unknown-field, strategy-not-found), code prefixes (OS10, OS2), categories (validate: type, schema, metadata, suppression; lint: reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work
    --extend-select: string@"nu-complete opensergo lint extend_select" # Report these codes on top of the selected set (same forms as --select)
    --ignore: string@"nu-complete opensergo lint ignore" # Do not report these codes (same forms as --select; the more specific of a select and an ignore wins)
    --severity: string        # Set a code's level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category). The lowest level that fails the run is --fail-on
    --namespace(-n): string   # The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]
    --list-rules              # Print the table of lint rules and exit
    --explain: string         # Print the documentation of a rule (code or name) and exit
    --help(-h)                # Print help (see more with '--help')
    ...paths: string          # Files or directories to check (`-` reads stdin). Directories are walked for *.yaml, *.yml and *.json, honouring .gitignore
  ]

  def "nu-complete opensergo diff color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo diff format" [] {
    [ "human" "json" "brief" "github" ]
  }

  # Compare two rule sets by meaning: objects by identity, not by file or line
  export extern "opensergo diff" [
    --color: string@"nu-complete opensergo diff color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --format(-f): string@"nu-complete opensergo diff format" # Output format
    --exit-code               # Exit 1 when the sides differ (0 when equal, 2 on errors)
    --raw                     # Compare spellings, not meanings: `1m` vs `60s`, `"10"` vs `10`
    --ignore-order            # Do not report moved list items, except where order is meaning (TrafficRouter http routes: the first match wins)
    --key: string             # Pair items of the list at PATH by FIELD (repeatable; `a,b` for several fields), e.g. `--key spec.rules=name`
    --lint                    # Also lint both sides and show the findings the change introduces and removes (with the project's lint configuration)
    --no-summary              # Leave out the closing summary of protection and routing changes
    --exclude: string         # Skip paths matching this glob (repeatable), on both sides
    --no-ignore               # Do not honour .gitignore/.ignore files, and read hidden files
    --follow-symlinks         # Follow symbolic links whose target lies outside a compared directory (by default they are skipped, with a note). Links in a git revision's tree are never followed
    --max-file-size: string   # Refuse files larger than this many bytes
    --help(-h)                # Print help (see more with '--help')
    old: string               # The old side: a file, a directory, `-` (stdin) or REV:PATH. Alone, a revision compared with the working tree (like `git diff REV`)
    new?: string              # The new side: a file, a directory, `-` (stdin) or REV:PATH
  ]

  def "nu-complete opensergo convert color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo convert to" [] {
    [ "binpb" "json" "txtpb" "yaml" ]
  }

  def "nu-complete opensergo convert from" [] {
    [ "binpb" "json" "txtpb" "yaml" ]
  }

  # Convert between OpenSergo CRD YAML and protobuf messages
  export extern "opensergo convert" [
    --color: string@"nu-complete opensergo convert color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --to: string@"nu-complete opensergo convert to" # Output format (yaml: CRD YAML when reading messages of a kind)
    --from: string@"nu-complete opensergo convert from" # Input format. Without it the inputs are CRD YAML
    --output(-o): path        # Write to this file instead of stdout
    --out-dir: path           # Write one file per message (per object with --to yaml) into this directory
    --envelope                # CRD -> proto: wrap objects in the control plane's SubscribeResponse, one per (namespace, app, kind). Proto -> CRD: the input is SubscribeResponse messages
    --envoy                   # TrafficRouter as the envoy RouteConfiguration SDKs receive (what --envelope packs) instead of its spec message; with --from, the input is RouteConfiguration messages
    --as-control-plane        # CRD -> proto: write what today's control plane sends, its bugs included (`30s` as 300 ms, enums left UNKNOWN, AND-ed matches), with a warning (OS7007) wherever that differs from the correct mapping
    --data-version: string    # DataWithVersion.version of the envelopes written
    --delimited               # binpb: write a length-delimited stream even for one message; with --from, read one
    --kind: string            # With --from: the OpenSergo kind of the messages (RateLimitStrategy, or fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy), or SubscribeResponse / DataWithVersion for envelopes
    --name: string            # With --from: metadata.name for messages that carry no name (FaultToleranceRule, TrafficRouter, policy kinds); several get -1, -2, ... appended
    --namespace: string       # With --from: metadata.namespace (an envelope's own namespace wins)
    --app: string             # With --from: metadata.labels.app (an envelope's own app wins)
    --type: string            # Convert any message, by full name (pkg.Msg), between binpb, json, txtpb and yaml, like `buf convert`. Needs --from
    --proto-path: path        # With --type: also compile the .proto files under this directory (repeatable; each is an import path too, like `protoc -I`)
    --descriptor-set: path    # With --type: also load the messages of this FileDescriptorSet (made with `protoc --include_imports --descriptor_set_out=FILE` or `buf build -o FILE`)
    --max-depth: string       # How deep messages may nest (the top-level message is 1; each nested message, map entry and Any payload adds one). Deeper input is an error before it is decoded; binary protobuf decoders stop at 101
    --follow-symlinks         # When walking a directory of CRD YAML: follow symbolic links whose target lies outside it (by default they are skipped, with a note)
    --max-file-size: string   # Refuse input files (and --descriptor-set, .proto files) larger than this many bytes
    --help(-h)                # Print help (see more with '--help')
    ...files: string          # Input files (`-` reads stdin): CRD YAML, or with --from encoded messages
  ]

  def "nu-complete opensergo proto color" [] {
    [ "auto" "always" "never" ]
  }

  # Work with .proto files: export the OpenSergo ones, build a workspace
  export extern "opensergo proto" [
    --color: string@"nu-complete opensergo proto color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
  ]

  def "nu-complete opensergo proto export color" [] {
    [ "auto" "always" "never" ]
  }

  # Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs
  export extern "opensergo proto export" [
    --color: string@"nu-complete opensergo proto export color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
    dir: path                 # The directory to write into (created if missing); it becomes the include root (`protoc -I DIR`)
  ]

  def "nu-complete opensergo proto build color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo proto build compiler" [] {
    [ "auto" "protox" "protoc" ]
  }

  # Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does
  export extern "opensergo proto build" [
    --color: string@"nu-complete opensergo proto build color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --output(-o): path        # Write the image here: `.json` for proto3 JSON, anything else binary (`.binpb`); `-` writes binary to stdout
    --path: string            # Build only these files or directories (repeatable): a path under DIR or an import path
    --exclude-path: string    # Leave out these files or directories (repeatable)
    --compiler: string@"nu-complete opensergo proto build compiler" # The compiler
    --max-file-size: string   # Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes
    --help(-h)                # Print help (see more with '--help')
    dir?: path                # The workspace directory
  ]

  def "nu-complete opensergo proto lint color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo proto lint compiler" [] {
    [ "auto" "protox" "protoc" ]
  }

  def "nu-complete opensergo proto lint format" [] {
    [ "human" "short" "json" "sarif" "github" "junit" ]
  }

  def "nu-complete opensergo proto lint fail_on" [] {
    [ "info" "warning" "error" ]
  }

  def "nu-complete opensergo proto lint error_format" [] {
    [ "text" "json" "github-actions" "msvc" ]
  }

  # Lint .proto files with buf's rules (IDs, categories and buf.yaml configuration as buf has them)
  export extern "opensergo proto lint" [
    --color: string@"nu-complete opensergo proto lint color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --path: string            # Build only these files or directories (repeatable): a path under DIR or an import path
    --exclude-path: string    # Leave out these files or directories (repeatable)
    --compiler: string@"nu-complete opensergo proto lint compiler" # The compiler
    --max-file-size: string   # Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes
    --format(-f): string@"nu-complete opensergo proto lint format" # Output format (repeatable; pair each with an --output)
    --output(-o): path        # Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)
    --fail-on: string@"nu-complete opensergo proto lint fail_on" # Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]
    --quiet(-q)               # Print findings only: no summary line
    --summary                 # Add a count of findings per code after the summary line
    --error-format: string@"nu-complete opensergo proto lint error_format" # Print findings as buf's `--error-format` does (instead of --format)
    --buf-exit-codes          # Exit 100 on findings, as buf does
    --list-rules              # Print the table of rules and exit
    --help(-h)                # Print help (see more with '--help')
    dir?: path                # The workspace: the directory of the opensergo.yaml with a `proto:` section, a directory with a buf.yaml (v2 or v1), or a module root. With no .proto files in it, the embedded OpenSergo protos are linted
  ]

  def "nu-complete opensergo proto breaking color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo proto breaking compiler" [] {
    [ "auto" "protox" "protoc" ]
  }

  def "nu-complete opensergo proto breaking format" [] {
    [ "human" "short" "json" "sarif" "github" "junit" ]
  }

  def "nu-complete opensergo proto breaking fail_on" [] {
    [ "info" "warning" "error" ]
  }

  def "nu-complete opensergo proto breaking error_format" [] {
    [ "text" "json" "github-actions" "msvc" ]
  }

  # Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf's rules and buf.yaml `breaking` configuration
  export extern "opensergo proto breaking" [
    --color: string@"nu-complete opensergo proto breaking color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --against: string         # The previous version: a directory, a descriptor-set image (`.binpb`), or a git revision (`main`, `v1.2.0`, `origin/main`, a commit, `.git#branch=main`) read from the local object store
    --path: string            # Build only these files or directories (repeatable): a path under DIR or an import path
    --exclude-path: string    # Leave out these files or directories (repeatable)
    --compiler: string@"nu-complete opensergo proto breaking compiler" # The compiler
    --max-file-size: string   # Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes
    --format(-f): string@"nu-complete opensergo proto breaking format" # Output format (repeatable; pair each with an --output)
    --output(-o): path        # Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)
    --fail-on: string@"nu-complete opensergo proto breaking fail_on" # Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]
    --quiet(-q)               # Print findings only: no summary line
    --summary                 # Add a count of findings per code after the summary line
    --error-format: string@"nu-complete opensergo proto breaking error_format" # Print findings as buf's `--error-format` does (instead of --format)
    --buf-exit-codes          # Exit 100 on findings, as buf does
    --list-rules              # Print the table of rules and exit
    --help(-h)                # Print help (see more with '--help')
    dir?: path                # The workspace: the directory of the opensergo.yaml with a `proto:` section, a directory with a buf.yaml (v2 or v1), or a module root. With no .proto files in it, the embedded OpenSergo protos
  ]

  def "nu-complete opensergo proto from-schema color" [] {
    [ "auto" "always" "never" ]
  }

  # A .proto file for a kind's spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style
  export extern "opensergo proto from-schema" [
    --color: string@"nu-complete opensergo proto from-schema color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --kind: string            # A kind of the registry (`opensergo schema list`)
    --previous: path          # The file generated last time: its field and enum value numbers are kept and removed ones reserved. May be the same file as --output
    --output(-o): path        # Write here (atomically) instead of stdout
    --max-file-size: string   # Refuse an input or --previous file larger than this many bytes
    --help(-h)                # Print help
    file?: path               # A JSON Schema file (titled `Kind (group/version)`, as `schema export` and `schema from-crd` write them) or a file with one CRD
  ]

  def "nu-complete opensergo proto format color" [] {
    [ "auto" "always" "never" ]
  }

  # Format .proto files in the style `buf format` writes
  export extern "opensergo proto format" [
    --color: string@"nu-complete opensergo proto format color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --diff(-d)                # Print a unified diff of the changes instead of the formatted files
    --write(-w)               # Rewrite the files in place (each one atomically)
    --exit-code               # Exit 1 when a file is not formatted (for CI)
    --max-file-size: string   # Refuse files larger than this many bytes
    --help(-h)                # Print help
    ...paths: path            # Files or directories (a directory is a workspace, read as `proto lint` reads it: opensergo.yaml's `proto:` modules or its buf.yaml modules, else every .proto file under it); `-` reads stdin. Default: the workspace in the current directory, else the embedded OpenSergo protos
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo proto help" [
  ]

  # Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs
  export extern "opensergo proto help export" [
  ]

  # Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does
  export extern "opensergo proto help build" [
  ]

  # Lint .proto files with buf's rules (IDs, categories and buf.yaml configuration as buf has them)
  export extern "opensergo proto help lint" [
  ]

  # Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf's rules and buf.yaml `breaking` configuration
  export extern "opensergo proto help breaking" [
  ]

  # A .proto file for a kind's spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style
  export extern "opensergo proto help from-schema" [
  ]

  # Format .proto files in the style `buf format` writes
  export extern "opensergo proto help format" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo proto help help" [
  ]

  def "nu-complete opensergo gen color" [] {
    [ "auto" "always" "never" ]
  }

  def "nu-complete opensergo gen format" [] {
    [ "human" "short" "json" "sarif" "github" "junit" ]
  }

  def "nu-complete opensergo gen compiler" [] {
    [ "auto" "protox" "protoc" ]
  }

  # Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template
  export extern "opensergo gen" [
    --color: string@"nu-complete opensergo gen color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --template: string        # The template: a file, or inline YAML/JSON
    --check                   # Generate in memory and compare with the output directories; write nothing. Exit 1 listing stale, missing and extra files
    --plugin: string          # Run only this plugin of the template (repeatable): its `local` name (`protoc-gen-go` or `go`) or its `protoc_builtin` name
    --timeout: string         # Kill a plugin that runs longer than this (`30s`, `2m`)
    --no-cache                # Compile and run every plugin, ignoring the cache of earlier runs (under ~/.cache/opensergo/gen; keyed by the inputs' bytes, the template and the plugin binaries, checked in full, so it never changes the output)
    --format(-f): string@"nu-complete opensergo gen format" # Format of the --check findings
    --path: string            # Build only these files or directories (repeatable): a path under DIR or an import path
    --exclude-path: string    # Leave out these files or directories (repeatable)
    --compiler: string@"nu-complete opensergo gen compiler" # The compiler
    --max-file-size: string   # Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes
    --help(-h)                # Print help (see more with '--help')
    input?: path              # The input directory (default: the template's `inputs`, else `.`; a directory without .proto files means the embedded OpenSergo protos)
  ]

  def "nu-complete opensergo schema color" [] {
    [ "auto" "always" "never" ]
  }

  # Work with the JSON Schemas: list kinds, export them, convert CRDs
  export extern "opensergo schema" [
    --color: string@"nu-complete opensergo schema color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
  ]

  def "nu-complete opensergo schema list color" [] {
    [ "auto" "always" "never" ]
  }

  # List every kind the tool knows, with its schema origin
  export extern "opensergo schema list" [
    --color: string@"nu-complete opensergo schema list color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
  ]

  def "nu-complete opensergo schema export kind" [] {
    [ "FaultToleranceRule" "RateLimitStrategy" "ThrottlingStrategy" "ConcurrencyLimitStrategy" "CircuitBreakerStrategy" "HttpRequestFallbackAction" "AdaptiveOverloadProtectionStrategy" "TrafficRouter" "VirtualWorkload" "TrafficLane" "DatabaseAccessTarget" "VirtualDatabase" "DatabaseEndpoint" "ReadWriteSplitting" "Sharding" "Encryption" "Shadow" "DatabaseDiscovery" "DistributedTransaction" "RateLimit" "ConcurrencyLimit" "CircuitBreaker" ]
  }

  def "nu-complete opensergo schema export format" [] {
    [ "json-schema" "crd" "openapi" ]
  }

  def "nu-complete opensergo schema export color" [] {
    [ "auto" "always" "never" ]
  }

  # Write the kinds' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document
  export extern "opensergo schema export" [
    --kind: string@"nu-complete opensergo schema export kind" # Only these kinds (repeatable or comma-separated; any case); default: every kind `opensergo schema list` prints
    --format: string@"nu-complete opensergo schema export format" # What to write
    --color: string@"nu-complete opensergo schema export color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help (see more with '--help')
    dir: path                 # Directory to write into (created if missing): json-schema writes `<group>/<version>/<Kind>.json`, crd `<group>_<plural>.yaml` (for `kubectl apply -f DIR`), openapi `openapi.json`; `-` writes to stdout (CRDs as one YAML stream)
  ]

  def "nu-complete opensergo schema from-crd color" [] {
    [ "auto" "always" "never" ]
  }

  # Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)
  export extern "opensergo schema from-crd" [
    --output(-o): path        # Directory to write the schemas into (created if missing)
    --out-dir: path           # Directory to write the schemas into (created if missing)
    --max-file-size: string   # Refuse CRD files larger than this many bytes
    --color: string@"nu-complete opensergo schema from-crd color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
    ...files: path            # CustomResourceDefinition files (any number of CRDs each)
  ]

  def "nu-complete opensergo schema from-proto format" [] {
    [ "json-schema" "crd" ]
  }

  def "nu-complete opensergo schema from-proto color" [] {
    [ "auto" "always" "never" ]
  }

  # A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping
  export extern "opensergo schema from-proto" [
    --type: string            # The message, by full name (`io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy`)
    --proto-path: path        # Compile every .proto file under DIR (repeatable; each is an include root, like `protoc -I`). Without it, the embedded OpenSergo protos
    --format: string@"nu-complete opensergo schema from-proto format" # What to write
    --kind: string            # The CRD's kind (with --format crd)
    --group: string           # The CRD's API group (with --format crd)
    --output(-o): path        # Write here (atomically) instead of stdout
    --max-file-size: string   # Refuse .proto files larger than this many bytes
    --color: string@"nu-complete opensergo schema from-proto color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help (see more with '--help')
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo schema help" [
  ]

  # List every kind the tool knows, with its schema origin
  export extern "opensergo schema help list" [
  ]

  # Write the kinds' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document
  export extern "opensergo schema help export" [
  ]

  # Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)
  export extern "opensergo schema help from-crd" [
  ]

  # A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping
  export extern "opensergo schema help from-proto" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo schema help help" [
  ]

  def "nu-complete opensergo config color" [] {
    [ "auto" "always" "never" ]
  }

  # Create or show the project configuration (opensergo.yaml)
  export extern "opensergo config" [
    --color: string@"nu-complete opensergo config color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
  ]

  def "nu-complete opensergo config init color" [] {
    [ "auto" "always" "never" ]
  }

  # Write a commented default opensergo.yaml
  export extern "opensergo config init" [
    --force                   # Replace an existing file
    --color: string@"nu-complete opensergo config init color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
    path?: path               # Where to write it
  ]

  def "nu-complete opensergo config show color" [] {
    [ "auto" "always" "never" ]
  }

  # Print the effective configuration
  export extern "opensergo config show" [
    --max-file-size: string   # Refuse a configuration file larger than this many bytes
    --color: string@"nu-complete opensergo config show color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo config help" [
  ]

  # Write a commented default opensergo.yaml
  export extern "opensergo config help init" [
  ]

  # Print the effective configuration
  export extern "opensergo config help show" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo config help help" [
  ]

  def "nu-complete opensergo explain code" [] {
    [ "OS0001" "io-error" "OS0002" "not-text" "OS0003" "yaml-syntax" "OS0004" "duplicate-key" "OS0005" "yaml-limit" "OS0006" "template" "OS0007" "invalid-config" "OS1001" "missing-type-meta" "OS1002" "unknown-kind" "OS1003" "superseded-kind" "OS1004" "schema-violation" "OS1005" "unknown-field" "OS1006" "invalid-metadata" "OS1007" "missing-app-label" "OS1008" "wrong-api-version" "OS1009" "not-an-object" "OS1010" "no-schema" "OS1011" "rejected-kind" "OS1012" "unknown-suppressed-code" "OS2001" "strategy-not-found" "OS2002" "strategy-kind-mismatch" "OS2003" "ambiguous-strategy-ref" "OS2004" "strategy-in-other-group" "OS2005" "orphan-strategy" "OS2006" "fallback-action-not-found" "OS2007" "target-ref-not-found" "OS2008" "database-ref-not-found" "OS2009" "data-source-not-found" "OS2010" "local-ref-not-found" "OS2011" "subset-not-defined" "OS3001" "duplicate-object" "OS3002" "duplicate-host" "OS3003" "conflicting-limits" "OS3004" "conflicting-circuit-breakers" "OS3005" "rate-limit-with-throttling" "OS3006" "sharding-table-twice" "OS3007" "conflicting-route-limits" "OS4001" "unreachable-route" "OS4002" "shadowed-route" "OS4003" "possibly-shadowed-route" "OS4004" "duplicate-route-match" "OS4005" "invalid-route-weights" "OS4006" "ambiguous-string-match" "OS4007" "invalid-regex" "OS4008" "fallback-same-as-destination" "OS4009" "fallback-other-host" "OS4010" "empty-hosts" "OS5001" "zero-limit" "OS5002" "zero-trigger-ratio" "OS5003" "slow-ratio-without-max-rt" "OS5004" "max-rt-not-below-stat-duration" "OS5005" "short-recovery-timeout" "OS5006" "zero-request-interval" "OS5007" "queue-timeout-below-interval" "OS5008" "yaml11-boolean" "OS5009" "ignored-slow-conditions" "OS5010" "shadow-source-is-shadow" "OS5011" "inert-circuit-breaker" "OS5012" "yaml11-number" "OS6001" "limit-mode-ignored" "OS6002" "stat-duration-ignored" "OS6003" "fqdn-host" "OS6004" "anded-match-entries" "OS6005" "control-plane-ignored-field" "OS7001" "unrepresentable-value" "OS7002" "dropped-field" "OS7003" "missing-field" "OS7004" "not-convertible" "OS7005" "bad-message" "OS7006" "generated-name" "OS7007" "control-plane-difference" "OS7008" "mixed-kinds" "OS8001" "unknown-suppression-code" "OS8002" "unused-suppression" "OS9001" "duplicate-identity" "OS9002" "unreadable-revision" "OS9003" "unidentified-document" "OS9401" "incompatible-regeneration" "OS9402" "no-proto-shape" "OS9403" "invalid-proto-name" "OS9501" "proto-compile-error" "OS9502" "proto-import-not-found" "OS9503" "invalid-proto-workspace" "OS9504" "invalid-gen-template" "OS9505" "out-of-date-stub" "OS9601" "directory-same-package" "OS9602" "package-defined" "OS9603" "package-directory-match" "OS9604" "package-no-import-cycle" "OS9605" "package-same-directory" "OS9606" "enum-first-value-zero" "OS9607" "enum-no-allow-alias" "OS9608" "enum-pascal-case" "OS9609" "enum-value-upper-snake-case" "OS9610" "field-lower-snake-case" "OS9611" "field-not-required" "OS9612" "import-no-public" "OS9613" "import-used" "OS9614" "message-pascal-case" "OS9615" "oneof-lower-snake-case" "OS9616" "package-lower-snake-case" "OS9617" "package-same-csharp-namespace" "OS9618" "package-same-go-package" "OS9619" "package-same-java-multiple-files" "OS9620" "package-same-java-package" "OS9621" "package-same-php-namespace" "OS9622" "package-same-ruby-package" "OS9623" "package-same-swift-prefix" "OS9624" "rpc-pascal-case" "OS9625" "service-pascal-case" "OS9626" "syntax-specified" "OS9627" "enum-value-prefix" "OS9628" "enum-zero-value-suffix" "OS9629" "file-lower-snake-case" "OS9630" "package-version-suffix" "OS9631" "rpc-request-response-unique" "OS9632" "rpc-request-standard-name" "OS9633" "rpc-response-standard-name" "OS9634" "service-suffix" "OS9635" "comment-enum" "OS9636" "comment-enum-value" "OS9637" "comment-field" "OS9638" "comment-message" "OS9639" "comment-oneof" "OS9640" "comment-rpc" "OS9641" "comment-service" "OS9642" "rpc-no-client-streaming" "OS9643" "rpc-no-server-streaming" "OS9644" "stable-package-no-import-unstable" "OS9645" "import-no-weak" "OS9701" "extension-no-delete" "OS9702" "service-no-delete" "OS9703" "enum-no-delete" "OS9704" "file-no-delete" "OS9705" "message-no-delete" "OS9706" "enum-same-type" "OS9707" "field-same-cardinality" "OS9708" "field-same-cpp-string-type" "OS9709" "field-same-java-utf8-validation" "OS9710" "field-same-jstype" "OS9711" "field-same-utf8-validation" "OS9712" "file-same-cc-enable-arenas" "OS9713" "file-same-cc-generic-services" "OS9714" "file-same-csharp-namespace" "OS9715" "file-same-go-package" "OS9716" "file-same-java-generic-services" "OS9717" "file-same-java-multiple-files" "OS9718" "file-same-java-outer-classname" "OS9719" "file-same-java-package" "OS9720" "file-same-objc-class-prefix" "OS9721" "file-same-optimize-for" "OS9722" "file-same-php-class-prefix" "OS9723" "file-same-php-metadata-namespace" "OS9724" "file-same-php-namespace" "OS9725" "file-same-py-generic-services" "OS9726" "file-same-ruby-package" "OS9727" "file-same-swift-prefix" "OS9728" "rpc-no-delete" "OS9729" "enum-value-no-delete" "OS9730" "extension-message-no-delete" "OS9731" "field-no-delete" "OS9732" "field-same-type" "OS9733" "file-same-syntax" "OS9734" "message-no-remove-standard-descriptor-accessor" "OS9735" "oneof-no-delete" "OS9736" "enum-same-json-format" "OS9737" "enum-value-same-name" "OS9738" "field-same-json-name" "OS9739" "field-same-name" "OS9740" "message-same-json-format" "OS9741" "field-same-default" "OS9742" "field-same-oneof" "OS9743" "file-same-package" "OS9744" "message-same-required-fields" "OS9745" "reserved-enum-no-delete" "OS9746" "reserved-message-no-delete" "OS9747" "rpc-same-client-streaming" "OS9748" "rpc-same-server-streaming" "OS9749" "rpc-same-idempotency-level" "OS9750" "rpc-same-request-type" "OS9751" "rpc-same-response-type" "OS9752" "package-enum-no-delete" "OS9753" "package-extension-no-delete" "OS9754" "package-message-no-delete" "OS9755" "package-service-no-delete" "OS9756" "package-no-delete" "OS9757" "enum-value-no-delete-unless-name-reserved" "OS9758" "field-no-delete-unless-name-reserved" "OS9759" "field-wire-json-compatible-cardinality" "OS9760" "field-wire-json-compatible-type" "OS9761" "enum-value-no-delete-unless-number-reserved" "OS9762" "field-no-delete-unless-number-reserved" "OS9763" "field-wire-compatible-cardinality" "OS9764" "field-wire-compatible-type" "OS9801" "proto-format-syntax-error" "OS9802" "proto-format-too-deep" ]
  }

  def "nu-complete opensergo explain color" [] {
    [ "auto" "always" "never" ]
  }

  # Explain a diagnostic code of any command (`opensergo explain OS1004`)
  export extern "opensergo explain" [
    --list                    # List every code of every command with its summary
    --color: string@"nu-complete opensergo explain color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
    code?: string@"nu-complete opensergo explain code" # A code (OS1004) or its name (schema-violation)
  ]

  def "nu-complete opensergo completions shell" [] {
    [ "bash" "zsh" "fish" "powershell" "elvish" "nushell" ]
  }

  def "nu-complete opensergo completions color" [] {
    [ "auto" "always" "never" ]
  }

  # Print shell completions
  export extern "opensergo completions" [
    --color: string@"nu-complete opensergo completions color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
    shell: string@"nu-complete opensergo completions shell" # The shell to print completions for
  ]

  def "nu-complete opensergo man color" [] {
    [ "auto" "always" "never" ]
  }

  # Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory
  export extern "opensergo man" [
    --output(-o): path        # Write `opensergo.1` and the subcommand pages here
    --out-dir: path           # Write `opensergo.1` and the subcommand pages here
    --color: string@"nu-complete opensergo man color" # When to use colors: auto follows the terminal and NO_COLOR
    --config: path            # Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)
    --no-config               # Ignore any opensergo.yaml
    --help(-h)                # Print help
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo help" [
  ]

  # Validate OpenSergo YAML against the embedded schemas
  export extern "opensergo help validate" [
  ]

  # Find conflicts and broken references across a rule set
  export extern "opensergo help lint" [
  ]

  # Compare two rule sets by meaning: objects by identity, not by file or line
  export extern "opensergo help diff" [
  ]

  # Convert between OpenSergo CRD YAML and protobuf messages
  export extern "opensergo help convert" [
  ]

  # Work with .proto files: export the OpenSergo ones, build a workspace
  export extern "opensergo help proto" [
  ]

  # Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs
  export extern "opensergo help proto export" [
  ]

  # Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does
  export extern "opensergo help proto build" [
  ]

  # Lint .proto files with buf's rules (IDs, categories and buf.yaml configuration as buf has them)
  export extern "opensergo help proto lint" [
  ]

  # Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf's rules and buf.yaml `breaking` configuration
  export extern "opensergo help proto breaking" [
  ]

  # A .proto file for a kind's spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style
  export extern "opensergo help proto from-schema" [
  ]

  # Format .proto files in the style `buf format` writes
  export extern "opensergo help proto format" [
  ]

  # Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template
  export extern "opensergo help gen" [
  ]

  # Work with the JSON Schemas: list kinds, export them, convert CRDs
  export extern "opensergo help schema" [
  ]

  # List every kind the tool knows, with its schema origin
  export extern "opensergo help schema list" [
  ]

  # Write the kinds' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document
  export extern "opensergo help schema export" [
  ]

  # Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)
  export extern "opensergo help schema from-crd" [
  ]

  # A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping
  export extern "opensergo help schema from-proto" [
  ]

  # Create or show the project configuration (opensergo.yaml)
  export extern "opensergo help config" [
  ]

  # Write a commented default opensergo.yaml
  export extern "opensergo help config init" [
  ]

  # Print the effective configuration
  export extern "opensergo help config show" [
  ]

  # Explain a diagnostic code of any command (`opensergo explain OS1004`)
  export extern "opensergo help explain" [
  ]

  # Print shell completions
  export extern "opensergo help completions" [
  ]

  # Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory
  export extern "opensergo help man" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "opensergo help help" [
  ]

}

export use completions *
