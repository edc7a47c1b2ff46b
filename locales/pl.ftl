# Komunikaty report-gen po polsku (język podstawowy).
#
# Each id here must also be in every other locales/*.ftl with the same variables; the test
# `i18n::tests` fails otherwise. Numbers choose the plural form by CLDR rules for Polish:
# [one] 1, [few] 2–4, 22–24…, [many] 5–21, 25–31…, *[other] fractions.
# `{ $x }` is a value the program fills in; write a literal brace as {"{"}.

## Diagnostics (src/diag.rs)

diag-error = błąd
diag-warning = ostrzeżenie
diag-help = wskazówka
count-errors = { $count ->
    [one] 1 błąd
    [few] { $count } błędy
   *[many] { $count } błędów
}
count-warnings = { $count ->
    [one] 1 ostrzeżenie
    [few] { $count } ostrzeżenia
   *[many] { $count } ostrzeżeń
}
count-problems = { $count ->
    [one] 1 problem
    [few] { $count } problemy
   *[many] { $count } problemów
}
count-figures = { $count ->
    [one] 1 ilustracja
    [few] { $count } ilustracje
   *[many] { $count } ilustracji
}

## Command line (src/cli/mod.rs, src/cli/lang.rs): help of each command and argument.
## cli-COMMAND-about, cli-COMMAND-after, cli-COMMAND-ARG; cli-arg-ARG is shared by commands.

cli-heading-usage = Użycie:
cli-heading-commands = Polecenia
cli-heading-arguments = Argumenty
cli-heading-options = Opcje
cli-value-command = POLECENIE
cli-possible-values = Możliwe wartości:
cli-default = [domyślnie: { $value }]
cli-root-about = Tworzy rozdział „Współpraca międzynarodowa” raportu o stanie miasta z danych w plikach YAML.
cli-root-after =
    Przykłady:
      report-gen check
      report-gen build --year 2023 --format pdf
      report-gen new-year 2024
      report-gen init dane --city Kalisz --city-genitive Kalisza

    Kody wyjścia: 0 – sukces, 1 – problemy w danych, szablonach lub plikach wynikowych (wszystkie są wypisane), 2 – błędne polecenie.
cli-arg-lang = Język komunikatów i pomocy: pl lub en (domyślnie: zmienna REPORT_GEN_LANG, a bez niej język systemu; polski, gdy nie jest ustawiony).
cli-arg-help = Wyświetla pomoc.
cli-arg-version = Wyświetla wersję programu.
cli-arg-data = Folder z danymi.
cli-arg-year = Rok raportu (można go też podać bez `--year`, np. `build 2024`).
cli-arg-year_given = Rok raportu (można też napisać `--year 2024`).
cli-arg-templates = Folder z własnymi szablonami; każdy plik zastępuje wbudowany szablon o tej samej nazwie.
cli-arg-out = Gdzie zapisać pliki (domyślnie: out/ROK).
cli-arg-draft = Wersja robocza dla biura: w miejscu ilustracji bez zdjęcia widać zaślepkę z podpisem (wersja do publikacji pomija taką ilustrację).
cli-arg-format = Format pliku wynikowego.
cli-value-format-md = Markdown, do edytora portalu.
cli-value-format-html = samodzielna, dostępna strona internetowa.
cli-value-format-pdf = PDF do druku.
cli-value-format-docx = dokument Word (DOCX), do składania całego raportu.
cli-value-format-all = wszystkie cztery.
cli-check-about = Sprawdza dane i wypisuje wszystkie problemy, a gdy ich nie ma – krótkie podsumowanie.
cli-check-after =
    Przykład:
      report-gen check --data data
cli-build-about = Tworzy rozdział za jeden rok (Markdown, HTML, PDF, Word).
cli-build-after =
    Przykłady:
      report-gen build 2023 --format pdf
      report-gen build --year 2018 --format all --out out/2018
      report-gen build --year 2023 --format html --fragments

    Pliki trafiają do out/ROK/, chyba że podano --out. Wcześniejsze pliki są zastępowane
    tylko wtedy, gdy udało się utworzyć wszystkie.
