//! Pair kerning from a font's own GPOS data (the `kern` feature's pair adjustment lookups).
//!
//! Noto Sans has no legacy `kern` table; its kerning (To, Ty, Wo, AV, „T…) is in GPOS
//! lookup type 2 (pair adjustment), formats 1 (glyph pairs) and 2 (class pairs), some behind
//! extension lookups (type 9). Only the horizontal advance of the first glyph is read: that is
//! all a Latin pair adjustment does. The reader is bounded: every offset is checked, so a
//! malformed table gives no kerning rather than a panic.

/// A big-endian reader over a font table; every read is checked.
#[derive(Clone, Copy)]
struct Data<'a>(&'a [u8]);

impl<'a> Data<'a> {
    fn u16(self, at: usize) -> Option<u16> {
        let b = self.0.get(at..at.checked_add(2)?)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
    }

    fn i16(self, at: usize) -> Option<i16> {
        self.u16(at).map(|v| v as i16)
    }

    fn u32(self, at: usize) -> Option<u32> {
        let b = self.0.get(at..at.checked_add(4)?)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The sub-table at a 16-bit offset stored at `at`, relative to this table.
    fn sub16(self, at: usize) -> Option<Data<'a>> {
        let off = usize::from(self.u16(at)?);
        self.0.get(off..).map(Data)
    }

    fn from(self, off: usize) -> Option<Data<'a>> {
        self.0.get(off..).map(Data)
    }
}

/// One pair adjustment subtable, kept as its bytes.
#[derive(Clone, Copy)]
struct PairPos<'a>(Data<'a>);

/// The pair kerning of one face.
pub struct Kerning<'a> {
    subtables: Vec<PairPos<'a>>,
}

