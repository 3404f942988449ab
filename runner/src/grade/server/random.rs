//! `{{random LO..HI}}` placeholders: a value for each, drawn afresh for
//! every grading from a seed (`BACKENDLINGS_SEED=N` repeats them).

use crate::probes::Probe;

use super::session::Session;

impl Session<'_> {
    /// Gives every `{{random LO..HI}}` in the probes' requests a value, new
    /// for each grading, so a program cannot pass by fitting fixed numbers
    /// (a shutdown that waits a fixed time instead of for the request).
    pub(super) fn draw_random_values(&mut self, probes: &[Probe]) {
        let mut texts: Vec<&str> = Vec::new();
        for p in probes {
            texts.extend(p.path.as_deref());
            texts.extend(p.body.as_deref());
            texts.extend(p.headers.values().map(String::as_str));
        }
        let seed = std::env::var("BACKENDLINGS_SEED")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(crate::grade::seal::random);
        for text in texts {
            for (key, lo, hi) in random_placeholders(text) {
                if self.vars.contains_key(&key) {
                    continue;
                }
                let mut x = seed
                    ^ u64::from_le_bytes(
                        crate::fsutil::hash(key.as_bytes()).as_bytes()[..8]
                            .try_into()
                            .unwrap_or_default(),
                    );
                let value = lo + splitmix64(&mut x) % (hi - lo + 1);
                self.vars.insert(key, value.to_string());
                self.seed = Some(seed);
            }
        }
    }
}

/// The `{{random LO..HI}}` placeholders in `text`: (variable name, LO, HI).
fn random_placeholders(text: &str) -> Vec<(String, u64, u64)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{random ") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let key = &after[..end];
        if let Some((lo, hi)) = key["random ".len()..].split_once("..")
            && let (Ok(lo), Ok(hi)) = (lo.trim().parse::<u64>(), hi.trim().parse::<u64>())
            && lo <= hi
        {
            out.push((key.to_string(), lo, hi));
        }
        rest = &after[end + 2..];
    }
    out
}

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_random_placeholders() {
        assert_eq!(
            random_placeholders("/slow?ms={{random 400..2400}}&x={{id}}&y={{random 9..3}}"),
            vec![("random 400..2400".to_string(), 400, 2400)]
        );
    }
}
