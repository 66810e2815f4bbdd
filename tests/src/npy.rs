//! A small reader for NumPy's `.npy` files: format versions 1.0, 2.0 and 3.0, little-endian
//! (or byte-order-free) data in C order, the eight element types of xp, 0-D arrays included.
//! Every malformed input is an [`NpyError`], never a panic.

use std::path::Path;

use xp_core::{c32, c64};

use crate::value::{HostArray, HostData};

/// Why a `.npy` file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum NpyError {
    /// The file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// The file is not in the `.npy` format or its header is malformed.
    #[error("not a valid .npy file: {0}")]
    Format(String),
    /// A valid file with something this reader does not support.
    #[error("unsupported .npy content: {0}")]
    Unsupported(String),
}

const MAGIC: &[u8] = b"\x93NUMPY";

/// Reads a `.npy` file.
///
/// # Errors
/// [`NpyError`] if the file cannot be read or parsed.
pub fn read_npy(path: &Path) -> Result<HostArray, NpyError> {
    let bytes = std::fs::read(path).map_err(|e| NpyError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    parse_npy(&bytes)
}

/// Parses the bytes of a `.npy` file.
///
/// ```
/// use xp_tests::npy::parse_npy;
/// let mut f = b"\x93NUMPY\x01\x00".to_vec();
/// let header = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }";
/// let header = format!("{header:<117}\n");
/// f.extend_from_slice(&(header.len() as u16).to_le_bytes());
/// f.extend_from_slice(header.as_bytes());
/// f.extend_from_slice(&[1, 0, 0, 0, 255, 255, 255, 255]);
/// let a = parse_npy(&f)?;
/// assert_eq!(a.shape, vec![2]);
/// assert_eq!(a.data, xp_tests::value::HostData::I32(vec![1, -1]));
/// # Ok::<(), xp_tests::npy::NpyError>(())
/// ```
///
/// # Errors
/// [`NpyError::Format`] for a malformed file, [`NpyError::Unsupported`] for big-endian data,
/// Fortran order or an element type outside the eight.
pub fn parse_npy(bytes: &[u8]) -> Result<HostArray, NpyError> {
    let fmt = |m: &str| NpyError::Format(m.to_string());
    if bytes.get(..MAGIC.len()) != Some(MAGIC) {
        return Err(fmt("missing magic string"));
    }
    let major = *bytes.get(6).ok_or_else(|| fmt("truncated version"))?;
    let (header_len, start): (usize, usize) = match major {
        1 => {
            let b = bytes.get(8..10).ok_or_else(|| fmt("truncated header length"))?;
            (usize::from(u16::from_le_bytes([b[0], b[1]])), 10)
        }
        2 | 3 => {
            let b = bytes.get(8..12).ok_or_else(|| fmt("truncated header length"))?;
            let n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            (usize::try_from(n).map_err(|_| fmt("header length"))?, 12)
        }
        v => return Err(NpyError::Unsupported(format!("format version {v}"))),
    };
    let end = start
        .checked_add(header_len)
        .ok_or_else(|| fmt("header length overflows"))?;
    let header = bytes.get(start..end).ok_or_else(|| fmt("truncated header"))?;
    let header = std::str::from_utf8(header).map_err(|_| fmt("header is not UTF-8"))?;
    let descr = dict_str(header, "descr").ok_or_else(|| fmt("header has no 'descr'"))?;
    let fortran = dict_raw(header, "fortran_order").ok_or_else(|| fmt("header has no 'fortran_order'"))?;
    let shape = parse_shape(dict_raw(header, "shape").ok_or_else(|| fmt("header has no 'shape'"))?)?;
    match fortran.trim() {
        "False" => {}
        "True" => {
            // Fortran order is C order of the reversed shape, except for at most one axis.
            if shape.iter().filter(|&&d| d > 1).count() > 1 {
                return Err(NpyError::Unsupported("fortran_order: True".into()));
            }
        }
        other => return Err(NpyError::Format(format!("fortran_order is {other:?}"))),
    }
    let n = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| fmt("shape overflows"))?;
    let body = bytes.get(end..).unwrap_or_default();
    let data = decode(descr, n, body)?;
    Ok(HostArray { shape, data })
}