impl<'a> Kerning<'a> {
    /// Reads the kerning of a TrueType/OpenType font file (empty when it has none).
    pub fn parse(font: &'a [u8]) -> Kerning<'a> {
        Kerning {
            subtables: table(Data(font), *b"GPOS")
                .and_then(kern_subtables)
                .unwrap_or_default(),
        }
    }

    /// The advance adjustment, in font units, between glyph `left` and the glyph after it.
    /// As in OpenType, the first subtable that covers the pair decides.
    pub fn pair(&self, left: u16, right: u16) -> i16 {
        self.subtables
            .iter()
            .find_map(|s| s.adjust(left, right))
            .unwrap_or(0)
    }
}

/// A table of the font file by tag.
fn table(font: Data<'_>, tag: [u8; 4]) -> Option<Data<'_>> {
    let n = usize::from(font.u16(4)?);
    (0..n).find_map(|i| {
        let rec = 12 + 16 * i;
        if font.0.get(rec..rec + 4)? != tag {
            return None;
        }
        let off = font.u32(rec + 8)? as usize;
        let len = font.u32(rec + 12)? as usize;
        font.0.get(off..off.checked_add(len)?).map(Data)
    })
}

/// The pair adjustment subtables of the `kern` feature of the Latin script (or the default
/// script), in lookup order.
fn kern_subtables(gpos: Data<'_>) -> Option<Vec<PairPos<'_>>> {
    let scripts = gpos.sub16(4)?;
    let features = gpos.sub16(6)?;
    let lookups = gpos.sub16(8)?;
    let script = [*b"latn", *b"DFLT"]
        .iter()
        .find_map(|tag| record(scripts, *tag))?;
    let langsys = script.sub16(0)?;
    let mut lookup_indices = Vec::new();
    let count = usize::from(langsys.u16(4)?);
    for i in 0..count {
        let feature = usize::from(langsys.u16(6 + 2 * i)?);
        let rec = 2 + 6 * feature;
        if features.0.get(rec..rec + 4)? != b"kern" {
            continue;
        }
        let table = features.sub16(rec + 4)?;
        for j in 0..usize::from(table.u16(2)?) {
            lookup_indices.push(table.u16(4 + 2 * j)?);
        }
    }
    lookup_indices.sort_unstable();
    lookup_indices.dedup();
    let mut out = Vec::new();
    for index in lookup_indices {
        let lookup = lookups.sub16(2 + 2 * usize::from(index))?;
        let kind = lookup.u16(0)?;
        for k in 0..usize::from(lookup.u16(4)?) {
            let sub = lookup.sub16(6 + 2 * k)?;
            let sub = match kind {
                2 => sub,
                // Extension: format, the wrapped lookup type, a 32-bit offset.
                9 if sub.u16(2)? == 2 => sub.from(sub.u32(4)? as usize)?,
                _ => continue,
            };
            out.push(PairPos(sub));
        }
    }
    Some(out)
}

/// The table of a tagged record in a script or feature list (tag, 16-bit offset).
fn record(list: Data<'_>, tag: [u8; 4]) -> Option<Data<'_>> {
    (0..usize::from(list.u16(0)?)).find_map(|i| {
        let rec = 2 + 6 * i;
        (list.0.get(rec..rec + 4)? == tag)
            .then(|| list.sub16(rec + 4))
            .flatten()
    })
}

/// Size in bytes of a value record of this format.
fn value_size(format: u16) -> usize {
    2 * format.count_ones() as usize
}

/// The x advance in a value record of this format, 0 when it has none.
fn x_advance(data: Data<'_>, at: usize, format: u16) -> Option<i16> {
    if format & 0x4 == 0 {
        return Some(0);
    }
    let before = (format & 0x3).count_ones() as usize;
    data.i16(at + 2 * before)
}

impl PairPos<'_> {
    /// The adjustment if this subtable covers the pair.
    fn adjust(self, left: u16, right: u16) -> Option<i16> {
        let d = self.0;
        let index = coverage(d.sub16(2)?, left)?;
        let (f1, f2) = (d.u16(4)?, d.u16(6)?);
        let (s1, s2) = (value_size(f1), value_size(f2));
        match d.u16(0)? {
            1 => {
                let set = d.sub16(10 + 2 * index)?;
                let n = usize::from(set.u16(0)?);
                let stride = 2 + s1 + s2;
                // Pair value records are sorted by the second glyph.
                let (mut lo, mut hi) = (0, n);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    let at = 2 + mid * stride;
                    let g = set.u16(at)?;
                    match g.cmp(&right) {
                        std::cmp::Ordering::Less => lo = mid + 1,
                        std::cmp::Ordering::Greater => hi = mid,
                        std::cmp::Ordering::Equal => return x_advance(set, at + 2, f1),
                    }
                }
                None
            }
            2 => {
                let c1 = usize::from(class(d.sub16(8)?, left)?);
                let c2 = usize::from(class(d.sub16(10)?, right)?);
                let (n1, n2) = (usize::from(d.u16(12)?), usize::from(d.u16(14)?));
                if c1 >= n1 || c2 >= n2 {
                    return None;
                }
                let at = 16 + (c1 * n2 + c2) * (s1 + s2);
                x_advance(d, at, f1)
            }
            _ => None,
        }
    }
}

/// Index of `glyph` in a coverage table.
fn coverage(d: Data<'_>, glyph: u16) -> Option<usize> {
    let n = usize::from(d.u16(2)?);
    match d.u16(0)? {
        1 => {
            let (mut lo, mut hi) = (0, n);
            while lo < hi {
                let mid = (lo + hi) / 2;
                let g = d.u16(4 + 2 * mid)?;
                match g.cmp(&glyph) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => return Some(mid),
                }
            }
            None
        }
        2 => {
            let (start, end, first) = range_search(d, 4, n, glyph)?;
            Some(usize::from(first) + usize::from(glyph - start)).filter(|_| glyph <= end)
        }
        _ => None,
    }
}

/// Class of `glyph` in a class definition table (0 when not listed).
fn class(d: Data<'_>, glyph: u16) -> Option<u16> {
    match d.u16(0)? {
        1 => {
            let start = d.u16(2)?;
            let n = d.u16(4)?;
            match glyph.checked_sub(start) {
                Some(i) if i < n => d.u16(6 + 2 * usize::from(i)),
                _ => Some(0),
            }
        }
        2 => {
            let n = usize::from(d.u16(2)?);
            Some(range_search(d, 4, n, glyph).map_or(0, |(_, _, class)| class))
        }
        _ => Some(0),
    }
}

/// The (start, end, value) range record holding `glyph`, among `n` sorted records at `at`.
fn range_search(d: Data<'_>, at: usize, n: usize, glyph: u16) -> Option<(u16, u16, u16)> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let rec = at + 6 * mid;
        let (start, end) = (d.u16(rec)?, d.u16(rec + 2)?);
        if glyph < start {
            hi = mid;
        } else if glyph > end {
            lo = mid + 1;
        } else {
            return Some((start, end, d.u16(rec + 4)?));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_fonts_give_no_kerning_and_no_panic() {
        for bytes in [&b""[..], &[0u8; 11], &[0xff; 64], b"\0\x01\0\0\0\x01GPOS"] {
            assert_eq!(Kerning::parse(bytes).pair(1, 2), 0);
        }
        // A GPOS record pointing past the end of the file.
        let mut f = vec![0u8; 28];
        f[4] = 0;
        f[5] = 1;
        f[12..16].copy_from_slice(b"GPOS");
        f[20..24].copy_from_slice(&1000u32.to_be_bytes());
        assert!(Kerning::parse(&f).subtables.is_empty());
    }
}
