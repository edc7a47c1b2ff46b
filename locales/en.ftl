# report-gen messages in English.
#
# Every id here is also in pl.ftl (the primary language) with the same variables; the test
# `i18n::tests` fails otherwise. Numbers choose the plural form: [one] / *[other].
# `{ $x }` is a value the program fills in; write a literal brace as {"{"}.

## Diagnostics (src/diag.rs)

diag-error = error
diag-warning = warning
diag-help = help
count-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
count-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
count-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
count-figures = { $count ->
    [one] 1 figure
   *[other] { $count } figures
}

## Command line (src/cli/mod.rs, src/cli/lang.rs): help of each command and argument.
## cli-COMMAND-about, cli-COMMAND-after, cli-COMMAND-ARG; cli-arg-ARG is shared by commands.

cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-value-command = COMMAND
cli-possible-values = Possible values:
cli-default = [default: { $value }]
cli-root-about = Builds the chapter „Współpraca międzynarodowa” of the city's annual report from YAML data.
cli-root-after =
    Examples:
      report-gen check
      report-gen build --year 2023 --format pdf
      report-gen new-year 2024
      report-gen init dane --city Kalisz --city-genitive Kalisza

    Exit codes: 0 success, 1 problems in the data/templates/output (all listed), 2 wrong command line.
