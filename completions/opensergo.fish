# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_opensergo_global_optspecs
    string join \n color= config= no-config h/help V/version
end

function __fish_opensergo_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_opensergo_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_opensergo_using_subcommand
    set -l cmd (__fish_opensergo_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c opensergo -n "__fish_opensergo_needs_command" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_needs_command" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_needs_command" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_needs_command" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "validate" -d 'Validate OpenSergo YAML against the embedded schemas'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "lint" -d 'Find conflicts and broken references across a rule set'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "diff" -d 'Compare two rule sets by meaning: objects by identity, not by file or line'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "convert" -d 'Convert between OpenSergo CRD YAML and protobuf messages'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "proto" -d 'Work with .proto files: export the OpenSergo ones, build a workspace'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "gen" -d 'Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "schema" -d 'Work with the JSON Schemas: list kinds, export them, convert CRDs'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "config" -d 'Create or show the project configuration (opensergo.yaml)'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "explain" -d 'Explain a diagnostic code of any command (`opensergo explain OS1004`)'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "man" -d 'Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l exclude -d 'Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep\'s `-g \'!GLOB\'`), e.g. `--exclude vendor`' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l stdin-filename -d 'The name stdin (`-`) has in reports and excludes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l max-file-size -d 'Refuse files larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s f -l format -d 'Output format (repeatable; pair each with an --output)' -r -f -a "human\t'Compiler-style messages with source snippets (default)'
short\t'One `file:line:col: severity[CODE] message` line per finding'
json\t'A stable JSON document (see the README, section JSON report)'
sarif\t'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers'
github\t'GitHub Actions workflow commands (annotations on the pull request)'
junit\t'JUnit XML, one test case per document'"
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s o -l output -d 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l fail-on -d 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]' -r -f -a "info\t''
warning\t''
error\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l schema-dir -d 'Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l crd -d 'Also validate against the schemas of these CustomResourceDefinition files (repeatable)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l skip -d 'Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l reject -d 'Report every document of these kinds as an error (comma-separated, repeatable)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l no-ignore -d 'Do not honour .gitignore/.ignore files, and read hidden files'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l force-exclude -d 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l follow-symlinks -d 'Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s q -l quiet -d 'Print findings only: no summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l summary -d 'Add a count of findings per code after the summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l strict -d 'Treat fields the schema does not declare as errors, not warnings'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l require-known -d 'Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l exclude -d 'Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep\'s `-g \'!GLOB\'`), e.g. `--exclude vendor`' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l stdin-filename -d 'The name stdin (`-`) has in reports and excludes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l max-file-size -d 'Refuse files larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s f -l format -d 'Output format (repeatable; pair each with an --output)' -r -f -a "human\t'Compiler-style messages with source snippets (default)'
short\t'One `file:line:col: severity[CODE] message` line per finding'
json\t'A stable JSON document (see the README, section JSON report)'
sarif\t'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers'
github\t'GitHub Actions workflow commands (annotations on the pull request)'
junit\t'JUnit XML, one test case per document'"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s o -l output -d 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l fail-on -d 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]' -r -f -a "info\t''
warning\t''
error\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l select -d 'Run only these rules instead of the default set: codes (OS2001), names (strategy-not-found), code prefixes (OS2), categories (reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work' -r -f -a "OS2001\t''
strategy-not-found\t''
reference\t''
OS2002\t''
strategy-kind-mismatch\t''
OS2003\t''
ambiguous-strategy-ref\t''
OS2004\t''
strategy-in-other-group\t''
OS2005\t''
orphan-strategy\t''
OS2006\t''
fallback-action-not-found\t''
OS2007\t''
target-ref-not-found\t''
OS2008\t''
database-ref-not-found\t''
OS2009\t''
data-source-not-found\t''
OS2010\t''
local-ref-not-found\t''
OS2011\t''
subset-not-defined\t''
OS3001\t''
duplicate-object\t''
conflict\t''
OS3002\t''
duplicate-host\t''
OS3003\t''
conflicting-limits\t''
OS3004\t''
conflicting-circuit-breakers\t''
OS3005\t''
rate-limit-with-throttling\t''
OS3006\t''
sharding-table-twice\t''
OS3007\t''
conflicting-route-limits\t''
OS4001\t''
unreachable-route\t''
OS4002\t''
shadowed-route\t''
OS4003\t''
possibly-shadowed-route\t''
OS4004\t''
duplicate-route-match\t''
OS4005\t''
invalid-route-weights\t''
suspicious\t''
OS4006\t''
ambiguous-string-match\t''
OS4007\t''
invalid-regex\t''
OS4008\t''
fallback-same-as-destination\t''
OS4009\t''
fallback-other-host\t''
OS4010\t''
empty-hosts\t''
OS5001\t''
zero-limit\t''
OS5002\t''
zero-trigger-ratio\t''
OS5003\t''
slow-ratio-without-max-rt\t''
OS5004\t''
max-rt-not-below-stat-duration\t''
OS5005\t''
short-recovery-timeout\t''
OS5006\t''
zero-request-interval\t''
OS5007\t''
queue-timeout-below-interval\t''
OS5008\t''
yaml11-boolean\t''
OS5009\t''
ignored-slow-conditions\t''
OS5010\t''
shadow-source-is-shadow\t''
OS5011\t''
inert-circuit-breaker\t''
OS5012\t''
yaml11-number\t''
OS6001\t''
limit-mode-ignored\t''
runtime-compat\t''
OS6002\t''
stat-duration-ignored\t''
OS6003\t''
fqdn-host\t''
OS6004\t''
anded-match-entries\t''
OS6005\t''
control-plane-ignored-field\t''
OS8001\t''
unknown-suppression-code\t''
style\t''
OS8002\t''
unused-suppression\t''
ALL\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l extend-select -d 'Run these rules on top of the selected set (same forms as --select)' -r -f -a "OS2001\t''
strategy-not-found\t''
reference\t''
OS2002\t''
strategy-kind-mismatch\t''
OS2003\t''
ambiguous-strategy-ref\t''
OS2004\t''
strategy-in-other-group\t''
OS2005\t''
orphan-strategy\t''
OS2006\t''
fallback-action-not-found\t''
OS2007\t''
target-ref-not-found\t''
OS2008\t''
database-ref-not-found\t''
OS2009\t''
data-source-not-found\t''
OS2010\t''
local-ref-not-found\t''
OS2011\t''
subset-not-defined\t''
OS3001\t''
duplicate-object\t''
conflict\t''
OS3002\t''
duplicate-host\t''
OS3003\t''
conflicting-limits\t''
OS3004\t''
conflicting-circuit-breakers\t''
OS3005\t''
rate-limit-with-throttling\t''
OS3006\t''
sharding-table-twice\t''
OS3007\t''
conflicting-route-limits\t''
OS4001\t''
unreachable-route\t''
OS4002\t''
shadowed-route\t''
OS4003\t''
possibly-shadowed-route\t''
OS4004\t''
duplicate-route-match\t''
OS4005\t''
invalid-route-weights\t''
suspicious\t''
OS4006\t''
ambiguous-string-match\t''
OS4007\t''
invalid-regex\t''
OS4008\t''
fallback-same-as-destination\t''
OS4009\t''
fallback-other-host\t''
OS4010\t''
empty-hosts\t''
OS5001\t''
zero-limit\t''
OS5002\t''
zero-trigger-ratio\t''
OS5003\t''
slow-ratio-without-max-rt\t''
OS5004\t''
max-rt-not-below-stat-duration\t''
OS5005\t''
short-recovery-timeout\t''
OS5006\t''
zero-request-interval\t''
OS5007\t''
queue-timeout-below-interval\t''
OS5008\t''
yaml11-boolean\t''
OS5009\t''
ignored-slow-conditions\t''
OS5010\t''
shadow-source-is-shadow\t''
OS5011\t''
inert-circuit-breaker\t''
OS5012\t''
yaml11-number\t''
OS6001\t''
limit-mode-ignored\t''
runtime-compat\t''
OS6002\t''
stat-duration-ignored\t''
OS6003\t''
fqdn-host\t''
OS6004\t''
anded-match-entries\t''
OS6005\t''
control-plane-ignored-field\t''
OS8001\t''
unknown-suppression-code\t''
style\t''
OS8002\t''
unused-suppression\t''
ALL\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l ignore -d 'Do not run these rules (same forms as --select; the more specific of a select and an ignore wins)' -r -f -a "OS2001\t''
strategy-not-found\t''
reference\t''
OS2002\t''
strategy-kind-mismatch\t''
OS2003\t''
ambiguous-strategy-ref\t''
OS2004\t''
strategy-in-other-group\t''
OS2005\t''
orphan-strategy\t''
OS2006\t''
fallback-action-not-found\t''
OS2007\t''
target-ref-not-found\t''
OS2008\t''
database-ref-not-found\t''
OS2009\t''
data-source-not-found\t''
OS2010\t''
local-ref-not-found\t''
OS2011\t''
subset-not-defined\t''
OS3001\t''
duplicate-object\t''
conflict\t''
OS3002\t''
duplicate-host\t''
OS3003\t''
conflicting-limits\t''
OS3004\t''
conflicting-circuit-breakers\t''
OS3005\t''
rate-limit-with-throttling\t''
OS3006\t''
sharding-table-twice\t''
OS3007\t''
conflicting-route-limits\t''
OS4001\t''
unreachable-route\t''
OS4002\t''
shadowed-route\t''
OS4003\t''
possibly-shadowed-route\t''
OS4004\t''
duplicate-route-match\t''
OS4005\t''
invalid-route-weights\t''
suspicious\t''
OS4006\t''
ambiguous-string-match\t''
OS4007\t''
invalid-regex\t''
OS4008\t''
fallback-same-as-destination\t''
OS4009\t''
fallback-other-host\t''
OS4010\t''
empty-hosts\t''
OS5001\t''
zero-limit\t''
OS5002\t''
zero-trigger-ratio\t''
OS5003\t''
slow-ratio-without-max-rt\t''
OS5004\t''
max-rt-not-below-stat-duration\t''
OS5005\t''
short-recovery-timeout\t''
OS5006\t''
zero-request-interval\t''
OS5007\t''
queue-timeout-below-interval\t''
OS5008\t''
yaml11-boolean\t''
OS5009\t''
ignored-slow-conditions\t''
OS5010\t''
shadow-source-is-shadow\t''
OS5011\t''
inert-circuit-breaker\t''
OS5012\t''
yaml11-number\t''
OS6001\t''
limit-mode-ignored\t''
runtime-compat\t''
OS6002\t''
stat-duration-ignored\t''
OS6003\t''
fqdn-host\t''
OS6004\t''
anded-match-entries\t''
OS6005\t''
control-plane-ignored-field\t''
OS8001\t''
unknown-suppression-code\t''
style\t''
OS8002\t''
unused-suppression\t''
ALL\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l severity -d 'Set a rule\'s level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s n -l namespace -d 'The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l explain -d 'Print the documentation of a rule (code or name) and exit' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l no-ignore -d 'Do not honour .gitignore/.ignore files, and read hidden files'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l force-exclude -d 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l follow-symlinks -d 'Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s q -l quiet -d 'Print findings only: no summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l summary -d 'Add a count of findings per code after the summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l list-rules -d 'Print the table of lint rules and exit'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -s f -l format -d 'Output format' -r -f -a "human\t'Grouped by object, one block per change (default); colored on a terminal'
json\t'A stable JSON document: one entry per change with paths and both positions'
brief\t'One line per object: `+` added, `-` removed, `~` changed'
github\t'Markdown for a pull-request comment, collapsible per object'"
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l key -d 'Pair items of the list at PATH by FIELD (repeatable; `a,b` for several fields), e.g. `--key spec.rules=name`' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l exclude -d 'Skip paths matching this glob (repeatable), on both sides' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l max-file-size -d 'Refuse files larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l exit-code -d 'Exit 1 when the sides differ (0 when equal, 2 on errors)'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l raw -d 'Compare spellings, not meanings: `1m` vs `60s`, `"10"` vs `10`'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l ignore-order -d 'Do not report moved list items, except where order is meaning (TrafficRouter http routes: the first match wins)'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l lint -d 'Also lint both sides and show the findings the change introduces and removes (with the project\'s lint configuration)'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l no-summary -d 'Leave out the closing summary of protection and routing changes'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l no-ignore -d 'Do not honour .gitignore/.ignore files, and read hidden files'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand diff" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l to -d 'Output format (yaml: CRD YAML when reading messages of a kind)' -r -f -a "binpb\t'Protobuf binary wire format. Several messages are length-delimited (each preceded by its size as a varint)'
json\t'The proto3 JSON mapping. Several messages form a JSON array'
txtpb\t'The protobuf text format. Several messages are separated by lines holding only `---`'
yaml\t'YAML: the CRD for OpenSergo kinds, the JSON mapping in YAML with --type'"
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l from -d 'Input format. Without it the inputs are CRD YAML' -r -f -a "binpb\t'Protobuf binary wire format. Several messages are length-delimited (each preceded by its size as a varint)'
json\t'The proto3 JSON mapping. Several messages form a JSON array'
txtpb\t'The protobuf text format. Several messages are separated by lines holding only `---`'
yaml\t'YAML: the CRD for OpenSergo kinds, the JSON mapping in YAML with --type'"
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l out-dir -d 'Write one file per message (per object with --to yaml) into this directory' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l data-version -d 'DataWithVersion.version of the envelopes written' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l kind -d 'With --from: the OpenSergo kind of the messages (RateLimitStrategy, or fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy), or SubscribeResponse / DataWithVersion for envelopes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l name -d 'With --from: metadata.name for messages that carry no name (FaultToleranceRule, TrafficRouter, policy kinds); several get -1, -2, ... appended' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l namespace -d 'With --from: metadata.namespace (an envelope\'s own namespace wins)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l app -d 'With --from: metadata.labels.app (an envelope\'s own app wins)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l type -d 'Convert any message, by full name (pkg.Msg), between binpb, json, txtpb and yaml, like `buf convert`. Needs --from' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l proto-path -d 'With --type: also compile the .proto files under this directory (repeatable; each is an import path too, like `protoc -I`)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l descriptor-set -d 'With --type: also load the messages of this FileDescriptorSet (made with `protoc --include_imports --descriptor_set_out=FILE` or `buf build -o FILE`)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l max-depth -d 'How deep messages may nest (the top-level message is 1; each nested message, map entry and Any payload adds one). Deeper input is an error before it is decoded; binary protobuf decoders stop at 101' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l max-file-size -d 'Refuse input files (and --descriptor-set, .proto files) larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l envelope -d 'CRD -> proto: wrap objects in the control plane\'s SubscribeResponse, one per (namespace, app, kind). Proto -> CRD: the input is SubscribeResponse messages'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l envoy -d 'TrafficRouter as the envoy RouteConfiguration SDKs receive (what --envelope packs) instead of its spec message; with --from, the input is RouteConfiguration messages'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l as-control-plane -d 'CRD -> proto: write what today\'s control plane sends, its bugs included (`30s` as 300 ms, enums left UNKNOWN, AND-ed matches), with a warning (OS7007) wherever that differs from the correct mapping'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l delimited -d 'binpb: write a length-delimited stream even for one message; with --from, read one'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l follow-symlinks -d 'When walking a directory of CRD YAML: follow symbolic links whose target lies outside it (by default they are skipped, with a note)'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "export" -d 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "build" -d 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "lint" -d 'Lint .proto files with buf\'s rules (IDs, categories and buf.yaml configuration as buf has them)'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "breaking" -d 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf\'s rules and buf.yaml `breaking` configuration'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "from-schema" -d 'A .proto file for a kind\'s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "format" -d 'Format .proto files in the style `buf format` writes'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export build lint breaking from-schema format help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -s o -l output -d 'Write the image here: `.json` for proto3 JSON, anything else binary (`.binpb`); `-` writes binary to stdout' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -l path -d 'Build only these files or directories (repeatable): a path under DIR or an import path' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -l exclude-path -d 'Leave out these files or directories (repeatable)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -l compiler -d 'The compiler' -r -f -a "auto\t'protox, or protoc on PATH (saying so) for what protox cannot compile: editions, single-number extension ranges with options'
protox\t'protox only (built in, no protoc needed)'
protoc\t'protoc from PATH'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l path -d 'Build only these files or directories (repeatable): a path under DIR or an import path' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l exclude-path -d 'Leave out these files or directories (repeatable)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l compiler -d 'The compiler' -r -f -a "auto\t'protox, or protoc on PATH (saying so) for what protox cannot compile: editions, single-number extension ranges with options'
protox\t'protox only (built in, no protoc needed)'
protoc\t'protoc from PATH'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -s f -l format -d 'Output format (repeatable; pair each with an --output)' -r -f -a "human\t'Compiler-style messages with source snippets (default)'
short\t'One `file:line:col: severity[CODE] message` line per finding'
json\t'A stable JSON document (see the README, section JSON report)'
sarif\t'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers'
github\t'GitHub Actions workflow commands (annotations on the pull request)'
junit\t'JUnit XML, one test case per document'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -s o -l output -d 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l fail-on -d 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]' -r -f -a "info\t''
warning\t''
error\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l error-format -d 'Print findings as buf\'s `--error-format` does (instead of --format)' -r -f -a "text\t'`path:line:col:message`'
json\t'One JSON object per line (path, start/end line and column, type, message)'
github-actions\t'GitHub Actions `::error` workflow commands'
msvc\t'`path(line,col) : error RULE_ID : message`'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -s q -l quiet -d 'Print findings only: no summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l summary -d 'Add a count of findings per code after the summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l buf-exit-codes -d 'Exit 100 on findings, as buf does'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l list-rules -d 'Print the table of rules and exit'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from lint" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l against -d 'The previous version: a directory, a descriptor-set image (`.binpb`), or a git revision (`main`, `v1.2.0`, `origin/main`, a commit, `.git#branch=main`) read from the local object store' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l path -d 'Build only these files or directories (repeatable): a path under DIR or an import path' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l exclude-path -d 'Leave out these files or directories (repeatable)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l compiler -d 'The compiler' -r -f -a "auto\t'protox, or protoc on PATH (saying so) for what protox cannot compile: editions, single-number extension ranges with options'
protox\t'protox only (built in, no protoc needed)'
protoc\t'protoc from PATH'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l max-file-size -d 'Refuse files (in the --against revision or image) larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -s f -l format -d 'Output format (repeatable; pair each with an --output)' -r -f -a "human\t'Compiler-style messages with source snippets (default)'
short\t'One `file:line:col: severity[CODE] message` line per finding'
json\t'A stable JSON document (see the README, section JSON report)'
sarif\t'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers'
github\t'GitHub Actions workflow commands (annotations on the pull request)'
junit\t'JUnit XML, one test case per document'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -s o -l output -d 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l fail-on -d 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]' -r -f -a "info\t''
warning\t''
error\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l error-format -d 'Print findings as buf\'s `--error-format` does (instead of --format)' -r -f -a "text\t'`path:line:col:message`'
json\t'One JSON object per line (path, start/end line and column, type, message)'
github-actions\t'GitHub Actions `::error` workflow commands'
msvc\t'`path(line,col) : error RULE_ID : message`'"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -s q -l quiet -d 'Print findings only: no summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l summary -d 'Add a count of findings per code after the summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l buf-exit-codes -d 'Exit 100 on findings, as buf does'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l list-rules -d 'Print the table of rules and exit'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from breaking" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -l kind -d 'A kind of the registry (`opensergo schema list`)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -l previous -d 'The file generated last time: its field and enum value numbers are kept and removed ones reserved. May be the same file as --output' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -s o -l output -d 'Write here (atomically) instead of stdout' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from from-schema" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -l max-file-size -d 'Refuse files larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -s d -l diff -d 'Print a unified diff of the changes instead of the formatted files'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -s w -l write -d 'Rewrite the files in place (each one atomically)'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -l exit-code -d 'Exit 1 when a file is not formatted (for CI)'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from format" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "build" -d 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "lint" -d 'Lint .proto files with buf\'s rules (IDs, categories and buf.yaml configuration as buf has them)'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "breaking" -d 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf\'s rules and buf.yaml `breaking` configuration'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "from-schema" -d 'A .proto file for a kind\'s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "format" -d 'Format .proto files in the style `buf format` writes'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l template -d 'The template: a file, or inline YAML/JSON' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l plugin -d 'Run only this plugin of the template (repeatable): its `local` name (`protoc-gen-go` or `go`) or its `protoc_builtin` name' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l timeout -d 'Kill a plugin that runs longer than this (`30s`, `2m`)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -s f -l format -d 'Format of the --check findings' -r -f -a "human\t'Compiler-style messages with source snippets (default)'
short\t'One `file:line:col: severity[CODE] message` line per finding'
json\t'A stable JSON document (see the README, section JSON report)'
sarif\t'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers'
github\t'GitHub Actions workflow commands (annotations on the pull request)'
junit\t'JUnit XML, one test case per document'"
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l path -d 'Build only these files or directories (repeatable): a path under DIR or an import path' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l exclude-path -d 'Leave out these files or directories (repeatable)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l compiler -d 'The compiler' -r -f -a "auto\t'protox, or protoc on PATH (saying so) for what protox cannot compile: editions, single-number extension ranges with options'
protox\t'protox only (built in, no protoc needed)'
protoc\t'protoc from PATH'"
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l check -d 'Generate in memory and compare with the output directories; write nothing. Exit 1 listing stale, missing and extra files'
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l no-cache -d 'Run every plugin, ignoring the cache of earlier runs\' responses (under ~/.cache/opensergo/gen; keyed by the exact request and the plugin binary, so it never changes the output)'
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand gen" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -f -a "list" -d 'List every kind the tool knows, with its schema origin'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -f -a "export" -d 'Write the kinds\' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -f -a "from-crd" -d 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -f -a "from-proto" -d 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd from-proto help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l kind -d 'Only these kinds (repeatable or comma-separated; any case); default: every kind `opensergo schema list` prints' -r -f -a "FaultToleranceRule\t''
RateLimitStrategy\t''
ThrottlingStrategy\t''
ConcurrencyLimitStrategy\t''
CircuitBreakerStrategy\t''
HttpRequestFallbackAction\t''
AdaptiveOverloadProtectionStrategy\t''
TrafficRouter\t''
VirtualWorkload\t''
TrafficLane\t''
DatabaseAccessTarget\t''
VirtualDatabase\t''
DatabaseEndpoint\t''
ReadWriteSplitting\t''
Sharding\t''
Encryption\t''
Shadow\t''
DatabaseDiscovery\t''
DistributedTransaction\t''
RateLimit\t''
ConcurrencyLimit\t''
CircuitBreaker\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l format -d 'What to write' -r -f -a "json-schema\t'The embedded JSON Schemas (draft 2020-12), as `validate` uses them'
crd\t'One apiextensions.k8s.io/v1 CustomResourceDefinition per kind'
openapi\t'One OpenAPI 3.0 document, every kind under components.schemas'"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -s o -l output -l out-dir -d 'Directory to write the schemas into (created if missing)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l type -d 'The message, by full name (`io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy`)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l proto-path -d 'Compile every .proto file under DIR (repeatable; each is an include root, like `protoc -I`). Without it, the embedded OpenSergo protos' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l format -d 'What to write' -r -f -a "json-schema\t'A JSON Schema (draft 2020-12), like the embedded ones'
crd\t'An apiextensions.k8s.io/v1 CustomResourceDefinition, as YAML (needs --kind and --group)'"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l kind -d 'The CRD\'s kind (with --format crd)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l group -d 'The CRD\'s API group (with --format crd)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -s o -l output -d 'Write here (atomically) instead of stdout' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l max-file-size -d 'Refuse .proto files larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-proto" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every kind the tool knows, with its schema origin'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the kinds\' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "from-crd" -d 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "from-proto" -d 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -f -a "init" -d 'Write a commented default opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -f -a "show" -d 'Print the effective configuration'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and not __fish_seen_subcommand_from init show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace an existing file'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from init" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from show" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented default opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective configuration'
complete -c opensergo -n "__fish_opensergo_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand explain" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand explain" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand explain" -l list -d 'List every code of every command with its summary'
complete -c opensergo -n "__fish_opensergo_using_subcommand explain" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand explain" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand explain" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand completions" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand completions" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand completions" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand completions" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand completions" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -s o -l out-dir -d 'Write `opensergo.1` and the subcommand pages here' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "validate" -d 'Validate OpenSergo YAML against the embedded schemas'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "lint" -d 'Find conflicts and broken references across a rule set'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "diff" -d 'Compare two rule sets by meaning: objects by identity, not by file or line'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "convert" -d 'Convert between OpenSergo CRD YAML and protobuf messages'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "proto" -d 'Work with .proto files: export the OpenSergo ones, build a workspace'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "gen" -d 'Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "schema" -d 'Work with the JSON Schemas: list kinds, export them, convert CRDs'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "config" -d 'Create or show the project configuration (opensergo.yaml)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "explain" -d 'Explain a diagnostic code of any command (`opensergo explain OS1004`)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "completions" -d 'Print shell completions'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "man" -d 'Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint diff convert proto gen schema config explain completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "export" -d 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "build" -d 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "lint" -d 'Lint .proto files with buf\'s rules (IDs, categories and buf.yaml configuration as buf has them)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "breaking" -d 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf\'s rules and buf.yaml `breaking` configuration'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "from-schema" -d 'A .proto file for a kind\'s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "format" -d 'Format .proto files in the style `buf format` writes'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "list" -d 'List every kind the tool knows, with its schema origin'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "export" -d 'Write the kinds\' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "from-crd" -d 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "from-proto" -d 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented default opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration'
