//! Parses a fixture directory's `manifest.json` (format version 1) into [`Case`]s.
//!
//! A malformed manifest is an error; a malformed *case* (an unreadable array, a bad value) is
//! kept as a [`CaseError`] so that the runner reports it as a failure and goes on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value as Json;
use xp_core::{DType, c64};

use crate::npy::read_npy;
use crate::value::{HostArray, Value};

/// How a case's outputs are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    /// `|actual - expected| <= atol + rtol * |expected|`, NaN equals NaN.
    AllClose,
    /// Exactly equal values.
    Equal,
    /// `allclose` after aligning each column of `actual` with a unit scalar.
    ColumnsUpToSign,
    /// Integer arrays equal after a one-to-one relabelling.
    LabelsUpToPermutation,
}

impl Compare {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "allclose" => Compare::AllClose,
            "equal" => Compare::Equal,
            "columns_up_to_sign" => Compare::ColumnsUpToSign,
            "labels_up_to_permutation" => Compare::LabelsUpToPermutation,
            _ => return None,
        })
    }
}

/// What a case expects.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// The outputs, in SciPy's order.
    Values(Vec<Value>),
    /// SciPy raised this exception: the Rust call must return `Err`.
    Error(String),
}

/// One case of a manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// Unique id (`"xp.sum/f64-axis0"`).
    pub id: String,
    /// SciPy's public name without `scipy.` (`"cluster.vq.vq"`, `"xp.sum"`).
    pub function: String,
    /// Positional arguments.
    pub args: Vec<Value>,
    /// Keyword arguments (sorted by name).
    pub kwargs: Vec<(String, Value)>,
    /// Expected outputs or error.
    pub expected: Expected,
    /// Comparison mode.
    pub compare: Compare,
    /// Relative tolerance.
    pub rtol: f64,
    /// Absolute tolerance.
    pub atol: f64,
}

/// A case that could not be parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseError {
    /// The case's id (or its position when it has none).
    pub id: String,
    /// The function, when known.
    pub function: String,
    /// What is wrong.
    pub message: String,
}

/// A parsed manifest.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// The directory it came from.
    pub dir: PathBuf,
    /// NumPy version that generated it.
    pub numpy: String,
    /// SciPy version that generated it.
    pub scipy: String,
    /// Every case in manifest order.
    pub cases: Vec<Result<Case, CaseError>>,
}

/// Why a manifest could not be loaded at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ManifestError {
    /// The manifest file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Loads `dir/manifest.json` and every array it names (each file read once).
