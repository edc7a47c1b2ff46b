//! Documents and files the HTML writer tests render: a big chapter and a real PNG.

use std::path::Path;

use report_gen::doc::{Block, DocMeta, Document, Figure, Inline, Table};

/// One run of plain text.
pub fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

/// Writes a real PNG (a 240×135 gradient with a band, like a small photo) without an image
/// crate: stored (uncompressed) deflate blocks are valid zlib.
pub fn write_png(path: &Path) {
    let (w, h) = (240u32, 135u32);
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            let band = (50..85).contains(&y);
            let (r, g, b) = if band {
                (250, 250, 250)
            } else {
                ((x * 255 / w) as u8, (y * 255 / h) as u8, 140)
            };
            raw.extend([r, g, b]);
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let chunks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == chunks.len()));
        let len = chunk.len() as u16;
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(chunk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&body);
        png.extend(crc32(&body).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8-bit RGB
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &zlib);
    chunk(b"IEND", &[]);
    std::fs::write(path, png).expect("write test PNG");
}

const CITIES: [(&str, &str); 15] = [
    (
        "Assen, Holandia",
        "Umowa o\u{a0}współpracy, 24.09.1991\u{a0}r.",
    ),
    (
        "Bruksela, Belgia",
        "Porozumienie o\u{a0}współpracy, 20.09.1991\u{a0}r.",
    ),
    (
        "Brno, Czechy",
        "Umowa o\u{a0}współpracy, 16.09.1966\u{a0}r.",
    ),
    (
        "Charków, Ukraina",
        "Umowa o\u{a0}partnerstwie, 17.06.1998\u{a0}r.",
    ),
    (
        "Győr, Węgry",
        "Umowa o\u{a0}partnerstwie, 31.01.2008\u{a0}r.",
    ),
    (
        "Hanower, Niemcy",
        "Umowa o\u{a0}współpracy, 25.05.1979\u{a0}r.",
    ),
    (
        "Jacksonville, USA",
        "Deklaracja o\u{a0}partnerstwie miast, 18.05.1993\u{a0}r.",
    ),
    (
        "Kuthaisi, Gruzja",
        "Umowa o\u{a0}współpracy, 14.05.2010\u{a0}r.",
    ),
    (
        "Nancy, Francja",
        "Umowa o\u{a0}partnerstwie, 25.09.2003\u{a0}r.",
    ),
    (
        "Hrabstwo Nottinghamshire, Wielka Brytania",
        "Porozumienie o\u{a0}współpracy, 03.10.1995\u{a0}r.",
    ),
    (
        "Rennes, Francja",
        "Umowa o\u{a0}partnerstwie, 25.09.1998\u{a0}r.",
    ),
    (
        "Szenzhen, Chiny",
        "Memorandum o\u{a0}współpracy, 24.03.1993\u{a0}r.",
    ),
    (
        "Tarent, Włochy",
        "Deklaracja współpracy, 17.07.2003\u{a0}r.",
    ),
    (
        "Toledo, USA",
        "Umowa o\u{a0}partnerstwie miast, 02.08.1991\u{a0}r.",
    ),
    (
        "Wilno, Litwa",
        "Umowa o\u{a0}współpracy partnerskiej, 16.09.2022\u{a0}r.",
    ),
];

/// A chapter bigger than the sample: a 15-row table with long text, hostile text, a phrase
/// in English, a figure with a real image, nested and numbered lists, links.
pub fn big_document(image: &str) -> Document {
    let mut meta = Document::sample().meta;
    meta.full_title =
        "Współpraca międzynarodowa – Raport o\u{a0}stanie Miasta Poznania za 2023\u{a0}r.".into();
    meta.report_title = "Raport o\u{a0}stanie Miasta Poznania za 2023\u{a0}r.".into();
    meta.subject = "Współpraca międzynarodowa Miasta Poznania w\u{a0}2023\u{a0}r.".into();
    meta.year = 2023;
    let rows = CITIES
        .iter()
        .map(|(city, document)| {
            vec![
                text(city),
                text(document),
                text("Kultura, sport, edukacja, administracja samorządowa, gospodarka, turystyka, wymiana młodzieży i\u{a0}współpraca organizacji pozarządowych"),
            ]
        })
        .collect();
    Document {
        meta: DocMeta { ..meta },
        blocks: vec![
            Block::Heading { level: 1, id: "wspolpraca-miedzynarodowa".into(), content: text("Współpraca międzynarodowa") },
            Block::Paragraph(vec![
                Inline::Text("W\u{a0}2023\u{a0}r. Miasto Poznań kontynuowało współpracę z\u{a0}14\u{a0}miastami partnerskimi – w\u{a0}ramach projektu „".into()),
                Inline::Lang { lang: "en".into(), content: text("Pimp Your Twin Town") },
                Inline::Text("” młodzież z\u{a0}Rennes i\u{a0}Hanoweru odwiedziła Poznań.".into()),
            ]),
            Block::Paragraph(text("Wpisano w\u{a0}formularz: <script>alert(1)</script> & nic się nie stało.")),
            Block::Heading { level: 2, id: "miasta-partnerskie".into(), content: text("Miasta partnerskie") },
            Block::Table(Table {
                number: 1,
                caption: text("Miasta partnerskie Poznania i\u{a0}dokumenty współpracy"),
                header: vec![text("Miasto, kraj"), text("Dokument, data podpisania"), text("Zakres współpracy")],
                rows,
                source: Some(text("Źródło: UMP")),
            }),
            Block::Heading { level: 3, id: "hanower-niemcy".into(), content: text("Hanower (Niemcy)") },
            Block::Paragraph(vec![
                Inline::Strong(text("Wizyta nadburmistrza")),
                Inline::Text(" – rozmowy o\u{a0}".into()),
                Inline::Emphasis(text("Europejskiej Stolicy Kultury 2025")),
                Inline::Text(";".into()),
                Inline::LineBreak,
                Inline::Text("więcej: ".into()),
                Inline::Link { url: "https://www.poznan.pl/mim/wortal/".into(), content: text("poznan.pl") },
                Inline::Text(", ".into()),
                Inline::Link { url: "javascript:alert(2)".into(), content: text("link niebezpieczny") },
                Inline::Text(".".into()),
            ]),
            Block::Figure(Figure {
                image: Some(image.into()),
                alt: "Prezydent Poznania i\u{a0}nadburmistrz Hanoweru podpisują list intencyjny przy stole".into(),
                caption: text("Wizyta nadburmistrza Hanoweru w\u{a0}Poznaniu, 4\u{a0}kwietnia 2023\u{a0}r."),
                credit: Some(text("Źródło: UMP")),
            }),
            Block::Heading { level: 3, id: "organizacje".into(), content: text("Organizacje międzynarodowe") },
            Block::List {
                ordered: false,
                start: 1,
                items: vec![
                    vec![
                        Block::Paragraph(text("EUROCITIES – grupy robocze:")),
                        Block::List {
                            ordered: false,
                            start: 1,
                            items: vec![
                                vec![Block::Paragraph(text("Kultura;"))],
                                vec![Block::Paragraph(text("Mobilność miejska;"))],
                            ],
                        },
                    ],
                    vec![Block::Paragraph(text("Union of the Baltic Cities (UBC)."))],
                ],
            },
            Block::List {
                ordered: true,
                start: 3,
                items: vec![
                    vec![Block::Paragraph(text("trzeci punkt listy numerowanej,"))],
                    vec![Block::Paragraph(text("czwarty punkt."))],
                ],
            },
        ],
    }
}
