//! The accent colour of headings (report.yaml `accent_color`): parsing and its contrast on white.

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The headings' colour when report.yaml names none: the HTML page's blue (9.0:1 on white).
pub const DEFAULT_ACCENT: Rgb = Rgb(0x0b, 0x4a, 0x86);

/// The least contrast on white a heading colour may have: WCAG 2.1 AA for text (1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

impl Rgb {
    /// Reads `#rrggbb` or `#rgb` (hex digits in either case); `None` for anything else.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// `#rrggbb`, lowercase: for CSS.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `RRGGBB`: for Word's `w:color`.
    pub fn word(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// The channels from 0 to 1: for the PDF's `rg` operator.
    pub fn unit(self) -> [f32; 3] {
        [self.0, self.1, self.2].map(|c| f32::from(c) / 255.0)
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// Contrast ratio of this colour on white, from 1 (white) to 21 (black).
    pub fn contrast_on_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }
}

impl serde::Serialize for Rgb {
    /// As CSS writes it, `#rrggbb`: what a template needs.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.css())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_long_and_short_hex_and_refuses_the_rest() {
        assert_eq!(Rgb::parse("#1f4e79"), Some(Rgb(0x1f, 0x4e, 0x79)));
        assert_eq!(Rgb::parse("#1F4E79"), Some(Rgb(0x1f, 0x4e, 0x79)));
        assert_eq!(Rgb::parse("#036"), Some(Rgb(0x00, 0x33, 0x66)));
        for bad in [
            "1f4e79",
            "#1f4e7",
            "#1f4e7g",
            "navy",
            "",
            "#",
            "#ąąą",
            "#1f4e79ff",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x1f, 0x4e, 0x79).css(), "#1f4e79");
        assert_eq!(Rgb(0x1f, 0x4e, 0x79).word(), "1F4E79");
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((Rgb(0, 0, 0).contrast_on_white() - 21.0).abs() < 1e-9);
        assert!((Rgb(255, 255, 255).contrast_on_white() - 1.0).abs() < 1e-9);
        // #767676 is the classic lightest gray that passes AA: 4.54:1.
        assert!((Rgb::parse("#767676").unwrap().contrast_on_white() - 4.54).abs() < 0.01);
        assert!(Rgb::parse("#777777").unwrap().contrast_on_white() < MIN_CONTRAST);
        assert!(DEFAULT_ACCENT.contrast_on_white() > 8.9);
    }
}