/// The raw text of `'key': <value>` up to the next top-level `,` or `}`.
fn dict_raw<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let pat_single = format!("'{key}'");
    let pat_double = format!("\"{key}\"");
    let pos = header
        .find(&pat_single)
        .map(|p| p + pat_single.len())
        .or_else(|| header.find(&pat_double).map(|p| p + pat_double.len()))?;
    let rest = header.get(pos..)?.trim_start().strip_prefix(':')?.trim_start();
    let mut depth = 0usize;
    for (i, ch) in rest.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return rest.get(..=i);
                }
            }
            ',' | '}' if depth == 0 => return rest.get(..i),
            _ => {}
        }
    }
    None
}

/// The string value of `'key': '...'`.
fn dict_str<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let raw = dict_raw(header, key)?.trim();
    raw.strip_prefix('\'')
        .and_then(|r| r.strip_suffix('\''))
        .or_else(|| raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')))
}

fn parse_shape(raw: &str) -> Result<Vec<usize>, NpyError> {
    let inner = raw
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .ok_or_else(|| NpyError::Format(format!("shape {raw:?} is not a tuple")))?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.trim_end_matches('L')
                .parse::<usize>()
                .map_err(|_| NpyError::Format(format!("shape entry {s:?}")))
        })
        .collect()
}

/// Decodes `n` elements of type `descr` from `body`.
fn decode(descr: &str, n: usize, body: &[u8]) -> Result<HostData, NpyError> {
    let (order, code) = match descr.as_bytes().first() {
        Some(b'<' | b'|' | b'=') => (descr.get(..1).unwrap_or(""), descr.get(1..).unwrap_or("")),
        Some(b'>') => return Err(NpyError::Unsupported(format!("big-endian dtype {descr:?}"))),
        _ => ("", descr),
    };
    let _ = order;
    let item = match code {
        "b1" | "u1" => 1,
        "i4" | "f4" => 4,
        "i8" | "f8" | "c8" => 8,
        "c16" => 16,
        other => return Err(NpyError::Unsupported(format!("dtype {other:?}"))),
    };
    let need = n
        .checked_mul(item)
        .ok_or_else(|| NpyError::Format("data size overflows".into()))?;
    if body.len() != need {
        return Err(NpyError::Format(format!(
            "{} data bytes for {n} elements of {descr:?} (expected {need})",
            body.len()
        )));
    }
    fn chunks<const K: usize>(body: &[u8]) -> impl Iterator<Item = [u8; K]> + '_ {
        body.chunks_exact(K).map(|c| {
            let mut a = [0u8; K];
            a.copy_from_slice(c);
            a
        })
    }
    Ok(match code {
        "b1" => HostData::Bool(body.iter().map(|&b| b != 0).collect()),
        "u1" => HostData::U8(body.to_vec()),
        "i4" => HostData::I32(chunks::<4>(body).map(i32::from_le_bytes).collect()),
        "i8" => HostData::I64(chunks::<8>(body).map(i64::from_le_bytes).collect()),
        "f4" => HostData::F32(chunks::<4>(body).map(f32::from_le_bytes).collect()),
        "f8" => HostData::F64(chunks::<8>(body).map(f64::from_le_bytes).collect()),
        "c8" => HostData::C64(
            chunks::<8>(body)
                .map(|c| {
                    let (re, im) = c.split_at(4);
                    c32::new(f32::from_le_bytes(arr4(re)), f32::from_le_bytes(arr4(im)))
                })
                .collect(),
        ),
        _ => HostData::C128(
            chunks::<16>(body)
                .map(|c| {
                    let (re, im) = c.split_at(8);
                    c64::new(f64::from_le_bytes(arr8(re)), f64::from_le_bytes(arr8(im)))
                })
                .collect(),
        ),
    })
}

