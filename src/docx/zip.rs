//! A minimal ZIP writer for the DOCX package: whole entries from memory, deflated or stored,
//! every entry with the same fixed timestamp, so the same parts give the same bytes.
//!
//! Written here rather than taken from the `zip` crate: a package is written once, from
//! memory, with a handful of entries, which needs local headers, a central directory and the
//! end record (PKWARE APPNOTE 4.3) and nothing else — no reading, no streaming, no ZIP64, no
//! encryption. flate2 (deflate) and crc32fast (the checksum) are already in the dependency
//! tree, so this adds no crate and leaves nothing to pin for determinism.

use crate::tr;
use std::io::Write as _;

use anyhow::{bail, Result};
use flate2::write::DeflateEncoder;
use flate2::Compression;

/// How an entry's bytes are kept in the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    /// As they are: for images, which are compressed already.
    Stored,
    /// Deflated: for the XML parts.
    Deflated,
}

/// An archive being written, in memory.
pub(crate) struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    /// MS-DOS time and date of every entry.
    dos_time: u16,
    dos_date: u16,
}

impl ZipWriter {
    /// An empty archive whose entries all carry the date `epoch` (seconds since 1970, UTC;
    /// clamped to the years ZIP can hold, 1980–2107).
    pub(crate) fn new(epoch: i64) -> Self {
        let (dos_time, dos_date) = dos_date_time(epoch);
        ZipWriter {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
            dos_time,
            dos_date,
        }
    }

    /// Adds the file `name` (a path inside the archive, `/`-separated, ASCII).
    pub(crate) fn add(&mut self, name: &str, data: &[u8], method: Method) -> Result<()> {
        let crc = crc32fast::hash(data);
        let compressed;
        let (body, code): (&[u8], u16) = match method {
            Method::Stored => (data, 0),
            Method::Deflated => {
                let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
                enc.write_all(data)?;
                compressed = enc.finish()?;
                (&compressed, 8)
            }
        };
        let (Ok(size), Ok(packed), Ok(offset), Ok(name_len)) = (
            u32::try_from(data.len()),
            u32::try_from(body.len()),
            u32::try_from(self.out.len()),
            u16::try_from(name.len()),
        ) else {
            bail!(tr!("docx-too-large"));
        };
        if self.entries == u16::MAX {
            bail!(tr!("docx-too-many-parts"));
        }
        // Local file header (APPNOTE 4.3.7).
        let out = &mut self.out;
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes()); // version needed: 2.0 (deflate)
        out.extend(0u16.to_le_bytes()); // flags
        out.extend(code.to_le_bytes());
        out.extend(self.dos_time.to_le_bytes());
        out.extend(self.dos_date.to_le_bytes());
        out.extend(crc.to_le_bytes());
        out.extend(packed.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(name_len.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra field length
        out.extend(name.as_bytes());
        out.extend(body);
        // Its central directory record (APPNOTE 4.3.12).
        let c = &mut self.central;
        c.extend(0x0201_4b50u32.to_le_bytes());
        c.extend(20u16.to_le_bytes()); // made by: MS-DOS, 2.0
        c.extend(20u16.to_le_bytes()); // version needed
        c.extend(0u16.to_le_bytes()); // flags
        c.extend(code.to_le_bytes());
        c.extend(self.dos_time.to_le_bytes());
        c.extend(self.dos_date.to_le_bytes());
        c.extend(crc.to_le_bytes());
        c.extend(packed.to_le_bytes());
        c.extend(size.to_le_bytes());
        c.extend(name_len.to_le_bytes());
        c.extend([0u8; 8]); // extra, comment, disk number, internal attributes
        c.extend(0u32.to_le_bytes()); // external attributes
        c.extend(offset.to_le_bytes());
        c.extend(name.as_bytes());
        self.entries += 1;
        Ok(())
    }

    /// The finished archive: entries, central directory, end record.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>> {
        let (Ok(dir_offset), Ok(dir_size)) = (
            u32::try_from(self.out.len()),
            u32::try_from(self.central.len()),
        ) else {
            bail!(tr!("docx-too-large"));
        };
        self.out.append(&mut self.central);
        // End of central directory record (APPNOTE 4.3.16).
        let out = &mut self.out;
        out.extend(0x0605_4b50u32.to_le_bytes());
        out.extend([0u8; 4]); // this disk, disk with the directory
        out.extend(self.entries.to_le_bytes());
        out.extend(self.entries.to_le_bytes());
        out.extend(dir_size.to_le_bytes());
        out.extend(dir_offset.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // comment length
        Ok(self.out)
    }
}

/// `epoch` as MS-DOS (time, date), in UTC: ZIP stores no time zone.
fn dos_date_time(epoch: i64) -> (u16, u16) {
    use chrono::{Datelike as _, Timelike as _};
    let t = chrono::DateTime::from_timestamp(epoch, 0)
        .unwrap_or_default()
        .naive_utc();
    let lowest = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let highest =
        chrono::NaiveDate::from_ymd_opt(2107, 12, 31).and_then(|d| d.and_hms_opt(23, 59, 58));
    let t = match (lowest, highest) {
        (Some(lo), _) if t < lo => lo,
        (_, Some(hi)) if t > hi => hi,
        _ => t,
    };
    let time = ((t.hour() << 11) | (t.minute() << 5) | (t.second() / 2)) as u16;
    let date = (((t.year() - 1980) as u32) << 9) | (t.month() << 5) | t.day();
    (time, date as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dos_dates() {
        // 2019-01-01 00:00:00 UTC.
        assert_eq!(dos_date_time(1_546_300_800), (0, (39 << 9) | (1 << 5) | 1));
        // Before 1980: the lowest date ZIP has.
        assert_eq!(dos_date_time(0), (0, (1 << 5) | 1));
        // 2023-07-15 13:45:30 UTC.
        assert_eq!(
            dos_date_time(1_689_428_730),
            ((13 << 11) | (45 << 5) | 15, (43 << 9) | (7 << 5) | 15)
        );
    }

    #[test]
    fn archive_layout_and_checksums() {
        let mut zip = ZipWriter::new(1_546_300_800);
        zip.add(
            "a.xml",
            b"<a>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</a>",
            Method::Deflated,
        )
        .unwrap();
        zip.add("b.bin", b"\x89PNG", Method::Stored).unwrap();
        let bytes = zip.finish().unwrap();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2, "two entries");
        let dir = u32::from_le_bytes([end[16], end[17], end[18], end[19]]) as usize;
        assert_eq!(&bytes[dir..dir + 4], b"PK\x01\x02");
        // The stored entry's bytes are in the archive as they are.
        assert!(bytes.windows(4).any(|w| w == b"\x89PNG"));
    }
}