///
/// # Errors
/// [`ManifestError`] if the file cannot be read, is not JSON, has a format other than 1 or no
/// `cases` list. Problems inside one case become that case's [`CaseError`].
pub fn load(dir: &Path) -> Result<Manifest, ManifestError> {
    let path = dir.join("manifest.json");
    let err = |message: String| ManifestError {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
    let json: Json = serde_json::from_str(&text).map_err(|e| err(format!("invalid JSON: {e}")))?;
    match json.get("format").and_then(Json::as_i64) {
        Some(1) => {}
        other => return Err(err(format!("unsupported format {other:?} (expected 1)"))),
    }
    let cases = json
        .get("cases")
        .and_then(Json::as_array)
        .ok_or_else(|| err("no \"cases\" list".into()))?;
    let mut loader = Loader {
        dir: dir.to_path_buf(),
        cache: HashMap::new(),
    };
    let cases = cases.iter().enumerate().map(|(i, c)| loader.case(i, c)).collect();
    let text_of = |k: &str| json.get(k).and_then(Json::as_str).unwrap_or("?").to_string();
    Ok(Manifest {
        dir: dir.to_path_buf(),
        numpy: text_of("numpy"),
        scipy: text_of("scipy"),
        cases,
    })
}

struct Loader {
    dir: PathBuf,
    cache: HashMap<String, Arc<HostArray>>,
}

impl Loader {
    fn case(&mut self, index: usize, c: &Json) -> Result<Case, CaseError> {
        let id = c
            .get("id")
            .and_then(Json::as_str)
            .map_or_else(|| format!("#{index}"), str::to_string);
        let function = c.get("function").and_then(Json::as_str).unwrap_or("").to_string();
        let fail = |message: String| CaseError {
            id: id.clone(),
            function: function.clone(),
            message,
        };
        if function.is_empty() {
            return Err(fail("no \"function\"".into()));
        }
        let args = match c.get("args") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(a)) => a
                .iter()
                .map(|v| self.value(v))
                .collect::<Result<_, _>>()
                .map_err(fail)?,
            Some(other) => return Err(fail(format!("\"args\" is not a list: {other}"))),
        };
        let kwargs = match c.get("kwargs") {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Object(m)) => m
                .iter()
                .map(|(k, v)| Ok((k.clone(), self.value(v)?)))
                .collect::<Result<_, String>>()
                .map_err(fail)?,
            Some(other) => return Err(fail(format!("\"kwargs\" is not an object: {other}"))),
        };
        let expected = match c.get("expected") {
            Some(Json::Array(a)) => {
                let error = a.first().and_then(|e| e.get("error"));
                match (a.len(), error) {
                    (1, Some(Json::String(name))) => Expected::Error(name.clone()),
                    (_, Some(_)) => return Err(fail("\"error\" must be the only expected entry, a string".into())),
                    _ => Expected::Values(
                        a.iter()
                            .map(|v| self.value(v))
                            .collect::<Result<_, _>>()
                            .map_err(fail)?,
                    ),
                }
            }
            _ => return Err(fail("\"expected\" is not a list".into())),
        };
        let compare = match c.get("compare") {
            None | Some(Json::Null) => Compare::AllClose,
            Some(Json::String(s)) => Compare::parse(s).ok_or_else(|| fail(format!("unknown compare mode {s:?}")))?,
            Some(other) => return Err(fail(format!("\"compare\" is not a string: {other}"))),
        };
        let single = match &expected {
            Expected::Values(v) => v.iter().any(|x| match x {
                Value::Array(a) => matches!(a.dtype(), DType::F32 | DType::C64),
                _ => false,
            }),
            Expected::Error(_) => false,
        };
        let number = |key: &str, default: f64| -> Result<f64, CaseError> {
            match c.get(key) {
                None | Some(Json::Null) => Ok(default),
                Some(v) => v
                    .as_f64()
                    .filter(|x| *x >= 0.0)
                    .ok_or_else(|| fail(format!("\"{key}\" is not a non-negative number: {v}"))),
            }
        };
        let rtol = number("rtol", if single { 1e-4 } else { 1e-7 })?;
        let atol = number("atol", 0.0)?;
        Ok(Case {
            id,
            function,
            args,
            kwargs,
            expected,
            compare,
            rtol,
            atol,
        })
    }

    fn value(&mut self, v: &Json) -> Result<Value, String> {
        Ok(match v {
            Json::Null => Value::None,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Float(n.as_f64().ok_or_else(|| format!("number {n} out of range"))?),
            },
            Json::String(s) => Value::Str(s.clone()),
            Json::Array(a) => Value::List(a.iter().map(|x| self.value(x)).collect::<Result<_, _>>()?),
            Json::Object(m) => {
                let (key, inner) = match (m.len(), m.iter().next()) {
                    (1, Some(kv)) => kv,
                    _ => return Err(format!("object {v} is not a tagged value")),
                };
                match (key.as_str(), inner) {
                    ("array", Json::String(p)) => Value::Array(self.array(p)?),
                    ("float", Json::String(s)) => Value::Float(special_float(s)?),
                    ("float", Json::Number(n)) => Value::Float(n.as_f64().ok_or("bad float")?),
                    ("complex", Json::Array(parts)) if parts.len() == 2 => {
                        let mut part = |p: &Json| -> Result<f64, String> {
                            match self.value(p)? {
                                Value::Float(f) => Ok(f),
                                Value::Int(i) => Ok(i as f64),
                                other => Err(format!("complex part {}", other.describe())),
                            }
                        };
                        let re = part(&parts[0])?;
                        let im = part(&parts[1])?;
                        Value::Complex(c64::new(re, im))
                    }
                    _ => return Err(format!("unknown tagged value {v}")),
                }
            }
        })
    }

    fn array(&mut self, rel: &str) -> Result<Arc<HostArray>, String> {
        if let Some(a) = self.cache.get(rel) {
            return Ok(a.clone());
        }
        let a = Arc::new(read_npy(&self.dir.join(rel)).map_err(|e| format!("{rel}: {e}"))?);
        self.cache.insert(rel.to_string(), a.clone());
        Ok(a)
    }
}

fn special_float(s: &str) -> Result<f64, String> {
    Ok(match s.to_ascii_lowercase().as_str() {
        "nan" | "+nan" | "-nan" => f64::NAN,
        "inf" | "+inf" | "infinity" => f64::INFINITY,
        "-inf" | "-infinity" => f64::NEG_INFINITY,
        other => other.parse::<f64>().map_err(|_| format!("float {s:?}"))?,
    })
}