cli-arg-lang = The language of messages and help: pl or en (default: REPORT_GEN_LANG, else the system's language; Polish when it is not set).
cli-arg-help = Print help.
cli-arg-version = Print the version.
cli-arg-data = The data folder.
cli-arg-year = The report year (or write it without `--year`, as in `build 2024`).
cli-arg-year_given = The report year (`--year YEAR` works as well).
cli-arg-templates = A folder whose templates replace the built-in ones, file by file.
cli-arg-out = Where to write the files (default: out/YEAR).
cli-arg-draft = A draft for the office: a figure whose photo is missing shows a placeholder with its caption (a published build leaves it out).
cli-arg-format = Output format.
cli-value-format-md = Markdown, for the portal's editor.
cli-value-format-html = A self-contained, accessible web page.
cli-value-format-pdf = PDF for print.
cli-value-format-docx = A Word document (DOCX), for assembling the whole report.
cli-value-format-all = All four.
cli-check-about = Check the data for problems, and print a summary if there are none.
cli-check-after =
    Example:
      report-gen check --data data
cli-build-about = Build the chapter of one year (Markdown, HTML, PDF, Word).
cli-build-after =
    Examples:
      report-gen build 2023 --format pdf
      report-gen build --year 2018 --format all --out out/2018
      report-gen build --year 2023 --format html --fragments

    Files are written to out/YEAR/ unless --out is given, replacing earlier ones only
    when the whole build succeeded.
cli-build-fragments = With the HTML page, also one HTML fragment per section (no page shell) for the city's portal, in CHAPTER-YEAR-fragmenty/ (01-….html, 02-….html, … in order).
cli-lint-about = Find misspelled names, wrong forms and typing slips in the data's texts.
cli-lint-deny_warnings = Exit with code 1 when anything is found (for CI).
cli-lint-after =
    What it finds (as warnings, with file:line:col and what to write instead):
      - misspelled names: the misspellings recorded under `aliases:` in the registry
        (Gyor → Győr), and words a letter or two away from a registry name (Changown);
      - forbidden forms: „Stany Zjednoczone Ameryki Północnej”, „m.in:”, „Miasta Poznań wzięli”;
      - typography: straight "quotes" and English “quotes”, „Polsko- Węgierskiej”,
        double spaces, a space before , . ; :, a straight apostrophe (Ra'anana);
      - alt texts that are file names, repeat the caption or are shorter than 3 words;
      - a place's local name in Polish text (z Hannover → z Hanoweru);
      - list items that start with a capital, or have one after „;” (; Omówiono → ; omówiono).
    A one-letter word followed by a plain space („w Poznaniu”) is fine: the chapter adds
    the non-breaking space itself.

    Examples:
      report-gen lint
      report-gen lint 2024          (only the texts of 2024 and the registry)
      report-gen lint --data data --deny-warnings

    Exit codes: 0 nothing found, or only warnings; 1 warnings with --deny-warnings, or the
    data has errors (they are printed; fix them first, see `report-gen check`);
    2 wrong command line.
cli-watch-about = Rebuild the chapter of a year whenever a data or template file changes (Ctrl-C stops).
cli-watch-format = Output format (html: the page you keep open in a browser).
cli-watch-after =
    Examples:
      report-gen watch --year 2023
      report-gen watch --year 2023 --format all --templates my-templates

    Open the HTML file in a browser and reload the page after each save. A file with
    problems is reported and the last good chapter is kept; watching goes on.

    Exit codes: 0 stopped with Ctrl-C; 1 the folders cannot be watched; 2 wrong command line.
cli-serve-about = Preview the chapter in a browser: it updates itself on every save and shows every problem.
cli-serve-year = The year shown first (default: the latest year of the data); the page switches years.
cli-serve-port = The port on 127.0.0.1 (0: any free port; the address is printed).
cli-serve-open = Open the page in the default browser.
cli-serve-after =
    Examples:
      report-gen serve
      report-gen serve --year 2023 --open
      report-gen serve --port 0 --templates my-templates

    Open the address it prints (http://127.0.0.1:8765/ unless --port says otherwise) in a
    browser. Every save of a data or template file rebuilds the chapter and the page updates
    itself, keeping its place. If a save has problems, they are shown over the page (file, line,
    column, what to do) and the last good chapter stays beneath; the next good save removes them.
    The bar at the top switches years and opens the PDF and the Markdown. Only this computer can
    open the page (127.0.0.1); nothing is written.

    Exit codes: 0 stopped with Ctrl-C; 1 the port is in use or the folders cannot be watched;
    2 wrong command line.
cli-table-about = Print or save the table of partner agreements signed by the end of a year.
cli-table-format = `md` (Markdown table), `csv` (RFC 4180: comma, UTF-8), `csv-excel` (for Excel with Polish settings: semicolon, UTF-8 with BOM) or `xlsx` (an Excel workbook).
cli-value-format-csv = CSV with a header row (RFC 4180: comma, UTF-8 without BOM, CRLF).
cli-value-format-csv-excel = CSV for Excel with Polish settings (semicolon, UTF-8 with BOM, CRLF).
cli-value-format-xlsx = An Excel workbook (.xlsx).
cli-table-output = Write the table into FILE (replaced whole, or left as it was if anything fails) instead of printing it. Needed for `xlsx` unless the output goes to a pipe.
cli-table-after =
    Examples:
      report-gen table --year 2018
      report-gen table --year 2023 --format xlsx --output umowy-2023.xlsx
      report-gen table --year 2023 --format csv-excel --output umowy-2023.csv
      report-gen table --year 2023 --format csv > umowy.csv

    xlsx: the signing dates are date cells (dd.mm.yyyy), the header row is bold, stays in view
    and has filters. csv-excel opens by double-click in Excel with Polish settings; csv is the
    standard form for other programs. With --output the file is replaced only when the whole
    table was written.
cli-templates-about = Work with templates.
cli-templates-after =
    Example:
      report-gen templates export my-templates
cli-templates-export-about = Write the built-in templates into DIR for editing (existing files are not overwritten).
cli-templates-export-dir = The folder to write into.
cli-templates-export-after =
    Example:
      report-gen templates export my-templates
      report-gen build --year 2023 --templates my-templates
cli-init-about = Start a new data set (for another city) in DIR: every file, commented, ready to build.
cli-init-dir = The folder for the new data set (created if missing; existing files are never replaced).
cli-init-city = The city's name, nominative ("Kalisz"); without it, a placeholder to replace later.
cli-init-city_genitive = The city's name in the genitive, as in "Prezydent Miasta Kalisza" ("Kalisza").
cli-init-office = The publishing office (default: "Urząd Miasta" and the genitive).
cli-init-office_abbreviation = The office's abbreviation for source lines (default: "UM" and the city's initial).
cli-init-year = The first report year (default: the current year).
cli-init-after =
    Examples:
      report-gen init dane --city Kalisz --city-genitive Kalisza
      report-gen init dane --city Kalisz --city-genitive Kalisza --office "Urząd Miasta Kalisza" --year 2024

    Without --city the city is a placeholder ("Przykładowo") to replace in DIR/report.yaml.
    Existing files are never overwritten.
cli-new-year-about = Start the chapter of a new year: years/YEAR.yaml with last year's sections and no events.
cli-new-year-year = The report year to start.
cli-new-year-after =
    Examples:
      report-gen new-year 2024
      report-gen new-year 2024 --data dane

    An existing year file is never overwritten.
cli-schema-about = Print the JSON Schema of a data file, or write them all (for editor completion and checks).
cli-schema-file = Which file's schema to print.
cli-schema-write = Write every schema into this folder instead (usually DATA/schema).
cli-schema-after =
    Examples:
      report-gen schema --file year
      report-gen schema --write data/schema

    The data files point at these schemas with their first line,
      # yaml-language-server: $schema=../schema/year.schema.json
    so that VS Code (with the YAML extension by Red Hat) completes keys and marks mistakes.
cli-completions-about = Print a shell completion script (bash, zsh, fish, powershell, elvish).
cli-completions-shell = The shell.
cli-completions-after =
    Examples:
      report-gen completions bash > ~/.local/share/bash-completion/completions/report-gen
      report-gen completions zsh > ~/.zfunc/_report-gen
      report-gen completions fish > ~/.config/fish/completions/report-gen.fish
      report-gen completions powershell >> $PROFILE
cli-man-about = Print the manual page (roff), for `man`.
cli-man-after =
    Example:
      report-gen man > report-gen.1 && man ./report-gen.1
cli-help-about = Print this message or the help of the given subcommand(s).
cli-help-subcommand = The command whose help to print.

## Command-line errors (src/cli/lang.rs)

cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized command '{ $command }'
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-empty-value = a value is required for '{ $arg }' but none was supplied
cli-error-missing = { $count ->
    [one] the following required argument was not provided: { $args }
   *[other] the following required arguments were not provided: { $args }
}
cli-hint-did-you-mean = tip: a similar one exists: '{ $suggestion }'
cli-hint-year = tip: the year is given with --year: report-gen { $command } --year { $year }
cli-hint-valid-values = possible values: { $values }
cli-hint-help = for more information, try '{ $command }'

## What the commands print (src/cli/*.rs)

nothing-written = nothing was written
cli-caused-by = caused by: { $cause }
cli-wrote = wrote { $file }
cli-created = created { $file }
cli-cannot-write-output = cannot write the output
cli-cannot-print-man = cannot print the manual page
cli-write-mixed = `{ $folder }` may now hold some new files beside the earlier ones: moving the files in failed, and putting the earlier ones back failed too
cli-write-rollback-failed = putting them back: { $cause }
cli-write-mixed-help = run the same command again: it puts the earlier files back first
cli-write-exists-help = move them away or choose another folder
cli-write-unchanged = nothing was written; every file that was there is as it was
cli-repaired = note: an earlier run writing into `{ $folder }` was interrupted; the files it had replaced were put back
cli-found-in = { $errors } found in `{ $folder }`
cli-found-in-with-warnings = { $errors } found in `{ $folder }`, and { $warnings }
check-ok-partners = partners in { $year }: cities { $cities }, regions { $regions }
check-ok-no-years = no report years yet
check-ok = ok: { $partners }; registry: { $places } places, { $organisations } organisations, { $projects } projects, { $people } people; events per year: { $events }{ $warnings }
build-fragments-need-html = --fragments is a part of the HTML build: use it with --format html or --format all
build-no-pdf = the PDF cannot be made: nothing was written
build-figures-left-out = { $count ->
    [one] note: 1 figure left out of the chapter because it has no photo; `--draft` shows where it would go
   *[other] note: { $count } figures left out of the chapter because they have no photo; `--draft` shows where they would go
}
build-bad-epoch = SOURCE_DATE_EPOCH is `{ $value }`, but it must be a whole number of seconds since 1970 (or unset)
lint-fix-first = { $count ->
    [one] fix it first, then run `report-gen lint` again
   *[other] fix them first, then run `report-gen lint` again
}
lint-ok = ok: nothing found in { $texts } texts of `{ $folder }`
lint-found = { $warnings } in { $texts } texts of `{ $folder }`
init-next = Next:
init-next-city = In { $folder }/report.yaml, replace the placeholder city with yours.
init-next-examples = Replace the example partner (Brno) in { $folder }/registry/partners.yaml and the example event in { $folder }/years/{ $year }.yaml with your own.
init-next-build = Check and build:
new-year-sections-of = It has the sections of { $year } and no events yet.
new-year-starting-sections = It has a starting set of sections and no events yet.
new-year-next = Next: add the events of { $year } to { $file }, then
schema-say-which = say which schema to print (`--file year`) or where to write them all (`--write DIR`)
scaffold-exists = { $count ->
    [one] nothing was written: `{ $command }` never replaces a file; move it away or choose another folder
   *[other] nothing was written: `{ $command }` never replaces a file; move them away or choose another folder
}

## watch and serve (src/cli/watch/, src/cli/changes.rs, src/cli/serve/)

list-and = {" "}and{" "}
watch-folder-gone = the folder `{ $folder }` was removed or replaced; waiting for it to come back (Ctrl-C stops)…
watch-folder-back-unwatched = the folder `{ $folder }` is back, but it cannot be watched: { $cause }
watch-folder-back = the folder `{ $folder }` is back
watch-no-ctrl-c = cannot catch Ctrl-C: { $cause }
watch-cannot-watch = cannot watch files: { $cause }
watch-cannot-watch-folder = cannot watch `{ $folder }`: { $cause }
watch-cannot-watch-folder-help = check that the folder exists; pass it with `--data DIR` or `--templates DIR`
watch-watching = watching { $folders } for changes; the chapter of { $year } is written to `{ $out }`. Press Ctrl-C to stop.
watch-watcher-reported = the file watcher reported: { $cause }
watch-errors-in-data = { $errors } in the data
watch-no-year-data = no data for the year
watch-rebuilt = rebuilt in { $ms } ms: { $files }
watch-problem-in-templates = a problem in the templates or data
watch-waiting = Waiting for changes…
watch-not-rebuilt = not rebuilt ({ $why }); the last good files are kept. Waiting for changes…
serve-no-address = cannot read the server's address: { $cause }
serve-loaded = data loaded in { $ms } ms
serve-not-yet = the chapter cannot be made yet ({ $problems }); the page shows the problems until a save fixes them
serve-no-such-year = there is no data for { $year } (the years are { $years }); the page opens at { $latest }
serve-no-server = cannot start the web server: { $cause }
serve-serving = serving the chapter at { $url } (open it in a browser); watching { $folders } for changes. Press Ctrl-C to stop.
serve-changed = changed: { $files }
serve-reloaded = data reloaded in { $ms } ms (no page is open)
serve-port-in-use = port { $port } is already in use (by another program, or a `report-gen serve` still running)
serve-port-in-use-help = choose another port with `--port { $next }`, or `--port 0` for any free one
serve-port-denied = port { $port } may not be used by this user: { $cause }
serve-port-denied-help = choose a port above 1023 with `--port { $next }`, or `--port 0` for any free one
serve-port-other = cannot listen on 127.0.0.1:{ $port }: { $cause }
serve-port-other-help = try another port with `--port { $next }`, or `--port 0` for any free one
serve-not-rebuilt = not rebuilt ({ $problems } in the data or templates); the page shows the problems over the last good chapter. Waiting for changes…
serve-rebuilt = { $kind ->
    [pdf] rebuilt the PDF of { $year } in { $ms } ms: the page is updated
   *[page] rebuilt { $year } in { $ms } ms: the page is updated
}
serve-render-failed = { $kind ->
    [pdf] the PDF of { $year } not rebuilt; the page shows the problems over the last good one. Waiting for changes…
   *[page] { $year } not rebuilt; the page shows the problems over the last good one. Waiting for changes…
}
serve-and-more = … and { $count } more
serve-no-browser = the browser could not be opened; open { $url } yourself
serve-no-browser-cause = cannot open a browser ({ $cause }); open { $url } yourself
serve-404 = report-gen serve has no such page. The chapter is at /
serve-file-failed = { $kind ->
    [pdf] The PDF of { $year } cannot be made from the data as it is now:
   *[md] The Markdown of { $year } cannot be made from the data as it is now:
}
serve-fix-and-reload = Fix the file, save, and reload this page (F5).
serve-internal-no-file = internal error: no file rendered

## Dates (src/data/date.rs)

date-shape = `{ $input }` is not a date in the form YYYY-MM-DD (for example 2022-07-15), YYYY-MM or YYYY
date-did-you-mean = ; did you mean { $date }?
date-range-shape = `{ $input }` is not a range of days: write two full dates joined by a slash, for example 2022-07-15/2022-07-17
date-day-zero = { $input } does not exist: days are numbered from 01
date-no-such-day = { $input } does not exist: { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year } has { $days } days
date-year-range = `{ $input }` has a year outside 1000 to 9999; write the year with four digits
date-no-such-month = { $input } does not exist: there is no month { $month } (months go from 01 to 12)
date-range-reversed = the range { $start }/{ $end } ends before it starts

## YAML (src/data/yaml.rs). yaml-detail-*: the parser's words, in the catalog's language.

did-you-mean = did you mean `{ $suggestion }`?
yaml-too-deep = lists and blocks are nested more than { $depth } levels deep here
yaml-number-too-large = the number { $number } is too large
yaml-invalid = this is not valid YAML: { $detail }
yaml-detail-mapping-values = mapping values are not allowed in this context
yaml-detail-expected-key = did not find expected key
yaml-detail-expected-colon = could not find expected ':'
yaml-detail-expected-dash = did not find expected '-' indicator
yaml-detail-tab = found a tab character that violates indentation
yaml-detail-end-of-stream = found unexpected end of stream
yaml-detail-bad-character = found character that cannot start any token
yaml-detail-node-content = did not find expected node content
yaml-detail-alias = found undefined alias
yaml-help-number = write the right number, or put the value in double quotes if it is text
yaml-help-tab = YAML does not allow tabs for indentation: indent with spaces
yaml-help-duplicate = a key may appear only once in the same block: remove or rename one of them
yaml-help-too-deep = the file nests too deeply or repeats an alias too often: simplify it
yaml-help-syntax = check the indentation and the punctuation (`:` after keys, `- ` before list items, matching quotes) on this line and the one before
yaml-too-many = the check stopped after the first { $count } problems in this file
yaml-too-many-help = fix these and run the check again to see the rest
yaml-remove-key = remove this key
yaml-allowed-keys = the keys allowed here are: { $keys }
yaml-unknown-key = unknown key `{ $key }`
yaml-missing-key = required key `{ $key }` is missing
yaml-missing-key-help = add a line `{ $key }: …` to this entry
yaml-use-one-of = use one of: { $values }
yaml-not-allowed-value = `{ $value }` is not an allowed value here
yaml-wrong-type = expected { $expected }, found { $found }
yaml-kind = { $kind ->
    [text] text
    [number] a whole number
    [bool] `true` or `false`
    [list] a list
    [block] a block of `key: value` lines
   *[other] { $kind }
}
yaml-found-text = the text { $text }
yaml-found-number = the number { $number }
yaml-found-nothing = nothing (an empty value)
yaml-help-text = put the value in double quotes if it looks like a number, a date or yes/no
yaml-help-list = write a list as `[a, b]` or as lines starting with `- `
yaml-help-write = write { $kind } here

## Reading the data folder (src/data/load.rs, src/data/chars.rs)

char-direction-control = a text-direction control
load-no-data-dir = the data directory does not exist
load-no-data-dir-help = run the command in the project folder, or pass the folder with `--data DIR`
load-no-report = the file `report.yaml` is missing
load-no-report-help = it names the city, the office and the report; copy it from the shipped `data/` folder or run `report-gen init`
load-year-file-name = this file is not read: year files are named like `2023.yaml`
load-year-file-name-help = rename it to the report year, or move it out of `years/`
load-not-a-folder = this should be a folder, but it is a file
load-not-a-folder-help = move the file away; the data's files go into a folder of this name
load-folder-unreadable = the folder cannot be opened: { $cause }
load-folder-unreadable-help = check that you may read the folder (its permissions, or the network drive it is on)
load-link-outside = this file is a link to `{ $target }`, outside the data folder
load-link-outside-help = only files inside the data folder are read; copy the file into the folder instead of linking to it
load-too-large = the file is too large ({ $mb } MB)
load-too-large-help = a data file should be a few hundred KB at most; split it or remove what does not belong in it
load-unreadable = the file cannot be read: { $cause }
load-not-utf8 = the file is not UTF-8 text
load-not-utf8-help = save the file with the encoding UTF-8 (in VS Code: “Save with Encoding” → UTF-8)
load-control-char = an invisible control character, { $char }, is in the text here
load-control-char-help = delete it (it often comes with text copied from another program); it does not print, and programs that read the chapter may act on it
load-second-document = a second YAML document starts here: a data file holds one
load-second-document-help = remove this `---` line; if what follows belongs in another file, move it there
load-complex-key = a key here is a list or a block; keys are plain names such as `text:`
load-complex-key-help = if this is a text that starts with `[` or `{"{"}`, put the whole text in double quotes: `text: "[…] …"`
load-escaped-control-char = { $what ->
    [key] the key holds an invisible control character, { $char }
   *[text] the text holds an invisible control character, { $char }
}
load-escaped-control-char-help = remove the escape that writes it (`\e`, `\a`, `\0`, `\x..`, `\u....` in double quotes); for a line break, start a new line in a `>-` or `|-` block
load-empty = the file is empty
load-empty-help = fill it in, or delete it if it is not needed
load-not-a-list = this file should be a list of entries
load-not-a-list-help = start each entry with `- id: …` at the beginning of a line
load-registry-files = the registry files are: { $files }
load-not-read = this file is not read

## Checking the data (src/data/validate.rs). $what: the kind of id.

validate-bad-id = `{ $id }` is not a valid id
validate-bad-id-help = use lowercase letters without accents, digits and hyphens, e.g. `gyor` or `2022-hanower`
validate-id-twice = { $what ->
    [country] the country id `{ $id }` is used twice
    [person] the person id `{ $id }` is used twice
    [figure] the figure id `{ $id }` is used twice
   *[registry] the registry id `{ $id }` is used twice
}
validate-id-twice-help = ids must be unique; the first `{ $id }` is in { $file }; rename one of them
validate-unknown-id = { $what ->
    [country] unknown country id `{ $id }`
    [person] unknown person id `{ $id }`
    [figure] unknown figure id `{ $id }`
    [place] unknown place id `{ $id }`
    [organisation] unknown organisation id `{ $id }`
    [project] unknown project id `{ $id }`
    [about] unknown partner, place, organisation or project id `{ $id }`
    [section-about] unknown partner, place or organisation id `{ $id }`
   *[other] unknown id `{ $id }`
}
validate-unknown-id-help = add an entry with `id: { $id }` to { $file ->
    [countries] data/registry/countries.yaml
    [people] data/registry/people.yaml
    [figures] `figures:` in this file
   *[registry] the registry (partners.yaml, places.yaml, organisations.yaml or projects.yaml)
}, or correct the id
validate-title-too-long = the chapter title is { $chars } characters long; at most { $max } can be used
validate-title-too-long-help = the title is the chapter's heading and the name of its files; shorten it (the rest can go into the first paragraph)
validate-agreement-range = `{ $key }:` is one day, not a range of days
validate-agreement-range-help = write the day the document was signed or ended, e.g. `{ $key }: { $date }`
validate-agreement-reversed = the agreement ends before it was signed
validate-document-empty = the document name is empty
validate-organisation-no-name = an organisation needs at least one name
validate-until-before-since = `until` is before `since`
validate-project-partner = a project partner needs either `place:` or both `name:` and `country:`
validate-year-mismatch = the file is for { $year } but says `year: { $says }`
validate-year-mismatch-help = write `year: { $year }`, or rename the file
validate-section-twice = two sections have the id `{ $id }`
validate-section-twice-help = give one of them its own `id:`
validate-figure-twice = the figure `{ $figure }` is shown twice
validate-figure-twice-help = it is already used at `{ $first }`; a figure appears once
validate-not-a-partner = { $name } is not a partner in { $year }
validate-not-a-partner-help = only places with a partnership agreement signed by the end of the year are partners; move the event to another section with `section:`
validate-no-such-section = there is no section `{ $section }` in this year's `sections:`
validate-no-section-kind = this event belongs in a `{ $kind }` section, but the year has none
validate-add-section = add the section to `sections:`
validate-sections-are = the sections of this year are: { $sections }; name one with `section:` or add a section
validate-event-no-text = the event has no text
validate-project-partners = `project_partners: true` needs a project in `about:`
validate-total-mismatch = the total says { $total } meetings but { $listed } are listed
validate-total-mismatch-help = correct the total, or list the missing meetings; when all meetings are listed the total can be left out
validate-no-meetings = give the meetings (`meetings:`) or their number (`total:`)
validate-meeting-who = a meeting needs `people:` or `body:`
validate-no-diplomatic-section = the year has diplomatic meetings but no `diplomatic` section to show them
validate-no-diplomatic-section-help = add `- kind: diplomatic` to `sections:`
validate-figure-unused = the figure `{ $figure }` is not shown anywhere
validate-figure-unused-help = list its id under `figures:` of the event or meeting it illustrates
validate-memberships-list = a `memberships` section needs `list: international` or `list: national`
validate-not-a-member = `{ $id }` is not on the { $list } list of members in { $year }
validate-not-a-member-help = check the organisation's `memberships:` in organisations.yaml, or remove the id here
validate-no-abbreviation = `{ $id }` has no abbreviation in { $year } to print
validate-no-abbreviation-help = give its name a `short:` in organisations.yaml, or remove the id here
validate-date-other-year = { $date } is not in { $year }, the year of this file
validate-date-other-year-help = events of another year go in `years/{ $from }.yaml`; or correct the date
validate-unknown-placeholder = unknown placeholder `{ $placeholder }`
validate-unknown-placeholder-help = the placeholders are `{"{"}lat:ID{"}"}` (years of partnership) and `{"{"}dekady:ID{"}"}` (the same, rounded down to tens)
validate-placeholder-too-young = `{ $placeholder }` in { $year }: the partnership with { $name } was signed in { $signed }, so it is not a year old yet
validate-placeholder-too-young-help = the placeholder can be used from { $from } on; in { $year }, write the text without it
validate-placeholder-under-ten = `{ $placeholder }` in { $year }: the partnership with { $name } is { $years } years old, under ten, so it would print „ponad 0-letniej”
validate-placeholder-under-ten-help = write `{ $instead }` instead, which prints the years themselves
validate-placeholder-needs-partner = `{ $placeholder }` needs the id of a partner with a partnership agreement
validate-lang-marks-help = mark a phrase in another language as `[en]Future Mentors[/en]`
validate-alt-file-name = the alt text `{ $alt }` looks like a file name
validate-alt-file-name-help = describe what the photo shows, in a sentence, for people who cannot see it
validate-alt-repeats-caption = the alt text repeats the caption
validate-alt-repeats-caption-help = the caption is read anyway; say what the photo shows instead
validate-alt-missing = a figure with an image needs `alt:` text
validate-alt-missing-help = describe what the photo shows, for people who cannot see it
validate-figure-empty = the figure has no image, caption or credit

## Images (src/image_file.rs), PDF glyphs (src/glyphs.rs), language marks (src/text.rs)

image-path-empty = the image path is empty
image-path-empty-help = give the path of the photo, e.g. `images/2023/visit.jpg`, or leave `image:` out until there is one
image-path-spaces = the image path `{ $path }` starts or ends with a space
image-path-spaces-help = remove the spaces around the path (and from the file name, if it has them)
image-backslash-help = write `/` between folders, e.g. `images/2023/visit.jpg`
image-rename-help = rename the file (and its folders) using letters, digits, spaces, `-`, `_`, `.` and `( )`, and write the new name here
image-bad-char = the image path `{ $path }` contains the character { $char }: { $why ->
    [markdown] it is lost when the chapter's Markdown is read back
    [windows] Windows does not allow it in file names
    [control] it is an invisible control character
   *[formatting] it is an invisible formatting character
}
image-outside = the image path `{ $path }` points outside the data folder
image-outside-help = put images in the data folder (e.g. `images/2023/`) and give the path relative to it
image-missing = the image `{ $path }` does not exist
image-missing-help = the path is relative to the data folder `{ $folder }`
image-link-outside = the image `{ $path }` is a link to `{ $target }`, outside the data folder
image-link-outside-help = copy the file into the data folder instead of linking to it
image-not-a-file = the image `{ $path }` is not a file
image-not-a-file-help = give the path of the photo itself, e.g. `images/2023/visit.jpg`
image-too-large = the image `{ $path }` is too large ({ $mb } MB; at most { $max } MB)
image-too-large-help = reduce the photo to about 2000 pixels wide and save it as JPEG; that is a few hundred KB
image-unreadable = the image `{ $path }` cannot be read: { $cause }
image-unreadable-help = check that the file is not open in another program and that you may read it
image-check-file = check the file
image-resave = open it in an image editor and save it again as JPEG (photos) or PNG (drawings, logos)
image-format = the image `{ $path }` is a { $format } file; only JPEG and PNG can go into every format of the chapter
image-not-an-image = the file `{ $path }` is not a JPEG or PNG image
image-not-an-image-help = open it in an image editor and save it again as JPEG (photos) or PNG (drawings, logos); a file renamed to `.jpg` is not converted
image-16-bit = the image `{ $path }` is a PNG with 16 bits per colour, which the PDF cannot hold
image-16-bit-help = save it as a PNG with 8 bits per colour (in GIMP: Image → Precision → 8 bit integer), or as JPEG
image-jpeg-kind = the image `{ $path }` is a kind of JPEG (lossless, arithmetic-coded or 12-bit) that cannot be read
image-cut-off = the image `{ $path }` is incomplete: the file ends too early
image-cut-off-help = the file was cut off while it was copied or downloaded; copy or export it again
image-damaged = the image `{ $path }` is damaged
image-damaged-help = copy or export the file again; if it still fails, open it in an image editor and save it again
image-too-many-pixels = the image `{ $path }` is { $width } × { $height } pixels; at most { $max } million pixels can be used
image-too-many-pixels-help = reduce the photo to about 2000 pixels wide; that is plenty for print
glyphs-missing = the PDF font cannot draw { $chars } in “{ $text }”
glyphs-missing-help = replace the character with one the font has (Latin letters with any accents, Greek, Cyrillic, common punctuation), or leave the PDF out (--format md or html)
text-mark-nested = `[{ $lang }]` starts inside `[{ $open }]`, which is not closed yet
text-mark-mismatch = `[/{ $lang }]` closes `[{ $open }]`; write `[/{ $open }]`
text-mark-unopened = `[/{ $lang }]` has no matching `[{ $lang }]` before it
text-mark-unclosed = `[{ $open }]` is not closed: add `[/{ $open }]` after the phrase

## The chapter and its templates (src/chapter/)

chapter-no-years = none
chapter-start-year = to start { $year }, run `report-gen new-year { $year } --data { $folder }`
chapter-not-a-year = { $year } is not a report year: give the year with four digits, e.g. `--year 2024`
chapter-no-data = there is no data for { $year }
chapter-no-data-help = the years with data are: { $years }; { $next }
chapter-figure-no-photo = the figure „{ $figure }” has no photo: it is left out of the chapter
chapter-figure-no-photo-help = add its `image:` (a JPEG or PNG in the data folder), or see where it goes with `build --draft`
templates-no-folder = the templates folder `{ $folder }` does not exist (write the built-in templates there with `report-gen templates export { $folder }`)
templates-no-builtin = there is no built-in file `{ $name }`
templates-builtin-origin = (built-in) templates/{ $name }
templates-undefined = the template uses something that does not exist: { $detail }
templates-syntax = template syntax error: { $detail }
templates-not-found = template not found: { $detail }
templates-out-of-fuel = the template did not finish: it ran more than { $millions } million steps (a loop that never ends?)
templates-too-much-output = the template wrote too much: more than { $mb } MB (a loop that repeats its output?)
templates-failed = the template failed: { $detail }
templates-loop-help = look for a loop whose end depends on something that never changes, or loops inside loops over long lists; compare with the built-in template (`report-gen templates export DIR`)
templates-help = compare with the built-in template (`report-gen templates export DIR`); the names the template can use are listed at its top
templates-bad-name = the template name `{ $name }` is not allowed: templates are read only from the templates folder; give a name inside it, such as `part.md.j2` or `parts/list.md.j2`, without `/` at the start, `..` or `\`
templates-unreadable = cannot read template `{ $file }`: { $cause }
templates-link-outside = the template `{ $file }` is a link to `{ $target }`, outside the templates folder; copy the file into the folder instead
templates-too-large = the template `{ $file }` is too large ({ $kb } KB; at most { $max } KB)

## lint (src/lint/)

lint-alt-file-name = the alt text „{ $alt }” looks like a file name
lint-alt-repeats-caption = the alt text „{ $alt }” repeats the caption
lint-alt-repeats-caption-help = the caption is read out anyway; say what the photo shows: who, where, doing what
lint-alt-too-short = the alt text „{ $alt }” is too short to describe the photo
lint-alt-too-short-help = say in a short sentence what the photo shows: who, where, doing what (e.g. „Prezydent i burmistrz Changwon podpisują memorandum przy stole w Sali Błękitnej”)
lint-in-context = , in „{ $excerpt }”
lint-somewhere-here = {" "}(somewhere in the text that starts here)
lint-officially = officially „{ $official }” (genitive „{ $genitive }”)
lint-declined = declined: „{ $form }”
lint-write = write „{ $right }”
lint-alias = { $what ->
    [country] a non-standard name of a country: „{ $found }”
   *[misspelled] a misspelled name: „{ $found }”
}
lint-near-miss = „{ $word }” looks like a misspelling of „{ $name }”
lint-near-miss-help = if it is „{ $name }”, correct it; if it is another name, add it to the registry
lint-straight-quote = a straight quotation mark "
lint-straight-quote-help = use Polish quotation marks: „text” (or mark English text as [en]…[/en])
lint-english-quote = an English opening quotation mark “
lint-english-quote-help = Polish quotation marks open low: „text”
lint-apostrophe = a straight apostrophe in „{ $word }”
lint-apostrophe-help = write the typographic apostrophe ’: „{ $fixed }”
lint-hyphen-space = a hyphen followed by a space: „{ $found }”
lint-hyphen-space-help = write „{ $fixed }” without the space (a hyphen with a space is right only when a word is left out: „krótko- i długofalowe”)
lint-hyphen-dash = a hyphen „-” used as a dash
lint-hyphen-dash-help = use a dash with spaces around it: „Poznań – Berlin” (the en dash –)
lint-double-space = two spaces in a row
lint-double-space-help = leave one space
lint-space-before = a space before „{ $char }”
lint-space-before-help = remove the space: the „{ $char }” goes right after the word
lint-min-colon = „m.in:” lacks the abbreviation's period
lint-min-colon-help = write „m.in.:” (or leave out the colon)
lint-min-space = no space after „m.in.”
lint-min-space-help = put a space after „m.in.”
lint-city-genitive = „Miasta { $city }” in a sentence: the name is not declined
lint-city-genitive-help = write „Miasta { $genitive }” (the city's name in the genitive)

## Writing files (src/output/, src/scaffold/)

output-exist = these files exist already: { $files }
output-mixed = { $error }; putting the earlier files back failed too ({ $rollback }), so `{ $folder }` may hold some new files: run the command again to restore them
output-cannot-write = cannot write `{ $file }`
output-cannot-write-into = cannot write into the folder `{ $folder }`
output-cannot-replace = cannot replace `{ $file }`
output-cannot-finish = cannot finish writing into `{ $folder }`
output-cannot-remove-journal = cannot remove the journal
output-cannot-roll-back = an earlier run writing into `{ $folder }` was interrupted, and its files cannot be taken back
output-cannot-read-folder = cannot read the folder `{ $folder }`
output-cannot-remove-old = cannot remove the old file `{ $file }`
output-locked = another report-gen is writing into `{ $folder }` and did not finish within { $seconds } seconds; wait for it to finish (or stop it), then run this again
output-cannot-lock = cannot lock `{ $folder }` for writing
output-cannot-look = cannot look at `{ $file }`
output-is-a-folder = `{ $file }` is a folder, so the file of that name cannot be written; rename or move the folder
output-read-only = `{ $file }` is read-only, so it is not replaced; make it writable (or delete it) to replace it
output-cannot-create-temporary = cannot create a temporary file in `{ $folder }`
output-file-in-the-way = `{ $file }` is a file, so the folder `{ $folder }` cannot be made; rename or move the file, or choose another folder
output-cannot-create-folder = cannot create the folder `{ $folder }`
output-cannot-read = cannot read `{ $file }`
output-journal-unreadable = `{ $file }` (left by an interrupted run of report-gen) cannot be read; move it away to keep the files as they are now
output-cannot-restore = cannot restore `{ $file }`
output-cannot-sync = cannot sync `{ $folder }`
scaffold-file-exists = the file already exists

## The writers (src/html/, src/docx/, src/pdf/)

writer-in-figure = in the figure "{ $caption }"
writer-in-figure-caption = in the caption of the figure "{ $caption }"
writer-in-figure-credit = in the credit of the figure "{ $caption }"
writer-in-figure-image = in the figure image "{ $path }"
writer-in-heading = in the heading "{ $heading }"
writer-in-table = in table { $number } "{ $caption }"
writer-bad-language = the document language "{ $tag }" is not a language tag such as "pl"
docx-too-large = the Word document is over 4 GB; make the figure images smaller
docx-too-many-parts = the Word document has too many parts
html-style-end = the stylesheet contains "</style", which would end the <style> element early; remove it
html-cannot-load-page = cannot load the page template { $name }
html-cannot-render-page = cannot render the page template { $name }
html-anchor-twice = two headings have the anchor id "{ $id }"; anchors must be unique
pdf-cannot-draw = the PDF fonts cannot draw { $chars } in the text „{ $text }”; replace the character or transliterate the text
pdf-in-a-figure = in a figure of the chapter
pdf-cannot-decode = cannot decode the figure image { $file } (PNG or JPEG expected): { $cause }
html-h1-count = the chapter has { $count } level-1 headings; it needs exactly one, the chapter title ("# { $title }" in the content template)
scaffold-no-data-folder = the data folder `{ $folder }` does not exist; pass the right one with `--data DIR`, or start a new data set with `report-gen init { $folder }`
limits-output-too-large = the output is larger than { $mb } MB
limits-not-utf8 = the template produced text that is not UTF-8

## The page of `serve` (src/cli/serve/page.rs, preview.js); {"{"}n{"}"}, {"{"}time{"}"}, {"{"}message{"}"} are filled in by the page.

serve-ui-waiting-title = report-gen: no chapter yet
serve-ui-waiting = There is no chapter to show yet: the data has problems (listed above). Fix them and save; this page shows the chapter by itself.
serve-ui-pdf-title = PDF of { $year }: report-gen preview
serve-ui-pdf-frame = The chapter of { $year } as PDF
serve-ui-year = Year:
serve-ui-chapter-of = Chapter of { $year }
serve-ui-pdf-file = PDF file
serve-ui-markdown-of = Markdown of { $year }
serve-ui-pdf-of = PDF of { $year }
serve-ui-bar-label = report-gen preview
serve-ui-preview = Preview
serve-ui-connecting = connecting…
serve-ui-cannot-make = The chapter cannot be made
serve-ui-not-rebuilt = The chapter could not be rebuilt
serve-ui-beneath = Beneath is the last good chapter.
serve-ui-hide = Hide until the next save
serve-ui-fix = Fix the file and save: this page updates by itself.
serve-ui-first-shown = (the first {"{"}n{"}"} are shown)
serve-ui-hidden = problems hidden: they show again after the next save
serve-ui-not-rebuilt-at = not rebuilt at {"{"}time{"}"}
serve-ui-could-not-update = could not update: {"{"}message{"}"}
serve-ui-up-to-date = up to date ({"{"}time{"}"})
serve-ui-not-connected = not connected to report-gen: is `report-gen serve` still running?

## Comments written into new files (src/scaffold/); each line starts with "# ".

scaffold-placeholder-note =
    # The city below is a placeholder ("{ $city }"): replace `city`, `city_genitive`, `office`,
    # `office_abbreviation` and `report_title` with your city's.
scaffold-sections-header =
    # The same sections as in { $year }. Texts written for { $year } (intro, outro …) are below
    # as comments: to use one, remove the "# " at the start of its lines and rewrite it.
cli-templates-help-about = Print this message or the help of the given subcommand(s).
cli-hint-year-digits = tip: the year has four digits, e.g. 2024
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-hint-number = tip: write a whole number here

## Added when merging the session's branches

lint-near-miss-form-help = if it is „{ $form }” (a form of „{ $name }”), correct it; if it is another name, add it to the registry
templates-undefined-help = check the spelling of the name (`year`, not `yaer`): the names the template can use are listed at the top of the built-in template (`report-gen templates export DIR`)
templates-undefined-name = `{ $name }` is undefined
templates-unclosed-tag = the tag opened with `{ $open }` on this line is not closed with `{ $close }` ({ $detail })
pdf-images-too-many-pixels = the chapter's images have more than { $millions } million pixels together (at { $path }); reduce the photos to about 2000 pixels wide
validate-accent-not-a-colour = „{ $color }” is not a colour
validate-accent-not-a-colour-help = write the colour as # and six hexadecimal digits, in quotes: `accent_color: "#1f4e79"` (or leave the line out for the default blue)
validate-accent-too-light = the colour { $color } is too light for headings: its contrast on white is { $contrast }:1, at least { $min }:1 is needed (WCAG AA)
validate-accent-too-light-help = choose a darker shade of the colour, e.g. `#1f4e79` (8.66:1)

## YAML slips explained (src/data/yaml_hints.rs). $spaces: a number of spaces; $line: the corrected line.

yaml-hint-colon-in-text = a colon followed by a space inside the text of `{ $key }` („{ $before }:”): YAML reads it as the start of another key
yaml-hint-colon-in-text-help = put the whole text in quotes: `{ $quoted }`; or write `{ $key }: >-` and the text on the next line, indented two spaces more
yaml-hint-misaligned-key = `{ $key }` starts in column { $column }, but `{ $above }` above it (line { $above_line }) in column { $above_column }: the keys of one entry start in the same column
yaml-hint-misaligned-key-help = indent it { $spaces } spaces: `{ $line }`
yaml-hint-missing-colon = the key `{ $key }` has no colon after it
yaml-hint-missing-colon-help = write `{ $line }`
yaml-hint-quote-then-text = the text of `{ $key }` starts with a quotation mark, so YAML takes `{ $quoted }` for the whole text and does not expect „{ $after }” after it
yaml-hint-quote-then-text-help = use Polish quotation marks, which need nothing more: `{ $line }`
yaml-hint-under-indented = this line continues the text of `{ $key }` (line { $key_line }) but is indented { $spaces } spaces, less than the text
yaml-hint-under-indented-help = indent it { $spaces } spaces, as the text above: `{ $line }`

## lint: list items and local names (src/lint/items.rs, src/lint/names.rs)

lint-item-capital-start = a list item starts with a capital letter: „{ $word }”
lint-item-capital-start-help = the item continues a sentence (after its date: „4 kwietnia – { $lower } …;”, or after „;” for a meeting's topics): write „{ $lower }” (keep the capital only if it is a name)
lint-item-capital-after-semicolon = a capital letter after „;” in a list item: „{ $word }”
lint-item-capital-after-semicolon-help = the sentence goes on after a semicolon: write „; { $lower }”
lint-item-new-sentence = a new sentence inside a list item: „. { $word }”
lint-item-new-sentence-help = a list item is one sentence ending with „;”: write „; { $lower }” (or make it an event of its own)
lint-local-name = „{ $word }” is the local name; the Polish text needs „{ $polish }”
lint-local-name-help = write { $write }; mark a local name that is meant with [de]…[/de]
lint-local-name-declined = „{ $polish }”, declined as the sentence needs
lint-local-name-forms = { $forms } (the form of „{ $polish }” this sentence needs)
lint-local-name-or = {" "}or{" "}

## Checking the data, added by the traps and mdaccess branches (src/data/validate.rs)

validate-country-no-genitive = the country `{ $country }` of `{ $person }` has no official name in the genitive: the chapter would print „{ $printed }”
validate-country-no-genitive-help = in data/registry/countries.yaml, add to the entry `- id: { $country }` the line `  official_genitive: …` with the official name in the genitive, as `{ $example_id }` has `official_genitive: { $example }`
validate-summary-above-heading = `summary_above_heading` is only for a `partners` section (it places the sentence about the number of partners)
validate-summary-above-heading-help = remove the line, or move it to the `- kind: partners` section
validate-count-false-unused = `count: false` does nothing in a `{ $kind }` section: it prints no number
validate-count-false-unused-help = remove the line; `count` is for `partners`, `memberships` and `diplomatic` sections
validate-photo-too-large = the photo is { $width } × { $height } pixels, more than print needs ({ $megabytes } MB in every format of the chapter)
validate-photo-too-large-help = reduce it to about 2000 pixels on the longer side (in Windows: Photos → Resize; in GIMP: Image → Scale Image) and save it as JPEG; the chapter stays small and looks the same; more than { $side } pixels is reported
validate-images-over-limit = with this photo the year's images pass the limit for one chapter: { $megabytes } MB of files and { $millions } million pixels together
validate-images-over-limit-help = reduce the photos to about 2000 pixels wide, a few hundred KB each
build-images-over-limit = the chapter's images take more than { $megabytes } MB together (a photo counts each time it is shown; the limit is passed at { $path }); reduce the photos to about 2000 pixels wide, a few hundred KB each

## table and the memory bound of templates (src/cli/build.rs, src/cli/report.rs)

table-xlsx-to-terminal = an xlsx workbook is a file for Excel, not text to show in the terminal: give the file to write with --output
table-xlsx-to-terminal-help = for example `report-gen table --year { $year } --format xlsx --output umowy-{ $year }.xlsx`
table-output-is-folder = --output `{ $path }` names a folder, not a file: give the file to write, for example --output umowy.xlsx
templates-memory-exceeded = the template `{ $template }` needs more than { $gigabytes } GB of memory, so it was stopped; no file was written or changed
templates-memory-exceeded-help = a loop or macro in the template keeps joining text to itself (`s ~ s`, `replace`); write each piece out once instead
table-xlsx-internal = internal error: the spreadsheet could not be made
table-xlsx-internal-properties = internal error: the spreadsheet's properties could not be written
table-xlsx-cell-too-long = the { $field ->
    [name] name
    [country] country
    [document] document
    [signed] signing date
   *[scope] scope
} of `{ $place }` has { $length } characters, more than the { $max } an Excel cell can hold: shorten it in registry/partners.yaml (or use --format csv, which has no limit)

## Command line, added by the traps and sheets branches (src/cli/mod.rs, src/cli/build.rs)

cli-check-year_flag = (As YEAR.)
cli-lint-year_given = The report year (`--year YEAR` works as well): only that year's texts and the registry.
cli-serve-year_given = The year shown first (`--year YEAR` works as well).
check-takes-no-year = `check` checks every year of the data at once, so it takes no year
check-takes-no-year-help = run `report-gen check`; for the texts of { $year } only, `report-gen lint { $year }`
cli-lint-year = The report year (or write it without `--year`: `lint 2024`).

## Comments written into new-year files, added by the traps branch (src/scaffold/)

scaffold-add-person-first = add the person to registry/people.yaml first
scaffold-sections-missing =
    Sections that { $year } did not have. To show one, remove the "# " at the start of
    its lines (in VS Code: select them and press Ctrl+/); move it to where it belongs.
scaffold-section-had-notes = ({ $year } also had `notes` or `figures` here; add this year's if needed.)
scaffold-dates-comment = { $style ->
    [memberships] activities print no dates; true: „9–11 maja – …” first
    [list] `list` prints the day dates („9–11 maja – …”); false: none
    [paragraphs] `paragraphs` prints no dates; true: „9–11 maja – …” first
   *[by_entity] `by_entity`: dates only in lists of untitled events; true: all
}
