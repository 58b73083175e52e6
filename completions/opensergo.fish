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
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "convert" -d 'Convert between OpenSergo CRD YAML and protobuf messages'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "proto" -d 'Work with the OpenSergo .proto definitions'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "schema" -d 'Work with the JSON Schemas: list kinds, export them, convert CRDs'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "config" -d 'Create or show the project configuration (opensergo.yaml)'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "explain" -d 'Explain a diagnostic code (`opensergo explain OS1004`)'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "man" -d 'Print the man page (roff) to stdout'
complete -c opensergo -n "__fish_opensergo_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l exclude -d 'Skip paths matching this glob (repeatable), e.g. `--exclude \'vendor/**\'`' -r
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
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s q -l quiet -d 'Print findings only: no summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l summary -d 'Add a count of findings per code after the summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l strict -d 'Treat fields the schema does not declare as errors, not warnings'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l require-known -d 'Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand validate" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l exclude -d 'Skip paths matching this glob (repeatable), e.g. `--exclude \'vendor/**\'`' -r
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
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l select -d 'Run only these rules instead of the default set: codes (OS2001), names (strategy-not-found), code prefixes (OS2), categories (reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l extend-select -d 'Run these rules on top of the selected set (same forms as --select)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l ignore -d 'Do not run these rules (same forms as --select; the more specific of a select and an ignore wins)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l severity -d 'Set a rule\'s level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category)' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s n -l namespace -d 'The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l explain -d 'Print the documentation of a rule (code or name) and exit' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l no-ignore -d 'Do not honour .gitignore/.ignore files, and read hidden files'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l force-exclude -d 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s q -l quiet -d 'Print findings only: no summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l summary -d 'Add a count of findings per code after the summary line'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l list-rules -d 'Print the table of lint rules and exit'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand lint" -s V -l version -d 'Print version'
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
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l max-file-size -d 'Refuse input files larger than this many bytes' -r
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l envelope -d 'CRD -> proto: wrap objects in the control plane\'s SubscribeResponse, one per (namespace, app, kind). Proto -> CRD: the input is SubscribeResponse messages'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l delimited -d 'binpb: write a length-delimited stream even for one message; with --from, read one'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opensergo -n "__fish_opensergo_using_subcommand convert" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -f -a "export" -d 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and not __fish_seen_subcommand_from export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
complete -c opensergo -n "__fish_opensergo_using_subcommand proto; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -f -a "list" -d 'List every kind the tool knows, with its schema origin'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -f -a "export" -d 'Write the embedded JSON Schemas to a directory'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -f -a "from-crd" -d 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --out-dir)'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and not __fish_seen_subcommand_from list export from-crd help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -s o -l out-dir -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from from-crd" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every kind the tool knows, with its schema origin'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the embedded JSON Schemas to a directory'
complete -c opensergo -n "__fish_opensergo_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "from-crd" -d 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --out-dir)'
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
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -l color -d 'When to use colors: auto follows the terminal and NO_COLOR' -r -f -a "auto\t''
always\t''
never\t''"
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -l config -d 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)' -r -F
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -l no-config -d 'Ignore any opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -s h -l help -d 'Print help'
complete -c opensergo -n "__fish_opensergo_using_subcommand man" -s V -l version -d 'Print version'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "validate" -d 'Validate OpenSergo YAML against the embedded schemas'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "lint" -d 'Find conflicts and broken references across a rule set'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "convert" -d 'Convert between OpenSergo CRD YAML and protobuf messages'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "proto" -d 'Work with the OpenSergo .proto definitions'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "schema" -d 'Work with the JSON Schemas: list kinds, export them, convert CRDs'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "config" -d 'Create or show the project configuration (opensergo.yaml)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "explain" -d 'Explain a diagnostic code (`opensergo explain OS1004`)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "completions" -d 'Print shell completions'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "man" -d 'Print the man page (roff) to stdout'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and not __fish_seen_subcommand_from validate lint convert proto schema config explain completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from proto" -f -a "export" -d 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "list" -d 'List every kind the tool knows, with its schema origin'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "export" -d 'Write the embedded JSON Schemas to a directory'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "from-crd" -d 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --out-dir)'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented default opensergo.yaml'
complete -c opensergo -n "__fish_opensergo_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration'
