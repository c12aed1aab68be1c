//! Built-in segmentation knowledge per language, read from the data files in `data/`:
//! abbreviations with a class that says how they behave before a possible sentence end,
//! and the words that typically open a sentence.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How an abbreviation followed by a full stop behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// A name or noun follows; never a sentence end ("M. Dupont", "Gen. Goïta").
    Title,
    /// Never a sentence end in practice ("p. ex.", "cf.", "av. J.-C.").
    Inner,
    /// A number usually follows ("No. 5", "art. 3"); before anything else, a sentence end.
    Number,
    /// A sentence end only when a typical sentence opener follows ("U.S.", "Inc.", "sept.").
    Ambiguous,
    /// Often a sentence end; decided like an ordinary word ("etc.").
    Final,
}

impl AbbreviationClass {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "title" => Self::Title,
            "inner" => Self::Inner,
            "number" => Self::Number,
            "ambiguous" => Self::Ambiguous,
            "final" => Self::Final,
            _ => return None,
        })
    }
}

/// Segmentation rules for one language.
#[derive(Debug, Default)]
pub struct LanguageRules {
    /// ISO 639-1 code, or "" for the generic rules.
    pub lang: &'static str,
    abbreviations: HashMap<&'static str, AbbreviationClass>,
    starters: HashSet<&'static str>,
}

const COMMON: &str = include_str!("data/abbreviations-common.tsv");
const FR: (&str, &str) = (
    include_str!("data/abbreviations-fr.tsv"),
    include_str!("data/starters-fr.txt"),
);
const EN: (&str, &str) = (
    include_str!("data/abbreviations-en.tsv"),
    include_str!("data/starters-en.txt"),
);
const DE: (&str, &str) = (
    include_str!("data/abbreviations-de.tsv"),
    include_str!("data/starters-de.txt"),
);

impl LanguageRules {
    /// The rules for `lang` (ISO 639-1, case-insensitive; "fr-FR" works), or the generic
    /// rules (shared abbreviations, no sentence openers) for a language without its own.
    pub fn for_lang(lang: &str) -> &'static LanguageRules {
        static FRENCH: OnceLock<LanguageRules> = OnceLock::new();
        static ENGLISH: OnceLock<LanguageRules> = OnceLock::new();
        static GERMAN: OnceLock<LanguageRules> = OnceLock::new();
        static GENERIC: OnceLock<LanguageRules> = OnceLock::new();
        let primary = lang.get(..2).unwrap_or("").to_ascii_lowercase();
        let load = |code, (abbreviations, starters): (&'static str, &'static str)| {
            LanguageRules::parse(code, abbreviations, starters)
                .unwrap_or_else(|e| panic!("built-in rules for {code}: {e}"))
        };
        match primary.as_str() {
            "fr" => FRENCH.get_or_init(|| load("fr", FR)),
            "en" => ENGLISH.get_or_init(|| load("en", EN)),
            "de" => GERMAN.get_or_init(|| load("de", DE)),
            _ => GENERIC.get_or_init(|| load("", ("", ""))),
        }
    }

    /// Builds rules from an abbreviation table (added to the shared one) and a list of
    /// sentence openers. Errors give the line of a malformed table row.
    pub fn parse(
        lang: &'static str,
        abbreviations: &'static str,
        starters: &'static str,
    ) -> Result<LanguageRules, String> {
        let mut rules = LanguageRules {
            lang,
            ..LanguageRules::default()
        };
        for table in [COMMON, abbreviations] {
            for (number, line) in table.lines().enumerate() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let (word, class) = line.split_once('\t').ok_or_else(|| {
                    format!("line {}: expected abbreviation<TAB>class", number + 1)
                })?;
                let class = AbbreviationClass::parse(class.trim())
                    .ok_or_else(|| format!("line {}: unknown class {class:?}", number + 1))?;
                if !word.ends_with('.') || word.contains(char::is_whitespace) {
                    return Err(format!(
                        "line {}: {word:?} must be one word ending in a full stop",
                        number + 1
                    ));
                }
                rules.abbreviations.insert(word, class);
            }
        }
        rules.starters = starters
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        Ok(rules)
    }

    /// Class of `word` (which ends with its full stop), if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        self.abbreviations.get(word).copied()
    }

    /// Whether `word` typically opens a sentence. Elided openers ("L'", "Qu'") are looked
    /// up with their apostrophe, typographic or straight.
    pub fn is_sentence_opener(&self, word: &str) -> bool {
        if self.starters.contains(word) {
            return true;
        }
        let straight = word.replace('’', "'");
        self.starters.contains(straight.as_str())
    }

    /// Whether these rules know any sentence openers (the generic rules do not).
    pub fn has_openers(&self) -> bool {
        !self.starters.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_tables_parse() {
        for lang in ["fr", "en", "de", "xx"] {
            let rules = LanguageRules::for_lang(lang);
            assert!(rules.abbreviation("etc.").is_some(), "{lang}");
        }
        assert_eq!(
            LanguageRules::for_lang("fr-FR").abbreviation("M."),
            Some(AbbreviationClass::Title)
        );
        assert!(LanguageRules::for_lang("en").is_sentence_opener("The"));
        assert!(LanguageRules::for_lang("fr").is_sentence_opener("L’"));
        assert!(!LanguageRules::for_lang("xx").has_openers());
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let err = LanguageRules::parse("x", "# c\nfoo.\tbogus\n", "").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(LanguageRules::parse("x", "foo\ttitle\n", "").is_err());
    }
}
