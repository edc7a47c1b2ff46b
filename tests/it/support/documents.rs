//! Test fixtures shared by the PDF writer tests and the `pdf_render` example.

use report_gen::doc::{Block, Document, Figure, Inline, Table};

fn t(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

/// The fifteen partner agreements, with long scope texts as in the 2018 chapter.
pub const PARTNERS: [(&str, &str, &str); 15] = [
    ("Assen, Holandia", "Umowa o\u{a0}współpracy, 11.11.1991\u{a0}r.", "Wymiana doświadczeń w\u{a0}zakresie administracji samorządowej, kultura, sport, edukacja, wymiana młodzieży"),
    ("Brno, Czechy", "Umowa o\u{a0}współpracy, 16.09.1966\u{a0}r.", "Kultura, sport, administracja, gospodarka, turystyka, wymiana doświadczeń w\u{a0}dziedzinie transportu publicznego"),
    ("Charków, Ukraina", "Umowa o\u{a0}współpracy, 27.09.1998\u{a0}r.", "Gospodarka, nauka, kultura, ochrona zdrowia, sport, turystyka, kontakty między organizacjami pozarządowymi"),
    ("Győr, Węgry", "Umowa o\u{a0}partnerstwie, 31.01.2008\u{a0}r.", "Kultura, sport, edukacja, działalność samorządowa, współpraca gospodarcza i\u{a0}turystyczna"),
    ("Hanower, Niemcy", "Umowa o\u{a0}współpracy, 25.11.1979\u{a0}r.", "Współpraca w\u{a0}dziedzinie gospodarki, kultury, sportu, nauki, ochrony środowiska, polityki społecznej i\u{a0}administracji"),
    ("Jyväskylä, Finlandia", "Umowa o\u{a0}współpracy, 12.05.1991\u{a0}r.", "Edukacja, kultura, sport, gospodarka, wymiana studentów i\u{a0}pracowników uczelni, innowacje w\u{a0}usługach publicznych"),
    ("Kuopio, Finlandia", "Umowa o\u{a0}współpracy, 16.10.1993\u{a0}r.", "Edukacja, kultura, ochrona zdrowia, technologie środowiskowe, sport"),
    ("Lwów, Ukraina", "Umowa o\u{a0}współpracy, 15.04.2013\u{a0}r.", "Rozwój gospodarczy, kultura, edukacja, ochrona zabytków, turystyka, polityka społeczna, wymiana doświadczeń administracji"),
    ("Nanning, Chiny", "Umowa o\u{a0}nawiązaniu stosunków partnerskich, 12.12.1997\u{a0}r.", "Gospodarka, handel, nauka i\u{a0}technika, kultura, edukacja, ochrona zdrowia, sport"),
    ("Nottinghamshire, Wielka Brytania", "Karta o\u{a0}partnerstwie, 23.09.1994\u{a0}r.", "Popieranie związków między uczelniami, edukacja gospodarcza i\u{a0}szkolenia, promocja turystyki, urbanistyka, doinwestowanie i\u{a0}ochrona istniejącego przemysłu, rozwój więzi gospodarczych, usługi socjalne, zagadnienia transportowe, ochrona energii"),
    ("Pozuelo de Alarcón, Hiszpania", "Umowa o\u{a0}partnerstwie, 06.10.2009\u{a0}r.", "Kultura, sport, edukacja, wymiana młodzieży, turystyka, polityka społeczna"),
    ("Ra’anana, Izrael", "Umowa o\u{a0}partnerstwie, 04.09.2013\u{a0}r.", "Innowacje, nowe technologie, przedsiębiorczość, edukacja, kultura, sport"),
    ("Rennes, Francja", "Umowa o\u{a0}partnerstwie, 24.10.1998\u{a0}r.", "Kultura, edukacja, szkolnictwo wyższe, nauka, gospodarka, sprawy społeczne, współpraca instytucji kultury"),
    ("Szeged, Węgry", "Umowa o\u{a0}współpracy, 19.08.2011\u{a0}r.", "Kultura, edukacja, sport, turystyka, gospodarka"),
    ("Toledo, Stany Zjednoczone", "Umowa o\u{a0}współpracy, 08.09.1991\u{a0}r.", "Gospodarka, edukacja, kultura, wymiana młodzieży i\u{a0}ekspertów, ochrona zdrowia, rozwój przedsiębiorczości, programy wymiany studentów"),
];

const EVENTS: [&str; 8] = [
    "W\u{a0}dniach 15–17\u{a0}lipca delegacja Miasta Poznania przebywała w\u{a0}Hanowerze, gdzie rozmawiano o\u{a0}rozwoju transportu publicznego, ochronie klimatu i\u{a0}wspólnych projektach młodzieżowych realizowanych przez szkoły obu miast.",
    "Przedstawiciele Wydziału Sportu wzięli udział w\u{a0}zawodach „Brno Cup”, podczas których zawodnicy z\u{a0}Poznania zdobyli cztery medale, a\u{a0}trenerzy wymienili się doświadczeniami dotyczącymi szkolenia młodzieży.",
    "W\u{a0}kwietniu 2018\u{a0}r. gościliśmy w\u{a0}Poznaniu delegację z\u{a0}Jyväskylä; rozmowy dotyczyły cyfryzacji usług publicznych, edukacji przedszkolnej oraz współpracy uczelni technicznych.",
    "Podczas Dni Węgierskich w\u{a0}Győr zaprezentowano ofertę turystyczną Poznania, a\u{a0}poznańscy artyści wystąpili na scenie plenerowej przed kilkutysięczną publicznością.",
    "Miasto uczestniczyło w\u{a0}pracach sieci Eurocities, w\u{a0}szczególności w\u{a0}forach kultury, środowiska i\u{a0}spraw społecznych, dzieląc się doświadczeniami z\u{a0}wdrażania budżetu obywatelskiego.",
    "Z\u{a0}okazji jubileuszu współpracy z\u{a0}Rennes zorganizowano wystawę fotograficzną „Dwa miasta – jedna Europa”, którą w\u{a0}ciągu miesiąca obejrzało ponad 12\u{a0}000 osób.",
    "Delegacja z\u{a0}Nottinghamshire zapoznała się z\u{a0}poznańskimi rozwiązaniami w\u{a0}zakresie rewitalizacji terenów poprzemysłowych i\u{a0}odwiedziła Międzynarodowe Targi Poznańskie.",
    "Młodzież z\u{a0}Pozuelo de Alarcón i\u{a0}Poznania spotkała się na tygodniowych warsztatach językowych, zakończonych wspólnym koncertem w\u{a0}Centrum Kultury Zamek.",
];

/// A 2018-like chapter: about six pages of text, lists, a figure and the 15-row agreement table.
pub fn chapter_2018() -> Document {
    let mut doc = Document::sample();
    let mut blocks = vec![
        Block::Heading { level: 1, id: "wspolpraca".into(), content: t("Współpraca międzynarodowa") },
        Block::Paragraph(vec![
            Inline::Text("W\u{a0}2018\u{a0}r. Miasto Poznań kontynuowało współpracę z\u{a0}14\u{a0}miastami partnerskimi i\u{a0}Hrabstwem Nottinghamshire. ".into()),
            Inline::Strong(t("Ponad 50-letnia współpraca")),
            Inline::Text(" z\u{a0}Brnem pozostaje najdłuższą z\u{a0}nich, a\u{a0}".into()),
            Inline::Emphasis(t("memorandum")),
            Inline::Text(" z\u{a0}miastem Changwon otworzyło nowy rozdział kontaktów z\u{a0}Azją.".into()),
        ]),
    ];
    // The agreement table comes early, so it starts mid-page and continues on the next one.
    blocks.push(Block::Heading {
        level: 2,
        id: "umowy".into(),
        content: t("Umowy partnerskie"),
    });
    blocks.push(Block::Paragraph(t("Poniższa tabela przedstawia wszystkie obowiązujące umowy partnerskie Miasta Poznania wraz z\u{a0}zakresem współpracy.")));
    blocks.push(Block::Table(agreement_table()));
    for (s, section) in [
        "Współpraca z\u{a0}miastami partnerskimi",
        "Organizacje międzynarodowe",
        "Projekty europejskie",
    ]
    .iter()
    .enumerate()
    {
        blocks.push(Block::Heading {
            level: 2,
            id: format!("sekcja-{s}"),
            content: t(section),
        });
        for (p, (city, _, _)) in PARTNERS.iter().enumerate().skip(s * 5).take(5) {
            blocks.push(Block::Heading {
                level: 3,
                id: format!("p-{p}"),
                content: t(city),
            });
            blocks.push(Block::Paragraph(t(EVENTS[p % EVENTS.len()])));
            blocks.push(Block::Paragraph(t(EVENTS[(p + 3) % EVENTS.len()])));
            if p % 2 == 0 {
                blocks.push(Block::Paragraph(t(EVENTS[(p + 5) % EVENTS.len()])));
            }
            if p % 3 == 0 {
                blocks.push(Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![
                        vec![Block::Paragraph(t(
                            "15–17\u{a0}lipca – wizyta studyjna dotycząca transportu publicznego;",
                        ))],
                        vec![
                            Block::Paragraph(t(
                                "30\u{a0}czerwca – 2\u{a0}lipca – spotkanie robocze:",
                            )),
                            Block::List {
                                ordered: true,
                                start: 1,
                                items: vec![
                                    vec![Block::Paragraph(t("przegląd wspólnych projektów,"))],
                                    vec![Block::Paragraph(t("plan działań na kolejny rok."))],
                                ],
                            },
                        ],
                    ],
                });
            }
        }
    }
    blocks.push(Block::Figure(Figure {
        image: None,
        alt: "Prezydent rozmawiający z\u{a0}nadburmistrzem Hanoweru".into(),
        caption: t("Wizyta nadburmistrza Hanoweru w\u{a0}Poznaniu"),
        credit: Some(t("Źródło: UMP")),
    }));
    blocks.push(Block::Heading {
        level: 2,
        id: "kontakty".into(),
        content: t("Kontakty dyplomatyczne"),
    });
    for e in EVENTS.iter().rev().chain(EVENTS.iter()) {
        blocks.push(Block::Paragraph(t(e)));
    }
    blocks.push(Block::Heading {
        level: 2,
        id: "podsumowanie".into(),
        content: t("Podsumowanie"),
    });
    for e in EVENTS {
        blocks.push(Block::Paragraph(t(e)));
    }
    doc.blocks = blocks;
    doc
}