cli-build-fragments = Oprócz strony HTML także osobny fragment HTML dla każdej części rozdziału (bez obudowy strony), dla portalu miasta, w folderze ROZDZIAŁ-ROK-fragmenty/ (01-….html, 02-….html, … po kolei).
cli-lint-about = Wyszukuje w tekstach danych błędnie zapisane nazwy, niepoprawne formy i literówki.
cli-lint-deny_warnings = Kończy się kodem 1, gdy cokolwiek znajdzie (dla CI).
cli-lint-after =
    Co znajduje (jako ostrzeżenia, z plik:wiersz:kolumna i propozycją poprawki):
      - błędnie zapisane nazwy: błędne zapisy wpisane w rejestrze pod `aliases:`
        (Gyor → Győr) i słowa różniące się o literę lub dwie od nazwy z rejestru (Changown);
      - niepoprawne formy: „Stany Zjednoczone Ameryki Północnej”, „m.in:”, „Miasta Poznań wzięli”;
      - typografię: proste "cudzysłowy" i angielskie “cudzysłowy”, „Polsko- Węgierskiej”,
        podwójne spacje, spację przed , . ; :, prosty apostrof (Ra'anana);
      - teksty alternatywne, które są nazwami plików, powtarzają podpis albo mają mniej niż 3 słowa;
      - oryginalną nazwę miejsca w polskim tekście (z Hannover → z Hanoweru);
      - elementy listy zaczynające się wielką literą albo z wielką literą po „;” (; Omówiono → ; omówiono).
    Jednoliterowe słowo ze zwykłą spacją po nim („w Poznaniu”) jest w porządku: twardą spację
    rozdział dodaje sam.

    Przykłady:
      report-gen lint
      report-gen lint 2024          (tylko teksty z 2024 r. i rejestr)
      report-gen lint --data data --deny-warnings

    Kody wyjścia: 0 – nic nie znaleziono albo tylko ostrzeżenia; 1 – ostrzeżenia przy
    --deny-warnings albo błędy w danych (są wypisane; najpierw je popraw, zob. `report-gen check`);
    2 – błędne polecenie.
cli-watch-about = Tworzy rozdział za rok od nowa po każdej zmianie pliku danych lub szablonu (Ctrl+C kończy).
cli-watch-format = Format pliku wynikowego (html: strona otwarta w przeglądarce).
cli-watch-after =
    Przykłady:
      report-gen watch --year 2023
      report-gen watch --year 2023 --format all --templates my-templates

    Otwórz plik HTML w przeglądarce i odśwież stronę po każdym zapisie. Problemy w pliku
    są wypisywane, a ostatni poprawny rozdział zostaje; obserwowanie trwa dalej.

    Kody wyjścia: 0 – zatrzymano przez Ctrl+C; 1 – nie można obserwować folderów; 2 – błędne polecenie.
cli-serve-about = Podgląd rozdziału w przeglądarce: odświeża się sam po każdym zapisie i pokazuje wszystkie problemy.
cli-serve-year = Rok pokazywany na początku (domyślnie: ostatni rok w danych); na stronie można przełączać lata.
cli-serve-port = Port na 127.0.0.1 (0: dowolny wolny port; adres zostanie wypisany).
cli-serve-open = Otwiera stronę w domyślnej przeglądarce.
cli-serve-after =
    Przykłady:
      report-gen serve
      report-gen serve --year 2023 --open
      report-gen serve --port 0 --templates my-templates

    Otwórz w przeglądarce wypisany adres (http://127.0.0.1:8765/, chyba że --port mówi inaczej).
    Każdy zapis pliku danych lub szablonu tworzy rozdział od nowa, a strona odświeża się sama
    w tym samym miejscu. Jeśli zapisany plik ma problemy, są one pokazane nad stroną (plik, wiersz,
    kolumna, co zrobić), a pod spodem zostaje ostatni poprawny rozdział; kolejny poprawny zapis
    je usuwa. Pasek u góry przełącza lata i otwiera PDF oraz Markdown. Stronę można otworzyć
    tylko na tym komputerze (127.0.0.1); nic nie jest zapisywane.

    Kody wyjścia: 0 – zatrzymano przez Ctrl+C; 1 – port jest zajęty albo nie można obserwować
    folderów; 2 – błędne polecenie.
cli-table-about = Wypisuje albo zapisuje w pliku tabelę umów partnerskich podpisanych do końca roku.
cli-table-format = `md` (tabela Markdown), `csv` (RFC 4180: przecinek, UTF-8), `csv-excel` (dla Excela z polskimi ustawieniami: średnik, UTF-8 z BOM) albo `xlsx` (skoroszyt Excela).
cli-value-format-csv = CSV z wierszem nagłówka (RFC 4180: przecinek, UTF-8 bez BOM, CRLF).
cli-value-format-csv-excel = CSV dla Excela z polskimi ustawieniami (średnik, UTF-8 z BOM, CRLF).
cli-value-format-xlsx = skoroszyt Excela (.xlsx).
cli-table-output = Zapisuje tabelę w pliku FILE zamiast ją wypisać (plik jest zastępowany w całości, a jeśli coś się nie uda – zostaje bez zmian). Wymagane dla `xlsx`, chyba że wynik trafia do potoku.
cli-table-after =
    Przykłady:
      report-gen table --year 2018
      report-gen table --year 2023 --format xlsx --output umowy-2023.xlsx
      report-gen table --year 2023 --format csv-excel --output umowy-2023.csv
      report-gen table --year 2023 --format csv > umowy.csv

    xlsx: daty podpisania są komórkami z datą (dd.mm.rrrr), a wiersz nagłówka jest pogrubiony,
    zawsze widoczny i ma filtry. csv-excel otwiera się dwuklikiem w Excelu z polskimi
    ustawieniami; csv to standardowa postać dla innych programów. Z --output plik jest zastępowany
    tylko wtedy, gdy udało się zapisać całą tabelę.
cli-templates-about = Praca z szablonami.
cli-templates-after =
    Przykład:
      report-gen templates export my-templates
cli-templates-export-about = Zapisuje wbudowane szablony w folderze DIR do edycji (istniejące pliki nie są nadpisywane).
cli-templates-export-dir = Folder, do którego zapisać szablony.
cli-templates-export-after =
    Przykład:
      report-gen templates export my-templates
      report-gen build --year 2023 --templates my-templates
cli-init-about = Zakłada nowy zestaw danych (dla innego miasta) w folderze DIR: wszystkie pliki, z komentarzami, gotowe do utworzenia rozdziału.
cli-init-dir = Folder nowego zestawu danych (zostanie utworzony, jeśli go nie ma; istniejące pliki nigdy nie są zastępowane).
cli-init-city = Nazwa miasta w mianowniku („Kalisz”); bez niej – nazwa zastępcza do późniejszej zmiany.
cli-init-city_genitive = Nazwa miasta w dopełniaczu, jak w „Prezydent Miasta Kalisza” („Kalisza”).
cli-init-office = Urząd wydający raport (domyślnie: „Urząd Miasta” i dopełniacz nazwy).
cli-init-office_abbreviation = Skrót urzędu w podpisach źródeł (domyślnie: „UM” i pierwsza litera miasta).
cli-init-year = Pierwszy rok raportu (domyślnie: bieżący rok).
cli-init-after =
    Przykłady:
      report-gen init dane --city Kalisz --city-genitive Kalisza
      report-gen init dane --city Kalisz --city-genitive Kalisza --office "Urząd Miasta Kalisza" --year 2024

    Bez --city miasto ma nazwę zastępczą („Przykładowo”), którą należy zmienić w DIR/report.yaml.
    Istniejące pliki nigdy nie są nadpisywane.
cli-new-year-about = Zaczyna rozdział nowego roku: plik years/ROK.yaml z częściami z zeszłego roku, bez wydarzeń.
cli-new-year-year = Rok raportu, który zacząć.
cli-new-year-after =
    Przykłady:
      report-gen new-year 2024
      report-gen new-year 2024 --data dane

    Istniejący plik roku nigdy nie jest nadpisywany.
cli-schema-about = Wypisuje JSON Schema pliku danych albo zapisuje wszystkie (podpowiedzi i sprawdzanie w edytorze).
cli-schema-file = Schemat którego pliku wypisać.
cli-schema-write = Zamiast tego zapisuje wszystkie schematy w tym folderze (zwykle DANE/schema).
cli-schema-after =
    Przykłady:
      report-gen schema --file year
      report-gen schema --write data/schema

    Pliki danych wskazują te schematy w pierwszym wierszu,
      # yaml-language-server: $schema=../schema/year.schema.json
    dzięki czemu VS Code (z rozszerzeniem YAML firmy Red Hat) podpowiada klucze i zaznacza błędy.
cli-completions-about = Wypisuje skrypt uzupełniania poleceń dla powłoki (bash, zsh, fish, powershell, elvish).
cli-completions-shell = Powłoka.
cli-completions-after =
    Przykłady:
      report-gen completions bash > ~/.local/share/bash-completion/completions/report-gen
      report-gen completions zsh > ~/.zfunc/_report-gen
      report-gen completions fish > ~/.config/fish/completions/report-gen.fish
      report-gen completions powershell >> $PROFILE
cli-man-about = Wypisuje stronę podręcznika (roff) dla `man`.
cli-man-after =
    Przykład:
      report-gen man > report-gen.1 && man ./report-gen.1
cli-help-about = Wyświetla tę pomoc albo pomoc podanego polecenia.
cli-help-subcommand = Polecenie, którego pomoc wyświetlić.

## Command-line errors (src/cli/lang.rs)

cli-error-unknown-argument = nieoczekiwany argument „{ $arg }”
cli-error-unknown-command = nieznane polecenie „{ $command }”
cli-error-invalid-value = niepoprawna wartość „{ $value }” dla „{ $arg }”
cli-error-empty-value = „{ $arg }” wymaga wartości, a nie podano żadnej
cli-error-missing = { $count ->
    [one] brakuje wymaganego argumentu: { $args }
   *[other] brakuje wymaganych argumentów: { $args }
}
cli-hint-did-you-mean = wskazówka: czy chodziło o „{ $suggestion }”?
cli-hint-year = wskazówka: rok podaje się po --year: report-gen { $command } --year { $year }
cli-hint-valid-values = możliwe wartości: { $values }
cli-hint-help = więcej informacji: „{ $command }”

## What the commands print (src/cli/*.rs)

nothing-written = nic nie zostało zapisane
cli-caused-by = przyczyna: { $cause }
cli-wrote = zapisano { $file }
cli-created = utworzono { $file }
cli-cannot-write-output = nie można wypisać wyniku
cli-cannot-print-man = nie można wypisać strony podręcznika
cli-write-mixed = w folderze „{ $folder }” mogą być teraz nowe pliki obok wcześniejszych: nie udało się przenieść nowych plików, a przywrócenie wcześniejszych także się nie powiodło
cli-write-rollback-failed = przywracanie wcześniejszych: { $cause }
cli-write-mixed-help = uruchom to samo polecenie jeszcze raz: najpierw przywróci wcześniejsze pliki
cli-write-exists-help = przenieś je gdzie indziej albo wybierz inny folder
cli-write-unchanged = nic nie zostało zapisane; wszystkie pliki, które tam były, są bez zmian
cli-repaired = uwaga: wcześniejsze zapisywanie do „{ $folder }” zostało przerwane; zastąpione wtedy pliki zostały przywrócone
cli-found-in = znaleziono { $errors } w folderze „{ $folder }”
cli-found-in-with-warnings = znaleziono { $errors } w folderze „{ $folder }”, a także { $warnings }
check-ok-partners = partnerzy w { $year } r.: miasta { $cities }, regiony { $regions }
check-ok-no-years = nie ma jeszcze żadnego roku raportu
check-ok = w porządku: { $partners }; rejestr: miejsca { $places }, organizacje { $organisations }, projekty { $projects }, osoby { $people }; wydarzenia w latach: { $events }{ $warnings }
build-fragments-need-html = --fragments należy do wersji HTML: użyj tej opcji z --format html albo --format all
build-no-pdf = nie można utworzyć PDF: nic nie zostało zapisane
build-figures-left-out = { $count ->
    [one] uwaga: 1 ilustracja została pominięta w rozdziale, bo nie ma zdjęcia; `--draft` pokazuje, gdzie by się znalazła
    [few] uwaga: { $count } ilustracje zostały pominięte w rozdziale, bo nie mają zdjęć; `--draft` pokazuje, gdzie by się znalazły
   *[many] uwaga: { $count } ilustracji zostało pominiętych w rozdziale, bo nie mają zdjęć; `--draft` pokazuje, gdzie by się znalazły
}
build-bad-epoch = SOURCE_DATE_EPOCH ma wartość `{ $value }`, a musi być liczbą całkowitą sekund od 1970 r. (albo być nieustawiona)
lint-fix-first = { $count ->
    [one] najpierw go popraw, potem uruchom ponownie `report-gen lint`
   *[other] najpierw je popraw, potem uruchom ponownie `report-gen lint`
}
lint-ok = w porządku: nic nie znaleziono w { $texts ->
    [one] 1 tekście
   *[other] { $texts } tekstach
} z „{ $folder }”
lint-found = { $warnings } w { $texts ->
    [one] 1 tekście
   *[other] { $texts } tekstach
} z „{ $folder }”
init-next = Co dalej:
init-next-city = W pliku { $folder }/report.yaml wpisz swoje miasto zamiast nazwy zastępczej.
init-next-examples = Zastąp przykładowego partnera (Brno) w { $folder }/registry/partners.yaml i przykładowe wydarzenie w { $folder }/years/{ $year }.yaml własnymi.
init-next-build = Sprawdź dane i utwórz rozdział:
new-year-sections-of = Plik ma części z { $year } r. i nie ma jeszcze wydarzeń.
new-year-starting-sections = Plik ma początkowy zestaw części i nie ma jeszcze wydarzeń.
new-year-next = Co dalej: dopisz wydarzenia z { $year } r. do { $file }, a potem
schema-say-which = podaj, który schemat wypisać (`--file year`), albo gdzie zapisać wszystkie (`--write DIR`)
scaffold-exists = nic nie zostało zapisane: `{ $command }` nigdy nie zastępuje plików; przenieś { $count ->
    [one] go
   *[other] je
} gdzie indziej albo wybierz inny folder

## watch and serve (src/cli/watch/, src/cli/changes.rs, src/cli/serve/)

list-and = {" "}i{" "}
watch-folder-gone = folder „{ $folder }” został usunięty lub zastąpiony; czekam, aż wróci (Ctrl+C kończy)…
watch-folder-back-unwatched = folder „{ $folder }” wrócił, ale nie można go obserwować: { $cause }
watch-folder-back = folder „{ $folder }” wrócił
watch-no-ctrl-c = nie można przechwycić Ctrl+C: { $cause }
watch-cannot-watch = nie można obserwować plików: { $cause }
watch-cannot-watch-folder = nie można obserwować „{ $folder }”: { $cause }
watch-cannot-watch-folder-help = sprawdź, czy folder istnieje; podaj go w `--data DIR` lub `--templates DIR`
watch-watching = obserwuję zmiany w { $folders }; rozdział za { $year } r. trafia do „{ $out }”. Ctrl+C kończy.
watch-watcher-reported = obserwator plików zgłosił: { $cause }
watch-errors-in-data = { $errors } w danych
watch-no-year-data = brak danych za ten rok
watch-rebuilt = utworzono ponownie w { $ms } ms: { $files }
watch-problem-in-templates = problem w szablonach lub danych
watch-waiting = Czekam na zmiany…
watch-not-rebuilt = nie utworzono ponownie ({ $why }); zostają ostatnie poprawne pliki. Czekam na zmiany…
serve-no-address = nie można odczytać adresu serwera: { $cause }
serve-loaded = dane wczytano w { $ms } ms
serve-not-yet = nie można jeszcze utworzyć rozdziału ({ $problems }); strona pokazuje problemy, dopóki zapis ich nie usunie
serve-no-such-year = nie ma danych za { $year } r. (są lata: { $years }); strona otworzy się na { $latest } r.
serve-no-server = nie można uruchomić serwera WWW: { $cause }
serve-serving = rozdział jest pod adresem { $url } (otwórz go w przeglądarce); obserwuję zmiany w { $folders }. Ctrl+C kończy.
serve-changed = zmiana: { $files }
serve-reloaded = dane wczytano ponownie w { $ms } ms (żadna strona nie jest otwarta)
serve-port-in-use = port { $port } jest już zajęty (przez inny program albo wciąż działające `report-gen serve`)
serve-port-in-use-help = wybierz inny port: `--port { $next }`, albo `--port 0` – dowolny wolny
serve-port-denied = ten użytkownik nie może używać portu { $port }: { $cause }
serve-port-denied-help = wybierz port powyżej 1023: `--port { $next }`, albo `--port 0` – dowolny wolny
serve-port-other = nie można nasłuchiwać na 127.0.0.1:{ $port }: { $cause }
serve-port-other-help = spróbuj innego portu: `--port { $next }`, albo `--port 0` – dowolny wolny
serve-not-rebuilt = nie utworzono ponownie ({ $problems } w danych lub szablonach); strona pokazuje problemy nad ostatnim poprawnym rozdziałem. Czekam na zmiany…
serve-rebuilt = { $kind ->
    [pdf] utworzono ponownie PDF za { $year } r. w { $ms } ms: strona jest zaktualizowana
   *[page] utworzono ponownie rozdział za { $year } r. w { $ms } ms: strona jest zaktualizowana
}
serve-render-failed = { $kind ->
    [pdf] nie utworzono ponownie PDF za { $year } r.; strona pokazuje problemy nad ostatnią poprawną wersją. Czekam na zmiany…
   *[page] nie utworzono ponownie rozdziału za { $year } r.; strona pokazuje problemy nad ostatnią poprawną wersją. Czekam na zmiany…
}
serve-and-more = … i jeszcze { $count }
serve-no-browser = nie udało się otworzyć przeglądarki; otwórz { $url } samodzielnie
serve-no-browser-cause = nie można otworzyć przeglądarki ({ $cause }); otwórz { $url } samodzielnie
serve-404 = report-gen serve nie ma takiej strony. Rozdział jest pod adresem /
serve-file-failed = { $kind ->
    [pdf] Nie można utworzyć PDF za { $year } r. z danych w obecnej postaci:
   *[md] Nie można utworzyć Markdownu za { $year } r. z danych w obecnej postaci:
}
serve-fix-and-reload = Popraw plik, zapisz go i odśwież tę stronę (F5).
serve-internal-no-file = błąd wewnętrzny: nie powstał żaden plik

## Dates (src/data/date.rs)

date-shape = `{ $input }` nie jest datą w postaci RRRR-MM-DD (np. 2022-07-15), RRRR-MM lub RRRR
date-did-you-mean = ; czy chodziło o { $date }?
date-range-shape = `{ $input }` nie jest zakresem dni: wpisz dwie pełne daty połączone ukośnikiem, np. 2022-07-15/2022-07-17
date-day-zero = { $input } nie istnieje: dni numeruje się od 01
date-no-such-day = { $input } nie istnieje: { $month ->
    [1] styczeń
    [2] luty
    [3] marzec
    [4] kwiecień
    [5] maj
    [6] czerwiec
    [7] lipiec
    [8] sierpień
    [9] wrzesień
    [10] październik
    [11] listopad
   *[12] grudzień
} { $year } r. ma { $days } dni
date-year-range = `{ $input }` ma rok spoza zakresu 1000–9999; wpisz rok czterema cyframi
date-no-such-month = { $input } nie istnieje: nie ma miesiąca { $month } (miesiące mają numery od 01 do 12)
date-range-reversed = zakres { $start }/{ $end } kończy się, zanim się zaczyna

## YAML (src/data/yaml.rs). yaml-detail-*: the parser's words, in the catalog's language.

did-you-mean = czy chodziło o `{ $suggestion }`?
yaml-too-deep = listy i bloki są tu zagnieżdżone na ponad { $depth } poziomach
yaml-number-too-large = liczba { $number } jest za duża
yaml-invalid = to nie jest poprawny YAML: { $detail }
yaml-detail-mapping-values = w tym miejscu nie może być dwukropka ze spacją (w YAML-u oddziela on klucz od wartości)
yaml-detail-expected-key = nie znaleziono oczekiwanego klucza
yaml-detail-expected-colon = brakuje dwukropka `:` po kluczu
yaml-detail-expected-dash = brakuje oczekiwanego `- ` przed elementem listy
yaml-detail-tab = wcięcie zawiera znak tabulacji
yaml-detail-end-of-stream = plik kończy się w nieoczekiwanym miejscu (np. niezamknięty cudzysłów lub nawias)
yaml-detail-bad-character = znak, od którego nie może zaczynać się wartość
yaml-detail-node-content = nie znaleziono oczekiwanej wartości
yaml-detail-alias = odwołanie do nieznanej kotwicy (`*nazwa`)
yaml-help-number = wpisz poprawną liczbę albo ujmij wartość w cudzysłów, jeśli to tekst
yaml-help-tab = YAML nie pozwala wcinać tabulatorem: wcinaj spacjami
yaml-help-duplicate = klucz może wystąpić w jednym bloku tylko raz: usuń jeden z nich albo zmień jego nazwę
yaml-help-too-deep = plik jest zagnieżdżony zbyt głęboko albo zbyt często powtarza odwołanie: uprość go
yaml-help-syntax = sprawdź wcięcia i znaki przestankowe (`:` po kluczach, `- ` przed elementami listy, domknięte cudzysłowy) w tym i poprzednim wierszu
yaml-too-many = sprawdzanie zatrzymało się po pierwszych { $count } problemach w tym pliku
yaml-too-many-help = popraw je i sprawdź ponownie, aby zobaczyć pozostałe
yaml-remove-key = usuń ten klucz
yaml-allowed-keys = dozwolone tu klucze: { $keys }
yaml-unknown-key = nieznany klucz `{ $key }`
yaml-missing-key = brakuje wymaganego klucza `{ $key }`
yaml-missing-key-help = dopisz do tego wpisu wiersz `{ $key }: …`
yaml-use-one-of = użyj jednej z wartości: { $values }
yaml-not-allowed-value = `{ $value }` nie jest tu dozwoloną wartością
yaml-wrong-type = oczekiwano: { $expected }, a jest: { $found }
yaml-kind = { $kind ->
    [text] tekst
    [number] liczba całkowita
    [bool] `true` lub `false`
    [list] lista
    [block] blok wierszy `klucz: wartość`
   *[other] { $kind }
}
yaml-found-text = tekst { $text }
yaml-found-number = liczba { $number }
yaml-found-nothing = nic (pusta wartość)
yaml-help-text = ujmij wartość w cudzysłów, jeśli wygląda jak liczba, data albo yes/no
yaml-help-list = zapisz listę jako `[a, b]` albo jako wiersze zaczynające się od `- `
yaml-help-write = wpisz tu: { $kind }

## Reading the data folder (src/data/load.rs, src/data/chars.rs)

char-direction-control = znak sterujący kierunkiem tekstu
load-no-data-dir = folder z danymi nie istnieje
load-no-data-dir-help = uruchom polecenie w folderze projektu albo podaj folder w `--data DIR`
load-no-report = brakuje pliku `report.yaml`
load-no-report-help = plik podaje miasto, urząd i raport; skopiuj go z dostarczonego folderu `data/` albo uruchom `report-gen init`
load-year-file-name = ten plik nie jest wczytywany: pliki lat mają nazwy takie jak `2023.yaml`
load-year-file-name-help = nadaj mu nazwę roku raportu albo przenieś go poza `years/`
load-not-a-folder = tu powinien być folder, a jest plik
load-not-a-folder-help = przenieś ten plik gdzie indziej; pliki danych trafiają do folderu o tej nazwie
load-folder-unreadable = nie można otworzyć folderu: { $cause }
load-folder-unreadable-help = sprawdź, czy masz prawo odczytu folderu (uprawnienia albo dysk sieciowy, na którym leży)
load-link-outside = ten plik jest dowiązaniem do `{ $target }`, poza folderem z danymi
load-link-outside-help = wczytywane są tylko pliki z folderu z danymi; skopiuj plik do folderu zamiast tworzyć dowiązanie
load-too-large = plik jest za duży ({ $mb } MB)
load-too-large-help = plik danych powinien mieć najwyżej kilkaset KB; podziel go albo usuń to, co do niego nie należy
load-unreadable = nie można odczytać pliku: { $cause }
load-not-utf8 = plik nie jest tekstem w kodowaniu UTF-8
load-not-utf8-help = zapisz plik w kodowaniu UTF-8 (w VS Code: „Zapisz z kodowaniem” → UTF-8)
load-control-char = w tekście jest tu niewidoczny znak sterujący { $char }
load-control-char-help = usuń go (często przychodzi z tekstem skopiowanym z innego programu); nie drukuje się, a programy czytające rozdział mogą go wykonać
load-second-document = tu zaczyna się drugi dokument YAML, a plik danych może mieć tylko jeden
load-second-document-help = usuń ten wiersz `---`; jeśli dalsza część należy do innego pliku, przenieś ją tam
load-complex-key = klucz jest tu listą albo blokiem; klucze to zwykłe nazwy, np. `text:`
load-complex-key-help = jeśli to tekst zaczynający się od `[` lub `{"{"}`, ujmij cały tekst w cudzysłów: `text: "[…] …"`
load-escaped-control-char = { $what ->
    [key] klucz zawiera niewidoczny znak sterujący { $char }
   *[text] tekst zawiera niewidoczny znak sterujący { $char }
}
load-escaped-control-char-help = usuń zapis, który go tworzy (`\e`, `\a`, `\0`, `\x..`, `\u....` w cudzysłowie); nowy wiersz zacznij w bloku `>-` lub `|-`
load-empty = plik jest pusty
load-empty-help = uzupełnij go albo usuń, jeśli nie jest potrzebny
load-not-a-list = ten plik powinien być listą wpisów
load-not-a-list-help = zaczynaj każdy wpis od `- id: …` na początku wiersza
load-registry-files = pliki rejestru to: { $files }
load-not-read = ten plik nie jest wczytywany

## Checking the data (src/data/validate.rs). $what: the kind of id.

validate-bad-id = `{ $id }` nie jest poprawnym identyfikatorem
validate-bad-id-help = używaj małych liter bez polskich znaków, cyfr i łączników, np. `gyor` albo `2022-hanower`
validate-id-twice = { $what ->
    [country] identyfikator kraju `{ $id }` występuje dwa razy
    [person] identyfikator osoby `{ $id }` występuje dwa razy
    [figure] identyfikator ilustracji `{ $id }` występuje dwa razy
   *[registry] identyfikator `{ $id }` występuje w rejestrze dwa razy
}
validate-id-twice-help = identyfikatory muszą być niepowtarzalne; pierwszy `{ $id }` jest w { $file }; zmień jeden z nich
validate-unknown-id = { $what ->
    [country] nieznany identyfikator kraju `{ $id }`
    [person] nieznany identyfikator osoby `{ $id }`
    [figure] nieznany identyfikator ilustracji `{ $id }`
    [place] nieznany identyfikator miejsca `{ $id }`
    [organisation] nieznany identyfikator organizacji `{ $id }`
    [project] nieznany identyfikator projektu `{ $id }`
    [about] nieznany identyfikator partnera, miejsca, organizacji lub projektu `{ $id }`
    [section-about] nieznany identyfikator partnera, miejsca lub organizacji `{ $id }`
   *[other] nieznany identyfikator `{ $id }`
}
validate-unknown-id-help = dodaj wpis z `id: { $id }` do { $file ->
    [countries] data/registry/countries.yaml
    [people] data/registry/people.yaml
    [figures] `figures:` w tym pliku
   *[registry] rejestru (partners.yaml, places.yaml, organisations.yaml lub projects.yaml)
} albo popraw identyfikator
validate-title-too-long = tytuł rozdziału ma { $chars ->
    [one] 1 znak
    [few] { $chars } znaki
   *[many] { $chars } znaków
}, a może mieć najwyżej { $max }
validate-title-too-long-help = tytuł jest nagłówkiem rozdziału i nazwą jego plików; skróć go (resztę można przenieść do pierwszego akapitu)
validate-agreement-range = `{ $key }:` to jeden dzień, a nie zakres dni
validate-agreement-range-help = wpisz dzień podpisania lub wygaśnięcia dokumentu, np. `{ $key }: { $date }`
validate-agreement-reversed = umowa kończy się przed podpisaniem
validate-document-empty = nazwa dokumentu jest pusta
validate-organisation-no-name = organizacja musi mieć co najmniej jedną nazwę
validate-until-before-since = `until` jest wcześniej niż `since`
validate-project-partner = partner projektu musi mieć `place:` albo oba klucze `name:` i `country:`
validate-year-mismatch = plik dotyczy { $year } r., a zawiera `year: { $says }`
validate-year-mismatch-help = wpisz `year: { $year }` albo zmień nazwę pliku
validate-section-twice = dwie części mają identyfikator `{ $id }`
validate-section-twice-help = nadaj jednej z nich własny `id:`
validate-figure-twice = ilustracja `{ $figure }` jest pokazana dwa razy
validate-figure-twice-help = jest już użyta w `{ $first }`; ilustracja może wystąpić tylko raz
validate-not-a-partner = { $name } nie jest partnerem w { $year } r.
validate-not-a-partner-help = partnerami są tylko miejsca z umową partnerską podpisaną do końca roku; przenieś wydarzenie do innej części za pomocą `section:`
validate-no-such-section = w `sections:` tego roku nie ma części `{ $section }`
validate-no-section-kind = to wydarzenie należy do części `{ $kind }`, a w tym roku takiej nie ma
validate-add-section = dodaj tę część do `sections:`
validate-sections-are = części tego roku to: { $sections }; wskaż jedną w `section:` albo dodaj część
validate-event-no-text = wydarzenie nie ma tekstu
validate-project-partners = `project_partners: true` wymaga projektu w `about:`
validate-total-mismatch = według `total:` spotkań jest { $total }, a wymieniono { $listed }
validate-total-mismatch-help = popraw liczbę albo dopisz brakujące spotkania; gdy wymienione są wszystkie, `total:` można pominąć
validate-no-meetings = podaj spotkania (`meetings:`) albo ich liczbę (`total:`)
validate-meeting-who = spotkanie musi mieć `people:` albo `body:`
validate-no-diplomatic-section = w tym roku są spotkania dyplomatyczne, ale nie ma części `diplomatic`, która je pokaże
validate-no-diplomatic-section-help = dodaj `- kind: diplomatic` do `sections:`
validate-figure-unused = ilustracja `{ $figure }` nie jest nigdzie pokazana
validate-figure-unused-help = wpisz jej identyfikator w `figures:` wydarzenia lub spotkania, które ilustruje
validate-memberships-list = część `memberships` wymaga `list: international` albo `list: national`
validate-not-a-member = `{ $id }` nie jest w { $year } r. na liście członkostw { $list ->
    [international] międzynarodowych
   *[national] krajowych
}
validate-not-a-member-help = sprawdź `memberships:` tej organizacji w organisations.yaml albo usuń tu jej identyfikator
validate-no-abbreviation = `{ $id }` nie ma w { $year } r. skrótu do wydrukowania
validate-no-abbreviation-help = dodaj jej nazwie `short:` w organisations.yaml albo usuń tu jej identyfikator
validate-date-other-year = { $date } nie należy do { $year } r., roku tego pliku
validate-date-other-year-help = wydarzenia z innego roku należą do `years/{ $from }.yaml`; albo popraw datę
validate-unknown-placeholder = nieznany znacznik `{ $placeholder }`
validate-unknown-placeholder-help = znaczniki to `{"{"}lat:ID{"}"}` (lata współpracy) i `{"{"}dekady:ID{"}"}` (to samo, zaokrąglone w dół do dziesiątek)
validate-placeholder-too-young = `{ $placeholder }` w { $year } r.: umowę partnerską z { $name } podpisano w { $signed } r., więc współpraca nie trwa jeszcze roku
validate-placeholder-too-young-help = znacznika można używać od { $from } r.; w { $year } r. napisz tekst bez niego
validate-placeholder-under-ten = `{ $placeholder }` w { $year } r.: współpraca z { $name } trwa { $years ->
    [one] 1 rok
    [few] { $years } lata
   *[many] { $years } lat
}, mniej niż dziesięć, więc wydrukowałoby się „ponad 0-letniej”
validate-placeholder-under-ten-help = napisz zamiast tego `{ $instead }`, co wydrukuje samą liczbę lat
validate-placeholder-needs-partner = `{ $placeholder }` wymaga identyfikatora partnera z umową partnerską
validate-lang-marks-help = oznacz wyrażenie w innym języku jako `[en]Future Mentors[/en]`
validate-alt-file-name = tekst alternatywny `{ $alt }` wygląda jak nazwa pliku
validate-alt-file-name-help = opisz jednym zdaniem, co przedstawia zdjęcie, dla osób, które go nie widzą
validate-alt-repeats-caption = tekst alternatywny powtarza podpis
validate-alt-repeats-caption-help = podpis i tak zostanie odczytany; napisz, co przedstawia zdjęcie
validate-alt-missing = ilustracja ze zdjęciem musi mieć tekst alternatywny `alt:`
validate-alt-missing-help = opisz, co przedstawia zdjęcie, dla osób, które go nie widzą
validate-figure-empty = ilustracja nie ma zdjęcia, podpisu ani źródła

## Images (src/image_file.rs), PDF glyphs (src/glyphs.rs), language marks (src/text.rs)

image-path-empty = ścieżka zdjęcia jest pusta
image-path-empty-help = podaj ścieżkę zdjęcia, np. `images/2023/wizyta.jpg`, albo pomiń `image:`, dopóki zdjęcia nie ma
image-path-spaces = ścieżka zdjęcia `{ $path }` zaczyna się lub kończy spacją
image-path-spaces-help = usuń spacje wokół ścieżki (i z nazwy pliku, jeśli je ma)
image-backslash-help = foldery oddzielaj znakiem `/`, np. `images/2023/wizyta.jpg`
image-rename-help = zmień nazwę pliku (i jego folderów), używając liter, cyfr, spacji, `-`, `_`, `.` i `( )`, i wpisz tu nową nazwę
image-bad-char = ścieżka zdjęcia `{ $path }` zawiera znak { $char }: { $why ->
    [markdown] ginie on przy odczytywaniu Markdownu rozdziału
    [windows] Windows nie dopuszcza go w nazwach plików
    [control] to niewidoczny znak sterujący
   *[formatting] to niewidoczny znak formatujący
}
image-outside = ścieżka zdjęcia `{ $path }` wskazuje poza folder z danymi
image-outside-help = umieść zdjęcia w folderze z danymi (np. `images/2023/`) i podaj ścieżkę względem niego
image-missing = zdjęcie `{ $path }` nie istnieje
image-missing-help = ścieżka jest liczona od folderu z danymi `{ $folder }`
image-link-outside = zdjęcie `{ $path }` jest dowiązaniem do `{ $target }`, poza folderem z danymi
image-link-outside-help = skopiuj plik do folderu z danymi zamiast tworzyć dowiązanie
image-not-a-file = `{ $path }` nie jest plikiem
image-not-a-file-help = podaj ścieżkę samego zdjęcia, np. `images/2023/wizyta.jpg`
image-too-large = zdjęcie `{ $path }` jest za duże ({ $mb } MB; najwyżej { $max } MB)
image-too-large-help = zmniejsz zdjęcie do szerokości około 2000 pikseli i zapisz je jako JPEG; będzie miało kilkaset KB
image-unreadable = nie można odczytać zdjęcia `{ $path }`: { $cause }
image-unreadable-help = sprawdź, czy plik nie jest otwarty w innym programie i czy masz prawo go odczytać
image-check-file = sprawdź plik
image-resave = otwórz je w programie graficznym i zapisz ponownie jako JPEG (zdjęcia) lub PNG (rysunki, logo)
image-format = zdjęcie `{ $path }` jest plikiem { $format }; do wszystkich formatów rozdziału nadają się tylko JPEG i PNG
image-not-an-image = plik `{ $path }` nie jest obrazem JPEG ani PNG
image-not-an-image-help = otwórz go w programie graficznym i zapisz ponownie jako JPEG (zdjęcia) lub PNG (rysunki, logo); zmiana rozszerzenia na `.jpg` nie przekształca pliku
image-16-bit = zdjęcie `{ $path }` to PNG z 16 bitami na kolor, którego PDF nie pomieści
image-16-bit-help = zapisz je jako PNG z 8 bitami na kolor (w GIMP-ie: Obraz → Precyzja → 8-bitowa liczba całkowita) albo jako JPEG
image-jpeg-kind = zdjęcie `{ $path }` to odmiana JPEG (bezstratna, z kodowaniem arytmetycznym lub 12-bitowa), której nie da się odczytać
image-cut-off = zdjęcie `{ $path }` jest niekompletne: plik kończy się za wcześnie
image-cut-off-help = plik został ucięty przy kopiowaniu lub pobieraniu; skopiuj lub wyeksportuj go jeszcze raz
image-damaged = zdjęcie `{ $path }` jest uszkodzone
image-damaged-help = skopiuj lub wyeksportuj plik jeszcze raz; jeśli to nie pomoże, otwórz go w programie graficznym i zapisz ponownie
image-too-many-pixels = zdjęcie `{ $path }` ma { $width } × { $height } pikseli; można użyć najwyżej { $max } mln pikseli
image-too-many-pixels-help = zmniejsz zdjęcie do szerokości około 2000 pikseli; to w zupełności wystarczy do druku
glyphs-missing = czcionka PDF nie ma znaku { $chars } w „{ $text }”
glyphs-missing-help = zastąp znak takim, który czcionka ma (litery łacińskie z dowolnymi znakami diakrytycznymi, greckie, cyrylica, typowe znaki przestankowe), albo pomiń PDF (--format md lub html)
text-mark-nested = `[{ $lang }]` zaczyna się wewnątrz `[{ $open }]`, które nie jest jeszcze zamknięte
text-mark-mismatch = `[/{ $lang }]` zamyka `[{ $open }]`; napisz `[/{ $open }]`
text-mark-unopened = `[/{ $lang }]` nie ma przed sobą pasującego `[{ $lang }]`
text-mark-unclosed = `[{ $open }]` nie jest zamknięte: dopisz `[/{ $open }]` po wyrażeniu

## The chapter and its templates (src/chapter/)

chapter-no-years = brak
chapter-start-year = aby zacząć { $year } r., uruchom `report-gen new-year { $year } --data { $folder }`
chapter-not-a-year = { $year } nie jest rokiem raportu: podaj rok czterema cyframi, np. `--year 2024`
chapter-no-data = nie ma danych za { $year } r.
chapter-no-data-help = lata z danymi: { $years }; { $next }
chapter-figure-no-photo = ilustracja „{ $figure }” nie ma zdjęcia: zostaje pominięta w rozdziale
chapter-figure-no-photo-help = dodaj jej `image:` (plik JPEG lub PNG w folderze z danymi) albo zobacz, gdzie się znajdzie, za pomocą `build --draft`
templates-no-folder = folder szablonów `{ $folder }` nie istnieje (zapisz w nim wbudowane szablony poleceniem `report-gen templates export { $folder }`)
templates-no-builtin = nie ma wbudowanego pliku `{ $name }`
templates-builtin-origin = (wbudowany) templates/{ $name }
templates-undefined = szablon używa czegoś, co nie istnieje: { $detail }
templates-syntax = błąd składni szablonu: { $detail }
templates-not-found = nie znaleziono szablonu: { $detail }
templates-out-of-fuel = szablon nie skończył pracy: wykonał ponad { $millions } mln kroków (pętla bez końca?)
templates-too-much-output = szablon wypisał za dużo: ponad { $mb } MB (pętla powtarzająca swój wynik?)
templates-failed = szablon zgłosił błąd: { $detail }
templates-loop-help = poszukaj pętli, której koniec zależy od czegoś, co się nie zmienia, albo pętli w pętlach po długich listach; porównaj z wbudowanym szablonem (`report-gen templates export DIR`)
templates-help = porównaj z wbudowanym szablonem (`report-gen templates export DIR`); nazwy, których szablon może używać, są wymienione na jego początku
templates-bad-name = nazwa szablonu `{ $name }` jest niedozwolona: szablony są czytane tylko z folderu szablonów; podaj nazwę w tym folderze, np. `part.md.j2` albo `parts/list.md.j2`, bez `/` na początku, `..` i `\`
templates-unreadable = nie można odczytać szablonu `{ $file }`: { $cause }
templates-link-outside = szablon `{ $file }` jest dowiązaniem do `{ $target }`, poza folderem szablonów; skopiuj plik do folderu
templates-too-large = szablon `{ $file }` jest za duży ({ $kb } KB; najwyżej { $max } KB)

## lint (src/lint/)

lint-alt-file-name = tekst alternatywny „{ $alt }” wygląda jak nazwa pliku
lint-alt-repeats-caption = tekst alternatywny „{ $alt }” powtarza podpis
lint-alt-repeats-caption-help = podpis i tak zostanie odczytany; napisz, co przedstawia zdjęcie: kto, gdzie, co robi
lint-alt-too-short = tekst alternatywny „{ $alt }” jest za krótki, by opisać zdjęcie
lint-alt-too-short-help = napisz krótkim zdaniem, co przedstawia zdjęcie: kto, gdzie, co robi (np. „Prezydent i burmistrz Changwon podpisują memorandum przy stole w Sali Błękitnej”)
lint-in-context = , w „{ $excerpt }”
lint-somewhere-here = {" "}(gdzieś w tekście, który zaczyna się tutaj)
lint-officially = oficjalnie „{ $official }” (w dopełniaczu „{ $genitive }”)
lint-declined = w narzędniku: „{ $form }”
lint-write = napisz „{ $right }”
lint-alias = { $what ->
    [country] nieoficjalna nazwa kraju: „{ $found }”
   *[misspelled] błędnie zapisana nazwa: „{ $found }”
}
lint-near-miss = „{ $word }” wygląda na błędny zapis nazwy „{ $name }”
lint-near-miss-help = jeśli chodzi o „{ $name }”, popraw zapis; jeśli to inna nazwa, dodaj ją do rejestru
lint-straight-quote = prosty cudzysłów "
lint-straight-quote-help = użyj polskiego cudzysłowu: „tekst” (albo oznacz tekst angielski jako [en]…[/en])
lint-english-quote = angielski cudzysłów otwierający “
lint-english-quote-help = polski cudzysłów otwiera się na dole: „tekst”
lint-apostrophe = prosty apostrof w „{ $word }”
lint-apostrophe-help = wpisz apostrof typograficzny ’: „{ $fixed }”
lint-hyphen-space = łącznik ze spacją po nim: „{ $found }”
lint-hyphen-space-help = napisz „{ $fixed }” bez spacji (łącznik ze spacją jest poprawny tylko, gdy pominięto część wyrazu: „krótko- i długofalowe”)
lint-hyphen-dash = łącznik „-” użyty zamiast myślnika
lint-hyphen-dash-help = użyj półpauzy ze spacjami z obu stron: „Poznań – Berlin” (znak –)
lint-double-space = dwie spacje z rzędu
lint-double-space-help = zostaw jedną spację
lint-space-before = spacja przed „{ $char }”
lint-space-before-help = usuń spację: „{ $char }” stawia się tuż po wyrazie
lint-min-colon = w „m.in:” brakuje kropki skrótu
lint-min-colon-help = napisz „m.in.:” (albo pomiń dwukropek)
lint-min-space = brak spacji po „m.in.”
lint-min-space-help = wstaw spację po „m.in.”
lint-city-genitive = „Miasta { $city }” w zdaniu: nazwa nie jest odmieniona
lint-city-genitive-help = napisz „Miasta { $genitive }” (nazwa miasta w dopełniaczu)

## Writing files (src/output/, src/scaffold/)

output-exist = te pliki już istnieją: { $files }
output-mixed = { $error }; przywrócenie wcześniejszych plików także się nie powiodło ({ $rollback }), więc w „{ $folder }” mogą być nowe pliki: uruchom polecenie ponownie, aby je przywrócić
output-cannot-write = nie można zapisać `{ $file }`
output-cannot-write-into = nie można zapisywać w folderze `{ $folder }`
output-cannot-replace = nie można zastąpić `{ $file }`
output-cannot-finish = nie można dokończyć zapisywania w `{ $folder }`
output-cannot-remove-journal = nie można usunąć dziennika zapisu
output-cannot-roll-back = wcześniejsze zapisywanie do `{ $folder }` zostało przerwane i nie można wycofać jego plików
output-cannot-read-folder = nie można odczytać folderu `{ $folder }`
output-cannot-remove-old = nie można usunąć starego pliku `{ $file }`
output-locked = inny report-gen zapisuje do `{ $folder }` i nie skończył w ciągu { $seconds } s; poczekaj, aż skończy (albo go zatrzymaj), i uruchom polecenie ponownie
output-cannot-lock = nie można zablokować `{ $folder }` do zapisu
output-cannot-look = nie można sprawdzić `{ $file }`
output-is-a-folder = `{ $file }` jest folderem, więc nie można zapisać pliku o tej nazwie; zmień nazwę folderu albo go przenieś
output-read-only = `{ $file }` jest tylko do odczytu, więc nie zostanie zastąpiony; zezwól na zapis (albo usuń plik), aby go zastąpić
output-cannot-create-temporary = nie można utworzyć pliku tymczasowego w `{ $folder }`
output-file-in-the-way = `{ $file }` jest plikiem, więc nie można utworzyć folderu `{ $folder }`; zmień nazwę pliku, przenieś go albo wybierz inny folder
output-cannot-create-folder = nie można utworzyć folderu `{ $folder }`
output-cannot-read = nie można odczytać `{ $file }`
output-journal-unreadable = nie można odczytać `{ $file }` (pozostałość po przerwanym działaniu report-gen); przenieś go gdzie indziej, aby zachować pliki w obecnej postaci
output-cannot-restore = nie można przywrócić `{ $file }`
output-cannot-sync = nie można zsynchronizować `{ $folder }`
scaffold-file-exists = plik już istnieje

## The writers (src/html/, src/docx/, src/pdf/)

writer-in-figure = w ilustracji „{ $caption }”
writer-in-figure-caption = w podpisie ilustracji „{ $caption }”
writer-in-figure-credit = w źródle ilustracji „{ $caption }”
writer-in-figure-image = w zdjęciu ilustracji „{ $path }”
writer-in-heading = w nagłówku „{ $heading }”
writer-in-table = w tabeli { $number } „{ $caption }”
writer-bad-language = język dokumentu „{ $tag }” nie jest oznaczeniem języka takim jak „pl”
docx-too-large = dokument Word ma ponad 4 GB; zmniejsz zdjęcia ilustracji
docx-too-many-parts = dokument Word ma zbyt wiele części
html-style-end = arkusz stylów zawiera „</style”, co przedwcześnie zakończyłoby element <style>; usuń to
html-cannot-load-page = nie można wczytać szablonu strony { $name }
html-cannot-render-page = nie można wypełnić szablonu strony { $name }
html-anchor-twice = dwa nagłówki mają tę samą kotwicę „{ $id }”; kotwice muszą być niepowtarzalne
pdf-cannot-draw = czcionki PDF nie mają znaku { $chars } w tekście „{ $text }”; zastąp znak albo zapisz tekst literami łacińskimi
pdf-in-a-figure = w ilustracji rozdziału
pdf-cannot-decode = nie można odczytać zdjęcia ilustracji { $file } (oczekiwano PNG lub JPEG): { $cause }
html-h1-count = rozdział ma { $count ->
    [one] 1 nagłówek
    [few] { $count } nagłówki
   *[many] { $count } nagłówków
} 1. poziomu, a musi mieć dokładnie jeden – tytuł rozdziału („# { $title }” w szablonie treści)
scaffold-no-data-folder = folder z danymi `{ $folder }` nie istnieje; podaj właściwy w `--data DIR` albo załóż nowy zestaw danych poleceniem `report-gen init { $folder }`
limits-output-too-large = wynik ma ponad { $mb } MB
limits-not-utf8 = szablon wytworzył tekst, który nie jest w kodowaniu UTF-8

## The page of `serve` (src/cli/serve/page.rs, preview.js); {"{"}n{"}"}, {"{"}time{"}"}, {"{"}message{"}"} are filled in by the page.

serve-ui-waiting-title = report-gen: nie ma jeszcze rozdziału
serve-ui-waiting = Nie ma jeszcze rozdziału do pokazania: dane mają problemy (wymienione wyżej). Popraw je i zapisz plik; ta strona sama pokaże rozdział.
serve-ui-pdf-title = PDF za { $year } r.: podgląd report-gen
serve-ui-pdf-frame = Rozdział za { $year } r. w PDF
serve-ui-year = Rok:
serve-ui-chapter-of = Rozdział za { $year } r.
serve-ui-pdf-file = Plik PDF
serve-ui-markdown-of = Markdown za { $year } r.
serve-ui-pdf-of = PDF za { $year } r.
serve-ui-bar-label = podgląd report-gen
serve-ui-preview = Podgląd
serve-ui-connecting = łączenie…
serve-ui-cannot-make = Nie można utworzyć rozdziału
serve-ui-not-rebuilt = Nie udało się utworzyć rozdziału ponownie
serve-ui-beneath = Pod spodem jest ostatni poprawny rozdział.
serve-ui-hide = Ukryj do następnego zapisu
serve-ui-fix = Popraw plik i zapisz go: ta strona odświeży się sama.
serve-ui-first-shown = (pokazano pierwsze {"{"}n{"}"})
serve-ui-hidden = problemy ukryte: pojawią się znowu po następnym zapisie
serve-ui-not-rebuilt-at = nie utworzono ponownie o {"{"}time{"}"}
serve-ui-could-not-update = nie udało się zaktualizować: {"{"}message{"}"}
serve-ui-up-to-date = aktualne ({"{"}time{"}"})
serve-ui-not-connected = brak połączenia z report-gen: czy `report-gen serve` nadal działa?

## Comments written into new files (src/scaffold/); each line starts with "# ".

scaffold-placeholder-note =
    # Miasto poniżej to nazwa zastępcza („{ $city }”): wpisz w `city`, `city_genitive`, `office`,
    # `office_abbreviation` i `report_title` dane swojego miasta.
scaffold-sections-header =
    # Te same części co w { $year } r. Teksty napisane na { $year } r. (intro, outro …) są poniżej
    # jako komentarze: aby użyć któregoś, usuń „# ” na początku jego wierszy i napisz go od nowa.
cli-templates-help-about = Wyświetla tę pomoc albo pomoc podanego polecenia.
cli-hint-year-digits = wskazówka: rok ma cztery cyfry, np. 2024
cli-error-conflict = „{ $arg }” nie można użyć razem z „{ $other }”
cli-hint-number = wskazówka: wpisz tu liczbę całkowitą

## Added when merging the session's branches

lint-near-miss-form-help = jeśli chodzi o „{ $form }” (formę nazwy „{ $name }”), popraw zapis; jeśli to inna nazwa, dodaj ją do rejestru
templates-undefined-help = sprawdź pisownię nazwy (`year`, nie `yaer`): nazwy, których szablon może używać, są wymienione na początku wbudowanego szablonu (`report-gen templates export DIR`)
templates-undefined-name = `{ $name }` nie jest zdefiniowane
templates-unclosed-tag = znacznik otwarty przez `{ $open }` w tym wierszu nie jest zamknięty przez `{ $close }` ({ $detail })
pdf-images-too-many-pixels = zdjęcia rozdziału mają razem ponad { $millions } mln pikseli (przekroczone przy { $path }); zmniejsz zdjęcia do około 2000 pikseli szerokości
validate-accent-not-a-colour = „{ $color }” nie jest kolorem
validate-accent-not-a-colour-help = zapisz kolor jako # i sześć cyfr szesnastkowych, w cudzysłowie: `accent_color: "#1f4e79"` (albo usuń ten wiersz, a nagłówki będą w domyślnym niebieskim)
validate-accent-too-light = kolor { $color } jest za jasny na nagłówki: jego kontrast z białym tłem to { $contrast }:1, a potrzeba co najmniej { $min }:1 (WCAG AA)
validate-accent-too-light-help = wybierz ciemniejszy odcień, np. `#1f4e79` (8,66:1)

## YAML slips explained (src/data/yaml_hints.rs). $spaces: a number of spaces; $line: the corrected line.

yaml-hint-colon-in-text = dwukropek ze spacją w tekście `{ $key }` („{ $before }:”): YAML odczytuje go jako początek kolejnego klucza
yaml-hint-colon-in-text-help = ujmij cały tekst w cudzysłów: `{ $quoted }` albo wpisz `{ $key }: >-`, a tekst w następnym wierszu, wcięty o dwie spacje więcej
yaml-hint-misaligned-key = `{ $key }` zaczyna się w kolumnie { $column }, a `{ $above }` nad nim (wiersz { $above_line }) – w kolumnie { $above_column }: klucze jednego wpisu muszą zaczynać się w tej samej kolumnie
yaml-hint-misaligned-key-help = ustaw wcięcie na { $spaces } { $spaces ->
    [one] spację
    [few] spacje
   *[many] spacji
}: `{ $line }`
yaml-hint-missing-colon = po kluczu `{ $key }` brakuje dwukropka
yaml-hint-missing-colon-help = wpisz `{ $line }`
yaml-hint-quote-then-text = tekst `{ $key }` zaczyna się cudzysłowem, więc YAML uznaje `{ $quoted }` za cały tekst i nie spodziewa się po nim „{ $after }”
yaml-hint-quote-then-text-help = użyj polskiego cudzysłowu, który nie wymaga niczego więcej: `{ $line }`
yaml-hint-under-indented = ten wiersz jest dalszym ciągiem tekstu `{ $key }` (wiersz { $key_line }), ale jest wcięty o { $spaces } { $spaces ->
    [one] spację
    [few] spacje
   *[many] spacji
}, mniej niż ten tekst
yaml-hint-under-indented-help = ustaw wcięcie na { $spaces } { $spaces ->
    [one] spację
    [few] spacje
   *[many] spacji
}, jak w tekście powyżej: `{ $line }`

## lint: list items and local names (src/lint/items.rs, src/lint/names.rs)

lint-item-capital-start = element listy zaczyna się wielką literą: „{ $word }”
lint-item-capital-start-help = element listy jest dalszym ciągiem zdania (po dacie: „4 kwietnia – { $lower } …;”, a w tematach spotkania – po „;”): napisz „{ $lower }” (wielką literę zostaw tylko w nazwie własnej)
lint-item-capital-after-semicolon = wielka litera po „;” w elemencie listy: „{ $word }”
lint-item-capital-after-semicolon-help = po średniku zdanie toczy się dalej: napisz „; { $lower }”
lint-item-new-sentence = nowe zdanie w elemencie listy: „. { $word }”
lint-item-new-sentence-help = element listy to jedno zdanie zakończone „;”: napisz „; { $lower }” (albo opisz to jako osobne wydarzenie)
lint-local-name = „{ $word }” to nazwa oryginalna; w polskim tekście powinno być „{ $polish }”
lint-local-name-help = napisz { $write }; nazwę oryginalną użytą celowo oznacz [de]…[/de]
lint-local-name-declined = „{ $polish }” w formie, której wymaga zdanie
lint-local-name-forms = { $forms } (forma nazwy „{ $polish }”, której wymaga to zdanie)
lint-local-name-or = {" "}lub{" "}

## Checking the data, added by the traps and mdaccess branches (src/data/validate.rs)

validate-country-no-genitive = kraj `{ $country }` osoby `{ $person }` nie ma oficjalnej nazwy w dopełniaczu: w rozdziale byłoby „{ $printed }”
validate-country-no-genitive-help = w pliku data/registry/countries.yaml dopisz do wpisu `- id: { $country }` wiersz `  official_genitive: …` z oficjalną nazwą kraju w dopełniaczu, tak jak `{ $example_id }` ma `official_genitive: { $example }`
validate-summary-above-heading = `summary_above_heading` można ustawić tylko w części `partners` (określa, gdzie stoi zdanie o liczbie partnerów)
validate-summary-above-heading-help = usuń ten wiersz albo przenieś go do części `- kind: partners`
validate-count-false-unused = `count: false` nic nie zmienia w części `{ $kind }`: ta część nie podaje żadnej liczby
validate-count-false-unused-help = usuń ten wiersz; `count` dotyczy tylko części `partners`, `memberships` i `diplomatic`
validate-photo-too-large = zdjęcie ma { $width } × { $height } pikseli – więcej, niż potrzeba do druku ({ $megabytes } MB w każdym formacie rozdziału)
validate-photo-too-large-help = zmniejsz je do około 2000 pikseli na dłuższym boku (w Windows: Zdjęcia → Zmień rozmiar; w GIMP-ie: Obraz → Skaluj obraz) i zapisz jako JPEG; rozdział będzie mniejszy i będzie wyglądał tak samo; zgłaszane są zdjęcia, które mają ponad { $side } pikseli
validate-images-over-limit = z tym zdjęciem ilustracje roku przekraczają limit jednego rozdziału: razem { $megabytes } MB plików i { $millions } mln pikseli
validate-images-over-limit-help = zmniejsz zdjęcia do szerokości około 2000 pikseli, po kilkaset KB każde
build-images-over-limit = zdjęcia rozdziału zajmują razem ponad { $megabytes } MB (zdjęcie liczy się tyle razy, ile razy jest pokazane; limit przekroczono przy { $path }); zmniejsz zdjęcia do szerokości około 2000 pikseli, po kilkaset KB każde

## table and the memory bound of templates (src/cli/build.rs, src/cli/report.rs)

table-xlsx-to-terminal = skoroszyt xlsx to plik dla Excela, a nie tekst do wyświetlenia w terminalu: podaj w --output plik do zapisania
table-xlsx-to-terminal-help = na przykład `report-gen table --year { $year } --format xlsx --output umowy-{ $year }.xlsx`
table-output-is-folder = --output `{ $path }` wskazuje folder, a nie plik: podaj plik do zapisania, na przykład --output umowy.xlsx
templates-memory-exceeded = szablon `{ $template }` potrzebuje ponad { $gigabytes } GB pamięci, więc został zatrzymany; żaden plik nie został zapisany ani zmieniony
templates-memory-exceeded-help = pętla lub makro w szablonie ciągle dołącza do tekstu jego kopię (`s ~ s`, `replace`); wypisz każdy fragment tylko raz
table-xlsx-internal = błąd wewnętrzny: nie udało się utworzyć arkusza
table-xlsx-internal-properties = błąd wewnętrzny: nie udało się zapisać właściwości arkusza
table-xlsx-cell-too-long = pole „{ $field ->
    [name] nazwa
    [country] kraj
    [document] dokument
    [signed] data podpisania
   *[scope] zakres współpracy
}” dla `{ $place }` ma { $length } { $length ->
    [one] znak
    [few] znaki
   *[many] znaków
}, więcej, niż mieści komórka Excela ({ $max }): skróć je w registry/partners.yaml (albo użyj --format csv, w którym nie ma limitu)

## Command line, added by the traps and sheets branches (src/cli/mod.rs, src/cli/build.rs)

cli-check-year_flag = (Jak ROK.)
cli-lint-year_given = Rok raportu (można też napisać `--year 2024`): tylko teksty z tego roku i rejestr.
cli-serve-year_given = Rok pokazywany na początku (można też napisać `--year 2024`).
check-takes-no-year = `check` sprawdza naraz wszystkie lata w danych, więc nie przyjmuje roku
check-takes-no-year-help = uruchom `report-gen check`; aby sprawdzić tylko teksty z { $year } r., użyj `report-gen lint { $year }`
cli-lint-year = Rok raportu (można go też podać bez `--year`: `lint 2024`).

## Comments written into new-year files, added by the traps branch (src/scaffold/)

scaffold-add-person-first = najpierw dodaj tę osobę do registry/people.yaml
scaffold-sections-missing =
    Części, których nie było w { $year } r. Aby pokazać którąś, usuń „# ” na początku jej
    wierszy (w VS Code: zaznacz je i naciśnij Ctrl+/) i przenieś ją w odpowiednie miejsce.
scaffold-section-had-notes = (w { $year } r. były tu też `notes` lub `figures`; w razie potrzeby dodaj tegoroczne.)
scaffold-dates-comment = { $style ->
    [memberships] działania są drukowane bez dat; true: najpierw „9–11 maja – …”
    [list] `list` drukuje daty dni („9–11 maja – …”); false: bez dat
    [paragraphs] `paragraphs` nie drukuje dat; true: najpierw „9–11 maja – …”
   *[by_entity] `by_entity`: daty tylko w listach wydarzeń bez tytułu; true: wszędzie
}