fn arr4(s: &[u8]) -> [u8; 4] {
    let mut a = [0u8; 4];
    a.copy_from_slice(s);
    a
}

fn arr8(s: &[u8]) -> [u8; 8] {
    let mut a = [0u8; 8];
    a.copy_from_slice(s);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(version: u8, descr: &str, shape: &str, body: &[u8]) -> Vec<u8> {
        let mut f = MAGIC.to_vec();
        f.extend_from_slice(&[version, 0]);
        let h = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}\n");
        if version == 1 {
            f.extend_from_slice(&(h.len() as u16).to_le_bytes());
        } else {
            f.extend_from_slice(&(h.len() as u32).to_le_bytes());
        }
        f.extend_from_slice(h.as_bytes());
        f.extend_from_slice(body);
        f
    }

    #[test]
    fn reads_every_dtype_and_version() {
        let a = parse_npy(&file(
            1,
            "<f8",
            "(2,)",
            &[1.5f64.to_le_bytes(), (-2.0f64).to_le_bytes()].concat(),
        ))
        .unwrap();
        assert_eq!(a.data, HostData::F64(vec![1.5, -2.0]));
        let a = parse_npy(&file(2, "<f4", "()", &0.25f32.to_le_bytes())).unwrap();
        assert_eq!((a.shape.clone(), a.data), (vec![], HostData::F32(vec![0.25])));
        let a = parse_npy(&file(1, "|b1", "(1, 3)", &[1, 0, 1])).unwrap();
        assert_eq!(
            (a.shape.clone(), a.data),
            (vec![1, 3], HostData::Bool(vec![true, false, true]))
        );
        let a = parse_npy(&file(1, "|u1", "(2,)", &[7, 255])).unwrap();
        assert_eq!(a.data, HostData::U8(vec![7, 255]));
        let a = parse_npy(&file(1, "<i8", "(1,)", &(-3i64).to_le_bytes())).unwrap();
        assert_eq!(a.data, HostData::I64(vec![-3]));
        let c = [1.0f32.to_le_bytes(), (-1.0f32).to_le_bytes()].concat();
        assert_eq!(
            parse_npy(&file(1, "<c8", "(1,)", &c)).unwrap().data,
            HostData::C64(vec![c32::new(1.0, -1.0)])
        );
        let c = [2.0f64.to_le_bytes(), 3.0f64.to_le_bytes()].concat();
        assert_eq!(
            parse_npy(&file(1, "<c16", "(1,)", &c)).unwrap().data,
            HostData::C128(vec![c64::new(2.0, 3.0)])
        );
        let a = parse_npy(&file(1, "<f8", "(0, 3)", &[])).unwrap();
        assert_eq!((a.shape.clone(), a.len()), (vec![0, 3], 0));
    }

    #[test]
    fn rejects_bad_files_without_panicking() {
        assert!(parse_npy(b"").is_err());
        assert!(parse_npy(b"\x93NUMPY").is_err());
        assert!(parse_npy(b"\x93NUMPY\x01\x00\xff\xff{").is_err());
        assert!(matches!(
            parse_npy(&file(1, ">f8", "(1,)", &[0; 8])),
            Err(NpyError::Unsupported(_))
        ));
        assert!(matches!(
            parse_npy(&file(1, "<f2", "(1,)", &[0; 2])),
            Err(NpyError::Unsupported(_))
        ));
        assert!(matches!(
            parse_npy(&file(1, "<f8", "(2,)", &[0; 8])),
            Err(NpyError::Format(_))
        ));
        assert!(matches!(
            parse_npy(&file(1, "<f8", "(x,)", &[0; 8])),
            Err(NpyError::Format(_))
        ));
        assert!(parse_npy(&file(1, "<f8", "(18446744073709551615, 2)", &[])).is_err());
        assert!(matches!(
            parse_npy(&file(9, "<f8", "(1,)", &[0; 8])),
            Err(NpyError::Unsupported(_))
        ));
    }
}