/// The agreement table with all fifteen partners.
pub fn agreement_table() -> Table {
    Table {
        number: 1,
        caption: t("Miasta partnerskie Poznania"),
        header: vec![
            t("Miasto, kraj"),
            t("Dokument, data podpisania"),
            t("Zakres współpracy"),
        ],
        rows: PARTNERS
            .iter()
            .map(|(a, b, c)| vec![t(a), t(b), t(c)])
            .collect(),
        source: Some(t("Źródło: UMP")),
    }
}

/// A document with only a table that certainly spans pages (rows repeated).
pub fn long_table_document() -> Document {
    let mut doc = Document::sample();
    let mut table = agreement_table();
    let rows = table.rows.clone();
    table.rows.extend(rows.iter().cloned());
    table.rows.extend(rows);
    doc.blocks = vec![
        Block::Heading {
            level: 1,
            id: "t".into(),
            content: t("Współpraca międzynarodowa"),
        },
        Block::Table(table),
    ];
    doc
}

/// Edge cases in one document: a row taller than a page, a one-column table, an over-long
/// word, a numbered list with 120 items and a caption-only figure.
#[allow(dead_code)] // for examples/pdf_render.rs, which includes this file
pub fn awkward_document() -> Document {
    let mut doc = Document::sample();
    let huge = "Kultura, sport, edukacja, turystyka, gospodarka, ochrona zdrowia. ".repeat(120);
    let long_word = "Konstantynopolitańczykowianeczka".repeat(6);
    doc.blocks = vec![
        Block::Heading {
            level: 1,
            id: "a".into(),
            content: t("Przypadki brzegowe"),
        },
        Block::Paragraph(t(&long_word)),
        Block::Table(Table {
            number: 1,
            caption: t("Wiersz dłuższy niż strona"),
            header: vec![t("Miasto"), t("Umowa"), t("Zakres")],
            rows: vec![
                vec![t("Brno"), t("Umowa o\u{a0}współpracy"), t(&huge)],
                vec![t("Győr"), t("Umowa"), t("Kultura")],
            ],
            source: Some(t("Źródło: UMP")),
        }),
        Block::Table(Table {
            number: 2,
            caption: t("Jedna kolumna"),
            header: vec![t("Miasto")],
            rows: vec![vec![t("Brno")], vec![t("Győr")]],
            source: None,
        }),
        Block::List {
            ordered: true,
            start: 1,
            items: (0..120)
                .map(|i| vec![Block::Paragraph(t(&format!("Pozycja numer {i}")))])
                .collect(),
        },
        Block::Figure(Figure {
            image: None,
            alt: "Zdjęcie".into(),
            caption: t("Podpis bez zdjęcia"),
            credit: Some(t("arch. UMP")),
        }),
    ];
    doc
}

/// A short document with one image figure between paragraphs.
#[allow(dead_code)] // for examples/pdf_render.rs, which includes this file
pub fn figure_document(image: &str) -> Document {
    let mut doc = Document::sample();
    doc.blocks = vec![
        Block::Heading {
            level: 1,
            id: "f".into(),
            content: t("Współpraca międzynarodowa"),
        },
        Block::Paragraph(t(EVENTS[0])),
        Block::Figure(Figure {
            image: Some(image.to_string()),
            alt: "Prezydent rozmawiający z\u{a0}nadburmistrzem Hanoweru".into(),
            caption: t("Wizyta nadburmistrza Hanoweru w\u{a0}Poznaniu"),
            credit: Some(t("Źródło: UMP")),
        }),
        Block::Paragraph(t(EVENTS[1])),
    ];
    doc
}
