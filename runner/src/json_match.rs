//! "Does this JSON contain that JSON": the partial match used by probes.

use serde_json::Value;

/// Every field of `want` must be in `got` with a matching value (objects
/// recursively; arrays element by element and of the same length; numbers
/// by value; the string `"*"` matches anything present). Returns where the
/// first difference is.
pub fn contains(got: &Value, want: &Value) -> Result<(), String> {
    walk(got, want, "")
}

fn walk(got: &Value, want: &Value, at: &str) -> Result<(), String> {
    let here = if at.is_empty() {
        "the top level".to_string()
    } else {
        at.to_string()
    };
    match (want, got) {
        (Value::String(w), _) if w == "*" => Ok(()),
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let path = format!("{at}/{k}");
                match g.get(k) {
                    Some(gv) => walk(gv, wv, &path)?,
                    None => return Err(format!("{path} is missing")),
                }
            }
            Ok(())
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                return Err(format!("{here} has {} elements, want {}", g.len(), w.len()));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                walk(gv, wv, &format!("{at}/{i}"))?;
            }
            Ok(())
        }
        (Value::Number(w), Value::Number(g)) => {
            if w.as_f64() == g.as_f64() {
                Ok(())
            } else {
                Err(format!("{here} is {g}, want {w}"))
            }
        }
        (w, g) if w == g => Ok(()),
        (w, g) => Err(format!("{here} is {}, want {}", short(g), short(w))),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

/// A TOML value as JSON.
pub fn from_toml(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
        }
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(from_toml).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), from_toml(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn partial_match() {
        let got = json!({"status": "ok", "id": 7, "tags": ["a", "b"], "extra": true});
        assert!(contains(&got, &json!({"status": "ok"})).is_ok());
        assert!(contains(&got, &json!({"id": 7.0})).is_ok());
        assert!(contains(&got, &json!({"id": "*"})).is_ok());
        assert_eq!(
            contains(&got, &json!({"status": "down"})).unwrap_err(),
            "/status is \"ok\", want \"down\""
        );
        assert_eq!(
            contains(&got, &json!({"missing": 1})).unwrap_err(),
            "/missing is missing"
        );
        assert!(
            contains(&got, &json!({"tags": ["a"]}))
                .unwrap_err()
                .contains("2 elements, want 1")
        );
    }
}
